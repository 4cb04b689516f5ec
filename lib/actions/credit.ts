'use server'

import { previewRateChange, queueRateChange } from '@/lib/credit/rate-change'
import { revalidatePath } from 'next/cache'
import { redirect } from 'next/navigation'
import { Prisma } from '@/lib/generated/prisma/client'
import { db } from '@/lib/db'
import { writeAudit } from '@/lib/audit'
import { DISBURSEMENT_MESSAGES, disbursementErrorsBeside, insertDisbursements, prepareDisbursements } from '@/lib/credit/disbursements'
import { missedClaimMonths } from '@/lib/data/disbursements'
import { formatDate, formatMonth, formatPercent, formatRupiah, ratePercent } from '@/lib/format'
import { dayAfterMonth, jakartaToday } from '@/lib/dates'
import { env } from '@/lib/env'
import { parseRupiah, rupiahMessage } from '@/lib/parse'
import { lastChange, transition } from '@/lib/transitions'
import { AppError } from '@/lib/errors'
import type { z } from 'zod'
import { ActionError, authAction, MESSAGES, type ActionState } from '@/lib/safe-action'
import { previewClaimFor, settleClaimNotices, submitClaimFor } from '@/lib/credit/claim-submission'
import { CORRECTED_NOTE } from '@/lib/credit/claim-reasons'
import { recordInstalment } from '@/lib/credit/instalments'
import { notifyClaimApproved, notifyClaimPaid, remindReturnedClaims } from '@/lib/reminders/scan'
import { correctDisbursement } from '@/lib/credit/disbursement-corrections'
import type { SessionUser } from '@/lib/session-user'
import {
  allocationSchema, amortisationBasisSchema, claimFormSchema, claimPaymentSchema, claimReturnSchema, claimReviewSchema, disbursementCorrectionSchema, disbursementSchema, instalmentReportSchema, PROGRAM_FIELDS_LOCKED_BY_LOANS, programEditSchema, programSchema, rateChangeSchema,
  programCode,
} from '@/lib/validations/credit'

const actor = (u: SessionUser) => ({ id: u.id, username: u.username, role: u.role })

/**
 * Record a disbursement. A bank officer records its own bank's loans; an admin any partner bank's.
 * The rules and their messages are those of lib/credit/disbursements.ts, shared with the integration API.
 */
export const createDisbursement = authAction('disbursements.write', disbursementSchema, async (input, user) => {
  const judged = await prepareDisbursements([input], user)
  if (!judged.ok) {
    const { message, fieldErrors } = judged.refusals[0].refusal
    throw new ActionError(message, fieldErrors)
  }
  const [loan] = judged.loans
  try {
    // a loan recorded after its bank filed months it falls due in loses those months (one month, one claim): the
    // bank hears it as it saves, not later on the loan's page (a walk's back-dated loan lost October silently)
    const { created, missed } = await db.$transaction(async (tx) => {
      const [created] = await insertDisbursements(tx, judged.loans, user)
      return { created, missed: await missedClaimMonths(user, { id: created.id, bankId: loan.bankId }, tx) }
    })
    revalidatePath('/kredit', 'layout')
    const of = (status: string) => missed.filter((m) => m.status === status)
    const months = (status: string) => (of(status).length ? { [`missed${status}`]: of(status).map((m) => m.month).join(','), [`missed${status}Total`]: of(status)[0].total } : {})
    return {
      ok: true,
      message: `Penyaluran ${input.accountNumber} sebesar ${formatRupiah(input.plafond)} untuk ${loan.msme.businessName} dicatat.`,
      data: { id: created.id, businessName: loan.msme.businessName, ...months('DECIDED'), ...months('SUBMITTED') },
    }
  } catch (e) {
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === 'P2002') {
      throw new ActionError(DISBURSEMENT_MESSAGES.duplicate, { accountNumber: [DISBURSEMENT_MESSAGES.duplicateField] })
    }
    throw e
  }
}, { alsoWhenInvalid: disbursementErrorsBeside })

