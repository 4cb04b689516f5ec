/**
 * Recording disbursements: the one service behind the form (lib/actions/credit.ts#createDisbursement) and
 * the integration API (POST /api/v1/penyaluran, one loan or a batch of up to 1.000). Every rule and every
 * message lives here, so a loan keyed in the form and one sent by a bank's core system are judged alike.
 *
 * Two steps: `prepareDisbursements` reads what the rules need in a few bulk queries (programmes, the
 * borrowers by NIB, the programme rates, account numbers already taken) and judges every loan, returning
 * each refusal with its field messages; `insertDisbursements` writes the accepted loans, their subsidy
 * schedules and one audit row each inside the caller's transaction (all or nothing).
 */
import 'server-only'
import type { z } from 'zod'
import type { Prisma } from '@/lib/generated/prisma/client'
import { db } from '@/lib/db'
import { writeAudit, type AuditActor } from '@/lib/audit'
import { eligibilityIssues, type EligibilityIssue } from '@/lib/credit/eligibility'
import { recomputeLoanMonths } from '@/lib/credit/loan-months'
import { lockBankLoans } from '@/lib/credit/bank-lock'
import { ActionError } from '@/lib/errors'
import { jakartaToday } from '@/lib/dates'
import type { SessionUser } from '@/lib/session-user'
import { disbursementSchema } from '@/lib/validations/credit'
import { parseWholeNumber } from '@/lib/parse'

export type DisbursementInput = z.infer<typeof disbursementSchema>

/** Why one loan is refused: the sentence for the whole loan and the messages per field. */
export type DisbursementRefusal = { message: string; fieldErrors: Record<string, string[]> }

export type PreparedDisbursement = {
  input: DisbursementInput
  bankId: string
  program: { id: string; borrowerRate: Prisma.Decimal }
  msme: { id: string; businessName: string; regencyCode: string }
  bankRate: number
  issues: EligibilityIssue[]
}

export type PrepareResult =
  | { ok: true; loans: PreparedDisbursement[] }
  | { ok: false; refusals: { index: number; refusal: DisbursementRefusal }[] }

export const DISBURSEMENT_MESSAGES = {
  noBank: 'Pilih bank penyalur.',
  noProgram: 'Program tidak ditemukan untuk bank ini.',
  noProgramField: 'Pilih program yang disalurkan bank ini.',
  borrower: 'UMKM tidak ditemukan dengan NIB dan NIK pemilik ini; periksa berkas pinjaman, atau minta Dinas mendaftarkan UMKM-nya.',
  borrowerField: 'NIB dan NIK pemilik tidak cocok dengan register UMKM.',
  exceptionReason: 'Tuliskan alasan menerima pengecualian (minimal 10 karakter).',
  noRate: 'Belum ada suku bunga bank yang berlaku pada tanggal akad ini.',
  noRateField: 'Belum ada suku bunga bank yang berlaku pada tanggal ini.',
  duplicate: 'Nomor rekening ini sudah tercatat untuk bank ini.',
  duplicateField: 'Nomor rekening sudah tercatat untuk bank ini.',
  otherBank: 'Petugas bank hanya mencatat pinjaman banknya sendiri; kosongkan bank atau isi bank Anda.',
  future: 'Tanggal akad belum terjadi; catat pinjaman setelah akadnya ditandatangani.',
  futureField: 'Tanggal akad paling lambat hari ini.',
} as const

const refusal = (message: string, fieldErrors: Record<string, string[]> = {}): DisbursementRefusal => ({ message, fieldErrors })

type Eligibility = Parameters<typeof eligibilityIssues>[0]
/** What the programme rules need of a programme (its plafond as stored) and of a borrower. */
export type RuleProgram = Omit<Eligibility['program'], 'maxPlafond'> & { maxPlafond: Prisma.Decimal | number }
export type RuleBorrower = Eligibility['msme']

/**
 * The programme rules a loan breaks, and the refusal unless an admin accepts them with a written reason:
 * the form, the API and the spreadsheet import (lib/imports/kinds/disbursements.ts) say the same sentences
 * in the same fields.
 */
