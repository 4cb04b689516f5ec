import 'server-only'
import { Prisma } from '@/lib/generated/prisma/client'
import { readDb } from '@/lib/db'
import { env } from '@/lib/env'
import { AppError } from '@/lib/errors'
import { can } from '@/lib/permissions'
import type { SessionUser } from '@/lib/session-user'
import { COMPARED_REPORT_STATUSES, evaluateRules, type Rule, type RuleIndicator, type Values } from '@/lib/reporting/rules'
import type { ReportStatus } from '@/lib/data/reporting'

/**
 * Reads of the validation-rule screen (admin only): the rules with the indicators they name, one rule
 * for its edit form, and the preview of a new or changed rule against the reports already written,
 * judged by the quarterly form's own evaluator (lib/reporting/rules.ts#evaluateRules).
 */

function assertAdmin(user: SessionUser) {
  if (!can(user.role, 'config.manage')) throw new AppError('FORBIDDEN')
}

export const adminRuleSelect = {
  code: true, kind: true, severity: true, indicatorCode: true, otherIndicatorCode: true, min: true, max: true, thresholdPercent: true,
  message: true, messageEn: true, active: true, version: true, updatedAt: true,
} satisfies Prisma.ValidationRuleSelect

const num = (d: Prisma.Decimal | null) => (d === null ? null : Number(d))

/** Every rule, active first, with its bounds as numbers. */
export async function findRulesForAdmin({ user }: { user: SessionUser }) {
  assertAdmin(user)
  const rows = await readDb.validationRule.findMany({ select: adminRuleSelect, orderBy: [{ active: 'desc' }, { code: 'asc' }] })
  return rows.map((r) => ({ ...r, min: num(r.min), max: num(r.max), thresholdPercent: num(r.thresholdPercent) }))
}

/** One rule for its edit form; null when unknown. */
export async function getRuleForEdit({ user, code }: { user: SessionUser; code: string }) {
  assertAdmin(user)
  const r = await readDb.validationRule.findUnique({ where: { code }, select: adminRuleSelect })
  return r && { ...r, min: num(r.min), max: num(r.max), thresholdPercent: num(r.thresholdPercent) }
}

/** The indicators a rule may name (regency-level: province figures are not in district reports), with their unit. */
export async function ruleIndicatorChoices({ user }: { user: SessionUser }) {
  assertAdmin(user)
  return readDb.indicator.findMany({
    where: { aggregation: { not: 'PROVINCE' } },
    select: { code: true, name: true, nameEn: true, unit: true, active: true },
    orderBy: [{ form: { sortOrder: 'asc' } }, { sortOrder: 'asc' }, { code: 'asc' }],
  })
}

/** How many recent quarters the preview reads: enough to judge a rule, bounded whatever the history's length. */
export const PREVIEW_QUARTERS = 8
/** How many flagged values the preview lists (the counts cover all of them). */
export const PREVIEW_ROWS = 200

export type RulePreviewRow = {
  regencyCode: string
  regencyName: string
  year: number
  quarter: number
  status: ReportStatus
  indicatorCode: string
  severity: 'ERROR' | 'WARNING'
  message: string
  messageEn: string
  /** a warning already explained by the officer's comment */
  resolved: boolean
}

export type RulePreview = {
  /** the quarters read, oldest first; null when no report exists yet */
  from: { year: number; quarter: number } | null
  to: { year: number; quarter: number } | null
  reportsChecked: number
  reportsFlagged: number
  flaggedByStatus: Record<ReportStatus, number>
  findings: number
  rows: RulePreviewRow[]
}

type ReportRow = { id: string; regency_code: string; regency_name: string; year: number; quarter: number; status: ReportStatus; period: number; judged: boolean }

/**
 * Which reports of the province's last PREVIEW_QUARTERS quarters `rule` would flag, and with what message:
 * each report's stored values (and its previous quarter's, for MAX_CHANGE) run through `evaluateRules`,
 * the function the quarterly form and its submission use. Reads only: a report is never changed by a
 * rule; a rule applies to a report's next save or submission.
 */