/**
 * A bank's monthly claim at the computed amounts (see lib/credit/claim-submission.ts). A claim with the
 * bank's own amounts per loan is imported from its spreadsheet (lib/imports/kinds/claims.ts).
 * `intent=preview` writes nothing and returns what would be claimed (programme, month, lines, total) for the
 * bank to confirm; `submit` (the default) files it, and only at the previewed count and total when the form
 * sends them back (`expectedLines`, `expectedTotal`).
 */
export async function submitClaim(prev: ActionState | undefined, formData: FormData): Promise<ActionState> {
  let claimId: string | undefined
  const result = await authAction('claims.submit', claimFormSchema, async (input, user): Promise<ActionState | void> => {
    if (input.intent === 'preview') {
      const p = await previewClaimFor(user, input)
      return { ok: true, data: { programName: p.programName, month: p.month, lines: String(p.lines), total: p.total, resubmission: String(p.resubmission) } }
    }
    const expected = input.expectedLines !== undefined && input.expectedTotal !== undefined ? { lines: input.expectedLines, total: input.expectedTotal } : undefined
    claimId = await submitClaimFor(user, input, null, expected)
  })(prev, formData)
  if (claimId) {
    revalidatePath('/kredit', 'layout')
    redirect(`/kredit/klaim/${claimId}`)
  }
  return result
}

/**
 * The claim's state the reviewer saw, for the conditional update of every decision (lib/transitions.ts). Every
 * decision is taken through `onClaimPage`, which draws the page again with a refusal: the message says so.
 */
const claimStep = (tx: Prisma.TransactionClient, claimId: string, update: () => Promise<{ count: number }>) =>
  transition(tx, { entity: 'SubsidyClaim', entityId: claimId, label: 'Klaim', update, refreshed: true })

/**
 * One way for every decision on a claim's page (approve, return, pay) to be refused: the page is drawn again with the
 * refusal, so a tab left open shows the claim as it now is (a stale tab's approval had been refused while its page
 * still said "Diajukan" beside the approve button, and told to "reload, then repeat" a decision already taken);
 * after another's change (`data.refreshed`) the frame announces what happened, since the refreshed page may no longer
 * hold the form; a refusal of what was typed (a date, an amount, a correction) stays on the form alone, and what was
 * typed is given back to it (authAction). The step itself stays conditional on state and version (claimStep).
 */
async function onClaimPage(claimId: string, attempt: 'decision' | 'payment', step: () => Promise<ActionState>): Promise<ActionState> {
  try {
    return await step()
  } catch (e) {
    if (!(e instanceof AppError)) throw e
    revalidatePath('/kredit', 'layout')
    if (e.code !== 'CONFLICT') return { ok: false, message: e.userMessage, errors: e.fieldErrors }
    return { ok: false, message: (await changedMeanwhile(claimId, attempt)) ?? e.userMessage, data: { refreshed: '1' } }
  }
}

/**
 * A step refused because the claim was decided (or paid in full) meanwhile: said as what happened, by whom and when,
 * since a retry cannot land. Null for any other change (the generic "changed by … now shows its current state").
 */
async function changedMeanwhile(claimId: string, attempt: 'decision' | 'payment'): Promise<string | null> {
  const claim = await db.subsidyClaim.findUnique({ where: { id: claimId }, select: { status: true } })
  if (attempt === 'payment') {
    if (claim?.status !== 'PAID') return null
    const last = await lastChange(db, 'SubsidyClaim', claimId, 'PAY')
    return last && `Pembayaran tidak dicatat: klaim ini sudah lunas; pembayaran terakhirnya dicatat oleh ${last.who} pada ${last.when}. Halaman kini menampilkan pembayarannya.`
  }
  // an approved claim stays approved once paid: its approval is what the late decision met
  const returned = claim?.status === 'RETURNED'
  if (!returned && claim?.status !== 'APPROVED' && claim?.status !== 'PAID') return null
  const last = await lastChange(db, 'SubsidyClaim', claimId, returned ? 'RETURN' : 'APPROVE')
  if (!last) return null
  return returned
    ? `Keputusan Anda tidak disimpan: klaim ini sudah dikembalikan ke bank oleh ${last.who} pada ${last.when}. Halaman kini menampilkan keadaan terbarunya.`
    : `Keputusan Anda tidak disimpan: klaim ini sudah disetujui oleh ${last.who} pada ${last.when}. Halaman kini menampilkan keadaan terbarunya.`
}