export function programRules(
  program: RuleProgram, msme: RuleBorrower, input: Pick<DisbursementInput, 'plafond' | 'tenorMonths' | 'contractDate' | 'acceptException' | 'exceptionReason'>, role: string,
  /** the contract date already stored, for a correction: a loan recorded before this rule can still be corrected without moving it */
  storedContractDate?: string,
): { issues: EligibilityIssue[]; refusal: DisbursementRefusal | null } {
  // a loan is recorded once signed (no exception accepts a future contract: its periods would not yet be lent); said
  // with the programme's other rules the loan breaks, not before them (a walk was told of its date, then of its amount)
  const future = input.contractDate > jakartaToday() && input.contractDate !== storedContractDate
  const issues = eligibilityIssues({
    program: { year: program.year, maxPlafond: Number(program.maxPlafond), maxTenorMonths: program.maxTenorMonths, eligibleScales: program.eligibleScales },
    msme, plafond: input.plafond, tenorMonths: input.tenorMonths, contractDate: input.contractDate,
  })
  const codes = issues.map((i) => i.code)
  const accepted = role === 'ADMIN' && input.acceptException === 'on'
  if (future || (issues.length && !accepted)) {
    const shown = accepted ? [] : issues
    const of = (...want: EligibilityIssue[]) => shown.filter((i) => want.includes(i.code)).map((i) => i.message)
    const fieldErrors: Record<string, string[]> = {}
    if (of('PLAFOND_ABOVE_MAX').length) fieldErrors.plafond = of('PLAFOND_ABOVE_MAX').slice(0, 1)
    if (of('TENOR_ABOVE_MAX').length) fieldErrors.tenorMonths = of('TENOR_ABOVE_MAX').slice(0, 1)
    if (of('OUTSIDE_PROGRAM_YEAR').length) fieldErrors.contractDate = of('OUTSIDE_PROGRAM_YEAR').slice(0, 1)
    if (of('SCALE_NOT_ELIGIBLE', 'NO_NIB').length) fieldErrors.nib = of('SCALE_NOT_ELIGIBLE', 'NO_NIB')
    // a future date outside the programme's year is told both, not the year on the next try
    if (future) fieldErrors.contractDate = [DISBURSEMENT_MESSAGES.futureField, ...(fieldErrors.contractDate ?? [])]
    const message = [future && DISBURSEMENT_MESSAGES.future, shown.length && `Tidak memenuhi ketentuan program: ${shown.map((i) => i.message).join(' ')}`].filter(Boolean).join(' ')
    return { issues: future ? [] : codes, refusal: refusal(message, fieldErrors) }
  }
  if (issues.length && accepted && (input.exceptionReason ?? '').length < 10) {
    return { issues: codes, refusal: refusal(DISBURSEMENT_MESSAGES.exceptionReason, { exceptionReason: [DISBURSEMENT_MESSAGES.exceptionReason] }) }
  }
  return { issues: codes, refusal: null }
}

/**
 * Judge loans before anything is written. A bank officer (or an API client of a bank) records only its
 * own bank's loans, whatever `bankId` the input names; an admin names the bank and may accept a breach of
 * a programme rule with a written reason (the loan then stays flagged with the rules it breaks).
 */
