import 'server-only'
import type { Prisma } from '@/lib/generated/prisma/client'
import type { BusinessScale, RepaymentMethod } from '@/lib/generated/prisma/enums'
import { writeAudit, type AuditActor } from '@/lib/audit'
import { eligibilityIssues, type EligibilityIssue } from '@/lib/credit/eligibility'
import { recomputeLoanMonths } from '@/lib/credit/loan-months'

/**
 * The one write path of a disbursement, shared by the form's server action (lib/actions/credit.ts
 * createDisbursement) and the spreadsheet import (lib/imports/kinds/disbursements.ts): the borrower confirmed
 * by NIB + owner NIK, the programme's rules with the same messages in the same fields, the bank rate in
 * force on the contract date, then the loan, its periods and its audit row in the caller's transaction (the
 * roll-up triggers keep the figures). Permission and the bank's scope are the caller's.
 */

export const disbursementProgramSelect = {
  id: true, code: true, year: true, borrowerRate: true, maxPlafond: true, maxTenorMonths: true, eligibleScales: true,
} satisfies Prisma.CreditProgramSelect
export type DisbursementProgram = Prisma.CreditProgramGetPayload<{ select: typeof disbursementProgramSelect }>

export const borrowerSelect = { id: true, nib: true, ownerNik: true, businessName: true, regencyCode: true, computedScale: true } satisfies Prisma.MsmeSelect
export type Borrower = { id: string; nib: string; ownerNik: string; businessName: string; regencyCode: string; computedScale: BusinessScale }

/** What the bank's loan file says of the loan, as the form's schema gives it. */
export type DisbursementTerms = {
  accountNumber: string
  nib: string
  ownerNik: string
  contractDate: string
  plafond: number
  tenorMonths: number
  method: RepaymentMethod
  acceptException?: 'on'
  exceptionReason?: string
}

/** Said in both the NIB and the NIK field: one answer whether the NIB is unknown or the NIK does not match. */
export const BORROWER_MISMATCH = 'NIB dan NIK pemilik tidak cocok dengan register UMKM.'
export const NO_RATE = 'Belum ada suku bunga bank yang berlaku pada tanggal ini.'
export const EXCEPTION_REASON = 'Tuliskan alasan menerima pengecualian (minimal 10 karakter).'
export const DUPLICATE_ACCOUNT = 'Nomor rekening sudah tercatat untuk bank ini.'

/** The borrower when the NIB and the owner's NIK both match a live MSME (null otherwise: the caller says BORROWER_MISMATCH). */
export function matchBorrower(msme: Borrower | null | undefined, ownerNik: string): Borrower | null {
  return msme && msme.ownerNik === ownerNik ? msme : null
}

/**
 * The programme rules this loan breaks and, unless an admin accepts them with a reason, the field → messages
 * the form and the import show (the same sentences in the same fields).
 */
export function disbursementRuleErrors(
  program: DisbursementProgram, borrower: Borrower, terms: DisbursementTerms, role: string,
): { issues: { code: EligibilityIssue; message: string }[]; accepted: boolean; errors: Record<string, string[]> } {
  const issues = eligibilityIssues({
    program: { year: program.year, maxPlafond: Number(program.maxPlafond), maxTenorMonths: program.maxTenorMonths, eligibleScales: program.eligibleScales },
    msme: borrower, plafond: terms.plafond, tenorMonths: terms.tenorMonths, contractDate: terms.contractDate,
  })
  const accepted = role === 'ADMIN' && terms.acceptException === 'on'
  const errors: Record<string, string[]> = {}
  if (issues.length && !accepted) {
    const of = (...codes: EligibilityIssue[]) => issues.filter((i) => codes.includes(i.code)).map((i) => i.message)
    const put = (field: string, messages: string[]) => { if (messages.length) errors[field] = messages }
    put('plafond', of('PLAFOND_ABOVE_MAX'))
    put('tenorMonths', of('TENOR_ABOVE_MAX'))
    put('contractDate', of('OUTSIDE_PROGRAM_YEAR'))
    put('nib', of('SCALE_NOT_ELIGIBLE', 'NO_NIB'))
  } else if (issues.length && accepted && (terms.exceptionReason ?? '').length < 10) {
    errors.exceptionReason = [EXCEPTION_REASON]
  }
  return { issues, accepted, errors }
}

/** The bank's contract rate in force on a date, from the programme's effective-dated rates. */
export async function rateOn(tx: Prisma.TransactionClient, programId: string, bankId: string, date: string): Promise<number | null> {
  const r = await tx.programRate.findFirst({
    where: { programId, bankId, effectiveFrom: { lte: new Date(date) } },
    select: { rate: true },
    orderBy: { effectiveFrom: 'desc' },
  })
  return r ? Number(r.rate) : null
}

export const disbursementAuditSelect = {
  id: true, accountNumber: true, programId: true, bankId: true, msmeId: true, regencyCode: true, contractDate: true, plafond: true, tenorMonths: true,
  bankRate: true, borrowerRate: true, method: true, eligibilityIssues: true, exceptionReason: true,
} satisfies Prisma.DisbursementSelect

/**
 * Write a checked loan: the regency is the borrower's, the bank rate the one in force (given), the periods
 * computed, one audit row. A second loan with the same bank + account number fails on the unique index (P2002).
 */
export async function insertDisbursement(
  tx: Prisma.TransactionClient, actor: AuditActor,
  loan: { program: Pick<DisbursementProgram, 'id' | 'borrowerRate'>; bankId: string; bankRate: number; borrower: Borrower; terms: DisbursementTerms; issues: EligibilityIssue[] },
): Promise<string> {
  const { terms } = loan
  const created = await tx.disbursement.create({
    data: {
      programId: loan.program.id, bankId: loan.bankId, accountNumber: terms.accountNumber, msmeId: loan.borrower.id, regencyCode: loan.borrower.regencyCode,
      contractDate: new Date(terms.contractDate), plafond: terms.plafond, tenorMonths: terms.tenorMonths, bankRate: loan.bankRate,
      borrowerRate: loan.program.borrowerRate, method: terms.method,
      eligibilityIssues: loan.issues, exceptionReason: loan.issues.length ? terms.exceptionReason : null, createdById: actor.id,
    },
    select: disbursementAuditSelect,
  })
  await recomputeLoanMonths(tx, [created.id])
  await writeAudit(tx, actor, { action: 'CREATE', entity: 'Disbursement', entityId: created.id, after: created })
  return created.id
}