/**
 * Approve a submitted claim: each line at the agency's computed amount, except lines the admin corrected
 * (`approved_<lineId>` fields, each ≤ what the bank claimed). The claim changes only if it is still
 * SUBMITTED at the version the admin saw; lines and the audit row commit with it or not at all.
 */
export const approveClaim = authAction('claims.verify', claimReviewSchema.passthrough(), (input, user) => onClaimPage(input.claimId, 'decision', async () => {
  const corrections = new Map<string, { amount: number; note: string }>()
  const errors: Record<string, string[]> = {}
  for (const [key, value] of Object.entries(input)) {
    const m = /^approved_(.+)$/.exec(key)
    if (!m || typeof value !== 'string' || value.trim() === '') continue
    const parsed = parseRupiah(value)
    if (!parsed.ok) errors[key] = [rupiahMessage('Jumlah disetujui', parsed.problem)]
    else corrections.set(m[1], { amount: parsed.value, note: String((input as Record<string, unknown>)[`note_${m[1]}`] ?? '').slice(0, 500) })
  }
  if (Object.keys(errors).length) throw new ActionError('Jumlah koreksi tidak valid.', errors)
  await db.$transaction(async (tx) => {
    const now = new Date()
    // first the state change: it locks the claim row, so a second decision waits here and then finds nothing to change
    await claimStep(tx, input.claimId, () => tx.subsidyClaim.updateMany({
      where: { id: input.claimId, status: 'SUBMITTED', version: input.version },
      data: { status: 'APPROVED', reviewedAt: now, reviewedById: user.id, version: { increment: 1 } },
    }))
    // the audit names a corrected line by its loan's account, as the claim's pages do (its row id says nothing)
    const corrected: Record<string, { amount: number; note: string }> = {}
    if (corrections.size) {
      const lines = await tx.claimLine.findMany({ where: { claimId: input.claimId, id: { in: [...corrections.keys()] } }, select: { id: true, claimedAmount: true, disbursement: { select: { accountNumber: true } } } })
      if (lines.length !== corrections.size) throw new ActionError('Baris koreksi tidak termasuk klaim ini.')
      for (const l of lines) {
        const c = corrections.get(l.id)!
        if (c.amount > Number(l.claimedAmount)) throw new ActionError('Jumlah disetujui tidak boleh melebihi yang diklaim bank.', { [`approved_${l.id}`]: [`Maksimal ${formatRupiah(Number(l.claimedAmount))}.`] })
        await tx.claimLine.update({ where: { id: l.id }, data: { approvedAmount: c.amount, note: c.note || CORRECTED_NOTE } })
        corrected[l.disbursement.accountNumber] = c
      }
    }
    // every other line: the agency's computation, never more than the bank claimed
    await tx.$executeRaw`UPDATE claim_lines SET approved_amount = least(computed_amount, claimed_amount)
      WHERE claim_id = ${input.claimId} AND approved_amount IS NULL`
    const totals = await tx.$queryRaw<{ claimed: string; computed: string; approved: string }[]>`
      SELECT sum(claimed_amount)::text AS claimed, sum(computed_amount)::text AS computed, sum(approved_amount)::text AS approved FROM claim_lines WHERE claim_id = ${input.claimId}`
    await writeAudit(tx, actor(user), {
      action: 'APPROVE', entity: 'SubsidyClaim', entityId: input.claimId, before: { status: 'SUBMITTED', version: input.version },
      after: { status: 'APPROVED', claimed: totals[0].claimed, computed: totals[0].computed, approved: totals[0].approved, corrections: corrections.size > 0 ? corrected : undefined /* none: left out of the row */ },
    })
    // the bank's officers are told with the approval, in its transaction (an approval that fails tells no one)
    await notifyClaimApproved(tx, input.claimId)
    // a real month has 10,000-16,000 lines to approve: the time a claim's submission is given, not Prisma's 5 s
  }, { timeout: 60_000 })
  // the admins' "awaiting verification" is read with the decision, not at the next hourly scan
  await settleClaimNotices(input.claimId)
  revalidatePath('/kredit', 'layout')
  return { ok: true, message: 'Klaim disetujui.' }
}))