export async function prepareDisbursements(
  inputs: DisbursementInput[],
  user: SessionUser,
  /**
   * A correction of a recorded loan (lib/credit/disbursement-corrections.ts): its own account number is not a
   * duplicate, and the programme rules an admin accepted for it stay accepted (with the admin's reason) as long as
   * the corrected loan breaks no other rule.
   */
  correcting?: { id: string; acceptedIssues: string[]; exceptionReason: string | null; contractDate?: string },
  reader: Pick<Prisma.TransactionClient, 'creditProgram' | 'msme' | 'programRate' | 'disbursement'> = db,
): Promise<PrepareResult> {
  const bankOf = (input: DisbursementInput) => (user.role === 'BANK_OFFICER' ? user.bankId : input.bankId) || null
  const programIds = [...new Set(inputs.map((i) => i.programId))]
  const nibs = [...new Set(inputs.map((i) => i.nib))]
  const banks = [...new Set(inputs.map(bankOf).filter((b): b is string => !!b))]
  const [programs, msmes, rates, taken] = await Promise.all([
    reader.creditProgram.findMany({
      where: { id: { in: programIds } },
      select: { id: true, year: true, borrowerRate: true, maxPlafond: true, maxTenorMonths: true, eligibleScales: true, banks: { select: { bankId: true } } },
    }),
    reader.msme.findMany({ where: { nib: { in: nibs }, deletedAt: null }, select: { id: true, nib: true, ownerNik: true, businessName: true, regencyCode: true, computedScale: true } }),
    reader.programRate.findMany({ where: { programId: { in: programIds }, bankId: { in: banks } }, select: { programId: true, bankId: true, effectiveFrom: true, rate: true }, orderBy: { effectiveFrom: 'desc' } }),
    reader.disbursement.findMany({
      where: {
        OR: banks.map((bankId) => ({ bankId, accountNumber: { in: inputs.filter((i) => bankOf(i) === bankId).map((i) => i.accountNumber) } })),
        ...(correcting && { id: { not: correcting.id } }),
      },
      select: { bankId: true, accountNumber: true },
    }),
  ])
  const programById = new Map(programs.map((p) => [p.id, p]))
  const msmeByNib = new Map(msmes.map((m) => [m.nib, m]))
  const seen = new Set(taken.map((t) => `${t.bankId}\u0000${t.accountNumber}`))

  const loans: PreparedDisbursement[] = []
  const refusals: { index: number; refusal: DisbursementRefusal }[] = []
  inputs.forEach((input, index) => {
    const judged = judge(input)
    if ('message' in judged) refusals.push({ index, refusal: judged })
    else loans.push(judged)
  })
  return refusals.length ? { ok: false, refusals } : { ok: true, loans }

  function judge(input: DisbursementInput): PreparedDisbursement | DisbursementRefusal {
    const judged = judgeRules(input)
    // an account number already taken is said with whatever else is wrong, not on the next try
    const bankId = bankOf(input)
    const taken = bankId && seen.has(`${bankId}\u0000${input.accountNumber}`)
    if ('message' in judged && taken && !judged.fieldErrors.accountNumber) {
      return refusal(`${judged.message} ${DISBURSEMENT_MESSAGES.duplicate}`, { ...judged.fieldErrors, accountNumber: [DISBURSEMENT_MESSAGES.duplicateField] })
    }
    return judged
  }

  function judgeRules(input: DisbursementInput): PreparedDisbursement | DisbursementRefusal {
    // a bank's loan is its own bank's: naming another bank is said, not silently replaced
    if (user.role === 'BANK_OFFICER' && input.bankId && input.bankId !== user.bankId) return refusal(DISBURSEMENT_MESSAGES.otherBank, { bankId: [DISBURSEMENT_MESSAGES.otherBank] })
    const bankId = bankOf(input)
    if (!bankId) return refusal(DISBURSEMENT_MESSAGES.noBank, { bankId: [DISBURSEMENT_MESSAGES.noBank] })
    const program = programById.get(input.programId)
    if (!program || !program.banks.some((b) => b.bankId === bankId)) return refusal(DISBURSEMENT_MESSAGES.noProgram, { programId: [DISBURSEMENT_MESSAGES.noProgramField] })
    // the bank confirms its borrower with two numbers from its loan file; one answer whether the NIB is unknown
    // or the NIK does not match, so a role without msmes.read learns nothing about the register
    const msme = msmeByNib.get(input.nib)
    if (!msme || msme.ownerNik !== input.ownerNik) {
      // the loan's own limits (amount, tenor, contract year) need no borrower: said with the mismatch, not on the
      // next try once the NIK is right (a walk was told of its wrong NIK, then of its amount and tenor)
      const limits = programRules(program, null, input, user.role, correcting?.contractDate).refusal?.fieldErrors
      return refusal(DISBURSEMENT_MESSAGES.borrower, { ...limits, nib: [DISBURSEMENT_MESSAGES.borrowerField], ownerNik: [DISBURSEMENT_MESSAGES.borrowerField] })
    }
    const { issues, refusal: broken } = programRules(program, msme, input, user.role, correcting?.contractDate)
    const stillAccepted = !!correcting?.exceptionReason && issues.length > 0 && issues.every((i) => correcting.acceptedIssues.includes(i))
    if (broken && !stillAccepted) return broken
    if (stillAccepted) input = { ...input, exceptionReason: correcting.exceptionReason! }
    // the bank's contract rate in force at the contract date, from the programme's effective-dated rates
    const contract = new Date(input.contractDate)
    const rate = rates.find((r) => r.programId === program.id && r.bankId === bankId && r.effectiveFrom <= contract)
    if (!rate) return refusal(DISBURSEMENT_MESSAGES.noRate, { contractDate: [DISBURSEMENT_MESSAGES.noRateField] })
    const key = `${bankId}\u0000${input.accountNumber}`
    if (seen.has(key)) return refusal(DISBURSEMENT_MESSAGES.duplicate, { accountNumber: [DISBURSEMENT_MESSAGES.duplicateField] })
    seen.add(key)
    return { input, bankId, program: { id: program.id, borrowerRate: program.borrowerRate }, msme, bankRate: Number(rate.rate), issues }
  }
}

