import 'server-only'
import { AppError } from '@/lib/errors'
import { Prisma } from '@/lib/generated/prisma/client'
import { readDb } from '@/lib/db'
import { env } from '@/lib/env'
import { can } from '@/lib/permissions'
import { inRegencyScope, regencyScope } from '@/lib/scope'
import type { SessionUser } from '@/lib/session-user'
import { currentQuarter, defaultDeadline, isDueInQuarter, isOnTime, isPastDeadline, previousQuarter, type PeriodType } from '@/lib/reporting/periods'
import { COMPARED_REPORT_STATUSES, type Rule, type RuleIndicator } from '@/lib/reporting/rules'
import { quarterBounds } from '@/lib/config/catalogue'
import { getReportingStart, isRequiredPeriod, reportingStartSetSql, requiredPeriodSql } from '@/lib/reporting/start'

/**
 * Reads of quarterly district reporting. Every figure is computed in PostgreSQL (GROUP BY, FILTER,
 * one query per figure set) and scoped by role in the WHERE clause: a district officer sees its own
 * regency's rows, plus province totals (which docs/roles.md allows it to read). The leadership
 * dashboard calls `getCompleteness` and `getIndicatorRealisation` as they are.
 */

export type ReportStatus = 'DRAFT' | 'SUBMITTED' | 'RETURNED' | 'APPROVED'
/** NOT_STARTED: no report row yet */
export type GridStatus = ReportStatus | 'NOT_STARTED'
/**
 * ON_TIME/LATE: judged on the first submission; OVERDUE: not submitted and the deadline passed; PENDING: not
 * yet due; NOT_REQUIRED: a period before the agency's first required one (lib/reporting/start.ts), not judged
 */
export type Timeliness = 'ON_TIME' | 'LATE' | 'OVERDUE' | 'PENDING' | 'NOT_REQUIRED'

function assertReader(user: SessionUser) {
  if (!can(user.role, 'reports.read')) throw new AppError('FORBIDDEN')
}

/** The agency's province: reporting covers its regencies only. */
const province = () => env().AGENCY_PROVINCE_CODE

/**
 * A quarter's deadline in SQL, the same rule as `defaultDeadline` in lib/reporting/periods.ts: the
 * configured date, else 15 days after the quarter's last day.
 */
const deadlineSql = (year: Prisma.Sql, quarter: Prisma.Sql, configured: Prisma.Sql) =>
  Prisma.sql`COALESCE(${configured}, (make_date(${year}, ${quarter} * 3, 1) + interval '1 month' + interval '14 days')::date)`

/**
 * The instant a deadline day ends in WIB (UTC+7), as the UTC timestamp Prisma stores: the same rule as
 * `deadlineEnd` in periods.ts.
 */
const deadlineEndSql = (deadline: Prisma.Sql) => Prisma.sql`((${deadline} + 1)::timestamp - interval '7 hours')`

/**
 * Timeliness at `now`: a submission after `now` (an as-of day in the past) has not happened yet. `required`:
 * the SQL of whether the period is required at all (`requiredPeriodSql`).
 */
const timelinessSql = (deadline: Prisma.Sql, required: Prisma.Sql, now: Date) => Prisma.sql`CASE
  WHEN NOT ${required} THEN 'NOT_REQUIRED'
  WHEN r.first_submitted_at <= ${now}::timestamp AND r.first_submitted_at < ${deadlineEndSql(deadline)} THEN 'ON_TIME'
  WHEN r.first_submitted_at <= ${now}::timestamp THEN 'LATE'
  WHEN ${now}::timestamp >= ${deadlineEndSql(deadline)} THEN 'OVERDUE'
  ELSE 'PENDING' END`

// ── Catalogue ──────────────────────────────────────────────────────────────────────────────────────
export const indicatorSelect = {
  code: true, formCode: true, name: true, nameEn: true, unit: true, aggregation: true, timeAggregation: true,
  numeratorCode: true, denominatorCode: true, decimals: true, sortOrder: true, definition: true, definitionEn: true, source: true, sourceEn: true,
} satisfies Prisma.IndicatorSelect
export type IndicatorRow = Prisma.IndicatorGetPayload<{ select: typeof indicatorSelect }>

export type ReportFormWithIndicators = { code: string; name: string; nameEn: string; periodType: PeriodType; indicators: IndicatorRow[] }