/** Return a submitted claim to the bank with the reasons; the bank corrects and submits the month again. */
export const returnClaim = authAction('claims.verify', claimReturnSchema, (input, user) => onClaimPage(input.claimId, 'decision', async () => {
  await db.$transaction(async (tx) => {
    await claimStep(tx, input.claimId, () => tx.subsidyClaim.updateMany({
      where: { id: input.claimId, status: 'SUBMITTED', version: input.version },
      data: { status: 'RETURNED', returnReason: input.reason, reviewedAt: new Date(), reviewedById: user.id, version: { increment: 1 } },
    }))
    await writeAudit(tx, actor(user), { action: 'RETURN', entity: 'SubsidyClaim', entityId: input.claimId, before: { status: 'SUBMITTED', version: input.version }, after: { status: 'RETURNED', reason: input.reason } })
    // the bank's officers are told with the return, in its transaction (a return that fails tells no one)
    await remindReturnedClaims(tx, { claimId: input.claimId })
  })
  await settleClaimNotices(input.claimId)
  revalidatePath('/kredit', 'layout')
  return { ok: true, message: 'Klaim dikembalikan ke bank.' }
}))

/**
 * Record a payment (SP2D) of an approved claim at the version the admin saw; the claim is PAID once
 * payments reach the approved total. Paid never exceeds approved: checked here and by a trigger on
 * claim_payments (migration credit_claim_integrity) for any other writer.
 */
export const recordClaimPayment = authAction('claims.verify', claimPaymentSchema, (input, user) => onClaimPage(input.claimId, 'payment', async () => {
  await payClaim(input, user)
  revalidatePath('/kredit', 'layout')
  return { ok: true, message: `Pembayaran ${formatRupiah(input.amount)} dicatat.` }
}))

async function payClaim(input: z.infer<typeof claimPaymentSchema>, user: SessionUser) {
  await db.$transaction(async (tx) => {
    // bumping the version first locks the claim row: a second payment waits, then finds a newer version
    await claimStep(tx, input.claimId, () => tx.subsidyClaim.updateMany({
      where: { id: input.claimId, status: 'APPROVED', version: input.version },
      data: { version: { increment: 1 } },
    }))
    // an SP2D is dated: not in the future, and not before the claimed month ended (no claim is filed earlier)
    const { month } = await tx.subsidyClaim.findUniqueOrThrow({ where: { id: input.claimId }, select: { month: true } })
    const today = jakartaToday()
    if (input.paidOn > today) throw new ActionError('Tanggal pembayaran belum terjadi.', { paidOn: [`Paling lambat hari ini, ${formatDate(today)}.`] })
    const monthEnded = dayAfterMonth(month)
    if (input.paidOn < monthEnded) throw new ActionError(`Klaim bulan ${formatMonth(month)} baru dapat dibayar setelah bulannya berakhir.`, { paidOn: [`Paling awal ${formatDate(monthEnded)}.`] })
    const [sums] = await tx.$queryRaw<{ approved: string; paid: string }[]>`
      SELECT (SELECT coalesce(sum(approved_amount), 0) FROM claim_lines WHERE claim_id = ${input.claimId})::text AS approved,
             (SELECT coalesce(sum(amount), 0) FROM claim_payments WHERE claim_id = ${input.claimId})::text AS paid`
    const outstanding = Number(sums.approved) - Number(sums.paid)
    if (input.amount > outstanding) throw new ActionError(`Pembayaran melebihi sisa yang disetujui (${formatRupiah(outstanding)}).`, { amount: [`Maksimal ${formatRupiah(outstanding)}.`] })
    const payment = await tx.claimPayment.create({ data: { claimId: input.claimId, paidOn: new Date(input.paidOn), amount: input.amount, reference: input.reference }, select: { id: true, paidOn: true, amount: true, reference: true } })
    const fullyPaid = input.amount === outstanding
    if (fullyPaid) await tx.subsidyClaim.update({ where: { id: input.claimId }, data: { status: 'PAID' } })
    await writeAudit(tx, actor(user), { action: 'PAY', entity: 'SubsidyClaim', entityId: input.claimId, before: { status: 'APPROVED', version: input.version, outstanding }, after: { payment, fullyPaid, outstanding: outstanding - input.amount } })
    await notifyClaimPaid(tx, payment.id)
  })
}

