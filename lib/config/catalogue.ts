/**
 * Rules of the configuration screens that are pure (no database), so the screens, the actions and the
 * tests apply the same ones.
 */

/**
 * What of an indicator cannot change once a report holds a value for it: each of these changes what a
 * stored value means (its unit, its form, how it rolls up), so changing it would rewrite approved reports.
 * Names, order and the validity window can change; a new meaning needs a new indicator.
 */
export const LOCKED_WHEN_REPORTED = ['formCode', 'unit', 'aggregation', 'timeAggregation', 'numeratorCode', 'denominatorCode', 'decimals'] as const
export type LockedField = (typeof LOCKED_WHEN_REPORTED)[number]

/**
 * What of an indicator cannot change once it has targets but no report value yet: its form (its period: a
 * quarterly indicator's Triwulan I–IV targets mean nothing on a half-yearly form), its unit (a target of 6.000
 * permits would become Rp6.000), how regencies add up to the province (the province total check the targets were
 * saved under) and how quarters add up to a year (what a quarter's target means). Decimals and ratio parts may
 * still change: no value has been reported against them.
 */
export const LOCKED_WHEN_TARGETED = ['formCode', 'unit', 'aggregation', 'timeAggregation'] as const satisfies readonly LockedField[]

/** The fields an indicator with this usage cannot change: none, those its targets fix, or those its reports fix. */
export function lockedFields(usage: { reports: number; targets: number }): readonly LockedField[] {
  return usage.reports > 0 ? LOCKED_WHEN_REPORTED : usage.targets > 0 ? LOCKED_WHEN_TARGETED : []
}

/** The id of the indicator edit page's note on why some fields cannot change (the locked fields are described by it). */
export const INDICATOR_LOCKED_NOTE = 'indicator-locked-note'

/** The locked fields whose value differs between the stored indicator and the edit. */
export function changedLockedFields<T extends Record<LockedField, unknown>>(before: T, after: T, locked: readonly LockedField[] = LOCKED_WHEN_REPORTED): LockedField[] {
  return locked.filter((f) => (before[f] ?? null) !== (after[f] ?? null))
}

/** The first and last calendar day of a quarter, `YYYY-MM-DD`. */
export function quarterBounds(year: number, quarter: number): { start: string; end: string } {
  const start = new Date(Date.UTC(year, (quarter - 1) * 3, 1)).toISOString().slice(0, 10)
  const end = new Date(Date.UTC(year, quarter * 3, 0)).toISOString().slice(0, 10)
  return { start, end }
}

/** Whether an indicator valid from `activeFrom` to `activeTo` (either open) is asked for in the quarter. */
export function activeInQuarter(window: { activeFrom: string | null; activeTo: string | null }, year: number, quarter: number): boolean {
  const { start, end } = quarterBounds(year, quarter)
  return (window.activeFrom === null || window.activeFrom <= end) && (window.activeTo === null || window.activeTo >= start)
}

export type ProvinceTotalCheck = {
  /** Σ of the regencies' year targets, null when none is set */
  regencySum: number | null
  /** the province's own year target, null when not set */
  province: number | null
  /** regency sum − province target; null when either is missing or the indicator does not add up */
  difference: number | null
}

/**
 * The province total check of a target grid: for an indicator that adds up over regencies (SUM), the
 * regencies' year targets should add up to the province's own. A ratio or a province-level figure does
 * not add up, so it has no check.
 */
export function provinceTotalCheck(aggregation: 'SUM' | 'RATIO' | 'PROVINCE', cells: readonly { regencyCode: string | null; quarter: number; value: number }[]): ProvinceTotalCheck {
  const year = cells.filter((c) => c.quarter === 0)
  const regency = year.filter((c) => c.regencyCode !== null)
  // in hundredths, so 0,1 + 0,2 adds up to 0,3 exactly
  const regencySum = regency.length ? regency.reduce((s, c) => s + Math.round(c.value * 100), 0) / 100 : null
  const province = year.find((c) => c.regencyCode === null)?.value ?? null
  const difference = aggregation === 'SUM' && regencySum !== null && province !== null ? Math.round((regencySum - province) * 100) / 100 : null
  return { regencySum, province, difference }
}

type GridCell = { regencyCode: string | null; quarter: number; value: number }

/**
 * The rows of a target grid whose quarter targets add up to more than their year target, for an indicator whose
 * quarters add up to its year: a count during the period (FLOW) summed over regencies (SUM: permits issued in a
 * quarter). Four quarters of 2.000 permits under a year of 6.000 cannot all be met by a year that meets its own.
 * A stock (the latest quarter is the year's figure), a ratio (the year is its summed parts' ratio) and a
 * province-level figure (its latest value) have no such sum. In hundredths, as the province total check.
 * With `before` (the stored grid), a row whose cells the save leaves as they were is not judged: a grid stored
 * before the rule must stay editable in its other rows.
 */
/**
 * The quarter targets above their row's year target, for a stock (a position at the quarter's end: healthy
 * cooperatives): the year's target is the position it ends on, so a quarter's above it is most likely a slip
 * (1.012 typed for 10). A warning the grid shows while typing, not a refusal: a position may peak mid-year.
 * A flow's quarters are judged by their sum (quarterTargetsAboveYear), a refusal for a summed one.
 */
export function stockQuartersAboveYear(timeAggregation: 'FLOW' | 'STOCK', cells: readonly GridCell[]): { regencyCode: string | null; quarter: number; value: number; year: number }[] {
  if (timeAggregation !== 'STOCK') return []
  const years = new Map(cells.filter((c) => c.quarter === 0).map((c) => [c.regencyCode, c.value]))
  return cells.flatMap((c) => {
    const year = years.get(c.regencyCode)
    return c.quarter > 0 && year !== undefined && c.value > year ? [{ regencyCode: c.regencyCode, quarter: c.quarter, value: c.value, year }] : []
  })
}

export function quarterTargetsAboveYear(
  indicator: { aggregation: 'SUM' | 'RATIO' | 'PROVINCE'; timeAggregation: 'FLOW' | 'STOCK' },
  cells: readonly GridCell[],
  before?: readonly GridCell[],
): { regencyCode: string | null; quarterSum: number; year: number }[] {
  if (indicator.aggregation !== 'SUM' || indicator.timeAggregation !== 'FLOW') return []
  const rowsOf = (list: readonly GridCell[]) => {
    const rows = new Map<string | null, { year: number | null; sum: number; quarters: number; text: string[] }>()
    for (const c of [...list].sort((a, b) => a.quarter - b.quarter)) {
      const row = rows.get(c.regencyCode) ?? { year: null, sum: 0, quarters: 0, text: [] }
      if (c.quarter === 0) row.year = c.value
      else {
        row.sum += Math.round(c.value * 100)
        row.quarters++
      }
      row.text.push(`${c.quarter}:${Math.round(c.value * 100)}`)
      rows.set(c.regencyCode, row)
    }
    return rows
  }
  const stored = before ? rowsOf(before) : null
  return [...rowsOf(cells)].flatMap(([regencyCode, r]) => {
    if (stored && stored.get(regencyCode)?.text.join() === r.text.join()) return []
    return r.year !== null && r.quarters > 0 && r.sum > Math.round(r.year * 100) ? [{ regencyCode, quarterSum: r.sum / 100, year: r.year }] : []
  })
}
