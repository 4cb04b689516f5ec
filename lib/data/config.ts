import 'server-only'
import { Prisma } from '@/lib/generated/prisma/client'
import { readDb } from '@/lib/db'
import { env } from '@/lib/env'
import { AppError } from '@/lib/errors'
import { can } from '@/lib/permissions'
import type { SessionUser } from '@/lib/session-user'
import { defaultDeadline, deadlineEnd, quarterEndDate } from '@/lib/reporting/periods'

/**
 * Reads of the configuration screens (admin only): the indicator catalogue with what uses each
 * indicator, one indicator's target grid with the province total, and the reporting deadlines.
 */

function assertAdmin(user: SessionUser) {
  if (!can(user.role, 'config.manage')) throw new AppError('FORBIDDEN')
}

const province = () => env().AGENCY_PROVINCE_CODE

/** What refers to an indicator: a reason to refuse deleting it, or to keep its meaning unchanged. */
export type IndicatorUsage = {
  reports: number
  approvedReports: number
  targets: number
  provinceValues: number
  meetingOutcomes: number
  rules: number
  ratios: number
}

type UsageRow = { code: string; reports: number; approved_reports: number; targets: number; province_values: number; meeting_outcomes: number; rules: number; ratios: number }

/** Usage counts per indicator, counted in SQL (one pass per referring table), for one code or all. */
async function usageRows(client: Prisma.TransactionClient | typeof readDb, code?: string): Promise<Map<string, IndicatorUsage>> {
  const only = code ? Prisma.sql`WHERE i.code = ${code}` : Prisma.empty
  const rows = await client.$queryRaw<UsageRow[]>`
    SELECT i.code,
      COALESCE(v.reports, 0)::int AS reports, COALESCE(v.approved, 0)::int AS approved_reports,
      (SELECT count(*) FROM indicator_targets t WHERE t.indicator_code = i.code)::int AS targets,
      (SELECT count(*) FROM province_indicator_values p WHERE p.indicator_code = i.code)::int AS province_values,
      (SELECT count(*) FROM meeting_outcomes o WHERE o.indicator_code = i.code)::int AS meeting_outcomes,
      (SELECT count(*) FROM validation_rules r WHERE r.indicator_code = i.code OR r.other_indicator_code = i.code)::int AS rules,
      (SELECT count(*) FROM indicators x WHERE x.numerator_code = i.code OR x.denominator_code = i.code)::int AS ratios
    FROM indicators i
    LEFT JOIN (
      SELECT rv.indicator_code, count(*) AS reports, count(*) FILTER (WHERE qr.status = 'APPROVED') AS approved
      FROM report_values rv JOIN quarterly_reports qr ON qr.id = rv.report_id
      ${code ? Prisma.sql`WHERE rv.indicator_code = ${code}` : Prisma.empty}
      GROUP BY rv.indicator_code
    ) v ON v.indicator_code = i.code
    ${only}`
  return new Map(rows.map((r) => [r.code, {
    reports: r.reports, approvedReports: r.approved_reports, targets: r.targets, provinceValues: r.province_values,
    meetingOutcomes: r.meeting_outcomes, rules: r.rules, ratios: r.ratios,
  }]))
}

/** One indicator's usage, inside a transaction when deciding a change. */
export async function getIndicatorUsage(client: Prisma.TransactionClient | typeof readDb, code: string): Promise<IndicatorUsage | null> {
  return (await usageRows(client, code)).get(code) ?? null
}

export const adminIndicatorSelect = {
  code: true, formCode: true, name: true, nameEn: true, definition: true, definitionEn: true, source: true, sourceEn: true, unit: true, aggregation: true,
  timeAggregation: true, numeratorCode: true, denominatorCode: true, decimals: true, sortOrder: true, active: true, activeFrom: true, activeTo: true, version: true, updatedAt: true,
  form: { select: { name: true, nameEn: true, periodType: true, sortOrder: true } },
  activityMeasure: { select: { activityKind: true, beneficiaryType: true } },
} satisfies Prisma.IndicatorSelect

/** The whole catalogue, in form order, each indicator with its usage (the list screen's "dipakai di"). */
export async function findIndicatorsForAdmin({ user }: { user: SessionUser }) {
  assertAdmin(user)
  const [rows, usage] = await Promise.all([
    readDb.indicator.findMany({ select: adminIndicatorSelect, orderBy: [{ form: { sortOrder: 'asc' } }, { sortOrder: 'asc' }, { code: 'asc' }] }),
    usageRows(readDb),
  ])
  return rows.map((r) => ({ ...r, usage: usage.get(r.code)! }))
}

/** One indicator for its edit form, with its usage; null when unknown. */
export async function getIndicatorForEdit({ user, code }: { user: SessionUser; code: string }) {
  assertAdmin(user)
  const [row, usage] = await Promise.all([
    readDb.indicator.findUnique({ where: { code }, select: adminIndicatorSelect }),
    getIndicatorUsage(readDb, code),
  ])
  return row && usage ? { ...row, usage } : null
}

/** The forms and the indicators a ratio can be built from (the indicator form's choices). */
export async function indicatorFormChoices({ user }: { user: SessionUser }) {
  assertAdmin(user)
  const [forms, indicators] = await Promise.all([
    readDb.reportForm.findMany({ select: { code: true, name: true, nameEn: true, periodType: true }, orderBy: [{ sortOrder: 'asc' }, { code: 'asc' }] }),
    readDb.indicator.findMany({ where: { aggregation: 'SUM' }, select: { code: true, name: true, nameEn: true, formCode: true }, orderBy: [{ formCode: 'asc' }, { sortOrder: 'asc' }] }),
  ])
  return { forms, indicators }
}

