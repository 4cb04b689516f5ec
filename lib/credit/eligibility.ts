/**
 * Programme rules a new loan must meet (Prokesra: plafond and tenor limits, eligible scales, contract date in
 * the programme year, a registered business with an NIB). A breach is refused with its reason; an admin may
 * accept it with a written reason, and the loan stays flagged with the rules it breaks.
 */
import type { BusinessScale } from '@/lib/generated/prisma/enums'
import { formatRupiah } from '@/lib/format'

export type EligibilityIssue = 'PLAFOND_ABOVE_MAX' | 'TENOR_ABOVE_MAX' | 'SCALE_NOT_ELIGIBLE' | 'OUTSIDE_PROGRAM_YEAR' | 'NO_NIB'

export const ELIGIBILITY_MESSAGES: Record<EligibilityIssue, string> = {
  PLAFOND_ABOVE_MAX: 'Plafon melebihi batas program',
  TENOR_ABOVE_MAX: 'Tenor melebihi batas program',
  SCALE_NOT_ELIGIBLE: 'Skala usaha tidak termasuk sasaran program',
  OUTSIDE_PROGRAM_YEAR: 'Tanggal akad di luar tahun program',
  NO_NIB: 'UMKM belum memiliki NIB',
}

export type EligibilityInput = {
  program: { year: number; maxPlafond: number; maxTenorMonths: number; eligibleScales: BusinessScale[] }
  /** null: the borrower is not confirmed (NIB and NIK do not match): only the rules of the loan itself are judged */
  msme: { nib: string | null; computedScale: BusinessScale } | null
  plafond: number
  tenorMonths: number
  /** YYYY-MM-DD */
  contractDate: string
}

/** The rules this loan breaks, each with a sentence that says by how much. Empty: eligible. */
export function eligibilityIssues(i: EligibilityInput): { code: EligibilityIssue; message: string }[] {
  const out: { code: EligibilityIssue; message: string }[] = []
  if (i.plafond > i.program.maxPlafond) out.push({ code: 'PLAFOND_ABOVE_MAX', message: `${ELIGIBILITY_MESSAGES.PLAFOND_ABOVE_MAX} (${formatRupiah(i.plafond)} > ${formatRupiah(i.program.maxPlafond)}).` })
  if (i.tenorMonths > i.program.maxTenorMonths) out.push({ code: 'TENOR_ABOVE_MAX', message: `${ELIGIBILITY_MESSAGES.TENOR_ABOVE_MAX} (${i.tenorMonths} > ${i.program.maxTenorMonths} bulan).` })
  if (i.msme && i.program.eligibleScales.length > 0 && !i.program.eligibleScales.includes(i.msme.computedScale)) {
    out.push({ code: 'SCALE_NOT_ELIGIBLE', message: `${ELIGIBILITY_MESSAGES.SCALE_NOT_ELIGIBLE} (${i.msme.computedScale.toLowerCase()}).` })
  }
  if (Number(i.contractDate.slice(0, 4)) !== i.program.year) out.push({ code: 'OUTSIDE_PROGRAM_YEAR', message: `${ELIGIBILITY_MESSAGES.OUTSIDE_PROGRAM_YEAR} ${i.program.year}.` })
  if (i.msme && (!i.msme.nib || !/^\d{13}$/.test(i.msme.nib))) out.push({ code: 'NO_NIB', message: `${ELIGIBILITY_MESSAGES.NO_NIB}.` })
  return out
}