/**
 * The forms due in a quarter with their regency-level indicators (province-level figures are not in
 * district reports) asked for in that quarter: active, with a validity window (active from/to) that
 * overlaps the quarter. A report that already holds a value for an indicator keeps showing it after the
 * indicator is retired, so a configuration change never hides what an approved report said.
 */
export async function getQuarterForms(year: number, quarter: number, reportId?: string): Promise<ReportFormWithIndicators[]> {
  const { start, end } = quarterBounds(year, quarter)
  const asked: Prisma.IndicatorWhereInput = {
    active: true,
    AND: [{ OR: [{ activeFrom: null }, { activeFrom: { lte: new Date(end) } }] }, { OR: [{ activeTo: null }, { activeTo: { gte: new Date(start) } }] }],
  }
  const forms = await readDb.reportForm.findMany({
    select: {
      code: true, name: true, nameEn: true, periodType: true,
      indicators: {
        where: { aggregation: { not: 'PROVINCE' }, OR: [asked, ...(reportId ? [{ values: { some: { reportId } } }] : [])] },
        select: indicatorSelect,
        orderBy: [{ sortOrder: 'asc' }, { code: 'asc' }],
      },
    },
    orderBy: [{ sortOrder: 'asc' }, { code: 'asc' }],
  })
  return forms.filter((f) => isDueInQuarter(f.periodType, quarter) && f.indicators.length > 0)
}

/** The active validation rules, as the pure rules module reads them. */
export async function getValidationRules(): Promise<Rule[]> {
  const rows = await readDb.validationRule.findMany({
    where: { active: true },
    select: { code: true, kind: true, severity: true, indicatorCode: true, otherIndicatorCode: true, min: true, max: true, thresholdPercent: true, message: true, messageEn: true },
    orderBy: { code: 'asc' },
  })
  const num = (d: Prisma.Decimal | null) => (d === null ? null : Number(d))
  return rows.map((r) => ({ ...r, min: num(r.min), max: num(r.max), thresholdPercent: num(r.thresholdPercent) }))
}

export function toRuleIndicators(forms: ReportFormWithIndicators[]): RuleIndicator[] {
  return forms.flatMap((f) => f.indicators.map((i) => ({ code: i.code, aggregation: i.aggregation, numeratorCode: i.numeratorCode, denominatorCode: i.denominatorCode, decimals: i.decimals })))
}

/** Every indicator for the realisation page's picker, in form order. */
export async function listIndicators() {
  return readDb.indicator.findMany({ where: { active: true }, select: { ...indicatorSelect, form: { select: { name: true, nameEn: true, sortOrder: true } } }, orderBy: [{ form: { sortOrder: 'asc' } }, { sortOrder: 'asc' }] })
}

/** The deadline of a quarter: the configured one, else 15 days after the quarter ends (`YYYY-MM-DD`). */
export async function getDeadline(year: number, quarter: number): Promise<string> {
  const p = await readDb.reportingPeriod.findUnique({ where: { year_quarter: { year, quarter } }, select: { deadline: true } })
  return p ? p.deadline.toISOString().slice(0, 10) : defaultDeadline(year, quarter)
}

// ── One report ─────────────────────────────────────────────────────────────────────────────────────
export const reportSelect = {
  id: true, regencyCode: true, year: true, quarter: true, status: true, obstacles: true, followUps: true,
  returnReason: true, reopenReason: true, firstSubmittedAt: true, submittedAt: true, reviewedAt: true, approvedAt: true,
  version: true, updatedAt: true,
  regency: { select: { code: true, name: true } },
  values: { select: { indicatorCode: true, value: true, comment: true, reviewNote: true } },
} satisfies Prisma.QuarterlyReportSelect

/**
 * The last period before Triwulan `quarter` of `year` in which a form of `periodType` is due: the previous
 * quarter for a quarterly form, the previous semester (Triwulan II for IV, Triwulan IV of last year for
 * II) for a semester form, last year's Triwulan IV for a yearly one.
 */
export function previousDuePeriod(periodType: PeriodType, year: number, quarter: number): { year: number; quarter: number } {
  let p = previousQuarter(year, quarter)
  while (!isDueInQuarter(periodType, p.quarter)) p = previousQuarter(p.year, p.quarter)
  return p
}

const PERIOD_TYPES: readonly PeriodType[] = ['QUARTERLY', 'SEMESTER', 'YEARLY']

