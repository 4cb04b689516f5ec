/**
 * Correcting a recorded loan (PATCH /api/v1/penyaluran/{id}): a bank's core system re-sends a loan whose
 * account number, borrower, contract date, plafond, tenor or repayment method it got wrong. The corrected
 * loan is judged by the same service and messages as a new one (lib/credit/disbursements.ts), from the
 * version the caller read, and written with the one transition pattern (lib/transitions.ts): a stale version
 * gets a conflict naming who changed the loan and when.
 *
 * What a correction never does: move a loan to another programme or bank (that is another loan), or change a
 * loan whose subsidy is already in a submitted, approved or paid claim — the claim's lines were computed from
 * the loan's terms, so the agency returns that claim first. Reported instalments stay with their period
 * numbers, and the subsidy schedule is recomputed from the corrected terms in the same transaction; the
 * figure roll-ups follow by their triggers.
 */
import 'server-only'
import type { Prisma } from '@/lib/generated/prisma/client'
import { writeAudit } from '@/lib/audit'
import { AppError, ActionError } from '@/lib/errors'
import { formatMonth } from '@/lib/format'
import { prepareDisbursements, type DisbursementInput, type DisbursementRefusal } from '@/lib/credit/disbursements'
import { lockBankLoans } from '@/lib/credit/bank-lock'
import { recomputeLoanMonths } from '@/lib/credit/loan-months'
import { bankScope } from '@/lib/scope'
import type { SessionUser } from '@/lib/session-user'
import { conflictError, transition } from '@/lib/transitions'

/** The fields a correction may change; every one optional (what is not sent stays as recorded). */
export type DisbursementCorrection = {
  version: number
  accountNumber?: string
  nib?: string
  ownerNik?: string
  contractDate?: string
  plafond?: number
  tenorMonths?: number
  method?: 'ANNUITY' | 'FLAT'
}

/** A correction refused by the programme rules or the borrower check: the form's sentence and field messages. */
export type CorrectionResult = { ok: true; loan: CorrectedLoan } | { ok: false; refusal: DisbursementRefusal }

export const correctedSelect = {
  id: true, version: true, accountNumber: true, programId: true, bankId: true, msmeId: true, regencyCode: true, contractDate: true, plafond: true,
  tenorMonths: true, bankRate: true, borrowerRate: true, method: true, collectibility: true, status: true, eligibilityIssues: true, exceptionReason: true,
  createdAt: true, updatedAt: true, msme: { select: { nib: true, businessName: true } },
} satisfies Prisma.DisbursementSelect
export type CorrectedLoan = Prisma.DisbursementGetPayload<{ select: typeof correctedSelect }>

const ymd = (d: Date) => d.toISOString().slice(0, 10)

/**
 * Why a loan's correction or a period's report is refused while a live claim was computed from it, and what the bank
 * can do: a claim still being verified goes back to the bank when the agency returns it; an approved or paid one
 * cannot be returned, so the bank is told to contact the agency, not to ask for a return that cannot happen.
 * `claims`: the live claims. A decided one is named (nothing else helps); else every claim being verified, in month
 * order, since each must go back before the change can land (naming the first only had the bank come back once per
 * claim). Shared with lib/credit/instalments.ts.
 */
export function liveClaimRefusal(what: 'correction' | 'report', claims: { month: Date; status: string }[]): string {
  const decided = claims.find((c) => c.status !== 'SUBMITTED')
  if (decided) {
    const month = formatMonth(decided.month)
    return what === 'correction'
      ? `Subsidi pinjaman ini sudah masuk klaim ${month} yang sudah disetujui Dinas; koreksi tidak disimpan, karena klaim yang sudah disetujui tidak dapat dikembalikan. Hubungi Dinas bila data pinjaman ini perlu dibetulkan.`
      : `Klaim bulan ${month} sudah dihitung dari jadwal pinjaman ini dan sudah disetujui Dinas; laporan tidak disimpan, karena klaim yang sudah disetujui tidak dapat dikembalikan. Hubungi Dinas bila laporannya perlu dibetulkan.`
  }
  const months = [...new Set([...claims].sort((a, b) => a.month.getTime() - b.month.getTime()).map((c) => formatMonth(c.month)))]
  if (months.length === 1) {
    return what === 'correction'
      ? `Subsidi pinjaman ini sudah masuk klaim ${months[0]} yang sedang diverifikasi; koreksi tidak disimpan. Minta Dinas mengembalikan klaim itu, lalu kirim koreksinya.`
      : `Klaim bulan ${months[0]} sudah dihitung dari jadwal pinjaman ini dan sedang diverifikasi; laporan tidak disimpan. Minta Dinas mengembalikan klaim itu, lalu laporkan lagi.`
  }
  // `Januari 2026, Februari 2026 dan Maret 2026` (its English: lib/i18n/server-text.ts englishDates)
  const listed = `${months.slice(0, -1).join(', ')} dan ${months.at(-1)}`
  return what === 'correction'
    ? `Subsidi pinjaman ini sudah masuk klaim ${listed} yang sedang diverifikasi; koreksi tidak disimpan. Minta Dinas mengembalikan klaim-klaim itu, lalu kirim koreksinya.`
    : `Klaim bulan ${listed} sudah dihitung dari jadwal pinjaman ini dan sedang diverifikasi; laporan tidak disimpan. Minta Dinas mengembalikan klaim-klaim itu, lalu laporkan lagi.`
}

