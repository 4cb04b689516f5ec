import 'server-only'
import { Prisma } from '@/lib/generated/prisma/client'
import { db } from '@/lib/db'
import { jakartaToday, lastEndedMonth } from '@/lib/dates'
import { writeAudit, type AuditActor } from '@/lib/audit'
import { claimLineReason, type AgencyPeriod, type BankLine, type ClaimLineReason } from '@/lib/credit/claim-reasons'
import { ActionError } from '@/lib/errors'
import { lockBankLoans } from '@/lib/credit/bank-lock'
import { formatNumber, formatRupiah } from '@/lib/format'
import { transition } from '@/lib/transitions'
import type { SessionUser } from '@/lib/session-user'
import { remindClaimReview } from '@/lib/reminders/scan'
import { settleNotifications } from '@/lib/reminders/settle'

const actor = (u: AuditActor) => ({ id: u.id, username: u.username, role: u.role })

/**
 * A bank's monthly claim for one programme (the budget year it is charged to, chosen by the bank among
 * its programmes): one line per loan of that programme's scheme with subsidy due in that month (claimed
 * as computed), or the amounts of the bank's own .xlsx. The agency's recomputation is stored beside each
 * line at submission. A returned claim is resubmitted by submitting the month again, which changes the
 * claim only if it is still RETURNED at the version read (lib/transitions.ts). Returns the claim's id.
 * Not a server action: callers (the guarded action, tests) pass a user the server already checked.
 */
export async function submitClaimFor(user: SessionUser, input: { programId: string; month: string }, amounts: Map<string, BankLine> | null, expected?: ClaimExpectation): Promise<string> {
  const target = await claimTarget(user, input)
  try {
    const id = await db.$transaction(async (tx) => writeClaim(tx, user, target.bankId, target.program, target.monthStart, amounts, expected), { timeout: 60_000 })
    await settleClaimNotices(id)
    return id
  } catch (e) {
    throw claimConflict(e)
  }
}

/**
 * After a claim's transaction has committed (a submission, a resubmission, a decision): its reminders whose cause is
 * gone are marked read (the bank's "returned" once the claim is sent again, the admins' "awaiting verification" once
 * it is decided), and a claim now waiting for verification is told to the admins (it had waited for the hourly scan).
 * Not inside the transaction: it would hold those notifications locked for as long as the claim's write runs (a month
 * of 16.000 lines, or a whole claims import), and the user opening one, or the scan, would wait for it.
 */
export async function settleClaimNotices(claimId: string): Promise<void> {
  const now = new Date()
  // best effort: the claim's change has committed and stands (a failure here must not report it as refused, nor fail a
  // committed import); the hourly scan does what this missed
  await settleNotifications(db, { now, today: jakartaToday(now.getTime()), claim: claimId })
    .then(() => remindClaimReview(db, { claimId }))
    .catch((e: unknown) => console.error(`[reminders] notices of claim ${claimId}:`, e instanceof Error ? e.message : e))
}

/**
 * The checks of a monthly claim before anything is written: the bank takes part in the programme, the month
 * is of the programme's year and has ended. Returns what writeClaim needs. Shared by the form (submitClaimFor)
 * and the integration API (POST /api/v1/program/{id}/klaim), which writes in its own transaction.
 */
export async function claimTarget(user: SessionUser, input: { programId: string; month: string }) {
  if (user.role !== 'BANK_OFFICER' || !user.bankId) throw new ActionError('Hanya petugas bank mitra yang mengajukan klaim.')
  const bankId = user.bankId
  const { month } = input
  const program = await db.creditProgram.findFirst({ where: { id: input.programId, banks: { some: { bankId } } }, select: { id: true, scheme: true, year: true, name: true } })
  if (!program) throw new ActionError('Program ini tidak diikuti bank Anda.', { programId: ['Pilih salah satu program bank Anda.'] })
  // a programme year's budget pays the claims of its own year's months (lib/data/credit.ts reads them so)
  if (Number(month.slice(0, 4)) !== program.year) throw new ActionError(`${program.name} hanya menanggung klaim bulan-bulan tahun ${program.year}.`, { month: [`Pilih bulan pada tahun ${program.year}.`] })
  if (month > lastEndedMonth()) throw new ActionError('Klaim diajukan setelah bulannya berakhir.', { month: ['Pilih bulan yang sudah berakhir.'] })
  return { bankId, program, monthStart: `${month}-01` }
}


