/**
 * Why a claim line's agency figure differs from what the bank claimed: one reason code per line, the first
 * that applies in the order below, and an Indonesian sentence for the verifier and the bank. Pure, so the
 * submission (which stores the code) and the tests share it.
 */
import { serverText } from '@/lib/i18n/server-text'

/** The note a line corrected at verification gets when the verifier leaves it empty; shown in the reader's language. */
export const CORRECTED_NOTE = 'Dikoreksi saat verifikasi'

/** A line's note as shown: the verifier's as typed, the one written for an empty note in the reader's language. */
export function shownLineNote(note: string | null, lang: 'id' | 'en'): string | null {
  return note === CORRECTED_NOTE ? serverText(note, lang) : note
}

export const CLAIM_LINE_REASONS = [
  'DUPLICATE', 'NOT_IN_PROGRAMME', 'NOT_DUE', 'AFTER_MATURITY', 'COLLECTIBILITY_5', 'NO_INSTALMENT',
  'BALANCE_DIFFERS', 'DAYS_DIFFER', 'RATE_DIFFERS', 'AMOUNT_DIFFERS',
] as const
export type ClaimLineReason = (typeof CLAIM_LINE_REASONS)[number]

/** What the bank's file says of one loan's month (amount always; balance, days and rate when it gives them). */
export type BankLine = { amount: number; balance?: number; days?: number; /** decimal per year */ rate?: number }

/** What the agency's schedule says of the loan in the claimed month; null when no period falls due in it. */
export type AgencyPeriod = { subsidy: number; reason: string; openingBalance: number; days: number; /** decimal per year */ bankRate: number; period: number; tenor: number } | null

export function claimLineReason(line: {
  bank: BankLine
  /** another claim (not returned) already holds this loan for the same month */
  duplicate: boolean
  /** the loan belongs to the claimed programme's scheme */
  inProgramme: boolean
  agency: AgencyPeriod
  /** the loan's first period has not fallen due by the claimed month */
  beforeFirstDue: boolean
}): ClaimLineReason | null {
  const computed = line.inProgramme && !line.duplicate ? (line.agency?.subsidy ?? 0) : 0
  if (line.duplicate) return 'DUPLICATE'
  if (!line.inProgramme) return 'NOT_IN_PROGRAMME'
  if (line.bank.amount === computed) return null
  const a = line.agency
  if (!a) return line.beforeFirstDue ? 'NOT_DUE' : 'AFTER_MATURITY'
  if (a.reason === 'AFTER_MATURITY') return 'AFTER_MATURITY'
  if (a.reason === 'COLLECTIBILITY_5') return 'COLLECTIBILITY_5'
  if (a.reason === 'NO_INSTALMENT') return 'NO_INSTALMENT'
  if (line.bank.balance !== undefined && line.bank.balance !== a.openingBalance) return 'BALANCE_DIFFERS'
  if (line.bank.days !== undefined && line.bank.days !== a.days) return 'DAYS_DIFFER'
  if (line.bank.rate !== undefined && Math.abs(line.bank.rate - a.bankRate) > 1e-7) return 'RATE_DIFFERS'
  return 'AMOUNT_DIFFERS'
}

/**
 * A stored line's reason as shown: the one stored, else AMOUNT_DIFFERS when its amounts differ (lines stored
 * before reasons were, and the seeds'), as the verification record counts them; null for a line that agrees.
 */
export function shownClaimReason(line: { reason: string | null; claimedAmount: { toString(): string }; computedAmount: { toString(): string } }): ClaimLineReason | null {
  if (line.reason) return line.reason as ClaimLineReason
  return Number(line.claimedAmount) !== Number(line.computedAmount) ? 'AMOUNT_DIFFERS' : null
}

/**
 * A line the verifier corrected though it agreed with the computation: approved below what the computation gives
 * (the lesser of computed and claimed), as lib/data/claims.ts DIFFERS counts it in SQL.
 */
export function correctedAtReview(line: { approvedAmount: { toString(): string } | null; claimedAmount: { toString(): string }; computedAmount: { toString(): string } }): boolean {
  return line.approvedAmount !== null && Number(line.approvedAmount) < Math.min(Number(line.claimedAmount), Number(line.computedAmount))
}

/** The sentence the verifier and the bank read for a line's reason. */
export const CLAIM_REASON_TEXT: Record<ClaimLineReason, { id: string; en: string }> = {
  DUPLICATE: { id: 'Pinjaman ini sudah diklaim untuk bulan yang sama pada klaim lain.', en: 'This loan is already claimed for the same month in another claim.' },
  NOT_IN_PROGRAMME: { id: 'Pinjaman ini bukan pinjaman program yang diklaim; klaim di programnya sendiri.', en: 'This loan does not belong to the programme claimed; claim it under its own programme.' },
  NOT_DUE: { id: 'Belum ada angsuran yang jatuh tempo pada bulan ini.', en: 'No instalment falls due in this month yet.' },
  AFTER_MATURITY: { id: 'Bulan ini lewat jatuh tempo pinjaman; tidak ada subsidi setelahnya.', en: 'This month is after the loan matured; no subsidy after maturity.' },
  COLLECTIBILITY_5: { id: 'Kolektibilitas 5 (macet) pada periode ini: subsidi nihil.', en: 'Collectibility 5 (loss) in this period: no subsidy.' },
  NO_INSTALMENT: { id: 'Bank melaporkan angsuran periode ini tidak dibayar: subsidi nihil.', en: 'The bank reported this period’s instalment unpaid: no subsidy.' },
  BALANCE_DIFFERS: { id: 'Saldo awal menurut bank berbeda dari jadwal.', en: 'The bank’s opening balance differs from the schedule.' },
  DAYS_DIFFER: { id: 'Jumlah hari menurut bank berbeda dari jadwal.', en: 'The bank’s number of days differs from the schedule.' },
  RATE_DIFFERS: { id: 'Suku bunga bank yang dipakai berbeda dari suku bunga yang berlaku.', en: 'The bank used a rate other than the one in force.' },
  AMOUNT_DIFFERS: { id: 'Jumlah berbeda dari perhitungan; bank tidak menyertakan saldo, hari, atau suku bunga untuk dibandingkan.', en: 'The amount differs from the computation; the bank gave no balance, days or rate to compare.' },
}