/**
 * A regency's report for a quarter, with what the entry and review screens put beside each value: the
 * previous value and the year's (or quarter's) target. `previous.values` is the previous quarter's, as
 * the submission's rules compare (lib/actions/reporting.ts); `previous.shown` is what the screens show,
 * each indicator's value in the last period its form was due (previousDuePeriod), so a semester figure
 * stands beside the previous semester's rather than an empty quarter. `null` when the regency is outside
 * the user's scope or unknown; `report` is null when the regency has not started it.
 */
export async function getReport({ user, regencyCode, year, quarter }: { user: SessionUser; regencyCode: string; year: number; quarter: number }) {
  assertReader(user)
  if (!inRegencyScope(user, regencyCode)) return null
  const prev = previousQuarter(year, quarter)
  const duePeriods = PERIOD_TYPES.map((type) => previousDuePeriod(type, year, quarter))
  const existing = await readDb.quarterlyReport.findUnique({ where: { regencyCode_year_quarter: { regencyCode, year, quarter } }, select: { id: true } })
  const [regency, report, previous, targets, forms, rules, deadline, reportingStart, previousReport] = await Promise.all([
    readDb.regency.findFirst({ where: { code: regencyCode, provinceCode: province() }, select: { code: true, name: true } }),
    readDb.quarterlyReport.findUnique({ where: { regencyCode_year_quarter: { regencyCode, year, quarter } }, select: reportSelect }),
    readDb.reportValue.findMany({
      where: { report: { regencyCode, status: { in: [...COMPARED_REPORT_STATUSES] }, OR: duePeriods.map((p) => ({ year: p.year, quarter: p.quarter })) } },
      select: { indicatorCode: true, value: true, report: { select: { year: true, quarter: true, status: true } } },
    }),
    readDb.indicatorTarget.findMany({
      where: { regencyCode, year, quarter: { in: [0, quarter] } },
      select: { indicatorCode: true, quarter: true, value: true },
    }),
    getQuarterForms(year, quarter, existing?.id),
    getValidationRules(),
    getDeadline(year, quarter),
    getReportingStart(readDb),
    // the previous quarter's report whatever its state: one not sent is said as such beside the empty column
    readDb.quarterlyReport.findUnique({ where: { regencyCode_year_quarter: { regencyCode, year: prev.year, quarter: prev.quarter } }, select: { status: true } }),
  ])
  if (!regency) return null
  const valueIn = (p: { year: number; quarter: number }) => {
    const out: Record<string, number | null> = {}
    for (const v of previous) if (v.report.year === p.year && v.report.quarter === p.quarter) out[v.indicatorCode] = v.value === null ? null : Number(v.value)
    return out
  }
  const previousValues = valueIn(prev)
  const shownValues: Record<string, number | null> = {}
  for (const f of forms) {
    const values = valueIn(previousDuePeriod(f.periodType, year, quarter))
    for (const i of f.indicators) if (i.code in values) shownValues[i.code] = values[i.code]
  }
  const previousStatus = previous.find((v) => v.report.year === prev.year && v.report.quarter === prev.quarter)?.report.status ?? null
  // a quarter's own target wins over the year's
  const targetValues: Record<string, { value: number; quarter: number }> = {}
  for (const t of [...targets].sort((a, b) => a.quarter - b.quarter)) targetValues[t.indicatorCode] = { value: Number(t.value), quarter: t.quarter }
  const auditTrail = report
    ? await readDb.auditLog.findMany({
        where: { entity: 'QuarterlyReport', entityId: report.id, action: { in: ['SUBMIT', 'RETURN', 'APPROVE', 'REOPEN'] } },
        select: { id: true, createdAt: true, userId: true, username: true, action: true, after: true },
        orderBy: { id: 'asc' },
        take: 100,
      })
    : []
  // the history names people as the rest of the app does (the audit row keeps the username it was written under)
  const userIds = [...new Set(auditTrail.map((a) => a.userId).filter((id): id is string => !!id))]
  const names = new Map(userIds.length ? (await readDb.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true } })).map((u) => [u.id, u.name]) : [])
  return {
    regency,
    year,
    quarter,
    deadline,
    // a period before the agency's first required one is not judged on time, late or overdue
    required: isRequiredPeriod(reportingStart.start, year, quarter),
    report,
    // `unsent`: the previous quarter's report exists but was not sent (a draft, or returned or reopened for correction):
    // its values are neither shown nor compared with, and the page says why the column is empty
    previous: {
      ...prev, values: previousValues, shown: shownValues, status: previousStatus as ReportStatus | null,
      unsent: previousReport && !(COMPARED_REPORT_STATUSES as readonly string[]).includes(previousReport.status) ? previousReport.status : null,
    },
    targets: targetValues,
    forms,
    rules,
    history: auditTrail.map((a) => ({ id: a.id.toString(), createdAt: a.createdAt, who: (a.userId && names.get(a.userId)) || a.username, action: a.action, reason: reasonOf(a.after) })),
  }
}
export type ReportDetail = NonNullable<Awaited<ReturnType<typeof getReport>>>