/** Create a programme year (admin): targets, ceiling, rates and limits, its first partner bank and that bank's rate. */
export const saveProgram = authAction('credit.configure', programSchema, async (input, user) => {
  const data = {
    scheme: input.scheme, name: input.name, year: input.year, creditTarget: input.creditTarget, beneficiaryTarget: input.beneficiaryTarget,
    subsidyCeiling: input.subsidyCeiling, borrowerRate: input.borrowerRate / 100, maxPlafond: input.maxPlafond, maxTenorMonths: input.maxTenorMonths,
  }
  let id: string | undefined
  try {
    await db.$transaction(async (tx) => {
      // an inactive partner bank (Pengaturan › Bank mitra) keeps its history but joins no new programme
      const bank = await tx.bank.findUnique({ where: { id: input.bankId }, select: { active: true } })
      if (!bank?.active) throw new ActionError('Bank nonaktif tidak dapat ikut program.', { bankId: ['Pilih bank mitra yang aktif.'] })
      // the basis is chosen when the programme is created (and changed only by setAmortisationBasis, before its first loan)
      const created = await tx.creditProgram.create({
        data: {
          ...data, amortisationBasis: input.amortisationBasis, code: programCode(input), eligibleScales: ['MIKRO', 'KECIL'],
          banks: { create: { bankId: input.bankId } },
          rates: { create: { bankId: input.bankId, effectiveFrom: new Date(`${input.year}-01-01`), rate: input.bankRate / 100 } },
        },
        select: { id: true },
      })
      id = created.id
      await writeAudit(tx, actor(user), { action: 'CREATE', entity: 'CreditProgram', entityId: id, after: { ...data, amortisationBasis: input.amortisationBasis, bankId: input.bankId, bankRate: input.bankRate / 100 } })
    })
  } catch (e) {
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === 'P2002') throw new ActionError(DUPLICATE_PROGRAM, { year: [DUPLICATE_PROGRAM] })
    throw e
  }
  revalidatePath('/kredit', 'layout')
  redirect(`/kredit/${id}`)
})

const DUPLICATE_PROGRAM = 'Program skema ini untuk tahun itu sudah ada.'

/**
 * A programme's version moves with its settings (CreditProgram) and its banks and allocations (ProgramAllocation):
 * a stale form's refusal names whoever changed either last.
 */
const PROGRAM_ENTITIES = ['CreditProgram', 'ProgramAllocation']

/** The programme's version step (lib/transitions.ts), its row locked so a loan, an allocation or a second edit waits; a programme gone is "not found". */
function programStep(tx: Prisma.TransactionClient, programId: string, version: number, label: string, data: Prisma.CreditProgramUpdateManyMutationInput = {}) {
  return transition(tx, {
    entity: PROGRAM_ENTITIES, entityId: programId, label,
    update: async () => {
      const r = await tx.creditProgram.updateMany({ where: { id: programId, version }, data: { ...data, version: { increment: 1 } } })
      if (r.count !== 1 && !(await tx.creditProgram.findUnique({ where: { id: programId }, select: { id: true } }))) throw new ActionError('Program tidak ditemukan.', undefined, 'NOT_FOUND')
      return r
    },
  })
}