/**
 * The form's other wrong fields when its schema refused some (lib/safe-action.ts alsoWhenInvalid): the programme's
 * limits on the amount, tenor and contract date, and an account number already taken, for the fields that did parse.
 * A loan with a bad account number and a 36-month tenor is told of both at once, not of the tenor on the next try.
 */
export async function disbursementErrorsBeside(raw: Record<string, unknown>, user: SessionUser): Promise<Record<string, string[]>> {
  const shape = disbursementSchema.shape
  const programId = shape.programId.safeParse(raw.programId).data
  const accountNumber = shape.accountNumber.safeParse(raw.accountNumber).data
  const nib = shape.nib.safeParse(raw.nib).data
  const ownerNik = shape.ownerNik.safeParse(raw.ownerNik).data
  const bankId = (user.role === 'BANK_OFFICER' ? user.bankId : shape.bankId.safeParse(raw.bankId).data) || null
  if (!bankId) return {}
  const [program, taken, msme] = await Promise.all([
    programId ? db.creditProgram.findFirst({
      where: { id: programId, banks: { some: { bankId } } },
      select: { year: true, maxPlafond: true, maxTenorMonths: true, eligibleScales: true },
    }) : null,
    accountNumber ? db.disbursement.findFirst({ where: { bankId, accountNumber }, select: { id: true } }) : null,
    nib && ownerNik ? db.msme.findFirst({ where: { nib, deletedAt: null }, select: { nib: true, ownerNik: true, computedScale: true } }) : null,
  ])
  return disbursementErrorsWith(raw, user.role, { program, taken: !!taken, msme })
}

/**
 * disbursementErrorsBeside on what the caller has read: the bank's programme the row names (null: none), whether its
 * account number is taken, the MSME under its NIB. The spreadsheet import calls it with its batch's reference data
 * (lib/imports/kinds/disbursements.ts), so a file's row is told all its faults in one dry run, as the form is.
 * A tenor above the schema's 120 months is judged against the programme too: its limit (24) is the one to name.
 */
export function disbursementErrorsWith(
  raw: Record<string, unknown>, role: string,
  found: { program: RuleProgram | null; taken: boolean; msme: (RuleBorrower & { ownerNik: string }) | null },
): Record<string, string[]> {
  const shape = disbursementSchema.shape
  const parsed = <K extends keyof typeof shape>(key: K): z.infer<(typeof shape)[K]> | undefined => {
    const r = shape[key].safeParse(raw[key])
    return r.success ? r.data as z.infer<(typeof shape)[K]> : undefined
  }
  const nib = parsed('nib')
  const ownerNik = parsed('ownerNik')
  const { program, taken, msme } = found
  const errors: Record<string, string[]> = {}
  if (taken) errors.accountNumber = [DISBURSEMENT_MESSAGES.duplicateField]
  // the borrower is judged as prepareDisbursements judges it, one answer whether the NIB is unknown or the NIK does
  // not match, so that a business the programme does not serve is told with a wrong amount, not on the next try
  // (a walk typed an amount with commas and a medium business: told of the amount, then of the business)
  const borrower = nib && ownerNik ? (msme && msme.ownerNik === ownerNik ? msme : 'mismatch') : null
  if (borrower === 'mismatch') errors.nib = errors.ownerNik = [DISBURSEMENT_MESSAGES.borrowerField]
  if (program) {
    // a field that did not parse stands in with a value no rule refuses; its own error is the schema's
    const plafond = parsed('plafond')
    // a whole tenor the schema refused only for its 120 months is judged against the programme too (read by the one parser)
    const tenorWhole = parseWholeNumber(String(raw.tenorMonths ?? ''))
    const tenorMonths = parsed('tenorMonths') ?? (tenorWhole !== null && tenorWhole > 120 ? tenorWhole : undefined)
    const contractDate = parsed('contractDate')
    const { refusal: broken } = programRules(program, borrower === 'mismatch' ? null : borrower, {
      plafond: plafond ?? 0, tenorMonths: tenorMonths ?? 1, contractDate: contractDate ?? `${program.year}-01-01`,
      acceptException: parsed('acceptException'), exceptionReason: parsed('exceptionReason'),
    }, role)
    for (const key of ['plafond', 'tenorMonths', 'contractDate', 'nib'] as const) if (broken?.fieldErrors[key]) errors[key] = broken.fieldErrors[key]
  }
  return errors
}