/** The reason recorded with a return or reopen, read back from the audit row's `after`. */
function reasonOf(after: Prisma.JsonValue): string | null {
  if (after && typeof after === 'object' && !Array.isArray(after)) {
    const a = after as Record<string, unknown>
    if (a.status === 'RETURNED' && typeof a.returnReason === 'string') return a.returnReason
  }
  return null
}

// ── Lists ──────────────────────────────────────────────────────────────────────────────────────────
/** Reports awaiting review (SUBMITTED), oldest submission first: the admin's inbox. */
export async function findReportInbox({ user }: { user: SessionUser }) {
  if (!can(user.role, 'reports.review')) throw new AppError('FORBIDDEN')
  const [rows, periods, reportingStart] = await Promise.all([
    readDb.quarterlyReport.findMany({
      where: { status: 'SUBMITTED', regency: { provinceCode: province() } },
      select: { id: true, regencyCode: true, year: true, quarter: true, submittedAt: true, firstSubmittedAt: true, regency: { select: { name: true } } },
      orderBy: [{ submittedAt: 'asc' }, { id: 'asc' }],
      take: 500,
    }),
    readDb.reportingPeriod.findMany({ select: { year: true, quarter: true, deadline: true } }),
    getReportingStart(readDb),
  ])
  const configured = new Map(periods.map((p) => [`${p.year}-${p.quarter}`, p.deadline.toISOString().slice(0, 10)]))
  return rows.map((r) => {
    const deadline = configured.get(`${r.year}-${r.quarter}`) ?? defaultDeadline(r.year, r.quarter)
    return {
      ...r, deadline, required: isRequiredPeriod(reportingStart.start, r.year, r.quarter),
      onTime: r.firstSubmittedAt ? isOnTime(r.firstSubmittedAt, deadline) : false, resubmitted: Boolean(r.firstSubmittedAt && r.submittedAt && r.submittedAt > r.firstSubmittedAt) }
  })
}

type GridRow = {
  regency_code: string
  regency_name: string
  quarter: number
  deadline: string
  report_id: string | null
  status: GridStatus
  /** returned by a reopening of the approved report (its banner says "Dibuka kembali"), not by a review */
  reopened: boolean
  first_submitted_at: Date | null
  submitted_at: Date | null
  timeliness: Timeliness
}

type RateRow = {
  quarter: number
  deadline: string
  required: boolean
  start_set: boolean
  regencies: number
  submitted: number
  on_time: number
  late: number
  approved: number
  awaiting: number
  returned: number
  draft: number
  not_started: number
  completeness: number | null
  timeliness: number | null
}

/**
 * Completeness and timeliness for a year: the regencies × quarters grid (status, on time or late)
 * and, per quarter, the counts and rates for the whole province. A district officer's grid holds its
 * own regency; the rates are province totals.
 */
