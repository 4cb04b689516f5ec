import { apiRoute, methodNotAllowed, parseQuery } from '@/lib/api/route'
import { listPrograms } from '@/lib/data/disbursements'
import { z } from 'zod'

/** The credit programmes the client may read (a bank client: those its bank lends in), with their rules. */
export const GET = apiRoute('credit.read', async ({ principal, query }) => {
  parseQuery(query, z.object({}).strict())
  const programs = await listPrograms({ user: principal })
  return Response.json({
    data: programs.map((p) => ({
      id: p.id, code: p.code, name: p.name, year: p.year, scheme: p.scheme, borrower_rate: Number(p.borrowerRate), max_plafond: Number(p.maxPlafond),
      max_tenor_months: p.maxTenorMonths, eligible_scales: p.eligibleScales, banks: p.banks.map((b) => ({ id: b.bank.id, short_name: b.bank.shortName })),
    })),
  })
})

const refused = methodNotAllowed('GET')
export { refused as POST, refused as PUT, refused as PATCH, refused as DELETE }
