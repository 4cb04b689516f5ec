/**
 * The dates a dashboard reads its figures at: the as-of day (default today in Jakarta, capped to the
 * programme year), the share of the year elapsed (the target's straight-line pace), the same date last
 * year (for the year-on-year change) and the quarter districts are reporting on.
 */
import type { Quarter } from '@/lib/reporting/periods'

/** Today in Western Indonesia Time as `YYYY-MM-DD`. */
export function jakartaToday(now = new Date()): string {
  return new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10)
}

/** The as-of day of a programme year's figures: the one asked for, else today, but never after 31 December. */
export function effectiveAsOf(year: number, asOf: string | undefined, now = new Date()): string {
  if (asOf) return asOf
  const today = jakartaToday(now)
  const yearEnd = `${year}-12-31`
  return today < yearEnd ? today : yearEnd
}

/** Why figures are read at another day than the one asked for: the day has not come, or it is before the programme year. */
export const AS_OF_ADJUSTMENTS = ['future', 'before_programme_year'] as const
export type AsOfAdjustment = (typeof AS_OF_ADJUSTMENTS)[number]

/**
 * The day a programme year's figures are read at for the day asked (the dashboards' filter, their exports and the
 * API's `asOf`: one rule, so the same request gives the same figures everywhere). A day after today names figures that
 * do not exist yet (and compares with quarters not yet reported): it is capped to today. A day after the programme's
 * year stays: December's subsidy is approved and paid in the next year. A day before the programme year began shows
 * nothing, and such a leftover from another programme falls back to the default (today, capped to the programme year).
 * `adjusted` says why the day read is not the one asked for (null when it is, or when none was asked).
 */
export function resolveAsOf(year: number, asked: string | undefined, now = new Date()): { asOf: string; adjusted: AsOfAdjustment | null } {
  const today = jakartaToday(now)
  const reason: AsOfAdjustment | null = !asked ? null : asked < `${year}-01-01` ? 'before_programme_year' : asked > today ? 'future' : null
  const asOf = effectiveAsOf(year, reason === 'future' ? today : reason ? undefined : asked, now)
  // a programme of next year asked for today: before its year, yet read at the very day asked
  return { asOf, adjusted: asOf === asked ? null : reason }
}

/** The share of the year elapsed at the end of `asOf` (1 January = 1/365, 31 December = 1). */
export function yearElapsed(year: number, asOf: string): number {
  const start = Date.UTC(year, 0, 1)
  const end = Date.UTC(year + 1, 0, 1)
  const at = Date.parse(`${asOf}T00:00:00Z`) + 86_400_000
  return Math.min(1, Math.max(0, (at - start) / (end - start)))
}

/** The same day and month one year earlier; 29 February becomes 28 February. */
export function sameDateLastYear(asOf: string): string {
  const [y, m, d] = asOf.split('-').map(Number)
  const last = new Date(Date.UTC(y - 1, m, 0)).getUTCDate() // days in that month last year
  return `${y - 1}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`
}

/**
 * The quarter districts report on at `asOf`: the last quarter that has ended (on 21 November 2026,
 * Triwulan III 2026; on 10 February 2026, Triwulan IV 2025).
 */
export function reportingQuarter(asOf: string): { year: number; quarter: Quarter } {
  const y = Number(asOf.slice(0, 4))
  const q = Math.floor((Number(asOf.slice(5, 7)) - 1) / 3) + 1
  return q === 1 ? { year: y - 1, quarter: 4 } : { year: y, quarter: (q - 1) as Quarter }
}