export async function getCompleteness({ user, year, now = new Date() }: { user: SessionUser; year: number; now?: Date }) {
  assertReader(user)
  const scope = regencyScope(user).regencyCode
  const periods = Prisma.sql`
    SELECT q.quarter, ${deadlineSql(Prisma.sql`${year}::int`, Prisma.sql`q.quarter`, Prisma.sql`rp.deadline`)} AS deadline,
      ${requiredPeriodSql(Prisma.sql`${year}::int`, Prisma.sql`q.quarter`)} AS required
    FROM generate_series(1, 4) AS q(quarter)
    LEFT JOIN reporting_periods rp ON rp.year = ${year} AND rp.quarter = q.quarter`
  const deadline = Prisma.sql`p.deadline`
  const [grid, rates] = await Promise.all([
    readDb.$queryRaw<GridRow[]>`
      WITH p AS (${periods})
      SELECT g.code AS regency_code, g.name AS regency_name, p.quarter::int AS quarter, to_char(p.deadline, 'YYYY-MM-DD') AS deadline,
        r.id AS report_id, COALESCE(r.status::text, 'NOT_STARTED') AS status, coalesce(r.reopen_reason IS NOT NULL, false) AS reopened, r.first_submitted_at, r.submitted_at,
        ${timelinessSql(deadline, Prisma.sql`p.required`, now)} AS timeliness
      FROM regencies g
      CROSS JOIN p
      LEFT JOIN quarterly_reports r ON r.regency_code = g.code AND r.year = ${year} AND r.quarter = p.quarter
      WHERE g.province_code = ${province()} ${scope ? Prisma.sql`AND g.code = ${scope}` : Prisma.empty}
      ORDER BY g.code, p.quarter`,
    readDb.$queryRaw<RateRow[]>`
      WITH p AS (${periods})
      SELECT p.quarter::int AS quarter, to_char(p.deadline, 'YYYY-MM-DD') AS deadline, p.required, ${reportingStartSetSql} AS start_set,
        count(*)::int AS regencies,
        count(*) FILTER (WHERE r.first_submitted_at <= ${now}::timestamp)::int AS submitted,
        count(*) FILTER (WHERE r.first_submitted_at <= ${now}::timestamp AND r.first_submitted_at < ${deadlineEndSql(deadline)})::int AS on_time,
        count(*) FILTER (WHERE r.first_submitted_at <= ${now}::timestamp AND r.first_submitted_at >= ${deadlineEndSql(deadline)})::int AS late,
        count(*) FILTER (WHERE r.status = 'APPROVED')::int AS approved,
        count(*) FILTER (WHERE r.status = 'SUBMITTED')::int AS awaiting,
        count(*) FILTER (WHERE r.status = 'RETURNED')::int AS returned,
        count(*) FILTER (WHERE r.status = 'DRAFT')::int AS draft,
        count(*) FILTER (WHERE r.id IS NULL)::int AS not_started,
        -- a period before the first required one has no rates: nobody owed its reports
        CASE WHEN p.required THEN round(100.0 * count(*) FILTER (WHERE r.first_submitted_at <= ${now}::timestamp) / NULLIF(count(*), 0), 2)::float8 END AS completeness,
        CASE WHEN p.required THEN round(100.0 * count(*) FILTER (WHERE r.first_submitted_at <= ${now}::timestamp AND r.first_submitted_at < ${deadlineEndSql(deadline)}) / NULLIF(count(*), 0), 2)::float8 END AS timeliness
      FROM regencies g
      CROSS JOIN p
      LEFT JOIN quarterly_reports r ON r.regency_code = g.code AND r.year = ${year} AND r.quarter = p.quarter
      WHERE g.province_code = ${province()}
      GROUP BY p.quarter, p.deadline, p.required
      ORDER BY p.quarter`,
  ])
  const regencies: { code: string; name: string; quarters: { quarter: number; reportId: string | null; status: GridStatus; reopened: boolean; timeliness: Timeliness; firstSubmittedAt: Date | null }[] }[] = []
  for (const row of grid) {
    let r = regencies.at(-1)
    if (!r || r.code !== row.regency_code) regencies.push((r = { code: row.regency_code, name: row.regency_name, quarters: [] }))
    r.quarters.push({ quarter: row.quarter, reportId: row.report_id, status: row.status, reopened: row.reopened, timeliness: row.timeliness, firstSubmittedAt: row.first_submitted_at })
  }
  return {
    year,
    regencies,
    quarters: rates.map((q) => ({
      quarter: q.quarter, deadline: q.deadline, regencies: q.regencies, submitted: q.submitted, onTime: q.on_time, late: q.late,
      approved: q.approved, awaiting: q.awaiting, returned: q.returned, draft: q.draft, notStarted: q.not_started,
      completeness: q.completeness, timeliness: q.timeliness, required: q.required, startSet: q.start_set, pastDeadline: q.required && isPastDeadline(q.deadline, now),
    })),
  }
}
export type Completeness = Awaited<ReturnType<typeof getCompleteness>>

// ── Realisation against target ─────────────────────────────────────────────────────────────────────
type RealisationRow = {
  regency_code: string | null
  regency_name: string | null
  quarter: number
  numerator: number | null
  denominator: number | null
  value: number | null
  target: number | null
  achievement: number | null
  reporting: number | null
}

