/**
 * Reporting calendar: quarters (Triwulan I–IV), which forms fall due in a quarter, deadlines and
 * timeliness. Pure functions: the same rules run in pages, actions and tests. The SQL side of the
 * deadline (for the completeness grid) lives in lib/data/reporting.ts and must agree with this file.
 */
// Western Indonesia Time (WIB, UTC+7): the agencies' working day, one offset for the whole app
import { WIB_OFFSET_MS } from '@/lib/dates'

export type Quarter = 1 | 2 | 3 | 4
export type PeriodType = 'QUARTERLY' | 'SEMESTER' | 'YEARLY'

export const QUARTERS: readonly Quarter[] = [1, 2, 3, 4]

/** Days after the quarter's last day until a report is due, unless a reporting period says otherwise. */
export const DEFAULT_DEADLINE_DAYS = 15

const ROMAN = ['I', 'II', 'III', 'IV'] as const

/** `Triwulan III` / `Quarter III`. */
export function quarterLabel(quarter: number, locale: 'id' | 'en' = 'id'): string {
  return `${locale === 'en' ? 'Quarter' : 'Triwulan'} ${ROMAN[quarter - 1]}`
}

/**
 * A quarter on a realisation chart's axis, compact as each language writes it: `TW III` in Indonesian, `Q3` in
 * English (the Indonesian abbreviation means nothing to an English reader).
 */
export function chartQuarter(quarter: number, locale: 'id' | 'en'): string {
  return locale === 'en' ? `Q${quarter}` : `TW ${ROMAN[quarter - 1]}`
}

/** `TW III 2026`: compact for table headers and charts. */
export function quarterShort(year: number, quarter: number): string {
  return `TW ${ROMAN[quarter - 1]} ${year}`
}

/** Whether a form of this period type is reported in this quarter: semester forms in II and IV, yearly in IV. */
export function isDueInQuarter(periodType: PeriodType, quarter: number): boolean {
  if (periodType === 'QUARTERLY') return true
  if (periodType === 'SEMESTER') return quarter === 2 || quarter === 4
  return quarter === 4
}

/** The quarter's last calendar day as `YYYY-MM-DD`. */
export function quarterEndDate(year: number, quarter: number): string {
  return isoDate(new Date(Date.UTC(year, quarter * 3, 0)))
}

/** The default deadline: 15 days after the quarter ends (Triwulan III 2026 → 2026-10-15). */
export function defaultDeadline(year: number, quarter: number): string {
  return isoDate(new Date(Date.UTC(year, quarter * 3, DEFAULT_DEADLINE_DAYS)))
}

/** The instant the deadline day ends in WIB: a submission before it is on time. */
export function deadlineEnd(deadline: string): Date {
  const [y, m, d] = deadline.split('-').map(Number)
  return new Date(Date.UTC(y, m - 1, d + 1) - WIB_OFFSET_MS)
}

/**
 * The instant figures "as of" a day are judged at: the end of that day in WIB, or now while the day is not
 * over. A deadline after it is not yet missed, and a report submitted after it was not yet submitted.
 */
export function asOfInstant(asOf: string, now = new Date()): Date {
  const end = deadlineEnd(asOf)
  return end.getTime() < now.getTime() ? end : now
}

/** On time when submitted before the end of the deadline day (WIB). */
export function isOnTime(submittedAt: Date, deadline: string): boolean {
  return submittedAt.getTime() < deadlineEnd(deadline).getTime()
}

/** Whether the deadline has passed at `now`. */
export function isPastDeadline(deadline: string, now: Date): boolean {
  return now.getTime() >= deadlineEnd(deadline).getTime()
}

/**
 * A period's ordinal (year × 4 + quarter − 1), so that periods compare as numbers: Triwulan IV 2026 comes
 * before Triwulan I 2027. The SQL side (lib/reporting/start.ts) counts the same way.
 */
export function periodOrdinal(year: number, quarter: number): number {
  return year * 4 + quarter - 1
}

/** The quarter before: Triwulan I's is Triwulan IV of the year before. */
export function previousQuarter(year: number, quarter: number): { year: number; quarter: Quarter } {
  return quarter === 1 ? { year: year - 1, quarter: 4 } : { year, quarter: (quarter - 1) as Quarter }
}

/** Whether the quarter has begun at `now` (WIB): a district may start its report from the first day. */
export function quarterStarted(year: number, quarter: number, now: Date): boolean {
  const start = Date.UTC(year, (quarter - 1) * 3, 1) - WIB_OFFSET_MS
  return now.getTime() >= start
}

/** The current year and quarter in WIB. */
export function currentQuarter(now: Date): { year: number; quarter: Quarter } {
  const wib = new Date(now.getTime() + WIB_OFFSET_MS)
  return { year: wib.getUTCFullYear(), quarter: (Math.floor(wib.getUTCMonth() / 3) + 1) as Quarter }
}

function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10)
}