/**
 * What is due in a month for each of the bank's loans in the programme's scheme (`disbursement_id`, `due`), as
 * SQL: the lines of a claim at the agency's amounts (writeClaim) and what the bank confirms before it submits
 * them (previewClaimFor), so the two cannot disagree.
 */
export function dueByLoan(bankId: string, scheme: string, monthStart: string): Prisma.Sql {
  return Prisma.sql`
    SELECT lm.disbursement_id, sum(lm.subsidy_due) AS due
    FROM loan_months lm JOIN disbursements d ON d.id = lm.disbursement_id JOIN credit_programs p ON p.id = d.program_id
    WHERE p.scheme = ${scheme} AND d.bank_id = ${bankId} AND lm.claim_month = ${monthStart}::date
    GROUP BY lm.disbursement_id HAVING sum(lm.subsidy_due) > 0`
}

/** What the bank saw in the claim's preview and confirmed: the lines' count and total (text, as the preview gave it). */
export type ClaimExpectation = { lines: number; total: string }

export type ClaimPreview = { programName: string; month: string; lines: number; total: string; resubmission: boolean }

/**
 * What submitting the month would claim, written nowhere: the same checks as submitClaimFor (the bank's
 * programme, a month of its year that has ended, not already submitted, something due) and the count and
 * total of its lines at the agency's amounts. The form shows it for the bank to confirm before it submits.
 */
export async function previewClaimFor(user: SessionUser, input: { programId: string; month: string }): Promise<ClaimPreview> {
  const { bankId, program, monthStart } = await claimTarget(user, input)
  const existing = await db.subsidyClaim.findUnique({ where: { programId_bankId_month: { programId: program.id, bankId, month: new Date(monthStart) } }, select: { status: true } })
  if (existing && existing.status !== 'RETURNED') throw new ActionError(ALREADY_SUBMITTED, { month: [ALREADY_SUBMITTED] })
  const [totals] = await db.$queryRaw<{ lines: number; total: string | null }[]>`
    SELECT count(*)::int AS lines, sum(due)::text AS total FROM (${dueByLoan(bankId, program.scheme, monthStart)}) due`
  if (totals.lines === 0) throw nothingDue()
  return { programName: program.name, month: input.month, lines: totals.lines, total: totals.total ?? '0', resubmission: Boolean(existing) }
}

const ALREADY_SUBMITTED = 'Klaim bulan ini sudah diajukan.'
const nothingDue = () => new ActionError('Tidak ada subsidi yang jatuh tempo pada bulan ini.', { month: ['Tidak ada subsidi yang jatuh tempo pada bulan ini untuk program ini.'] })

/** Two first submissions of one month at once: the unique (programme, bank, month) lets one through; the other gets this. */
export function claimConflict(e: unknown): unknown {
  if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === 'P2002') return new ActionError('Klaim bulan ini baru saja diajukan oleh pengguna lain; muat ulang halaman.', { month: ['Klaim bulan ini sudah diajukan.'] }, 'CONFLICT')
  return e
}

/**
 * The claim of one programme, bank and month, in the caller's transaction: created, or a RETURNED one
 * resubmitted (its lines replaced); lines as computed, or the bank's amounts (`amounts`: account → line,
 * each verified against the agency's schedule); one SUBMIT audit row. Shared by the form (submitClaimFor)
 * and the claim-lines import (lib/imports/kinds/claims.ts).
 */