/** `reporting`: how many regencies' approved reports the figure holds (the province's sums; 1 or 0 for a regency; null for a province-level indicator) */
export type RealisationCell = { value: number | null; numerator: number | null; denominator: number | null; target: number | null; achievement: number | null; reporting: number | null }
export type RealisationLine = { code: string | null; name: string; quarters: Record<number, RealisationCell>; year: RealisationCell }

const emptyCell = (): RealisationCell => ({ value: null, numerator: null, denominator: null, target: null, achievement: null, reporting: null })

/**
 * Realisation against target of one indicator in a year, from APPROVED reports only (figures the
 * province has checked): per regency and quarter, the year (FLOW indicators summed over quarters,
 * STOCK indicators at their latest quarter), and the province roll-up: SUM over regencies, or for a
 * RATIO the percentage recomputed from the summed numerator and denominator (never an average of
 * percentages). Province-level indicators come from their own table. `regencyCode` narrows the
 * regency rows to one; a district officer's rows are its own regency; province rows cover all.
 */
export async function getIndicatorRealisation({ user, indicatorCode, year, regencyCode }: { user: SessionUser; indicatorCode: string; year: number; regencyCode?: string }) {
  assertReader(user)
  const indicator = await readDb.indicator.findUnique({ where: { code: indicatorCode }, select: indicatorSelect })
  if (!indicator) return null
  const scope = regencyScope(user).regencyCode
  if (scope && regencyCode && regencyCode !== scope) return null
  const only = scope ?? regencyCode
  const isRatio = indicator.aggregation === 'RATIO'
  const numerator = isRatio ? indicator.numeratorCode! : indicator.code
  const denominator = isRatio ? indicator.denominatorCode! : null
  const flow = indicator.timeAggregation === 'FLOW'
  const decimals = indicator.decimals

  let rows: RealisationRow[]
  if (indicator.aggregation === 'PROVINCE') {
    rows = await readDb.$queryRaw<RealisationRow[]>`
      WITH q AS (SELECT generate_series(0, 4) AS quarter),
      v AS (
        SELECT quarter, value FROM province_indicator_values WHERE indicator_code = ${indicator.code} AND year = ${year}
        -- the year's figure: the latest period reported
        UNION ALL
        SELECT 0, (array_agg(value ORDER BY quarter DESC))[1] FROM province_indicator_values WHERE indicator_code = ${indicator.code} AND year = ${year} HAVING count(*) > 0
      )
      SELECT NULL AS regency_code, NULL AS regency_name, q.quarter::int AS quarter, NULL::float8 AS numerator, NULL::float8 AS denominator,
        v.value::float8 AS value, t.value::float8 AS target, round(v.value * 100 / NULLIF(t.value, 0), 2)::float8 AS achievement, NULL::int AS reporting
      FROM q
      LEFT JOIN v ON v.quarter = q.quarter
      LEFT JOIN indicator_targets t ON t.indicator_code = ${indicator.code} AND t.year = ${year} AND t.quarter = q.quarter AND t.regency_code IS NULL
      ORDER BY q.quarter`
  } else {
    rows = await readDb.$queryRaw<RealisationRow[]>`
      WITH per AS (
        -- regency × quarter: the numerator (the value itself for SUM) and denominator, approved reports only
        SELECT r.regency_code, r.quarter,
          sum(v.value) FILTER (WHERE v.indicator_code = ${numerator}) AS num,
          sum(v.value) FILTER (WHERE v.indicator_code = ${denominator}) AS den
        FROM quarterly_reports r
        JOIN report_values v ON v.report_id = r.id
        JOIN regencies g ON g.code = r.regency_code AND g.province_code = ${province()}
        WHERE r.year = ${year} AND r.status = 'APPROVED' AND v.indicator_code IN (${numerator}, ${denominator ?? numerator})
        GROUP BY r.regency_code, r.quarter
      ),
      yr AS (
        -- regency × year: FLOW sums the quarters, STOCK takes the latest approved quarter
        SELECT regency_code,
          CASE WHEN ${flow}::boolean THEN sum(num) ELSE (array_agg(num ORDER BY quarter DESC))[1] END AS num,
          CASE WHEN ${flow}::boolean THEN sum(den) ELSE (array_agg(den ORDER BY quarter DESC))[1] END AS den
        FROM per GROUP BY regency_code
      ),
      cells AS (
        SELECT regency_code, quarter, num, den, (num IS NOT NULL)::int AS n FROM per
        UNION ALL SELECT regency_code, 0, num, den, (num IS NOT NULL)::int FROM yr
        -- the province: sums over regencies (a ratio is recomputed from these sums below), and how many regencies
        -- they hold: a quarter only 15 of 38 have had approved reads as a fall unless it says so
        UNION ALL SELECT NULL, quarter, sum(num), sum(den), count(num)::int FROM per GROUP BY quarter
        UNION ALL SELECT NULL, 0, sum(num), sum(den), count(num)::int FROM yr
      ),
      tg AS (
        SELECT regency_code, quarter, value FROM indicator_targets WHERE indicator_code = ${indicator.code} AND year = ${year}
      ),
      province_tg AS (
        -- the province's own target, else (for SUM) the sum of the regencies' targets
        SELECT quarter, COALESCE(max(value) FILTER (WHERE regency_code IS NULL), CASE WHEN ${!isRatio}::boolean THEN sum(value) FILTER (WHERE regency_code IS NOT NULL) END) AS value
        FROM tg GROUP BY quarter
      ),
      lines AS (
        SELECT g.code AS regency_code, g.name AS regency_name, q.quarter, c.num, c.den, coalesce(c.n, 0) AS n, t.value AS target
        FROM regencies g
        CROSS JOIN generate_series(0, 4) AS q(quarter)
        LEFT JOIN cells c ON c.regency_code = g.code AND c.quarter = q.quarter
        LEFT JOIN tg t ON t.regency_code = g.code AND t.quarter = q.quarter
        WHERE g.province_code = ${province()} ${only ? Prisma.sql`AND g.code = ${only}` : Prisma.empty}
        UNION ALL
        SELECT NULL, NULL, q.quarter, c.num, c.den, coalesce(c.n, 0), t.value
        FROM generate_series(0, 4) AS q(quarter)
        LEFT JOIN cells c ON c.regency_code IS NULL AND c.quarter = q.quarter
        LEFT JOIN province_tg t ON t.quarter = q.quarter
      ),
      valued AS (
        -- achievement from the exact ratio, not from the shown value: rounding twice moved it (79,3506 % against
        -- a target of 84 is 94,47 % achieved; from the shown 79,35 it read 94,46 %)
        SELECT *, CASE WHEN ${isRatio}::boolean THEN num * 100 / NULLIF(den, 0) ELSE num END AS exact FROM lines
      )
      SELECT regency_code, regency_name, quarter::int AS quarter, num::float8 AS numerator, den::float8 AS denominator,
        (CASE WHEN ${isRatio}::boolean THEN round(exact, ${decimals}::int) ELSE exact END)::float8 AS value, target::float8 AS target, round(exact * 100 / NULLIF(target, 0), 2)::float8 AS achievement, n::int AS reporting
      FROM valued
      ORDER BY regency_code NULLS FIRST, quarter`
  }

  // pivot the flat rows into lines (no arithmetic here: every figure came from the query)
  const lines = new Map<string, RealisationLine>()
  for (const r of rows) {
    const key = r.regency_code ?? ''
    let line = lines.get(key)
    if (!line) lines.set(key, (line = { code: r.regency_code, name: r.regency_name ?? '', quarters: { 1: emptyCell(), 2: emptyCell(), 3: emptyCell(), 4: emptyCell() }, year: emptyCell() }))
    const cell = { value: r.value, numerator: r.numerator, denominator: r.denominator, target: r.target, achievement: r.achievement, reporting: r.reporting }
    if (r.quarter === 0) line.year = cell
    else line.quarters[r.quarter] = cell
  }
  const provinceLine = lines.get('')!
  lines.delete('')
  // the province's regencies, whatever the reader's scope: what the province line's `reporting` counts are out of
  const regencyTotal = indicator.aggregation === 'PROVINCE' ? null : await readDb.regency.count({ where: { provinceCode: province() } })
  return { indicator, year, province: provinceLine, regencies: [...lines.values()], regencyTotal }
}
export type IndicatorRealisation = NonNullable<Awaited<ReturnType<typeof getIndicatorRealisation>>>