export const TERMS_CHANGED = 'Ketentuan program atau suku bunga bank berubah saat pinjaman ini dicatat; tidak ada yang disimpan. Kirim ulang.'

/**
 * The programme's borrower rate and the bank's contract rate a loan carries were read before this transaction
 * (prepareDisbursements). Here they are read again under the locks their writers take: the bank's turn (a rate
 * change recomputes the bank's running loans under it, lib/actions/credit.ts addRateChange) and the programme's
 * row (an edit of its settings steps its version, updateProgram). So a loan is never recorded at a rate changed
 * meanwhile, outside the loans that change recomputed; a loan that would be is refused, nothing written.
 */
async function checkTermsStillHold(tx: Prisma.TransactionClient, loans: PreparedDisbursement[]) {
  if (!loans.length) return
  for (const bankId of [...new Set(loans.map((l) => l.bankId))].sort()) await lockBankLoans(tx, bankId)
  const programIds = [...new Set(loans.map((l) => l.program.id))]
  await tx.$queryRaw`SELECT id FROM credit_programs WHERE id = ANY(${programIds}::text[]) ORDER BY id FOR SHARE`
  const [{ changed }] = await tx.$queryRaw<{ changed: number }[]>`
    SELECT count(*)::int AS changed
    FROM unnest(${loans.map((l) => l.program.id)}::text[], ${loans.map((l) => l.bankId)}::text[], ${loans.map((l) => l.input.contractDate)}::date[],
                ${loans.map((l) => String(l.bankRate))}::numeric[], ${loans.map((l) => String(l.program.borrowerRate))}::numeric[])
      AS l(program_id, bank_id, contract_date, bank_rate, borrower_rate)
    JOIN credit_programs p ON p.id = l.program_id
    WHERE p.borrower_rate <> l.borrower_rate
       OR l.bank_rate IS DISTINCT FROM (SELECT r.rate FROM program_rates r WHERE r.program_id = l.program_id AND r.bank_id = l.bank_id AND r.effective_from <= l.contract_date ORDER BY r.effective_from DESC LIMIT 1)`
  if (changed > 0) throw new ActionError(TERMS_CHANGED, undefined, 'CONFLICT')
}

const createdSelect = {
  id: true, accountNumber: true, programId: true, bankId: true, msmeId: true, regencyCode: true, contractDate: true, plafond: true, tenorMonths: true,
  bankRate: true, borrowerRate: true, method: true, eligibilityIssues: true, exceptionReason: true,
} satisfies Prisma.DisbursementSelect

/**
 * Write judged loans inside the caller's transaction: the loans, their subsidy schedules, and one audit
 * row each. A unique-key race on the account number (P2002) rolls the whole transaction back.
 */
export async function insertDisbursements(tx: Prisma.TransactionClient, loans: PreparedDisbursement[], user: AuditActor) {
  await checkTermsStillHold(tx, loans)
  const created = await tx.disbursement.createManyAndReturn({
    data: loans.map(({ input, bankId, program, msme, bankRate, issues }) => ({
      programId: program.id, bankId, accountNumber: input.accountNumber, msmeId: msme.id, regencyCode: msme.regencyCode,
      contractDate: new Date(input.contractDate), plafond: input.plafond, tenorMonths: input.tenorMonths, bankRate,
      borrowerRate: program.borrowerRate, method: input.method,
      eligibilityIssues: issues, exceptionReason: issues.length ? input.exceptionReason : null, createdById: user.id,
    })),
    select: createdSelect,
  })
  await recomputeLoanMonths(tx, created.map((c) => c.id))
  const actor = { id: user.id, username: user.username, role: user.role }
  for (const row of created) await writeAudit(tx, actor, { action: 'CREATE', entity: 'Disbursement', entityId: row.id, after: row })
  return created
}
