import 'server-only'
import type { Prisma } from '@/lib/generated/prisma/client'
import { formatDate } from '@/lib/format'
import { ActionError, REFUSAL_MESSAGES } from '@/lib/errors'

/**
 * The days a bank's contract rate for a programme may take effect from: the programme's year up to the end of its
 * longest tenor after it, widened to the bank's own loans in the programme (an admin-accepted contract outside the
 * year or over the tenor, or a maximum tenor lowered since). A rate from outside changes no loan: a mistyped year
 * (2019 for 2027) is refused on its date instead of being confirmed as if it did.
 */
export async function checkRateDate(tx: Prisma.TransactionClient, program: { id: string; year: number; maxTenorMonths: number }, bankId: string, effectiveFrom: string): Promise<void> {
  const [span] = await tx.$queryRaw<{ first: string | null; last: string | null }[]>`
    SELECT least(${`${program.year}-01-01`}::date, min(contract_date))::text AS first,
      greatest((make_date(${program.year + 1}, 1, 1) + make_interval(months => ${program.maxTenorMonths}))::date - 1, max(contract_date + make_interval(months => tenor_months))::date)::text AS last
    FROM disbursements WHERE program_id = ${program.id} AND bank_id = ${bankId}`
  const first = span.first!
  const last = span.last!
  if (effectiveFrom < first || effectiveFrom > last) {
    throw new ActionError(REFUSAL_MESSAGES.INVALID, { effectiveFrom: [`Tanggal berlaku harus di antara ${formatDate(first)} dan ${formatDate(last)} (tahun program dan tenor terpanjangnya).`] })
  }
}