/**
 * What a district officer's own regency owes now, for the overview: every report returned for correction
 * (any year), and each of the last three quarters (this one and the two before, as the reminders read them)
 * the agency requires (lib/reporting/start.ts) not yet submitted, late when its deadline has passed. One statement; another role gets none.
 */
export async function findReportTasks({ user, now = new Date() }: { user: SessionUser; now?: Date }) {
  if (user.role !== 'DISTRICT_OFFICER' || !user.regencyCode) return []
  assertReader(user)
  const current = currentQuarter(now)
  const one = previousQuarter(current.year, current.quarter)
  const two = previousQuarter(one.year, one.quarter)
  const quarters = [two, one, current]
  const rows = await readDb.$queryRaw<{ year: number; quarter: number; deadline: string; status: GridStatus; late: boolean }[]>`
    WITH p AS (
      SELECT q.year, q.quarter, ${deadlineSql(Prisma.sql`q.year`, Prisma.sql`q.quarter`, Prisma.sql`rp.deadline`)} AS deadline
      FROM unnest(${quarters.map((q) => q.year)}::int[], ${quarters.map((q) => q.quarter)}::int[]) AS q(year, quarter)
      LEFT JOIN reporting_periods rp ON rp.year = q.year AND rp.quarter = q.quarter
      WHERE ${requiredPeriodSql(Prisma.sql`q.year`, Prisma.sql`q.quarter`)}
    )
    SELECT p.year::int AS year, p.quarter::int AS quarter, to_char(p.deadline, 'YYYY-MM-DD') AS deadline,
      COALESCE(r.status::text, 'NOT_STARTED') AS status, ${deadlineEndSql(Prisma.sql`p.deadline`)} <= ${now}::timestamp AS late
    FROM p LEFT JOIN quarterly_reports r ON r.regency_code = ${user.regencyCode} AND r.year = p.year AND r.quarter = p.quarter
    WHERE r.first_submitted_at IS NULL
    UNION ALL
    SELECT r.year, r.quarter, NULL, 'RETURNED', false
    FROM quarterly_reports r
    WHERE r.regency_code = ${user.regencyCode} AND r.status = 'RETURNED' AND r.first_submitted_at IS NOT NULL
    ORDER BY year, quarter`
  return rows.map((r) => ({ year: r.year, quarter: r.quarter, deadline: r.deadline, status: r.status, late: r.late }))
}
export type ReportTask = Awaited<ReturnType<typeof findReportTasks>>[number]

