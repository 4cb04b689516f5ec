import { db } from '@/lib/db'
import { ApiProblem, apiRoute, methodNotAllowed, parseQuery } from '@/lib/api/route'
import { figuresQuery } from '@/lib/api/schemas'
import { getCreditSummary, getMonthlySeries, getRegencyRanking } from '@/lib/data/credit'

/**
 * A programme's figures as the dashboard computes them (lib/data/credit.ts through resolveFigureScope):
 * realisation, beneficiaries, subsidy absorption, by month and by regency, as of a day.
 */
export const GET = apiRoute<{ id: string }>('credit.read', async ({ principal, params, query }) => {
  const q = parseQuery(query, figuresQuery)
  // an unknown regency would answer a page of zeros, indistinguishable from a regency without loans
  if (q.regency && !(await db.regency.findUnique({ where: { code: q.regency }, select: { code: true } }))) {
    throw new ApiProblem('invalid-request', { errors: [{ path: 'query.regency', detail: `Kabupaten/kota ${q.regency} tidak dikenal.` }] })
  }
  const filter = { programId: params.id, regencyCode: q.regency, asOf: q.asOf }
  const [s, months, regencies] = await Promise.all([
    getCreditSummary({ user: principal, filter }),
    getMonthlySeries({ user: principal, filter }),
    getRegencyRanking({ user: principal, filter: { programId: params.id, asOf: q.asOf } }),
  ])
  return Response.json({
    program: s.program,
    as_of: s.asOf,
    regency_code: s.regencyCode,
    bank_id: s.bankId,
    summary: {
      credit_target: s.creditTarget, disbursed: s.disbursed, loans: s.loans, beneficiaries: s.beneficiaries, beneficiary_target: s.beneficiaryTarget === null ? null : Number(s.beneficiaryTarget),
      realisation_pct: s.realisationPct, subsidy_due: s.subsidyDue, subsidy_claimed: s.subsidyClaimed, subsidy_approved: s.subsidyApproved, subsidy_paid: s.subsidyPaid,
      subsidy_ceiling: s.subsidyCeiling, absorption_pct: s.absorptionPct, projection: { value: s.projection.value, pct: s.projection.pct, final: s.projection.final },
    },
    by_month: months.map((m) => ({ month: m.month, disbursed: m.disbursed, cumulative: m.cumulative, target_pace: m.targetPace, subsidy_due: m.subsidyDue, subsidy_paid: m.subsidyPaid })),
    by_regency: regencies.map((r) => ({ regency_code: r.regencyCode, name: r.name, target: r.target, disbursed: r.disbursed, loans: r.loans, beneficiaries: r.beneficiaries, realisation_pct: r.realisationPct })),
  })
})

const refused = methodNotAllowed('GET')
export { refused as POST, refused as PUT, refused as PATCH, refused as DELETE }