export async function writeClaim(
  tx: Prisma.TransactionClient, user: AuditActor & { id: string }, bankId: string, program: { id: string; scheme: string }, monthStart: string, amounts: Map<string, BankLine> | null,
  expected?: ClaimExpectation,
): Promise<string> {
  const month = monthStart.slice(0, 7)
  const existing = await tx.subsidyClaim.findUnique({ where: { programId_bankId_month: { programId: program.id, bankId, month: new Date(monthStart) } }, select: { id: true, status: true, version: true } })
  if (existing && existing.status !== 'RETURNED') throw new ActionError(ALREADY_SUBMITTED, { month: [ALREADY_SUBMITTED] })
  // a correction of one of the bank's loans changes the schedules this claim is computed from: take turns (after
  // reading the claim, so that a second resubmission still meets the first's version and says who sent it)
  await lockBankLoans(tx, bankId)
  // the resubmission's state change first: it locks the claim, so a second resubmission waits and then conflicts
  if (existing) {
    await transition(tx, {
      entity: 'SubsidyClaim', entityId: existing.id, label: 'Klaim',
      update: () => tx.subsidyClaim.updateMany({
        where: { id: existing.id, status: 'RETURNED', version: existing.version },
        data: { status: 'SUBMITTED', submittedAt: new Date(), submittedById: user.id, returnReason: null, reviewedAt: null, reviewedById: null, version: { increment: 1 } },
      }),
    })
  }
  type Line = { disbursementId: string; claimed: number; computed: number; reason: ClaimLineReason | null; bank?: BankLine }
  let lines: Line[]
  if (amounts) lines = await linesFromFile(tx, bankId, program, monthStart, amounts)
  else {
    const due = await tx.$queryRaw<{ disbursement_id: string; due: string }[]>`
      SELECT disbursement_id, due::text AS due FROM (${dueByLoan(bankId, program.scheme, monthStart)}) due`
    lines = due.map((d) => ({ disbursementId: d.disbursement_id, claimed: Number(d.due), computed: Number(d.due), reason: null }))
  }
  if (lines.length === 0) throw nothingDue()
  const claim = existing ?? await tx.subsidyClaim.create({ data: { programId: program.id, bankId, month: new Date(monthStart), submittedById: user.id }, select: { id: true } })
  if (existing) await tx.claimLine.deleteMany({ where: { claimId: claim.id } })
  for (let i = 0; i < lines.length; i += 5_000) {
    await tx.claimLine.createMany({
      data: lines.slice(i, i + 5_000).map((l) => ({
        claimId: claim.id, disbursementId: l.disbursementId, claimedAmount: l.claimed, computedAmount: l.computed, reason: l.reason,
        claimedBalance: l.bank?.balance ?? null, claimedDays: l.bank?.days ?? null, claimedRate: l.bank?.rate ?? null,
      })),
    })
  }
  const [totals] = await tx.$queryRaw<{ claimed: string; computed: string }[]>`
    SELECT sum(claimed_amount)::text AS claimed, sum(computed_amount)::text AS computed FROM claim_lines WHERE claim_id = ${claim.id}`
  // what the bank confirmed is what is filed: a loan corrected (or a schedule recomputed) since its preview
  // changes the claim, so it is refused, and the transaction with it, rather than filed at another total
  if (expected && (lines.length !== expected.lines || Number(totals.claimed) !== Number(expected.total))) {
    const message = `Perhitungan klaim berubah sejak Anda memeriksanya: kini ${formatNumber(lines.length)} pinjaman sebesar ${formatRupiah(totals.claimed)}. Periksa lagi lalu ajukan.`
    throw new ActionError(message, { month: [message] }, 'CONFLICT')
  }
  await writeAudit(tx, actor(user), { action: 'SUBMIT', entity: 'SubsidyClaim', entityId: claim.id, after: { programId: program.id, month, lines: lines.length, claimed: totals.claimed, computed: totals.computed, resubmitted: Boolean(existing) } })
  return claim.id
}

/**
 * The lines of the bank's file against the agency's schedule for the month: every account must be a loan
 * of this bank; each line gets the agency's amount (0 for another scheme's loan or one already claimed for
 * the month elsewhere) and the reason the two differ (lib/credit/claim-reasons.ts).
 */
/**
 * A month's subsidy is a rate difference on the loan's balance for about thirty days: never near a tenth of the
 * plafond (11% against 3% a year is 0,7% a month). A larger amount is a typing error (a zero too many, the
 * plafond in the amount column) and is refused: approval would cap it, but until then it stands in the
 * province's "claimed" figure. Shared by the claim's own path (linesFromFile) and the import's row check.
 */