/** The year's report for each quarter of the officer's own regency (status and timeliness). */
export async function findMyReports({ user, year, now = new Date() }: { user: SessionUser; year: number; now?: Date }) {
  const { regencies, quarters } = await getCompleteness({ user, year, now })
  const mine = regencies.find((r) => r.code === user.regencyCode)
  return { regency: mine ? { code: mine.code, name: mine.name } : null, quarters: (mine?.quarters ?? []).map((q) => ({ ...q, deadline: quarters.find((p) => p.quarter === q.quarter)!.deadline })) }
}

/**
 * Indicators for the integration API: the catalogue, the year's targets (the province's and, in the
 * user's scope, the regencies'), and the values of approved quarterly reports only (a draft or a returned
 * report is not a figure yet), scoped in the WHERE clause like every reporting read: a district officer its
 * own regency. `regencyCode` narrows further for roles that see every regency.
 */
export async function getIndicatorsWithValues({ user, year, regencyCode }: { user: SessionUser; year: number; regencyCode?: string }) {
  assertReader(user)
  // a district officer is pinned to its regency whatever it asks for, as in the registers' filters
  const regency = regencyScope(user).regencyCode ?? regencyCode
  const [indicators, targets, values] = await Promise.all([
    readDb.indicator.findMany({
      select: { ...indicatorSelect, active: true, activeFrom: true, activeTo: true, updatedAt: true },
      orderBy: [{ form: { sortOrder: 'asc' } }, { sortOrder: 'asc' }],
    }),
    readDb.indicatorTarget.findMany({
      where: { year, OR: [{ regencyCode: null }, regency ? { regencyCode: regency } : { regencyCode: { not: null } }] },
      select: { indicatorCode: true, quarter: true, regencyCode: true, value: true },
      orderBy: [{ indicatorCode: 'asc' }, { regencyCode: 'asc' }, { quarter: 'asc' }],
    }),
    readDb.reportValue.findMany({
      where: { report: { year, status: 'APPROVED', ...(regency && { regencyCode: regency }) }, value: { not: null } },
      select: { indicatorCode: true, value: true, report: { select: { regencyCode: true, quarter: true, approvedAt: true } } },
      orderBy: [{ indicatorCode: 'asc' }, { report: { regencyCode: 'asc' } }, { report: { quarter: 'asc' } }],
    }),
  ])
  return { indicators, targets, values, regencyCode: regency ?? null }
}