/**
 * Correct one loan inside the caller's transaction. A loan outside a bank client's bank is not found; a
 * version other than the stored one is a conflict; a loan already in a live claim is refused (409).
 */
export async function correctDisbursement(tx: Prisma.TransactionClient, user: SessionUser, id: string, change: DisbursementCorrection): Promise<CorrectionResult> {
  const before = await tx.disbursement.findFirst({
    where: { id, ...bankScope(user) },
    select: { ...correctedSelect, msme: { select: { nib: true, ownerNik: true, businessName: true } } },
  })
  if (!before) throw new AppError('NOT_FOUND')
  // a claim of this bank being submitted meanwhile is computed from this loan's schedule: wait for it, then read
  await lockBankLoans(tx, before.bankId)
  if (before.version !== change.version) throw await conflictError(tx, 'Disbursement', id, 'Pinjaman')

  // a submitted, approved or paid claim was computed from these terms: it goes back first
  const live = await tx.subsidyClaim.findMany({
    where: { status: { in: ['SUBMITTED', 'APPROVED', 'PAID'] }, lines: { some: { disbursementId: id } } },
    select: { month: true, status: true },
    orderBy: { month: 'asc' },
  })
  if (live.length) {
    throw new ActionError(liveClaimRefusal('correction', live), undefined, 'CONFLICT')
  }

  const input: DisbursementInput = {
    programId: before.programId,
    bankId: before.bankId,
    accountNumber: change.accountNumber ?? before.accountNumber,
    nib: change.nib ?? before.msme.nib,
    ownerNik: change.ownerNik ?? before.msme.ownerNik,
    contractDate: change.contractDate ?? ymd(before.contractDate),
    plafond: change.plafond ?? Number(before.plafond),
    tenorMonths: change.tenorMonths ?? before.tenorMonths,
    method: change.method ?? before.method,
  }
  const judged = await prepareDisbursements(
    [input], user, { id, acceptedIssues: before.eligibilityIssues, exceptionReason: before.exceptionReason, contractDate: ymd(before.contractDate) }, tx,
  )
  if (!judged.ok) return { ok: false, refusal: judged.refusals[0].refusal }
  const [loan] = judged.loans
  const contractMoved = input.contractDate !== ymd(before.contractDate)

  await transition(tx, {
    entity: 'Disbursement', entityId: id, label: 'Pinjaman',
    update: () =>
      tx.disbursement.updateMany({
        where: { id, version: change.version },
        data: {
          accountNumber: input.accountNumber,
          msmeId: loan.msme.id,
          // the borrower's regency at disbursement: it follows a corrected borrower, never a later move
          regencyCode: loan.msme.id === before.msmeId ? before.regencyCode : loan.msme.regencyCode,
          contractDate: new Date(input.contractDate),
          plafond: input.plafond,
          tenorMonths: input.tenorMonths,
          method: input.method,
          // the rate in force at the contract date: looked up again only when that date moved
          ...(contractMoved && { bankRate: loan.bankRate }),
          eligibilityIssues: loan.issues,
          exceptionReason: loan.issues.length ? loan.input.exceptionReason ?? null : null,
          version: { increment: 1 },
        },
      }),
  })
  await recomputeLoanMonths(tx, [id])
  const after = await tx.disbursement.findUniqueOrThrow({ where: { id }, select: correctedSelect })
  const { msme: beforeMsme, ...beforeRow } = before
  await writeAudit(tx, user, {
    action: 'UPDATE', entity: 'Disbursement', entityId: id,
    before: { ...beforeRow, msme: { nib: beforeMsme.nib, businessName: beforeMsme.businessName } }, after,
  })
  return { ok: true, loan: after }
}