/**
 * Edit a programme's settings (/kredit/[id]/ubah) from the version the admin opened, with its audit row in
 * the same transaction. Once the programme has loans, the fields of PROGRAM_FIELDS_LOCKED_BY_LOANS are
 * refused if changed; the credit target may not fall below what is allocated to the regencies.
 */
export const updateProgram = authAction('credit.configure', programEditSchema, async (input, user) => {
  const data = {
    scheme: input.scheme, name: input.name, year: input.year, creditTarget: input.creditTarget, beneficiaryTarget: input.beneficiaryTarget,
    subsidyCeiling: input.subsidyCeiling, borrowerRate: input.borrowerRate / 100, maxPlafond: input.maxPlafond, maxTenorMonths: input.maxTenorMonths,
  }
  try {
    await db.$transaction(async (tx) => {
      // the version step first: it locks the programme row, so a loan, an allocation or a second edit waits
      await programStep(tx, input.id, input.version, 'Program')
      const before = await tx.creditProgram.findUniqueOrThrow({
        where: { id: input.id },
        select: {
          scheme: true, name: true, year: true, creditTarget: true, beneficiaryTarget: true, subsidyCeiling: true, borrowerRate: true, maxPlafond: true, maxTenorMonths: true,
          _count: { select: { disbursements: true } }, rates: { select: { rate: true } },
        },
      })
      const { _count: counts, rates, ...was } = before
      const errors: Record<string, string[]> = {}
      if (counts.disbursements > 0) {
        // the rate compared in percent at the six places it is stored with (0.1 + 0.2 is not 0.3 in floating point)
        const stored = { scheme: before.scheme, year: before.year, borrowerRate: ratePercent(before.borrowerRate) }
        const typed = { scheme: input.scheme, year: input.year, borrowerRate: ratePercent(input.borrowerRate / 100) }
        for (const field of PROGRAM_FIELDS_LOCKED_BY_LOANS) if (stored[field] !== typed[field]) errors[field] = ['Terkunci: program ini sudah memiliki pinjaman.']
      }
      const allocated = await tx.programAllocation.aggregate({ where: { programId: input.id }, _sum: { creditTarget: true } })
      const allocatedSum = Number(allocated._sum.creditTarget ?? 0)
      if (input.creditTarget < allocatedSum) errors.creditTarget = [`Paling sedikit ${formatRupiah(allocatedSum)}, jumlah alokasi kabupaten/kota.`]
      // the subsidy already approved (paid or to be paid) is spent from the ceiling: a ceiling below it had read
      // "Serapan subsidi 177,73%" (a walk set Rp5 miliar under Rp8,89 miliar paid, unasked)
      const [committed] = await tx.$queryRaw<{ approved: string }[]>`
        SELECT coalesce(sum(l.approved_amount), 0)::text AS approved
        FROM claim_lines l JOIN subsidy_claims c ON c.id = l.claim_id
        WHERE c.program_id = ${input.id} AND c.status IN ('APPROVED', 'PAID')`
      if (input.subsidyCeiling < Number(committed.approved)) errors.subsidyCeiling = [`Paling sedikit ${formatRupiah(committed.approved, { cents: true })}, subsidi klaim yang sudah disetujui program ini.`]
      const lowestBankRate = Math.min(...rates.map((r) => Number(r.rate)))
      if (data.borrowerRate >= lowestBankRate) errors.borrowerRate = [`Harus di bawah suku bunga bank terendah program ini (${formatPercent(lowestBankRate * 100)}).`]
      if (Object.keys(errors).length) throw new ActionError(MESSAGES.invalid, errors)
      await tx.creditProgram.update({ where: { id: input.id }, data: { ...data, code: programCode(input) } })
      await writeAudit(tx, actor(user), { action: 'UPDATE', entity: 'CreditProgram', entityId: input.id, before: { ...was, version: input.version }, after: data })
    })
  } catch (e) {
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === 'P2002') throw new ActionError(DUPLICATE_PROGRAM, { year: [DUPLICATE_PROGRAM] })
    throw e
  }
  revalidatePath('/kredit', 'layout')
  redirect(`/kredit/${input.id}`)
})