export async function previewRule(rule: Rule, client: Prisma.TransactionClient | typeof readDb = readDb): Promise<RulePreview> {
  const province = env().AGENCY_PROVINCE_CODE
  // period = year × 4 + quarter − 1: one number per quarter, so "the previous quarter" is period − 1
  const reports = await client.$queryRaw<ReportRow[]>`
    WITH recent AS (
      SELECT DISTINCT r.year * 4 + r.quarter - 1 AS period
      FROM quarterly_reports r JOIN regencies g ON g.code = r.regency_code
      WHERE g.province_code = ${province}
      ORDER BY period DESC LIMIT ${PREVIEW_QUARTERS}
    )
    SELECT r.id, r.regency_code, g.name AS regency_name, r.year, r.quarter, r.status::text AS status, (r.year * 4 + r.quarter - 1)::int AS period,
      (r.year * 4 + r.quarter - 1) IN (SELECT period FROM recent) AS judged
    FROM quarterly_reports r JOIN regencies g ON g.code = r.regency_code
    WHERE g.province_code = ${province}
      AND r.year * 4 + r.quarter - 1 >= (SELECT min(period) - 1 FROM recent)
    ORDER BY period, r.regency_code`
  const empty: RulePreview = { from: null, to: null, reportsChecked: 0, reportsFlagged: 0, flaggedByStatus: { DRAFT: 0, SUBMITTED: 0, RETURNED: 0, APPROVED: 0 }, findings: 0, rows: [] }
  if (reports.length === 0) return empty
  const [values, catalogue] = await Promise.all([
    client.reportValue.findMany({ where: { reportId: { in: reports.map((r) => r.id) } }, select: { reportId: true, indicatorCode: true, value: true, comment: true } }),
    client.indicator.findMany({ select: { code: true, aggregation: true, numeratorCode: true, denominatorCode: true, decimals: true } }),
  ])
  const indicatorByCode = new Map<string, RuleIndicator>(catalogue.map((i) => [i.code, i]))
  const byReport = new Map<string, { values: Values; comments: Record<string, string | null>; indicators: RuleIndicator[] }>()
  for (const r of reports) byReport.set(r.id, { values: {}, comments: {}, indicators: [] })
  for (const v of values) {
    const entry = byReport.get(v.reportId)!
    entry.values[v.indicatorCode] = v.value === null ? null : Number(v.value)
    entry.comments[v.indicatorCode] = v.comment
    const indicator = indicatorByCode.get(v.indicatorCode)
    if (indicator) entry.indicators.push(indicator)
  }
  // a quarter compared with only when it was sent (the form's and the submission's rule, COMPARED_REPORT_STATUSES)
  const compared = new Set<string>(COMPARED_REPORT_STATUSES)
  const reportAt = new Map(reports.filter((r) => compared.has(r.status)).map((r) => [`${r.regency_code}:${r.period}`, r.id]))
  // the quarter before the oldest one judged is read only as MAX_CHANGE's "previous quarter"
  const judged = reports.filter((r) => r.judged)
  const preview: RulePreview = { ...empty, flaggedByStatus: { ...empty.flaggedByStatus } }
  const periodOf = (p: number) => ({ year: Math.floor(p / 4), quarter: (p % 4) + 1 })
  preview.from = periodOf(judged[0].period)
  preview.to = periodOf(judged[judged.length - 1].period)
  preview.reportsChecked = judged.length
  // newest first in the list: the reports an admin is most likely to recognise
  for (const r of [...judged].reverse()) {
    const entry = byReport.get(r.id)!
    const previousId = reportAt.get(`${r.regency_code}:${r.period - 1}`)
    const findings = evaluateRules({ indicators: entry.indicators, rules: [rule], values: entry.values, previous: previousId ? byReport.get(previousId)!.values : {}, comments: entry.comments })
    if (findings.length === 0) continue
    preview.reportsFlagged += 1
    preview.flaggedByStatus[r.status] += 1
    preview.findings += findings.length
    for (const f of findings) {
      if (preview.rows.length >= PREVIEW_ROWS) break
      preview.rows.push({
        regencyCode: r.regency_code, regencyName: r.regency_name, year: r.year, quarter: r.quarter, status: r.status,
        indicatorCode: f.indicatorCode, severity: f.severity, message: f.message, messageEn: f.messageEn, resolved: f.resolved,
      })
    }
  }
  return preview
}