type TargetRow = { regency_code: string | null; quarter: number; value: string }

/**
 * One indicator's target grid for a year: the province's regencies × (year, Triwulan I–IV), the province's
 * own row, the grid's version (for the stale-save check), and the province total check computed in SQL:
 * the sum of the regencies' year targets against the province's own.
 */
export async function getTargetGrid({ user, indicatorCode, year }: { user: SessionUser; indicatorCode: string; year: number }) {
  assertAdmin(user)
  const [indicator, regencies, targets, previous, grid, totals] = await Promise.all([
    readDb.indicator.findUnique({ where: { code: indicatorCode }, select: { code: true, name: true, nameEn: true, unit: true, aggregation: true, timeAggregation: true, decimals: true } }),
    readDb.regency.findMany({ where: { provinceCode: province() }, select: { code: true, name: true }, orderBy: { code: 'asc' } }),
    readDb.$queryRaw<TargetRow[]>`SELECT regency_code, quarter, value::text AS value FROM indicator_targets WHERE indicator_code = ${indicatorCode} AND year = ${year}`,
    readDb.$queryRaw<TargetRow[]>`SELECT regency_code, quarter, value::text AS value FROM indicator_targets WHERE indicator_code = ${indicatorCode} AND year = ${year - 1}`,
    readDb.targetGrid.findUnique({ where: { indicatorCode_year: { indicatorCode, year } }, select: { version: true, updatedAt: true } }),
    readDb.$queryRaw<{ regency_sum: string | null; province: string | null; regencies_set: number }[]>`
      SELECT sum(t.value) FILTER (WHERE t.regency_code IS NOT NULL)::text AS regency_sum,
        max(t.value) FILTER (WHERE t.regency_code IS NULL)::text AS province,
        count(*) FILTER (WHERE t.regency_code IS NOT NULL)::int AS regencies_set
      FROM indicator_targets t
      LEFT JOIN regencies g ON g.code = t.regency_code
      WHERE t.indicator_code = ${indicatorCode} AND t.year = ${year} AND t.quarter = 0 AND (t.regency_code IS NULL OR g.province_code = ${province()})`,
  ])
  if (!indicator) return null
  const asCells = (rows: TargetRow[]) => rows.map((r) => ({ regencyCode: r.regency_code, quarter: r.quarter, value: Number(r.value) }))
  const t = totals[0]
  const regencySum = t?.regency_sum === null || t?.regency_sum === undefined ? null : Number(t.regency_sum)
  const provinceTarget = t?.province === null || t?.province === undefined ? null : Number(t.province)
  return {
    indicator,
    year,
    regencies,
    cells: asCells(targets),
    previousCells: asCells(previous),
    version: grid?.version ?? 0,
    updatedAt: grid?.updatedAt ?? null,
    total: {
      regencySum,
      province: provinceTarget,
      regenciesSet: t?.regencies_set ?? 0,
      difference: indicator.aggregation === 'SUM' && regencySum !== null && provinceTarget !== null ? Math.round((regencySum - provinceTarget) * 100) / 100 : null,
    },
  }
}
export type TargetGridData = NonNullable<Awaited<ReturnType<typeof getTargetGrid>>>

type DeadlineRow = { quarter: number; deadline: string | null; version: number | null; submitted: number; approved: number }

/**
 * A year's four reporting deadlines: the configured date (with its version) or the default, and how many
 * of the province's reports were already submitted and approved (a change must not re-judge those).
 */
export async function getDeadlines({ user, year }: { user: SessionUser; year: number }) {
  assertAdmin(user)
  const rows = await readDb.$queryRaw<DeadlineRow[]>`
    SELECT q.quarter::int AS quarter, to_char(rp.deadline, 'YYYY-MM-DD') AS deadline, rp.version,
      count(r.id) FILTER (WHERE r.first_submitted_at IS NOT NULL)::int AS submitted,
      count(r.id) FILTER (WHERE r.status = 'APPROVED')::int AS approved
    FROM generate_series(1, 4) AS q(quarter)
    LEFT JOIN reporting_periods rp ON rp.year = ${year} AND rp.quarter = q.quarter
    LEFT JOIN quarterly_reports r ON r.year = ${year} AND r.quarter = q.quarter
      AND r.regency_code IN (SELECT code FROM regencies WHERE province_code = ${province()})
    GROUP BY q.quarter, rp.deadline, rp.version
    ORDER BY q.quarter`
  return rows.map((r) => ({
    quarter: r.quarter,
    quarterEnd: quarterEndDate(year, r.quarter),
    deadline: r.deadline ?? defaultDeadline(year, r.quarter),
    isDefault: r.deadline === null,
    version: r.version ?? 0,
    submitted: r.submitted,
    approved: r.approved,
  }))
}

/**
 * The province's reports of a quarter whose timeliness would change if the deadline moved from `from` to
 * `to`: first submitted on or after the end of the earlier deadline day and before the end of the later
 * one (WIB), so they flip between on time and late.
 */
export async function reportsRejudgedByDeadline(client: Prisma.TransactionClient | typeof readDb, year: number, quarter: number, from: string, to: string) {
  const [early, late] = from <= to ? [from, to] : [to, from]
  return client.quarterlyReport.findMany({
    where: {
      year, quarter, regency: { provinceCode: province() },
      firstSubmittedAt: { gte: deadlineEnd(early), lt: deadlineEnd(late) },
    },
    select: { id: true, status: true, regency: { select: { name: true } } },
    orderBy: { regencyCode: 'asc' },
  })
}