/**
 * The programme's amortisation basis (borrower's rate or bank's contract rate), changeable until its first
 * loan: after that, loans, schedules and claims were computed on it, and a change would rewrite them.
 */
export const setAmortisationBasis = authAction('credit.configure', amortisationBasisSchema, async (input, user) => {
  await db.$transaction(async (tx) => {
    const before = await tx.creditProgram.findUnique({ where: { id: input.programId }, select: { amortisationBasis: true, _count: { select: { disbursements: true } } } })
    if (!before) throw new ActionError('Program tidak ditemukan.', undefined, 'NOT_FOUND')
    if (before._count.disbursements > 0) {
      throw new ActionError('Dasar amortisasi tidak dapat diubah: program ini sudah memiliki penyaluran yang dihitung dengan dasar sekarang.', { amortisationBasis: ['Sudah ada penyaluran; dasar amortisasi terkunci.'] })
    }
    // the version also moves with the allocations: the message names whoever changed the programme last
    await programStep(tx, input.programId, input.version, 'Program', { amortisationBasis: input.amortisationBasis })
    await writeAudit(tx, actor(user), { action: 'UPDATE', entity: 'CreditProgram', entityId: input.programId, before: { amortisationBasis: before.amortisationBasis }, after: { amortisationBasis: input.amortisationBasis } })
  })
  revalidatePath('/kredit', 'layout')
  return { ok: true, message: 'Dasar amortisasi disimpan.' }
})

/**
 * A change of the bank's contract rate from a date (lib/credit/rate-change.ts): `intent=preview` writes nothing and
 * says how many running loans a save would recompute, for the admin to confirm; the confirmation sends that count
 * back (`expectedLoans`) and queues the recomputation as a job, which the programme's page follows with a progress
 * bar (minutes at a whole loan book: it had held the admin's request and one transaction for up to 300 s).
 */
export const addRateChange = authAction('credit.configure', rateChangeSchema, async (input, user): Promise<ActionState> => {
  const { intent, ...change } = input
  if (intent === 'preview') {
    const { loans, replaces } = await previewRateChange(change)
    return { ok: true, data: { loans: String(loans), replaces, effectiveFrom: input.effectiveFrom, bankId: input.bankId, rate: String(input.rate) } }
  }
  await queueRateChange(actor(user), change)
  // the page re-reads its rate changes, with this one queued (no data: the form's data is the preview's, which
  // keeps the confirmation dialog open)
  revalidatePath(`/kredit/${input.programId}`)
  return { ok: true, message: `Perubahan suku bunga mulai ${formatDate(input.effectiveFrom)} sedang dihitung; kemajuannya tampil di bawah.` }
})

/** A regency's allocation field: `alloc_35.17`. */
const ALLOCATION_FIELD = /^alloc_(\d{2}\.\d{2})$/

/**
 * The allocation of the credit target per regency (admin), saved as a whole from the programme version the
 * admin opened (a stale form is refused naming who changed the programme, and keeps what was typed). The
 * allocations are shares of the target (a regency's subsidy ceiling is its share of the programme's,
 * lib/data/credit.ts ceilingOf), so their total may not exceed the programme's credit target.
 */
