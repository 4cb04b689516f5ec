import 'server-only'
import { readDb } from '@/lib/db'
import { env } from '@/lib/env'
import { AppError } from '@/lib/errors'
import { bankScope } from '@/lib/scope'
import type { SessionUser } from '@/lib/session-user'

/**
 * A programme's own configuration for its page (/kredit/[id]) and its edit form (/kredit/[id]/ubah): rules,
 * partner banks and their contract rates, and the allocation of the credit target per regency with the
 * version they were read at (the allocation form and the edit form send it back).
 *
 * A bank's contract rate is its contract with the province: a bank officer reads its own bank's rates and
 * membership only, filtered here in the query, not in the page. The caller has already checked that the user
 * may read the programme at all (the figure scope, lib/scope.ts#resolveFigureScope).
 */
export async function getProgramSettings(user: SessionUser, id: string) {
  const { bankId } = bankScope(user)
  const program = await readDb.creditProgram.findUnique({
    where: { id },
    select: {
      id: true, code: true, scheme: true, name: true, year: true, version: true, creditTarget: true, beneficiaryTarget: true, subsidyCeiling: true,
      borrowerRate: true, amortisationBasis: true, maxPlafond: true, maxTenorMonths: true, eligibleScales: true, adminFeeRule: true, penaltyRule: true,
      _count: { select: { disbursements: true } },
      banks: { where: bankId ? { bankId } : {}, select: { bank: { select: { id: true, shortName: true } } } },
      rates: { where: bankId ? { bankId } : {}, select: { effectiveFrom: true, rate: true, bank: { select: { id: true, shortName: true } } }, orderBy: { effectiveFrom: 'asc' } },
      // read in the same statement as the version: the allocation form saves against what it shows
      allocations: { where: { regency: { provinceCode: env().AGENCY_PROVINCE_CODE } }, select: { regencyCode: true, creditTarget: true } },
    },
  })
  if (!program) throw new AppError('NOT_FOUND', 'Program tidak ditemukan.')
  return program
}
export type ProgramSettings = Awaited<ReturnType<typeof getProgramSettings>>