export function claimAmountProblem(amount: number, plafond: number): string | null {
  const cap = Math.floor(plafond / 10)
  return amount > cap ? `Jumlah klaim ${formatRupiah(amount)} melebihi 10% plafon pinjaman (${formatRupiah(cap)}); subsidi bunga sebulan tidak sebesar itu. Periksa angkanya.` : null
}

async function linesFromFile(tx: Prisma.TransactionClient, bankId: string, program: { id: string; scheme: string }, monthStart: string, amounts: Map<string, BankLine>) {
  const accounts = [...amounts.keys()]
  const loans = await tx.$queryRaw<{ id: string; account_number: string; scheme: string; plafond: string; subsidy: string | null; reason: string | null; opening_balance: string | null; days: number | null; bank_rate: string | null; period: number | null; tenor_months: number; before_first_due: boolean }[]>`
    SELECT d.id, d.account_number, p.scheme, d.tenor_months, d.plafond::text AS plafond,
      sum(lm.subsidy_due)::text AS subsidy, max(lm.reason) AS reason, max(lm.opening_balance)::text AS opening_balance, max(lm.days) AS days,
      max(lm.rate_difference + d.borrower_rate)::text AS bank_rate, max(lm.period) AS period,
      coalesce((SELECT min(f.claim_month) FROM loan_months f WHERE f.disbursement_id = d.id) > ${monthStart}::date, true) AS before_first_due
    FROM disbursements d JOIN credit_programs p ON p.id = d.program_id
    LEFT JOIN loan_months lm ON lm.disbursement_id = d.id AND lm.claim_month = ${monthStart}::date
    WHERE d.bank_id = ${bankId} AND d.account_number = ANY(${accounts}::text[])
    GROUP BY d.id, d.account_number, p.scheme, d.tenor_months, d.plafond`
  const byAccount = new Map(loans.map((l) => [l.account_number, l]))
  const missing = accounts.filter((a) => !byAccount.has(a))
  if (missing.length) throw new ActionError(`Rekening tidak dikenal untuk bank Anda: ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ` (dan ${missing.length - 5} lagi)` : ''}.`, { file: ['Ada nomor rekening yang tidak tercatat sebagai penyaluran bank Anda.'] })
  const tooLarge = accounts.filter((a) => claimAmountProblem(amounts.get(a)!.amount, Number(byAccount.get(a)!.plafond)))
  if (tooLarge.length) {
    throw new ActionError(`Jumlah klaim lebih dari 10% plafon pinjamannya untuk rekening: ${tooLarge.slice(0, 5).join(', ')}${tooLarge.length > 5 ? ` (dan ${tooLarge.length - 5} lagi)` : ''}. Subsidi bunga sebulan tidak sebesar itu; periksa angkanya.`, { file: ['Ada jumlah klaim yang terlalu besar.'] })
  }
  const claimedElsewhere = new Set((await tx.$queryRaw<{ disbursement_id: string }[]>`
    SELECT cl.disbursement_id FROM claim_lines cl JOIN subsidy_claims c ON c.id = cl.claim_id
    WHERE c.month = ${monthStart}::date AND c.bank_id = ${bankId} AND c.program_id <> ${program.id} AND c.status <> 'RETURNED'
      AND cl.disbursement_id = ANY(${loans.map((l) => l.id)}::text[])`).map((r) => r.disbursement_id))
  return accounts.map((account) => {
    const loan = byAccount.get(account)!
    const bank = amounts.get(account)!
    const agency: AgencyPeriod = loan.period === null ? null : {
      subsidy: Number(loan.subsidy), reason: loan.reason!, openingBalance: Number(loan.opening_balance), days: loan.days!, bankRate: Number(loan.bank_rate), period: loan.period, tenor: loan.tenor_months,
    }
    const inProgramme = loan.scheme === program.scheme
    const duplicate = claimedElsewhere.has(loan.id)
    const computed = inProgramme && !duplicate ? (agency?.subsidy ?? 0) : 0
    return { disbursementId: loan.id, claimed: bank.amount, computed, bank, reason: claimLineReason({ bank, duplicate, inProgramme, agency, beforeFirstDue: loan.before_first_due }) }
  })
}