export const saveAllocations = authAction('credit.configure', allocationSchema, async (input, user): Promise<ActionState> => {
  const regencies = new Set((await db.regency.findMany({ where: { provinceCode: env().AGENCY_PROVINCE_CODE }, select: { code: true } })).map((r) => r.code))
  const values = new Map<string, number>()
  const errors: Record<string, string[]> = {}
  for (const [k, v] of Object.entries(input)) {
    const m = ALLOCATION_FIELD.exec(k)
    if (!m) continue
    if (!regencies.has(m[1])) { errors[k] = ['Kabupaten/kota di luar provinsi.']; continue }
    const parsed = String(v).trim() === '' ? { ok: true as const, value: 0 } : parseRupiah(String(v))
    if (!parsed.ok) errors[k] = [rupiahMessage('Alokasi', parsed.problem)]
    else values.set(m[1], parsed.value)
  }
  if (Object.keys(errors).length) throw new ActionError('Periksa alokasi yang ditandai.', errors)
  const saved = await db.$transaction(async (tx) => {
    // the version step first: it locks the programme row, so of two saves from the same version one lands
    await programStep(tx, input.programId, input.version, 'Alokasi program')
    const program = await tx.creditProgram.findUniqueOrThrow({ where: { id: input.programId }, select: { creditTarget: true, version: true } })
    const before = await tx.programAllocation.findMany({ where: { programId: input.programId }, select: { regencyCode: true, creditTarget: true } })
    for (const [regencyCode, creditTarget] of values) {
      await tx.programAllocation.upsert({
        where: { programId_regencyCode: { programId: input.programId, regencyCode } },
        update: { creditTarget },
        create: { programId: input.programId, regencyCode, creditTarget },
      })
    }
    // the total as saved, summed in SQL (regencies the form did not send keep theirs); above the target, nothing is kept
    const sum = await tx.programAllocation.aggregate({ where: { programId: input.programId }, _sum: { creditTarget: true } })
    const total = Number(sum._sum.creditTarget ?? 0)
    const target = Number(program.creditTarget)
    if (total > target) {
      throw new ActionError(`Jumlah alokasi ${formatRupiah(total)} melebihi target kredit program ${formatRupiah(target)} sebesar ${formatRupiah(total - target)}. Kurangi alokasi, atau ubah target program lebih dulu.`)
    }
    await writeAudit(tx, actor(user), { action: 'UPDATE', entity: 'ProgramAllocation', entityId: input.programId, before, after: Object.fromEntries(values) })
    return { total, target, version: program.version }
  })
  revalidatePath('/kredit', 'layout')
  return {
    ok: true,
    message: `Alokasi disimpan: jumlah ${formatRupiah(saved.total)} dari target program ${formatRupiah(saved.target)}.`,
    data: { version: String(saved.version) },
  }
})

/**
 * The bank reports a period of a loan (instalment paid or not, OJK collectibility); the loan's subsidy
 * schedule is recomputed in the same transaction (lib/credit/instalments.ts, shared with the API). A bank
 * officer reports only its own bank's loans.
 */
export const reportInstalment = authAction('disbursements.write', instalmentReportSchema, async (input, user) => {
  await db.$transaction((tx) => recordInstalment(tx, user, input))
  revalidatePath('/kredit', 'layout')
  return { ok: true, message: `Periode ${input.period} dicatat; subsidi dihitung ulang.` }
})

/**
 * Correct a recorded loan from its page (account number, borrower, contract date, plafond, tenor, method):
 * the service of PATCH /api/v1/penyaluran/{id}, from the version the page showed, with the rules and
 * messages of a new loan; refused while the loan is in a submitted, approved or paid claim.
 */
export const correctLoan = authAction('disbursements.write', disbursementCorrectionSchema, async (input, user) => {
  const { disbursementId, ...change } = input
  try {
    const result = await db.$transaction((tx) => correctDisbursement(tx, user, disbursementId, change), { timeout: 30_000 })
    if (!result.ok) throw new ActionError(result.refusal.message, result.refusal.fieldErrors)
  } catch (e) {
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === 'P2002') throw new ActionError(DISBURSEMENT_MESSAGES.duplicate, { accountNumber: [DISBURSEMENT_MESSAGES.duplicateField] })
    throw e
  }
  revalidatePath('/kredit', 'layout')
  return { ok: true, message: 'Koreksi pinjaman disimpan; jadwal subsidi dihitung ulang.' }
})
