import { Prisma } from '@/lib/generated/prisma/client'
import type { db } from '@/lib/db'
import { currentQuarter, defaultDeadline, periodOrdinal, previousQuarter } from '@/lib/reporting/periods'

// not `server-only`: `npm run setup` (scripts/lib/setup.ts) sets the start too, outside Next

/**
 * The first quarter the agency requires reports for. An agency that starts using Lumbung in December has
 * no reports for the quarters before, and they must not show as overdue on every dashboard, on every
 * district's home page, or be reminded. A period before the start is "not required": it is not judged on
 * time, late or overdue, its completeness is not a figure, and it is not reminded; a report a district
 * enters for it anyway is kept and shown. No start set (a deployment with its history) means every period
 * is required. Set on /pengaturan/tenggat, by `npm run setup` (firstReportingQuarter), and by the demo seed
 * (Triwulan I 2025, its first reports: prisma/seed/reporting.ts#DEMO_REPORTING_START).
 */
export const REPORTING_START_KEY = 'reporting.firstPeriod'

export type ReportingStart = { year: number; quarter: number }

/** SQL: a period's ordinal, the same count as lib/reporting/periods.ts#periodOrdinal (`year`, `quarter` as SQL). */
export const periodOrdinalSql = (year: Prisma.Sql, quarter: Prisma.Sql) => Prisma.sql`((${year}) * 4 + (${quarter}) - 1)`

/**
 * SQL: the first required period's ordinal (lib/reporting/periods.ts#periodOrdinal), 0 while none is set. A
 * scalar sub-select, so each statement reads the setting in its own snapshot, with the reports it judges. The
 * value's shape is checked before any cast, as parseReportingStart checks it: a malformed row (written by hand)
 * means "every period", never an error in every reporting query.
 */
const startOrdinalSql = Prisma.sql`COALESCE((
  SELECT CASE WHEN jsonb_typeof(s.value->'year') = 'number' AND s.value->>'year' ~ '^[0-9]{4}$'
               AND jsonb_typeof(s.value->'quarter') = 'number' AND s.value->>'quarter' ~ '^[1-4]$'
              THEN ${periodOrdinalSql(Prisma.sql`(s.value->>'year')::int`, Prisma.sql`(s.value->>'quarter')::int`)} END
  FROM settings s WHERE s.key = ${REPORTING_START_KEY}), 0)`

/** SQL: whether the agency has set a start (the completeness card then judges a required quarter by itself). */
export const reportingStartSetSql = Prisma.sql`(${startOrdinalSql} > 0)`

/** SQL: whether the period (`year`, `quarter` as SQL expressions) is one the agency requires reports for. */
export const requiredPeriodSql = (year: Prisma.Sql, quarter: Prisma.Sql) => Prisma.sql`(${periodOrdinalSql(year, quarter)} >= ${startOrdinalSql})`

/** The start as set, with the version a save is checked against (0: never set), or null fields when unset. */
export async function getReportingStart(client: Pick<typeof db, 'setting'>): Promise<{ start: ReportingStart | null; version: number; updatedAt: Date | null }> {
  const row = await client.setting.findUnique({ where: { key: REPORTING_START_KEY }, select: { value: true, version: true, updatedAt: true } })
  return { start: parseReportingStart(row?.value), version: row?.version ?? 0, updatedAt: row?.updatedAt ?? null }
}

/** The stored value read defensively: `{ year, quarter }`, or null (unset, or cleared to "every period"). */
export function parseReportingStart(value: Prisma.JsonValue | undefined): ReportingStart | null {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return null
  const { year, quarter } = value as Record<string, unknown>
  return Number.isInteger(year) && (year as number) >= 1000 && (year as number) <= 9999 && Number.isInteger(quarter) && (quarter as number) >= 1 && (quarter as number) <= 4
    ? { year: year as number, quarter: quarter as number } : null
}

/**
 * The first quarter a deployment starting on `today` (YYYY-MM-DD, WIB) can be asked for: the previous quarter while
 * its default deadline has not passed (set up on 5 January, Triwulan IV's report is due on the 15th), else the
 * current one. `npm run setup` starts reporting there.
 */
export function firstReportingQuarter(today: string): ReportingStart {
  const current = currentQuarter(new Date(`${today}T12:00:00+07:00`))
  const previous = previousQuarter(current.year, current.quarter)
  return today <= defaultDeadline(previous.year, previous.quarter) ? previous : current
}

/** Whether a period is required under `start` (the pure twin of `requiredPeriodSql`). */
export function isRequiredPeriod(start: ReportingStart | null, year: number, quarter: number): boolean {
  return start === null || periodOrdinal(year, quarter) >= periodOrdinal(start.year, start.quarter)
}
