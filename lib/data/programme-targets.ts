import 'server-only'
import { Prisma } from '@/lib/generated/prisma/client'
import { readDb } from '@/lib/db'
import { AppError } from '@/lib/errors'
import { jakartaToday } from '@/lib/dates'
import { can } from '@/lib/permissions'
import { paceOf, type Pace } from '@/lib/activities/pace'
import { BENEFICIARY_IDENTITY } from '@/lib/data/activities'
import { holidayDates } from '@/lib/data/holidays'
import { regencyScope } from '@/lib/scope'
import type { SessionUser } from '@/lib/session-user'

/**
 * Time-bound programme targets ("10 KSP sehat dalam 100 hari kerja"): progress is counted from the records
 * in SQL, never typed, for each target in the same query (no query per target):
 * - HEALTHY_KSP: distinct savings-and-loan cooperatives (not deleted) with a health assessment whose outcome is
 *   SEHAT and whose `assessed_on` lies in [start, deadline];
 * - ACTIVITY_BENEFICIARIES: distinct beneficiaries of the type, of activities of the kind completed (end date,
 *   else start date) in the window;
 * - INDICATOR: the approved quarterly values of the indicator for quarters ending in the window, summed for a
 *   FLOW indicator, the latest such quarter's for a STOCK one;
 * each within the target's regency when it has one. A district officer reads its own regency's targets.
 * A target in "hari kerja" counts Monday–Friday minus the agency's holiday calendar (lib/working-days.ts).
 */

function assertRead(user: SessionUser) {
  if (!can(user.role, 'programmeTargets.read')) throw new AppError('FORBIDDEN')
}

function scopeSql(user: SessionUser): Prisma.Sql {
  const own = regencyScope(user).regencyCode
  return own === undefined ? Prisma.empty : Prisma.sql`AND t.regency_code = ${own}`
}

/**
 * Progress of the target row `t` on `today`, one correlated subquery per measure. An activity counts once it is
 * completed (its end date, else its start date, on or before today): one recorded ahead, or still running,
 * is planned work, not progress.
 */
const progressSql = (today: string) => Prisma.sql`CASE t.measure
  WHEN 'HEALTHY_KSP' THEN (
    SELECT count(DISTINCT h.cooperative_id) FROM health_assessments h JOIN cooperatives c ON c.id = h.cooperative_id
     WHERE h.outcome = 'SEHAT' AND h.assessed_on BETWEEN t.start_date AND t.deadline AND h.assessed_on <= ${today}::date
       AND c.type = 'SIMPAN_PINJAM' AND c.deleted_at IS NULL AND (t.regency_code IS NULL OR c.regency_code = t.regency_code))
  WHEN 'ACTIVITY_BENEFICIARIES' THEN (
    SELECT count(DISTINCT ${BENEFICIARY_IDENTITY}) FROM activities a JOIN activity_beneficiaries b ON b.activity_id = a.id
     WHERE a.kind = t.activity_kind AND b.type = t.beneficiary_type AND coalesce(a.end_date, a.start_date) BETWEEN t.start_date AND t.deadline
       AND coalesce(a.end_date, a.start_date) <= ${today}::date
       AND (t.regency_code IS NULL OR b.regency_code = t.regency_code))
  WHEN 'INDICATOR' THEN (
    SELECT coalesce(CASE WHEN i.time_aggregation = 'FLOW' THEN sum(q.total) ELSE (array_agg(q.total ORDER BY q.year DESC, q.quarter DESC))[1] END, 0)
      FROM indicators i, LATERAL (
        SELECT r.year, r.quarter, sum(v.value) AS total FROM quarterly_reports r JOIN report_values v ON v.report_id = r.id
         WHERE v.indicator_code = t.indicator_code AND r.status = 'APPROVED' AND v.value IS NOT NULL
           AND (make_date(r.year, r.quarter * 3, 1) + interval '1 month' - interval '1 day')::date BETWEEN t.start_date AND t.deadline
           AND (make_date(r.year, r.quarter * 3, 1) + interval '1 month' - interval '1 day')::date <= ${today}::date
           AND (t.regency_code IS NULL OR r.regency_code = t.regency_code)
         GROUP BY r.year, r.quarter) q
     WHERE i.code = t.indicator_code
     GROUP BY i.time_aggregation)
END`

type TargetRow = {
  id: string; name: string; measure: 'INDICATOR' | 'HEALTHY_KSP' | 'ACTIVITY_BENEFICIARIES'; indicator_code: string | null; indicator_name: string | null; indicator_name_en: string | null
  activity_kind: string | null; beneficiary_type: string | null; target_value: Prisma.Decimal; start_date: Date; deadline: Date; regency_code: string | null; regency_name: string | null
  working_days: boolean; notes: string | null; version: number; progress: Prisma.Decimal | bigint | number | null
}

export type ProgrammeTargetView = {
  id: string; name: string; measure: TargetRow['measure']; indicatorCode: string | null; indicatorName: string | null; indicatorNameEn: string | null
  activityKind: string | null; beneficiaryType: string | null; targetValue: number; startDate: string; deadline: string
  regencyCode: string | null; regencyName: string | null; workingDays: boolean; notes: string | null; version: number
  progress: number; pace: Pace
}

function view(r: TargetRow, today: string, holidays: readonly string[]): ProgrammeTargetView {
  const t = {
    id: r.id, name: r.name, measure: r.measure, indicatorCode: r.indicator_code, indicatorName: r.indicator_name, indicatorNameEn: r.indicator_name_en,
    activityKind: r.activity_kind, beneficiaryType: r.beneficiary_type, targetValue: Number(r.target_value),
    startDate: r.start_date.toISOString().slice(0, 10), deadline: r.deadline.toISOString().slice(0, 10),
    regencyCode: r.regency_code, regencyName: r.regency_name, workingDays: r.working_days, notes: r.notes, version: r.version,
    progress: Number(r.progress ?? 0),
  }
  return { ...t, pace: paceOf(t, t.progress, today, t.workingDays ? holidays.filter((h) => h >= t.startDate && h <= t.deadline) : []) }
}

async function readTargets(user: SessionUser, where: Prisma.Sql, order: Prisma.Sql, limit: number, today: string) {
  const rows = await readDb.$queryRaw<TargetRow[]>`
    SELECT t.id, t.name, t.measure::text AS measure, t.indicator_code, i.name AS indicator_name, i.name_en AS indicator_name_en,
           t.activity_kind::text AS activity_kind, t.beneficiary_type::text AS beneficiary_type, t.target_value, t.start_date, t.deadline,
           t.regency_code, g.name AS regency_name, t.working_days, t.notes, t.version, ${progressSql(today)} AS progress
      FROM programme_targets t
      LEFT JOIN indicators i ON i.code = t.indicator_code
      LEFT JOIN regencies g ON g.code = t.regency_code
     WHERE TRUE ${scopeSql(user)} ${where}
     ORDER BY ${order}
     LIMIT ${limit}`
  // the holiday calendar over every listed window, read once (a working-day target subtracts its holidays)
  const day = (d: Date) => d.toISOString().slice(0, 10)
  const windows = rows.filter((r) => r.working_days)
  const holidays = windows.length
    ? await holidayDates(windows.map((r) => day(r.start_date)).reduce((a, b) => (a < b ? a : b)), windows.map((r) => day(r.deadline)).reduce((a, b) => (a > b ? a : b)))
    : []
  return rows.map((r) => view(r, today, holidays))
}

/** Every target the user may read, by deadline (the list page; an agency holds tens, not thousands). */
export async function findProgrammeTargets({ user, today = jakartaToday() }: { user: SessionUser; today?: string }) {
  assertRead(user)
  return readTargets(user, Prisma.empty, Prisma.sql`t.deadline ASC, t.name ASC`, 500, today)
}

/**
 * The running targets (started, deadline not yet past) whose deadline is nearest, for the overview card; with
 * `regencyCode` (the overview's regency filter) only that regency's own targets, as its other cards show that regency.
 */
export async function nearestProgrammeTargets({ user, limit = 3, today = jakartaToday(), regencyCode }: { user: SessionUser; limit?: number; today?: string; regencyCode?: string }) {
  if (!can(user.role, 'programmeTargets.read')) return []
  const inRegency = regencyCode ? Prisma.sql`AND t.regency_code = ${regencyCode}` : Prisma.empty
  return readTargets(user, Prisma.sql`AND t.start_date <= ${today}::date AND t.deadline >= ${today}::date ${inRegency}`, Prisma.sql`t.deadline ASC, t.name ASC`, limit, today)
}

/** One target with its progress; null when it does not exist or is outside the user's scope. */
export async function getProgrammeTarget({ user, id, today = jakartaToday() }: { user: SessionUser; id: string; today?: string }) {
  assertRead(user)
  const [t] = await readTargets(user, Prisma.sql`AND t.id = ${id}`, Prisma.sql`t.id`, 1, today)
  return t ?? null
}

/**
 * A record a target counts. `detail`: what it is in words (the activity, a person's role and certificate); `code`: the
 * register's number that names it (a cooperative's NIK, an MSME's NIB), for the page to label; `score`: a healthy KSP's
 * total score. A bare 16-digit NIK had been the whole of a healthy KSP's details.
 */
export type ContributingRecord = {
  key: string; date: string; label: string; detail: string | null; code: { kind: 'NIK' | 'NIB'; value: string } | null; score: number | null
  regencyName: string | null; href: string | null; value: number | null
}

/** The records a target's progress is counted from on `today` (at most 500, newest first). */
export async function contributingRecords({ target, today = jakartaToday() }: { target: ProgrammeTargetView; today?: string }): Promise<ContributingRecord[]> {
  const regency = target.regencyCode
  if (target.measure === 'HEALTHY_KSP') {
    // each cooperative once, at its first Sehat assessment in the window
    const rows = await readDb.$queryRaw<{ id: string; name: string; nik: string; regency_name: string; assessed_on: Date; total_score: number }[]>`
      SELECT DISTINCT ON (c.id) c.id, c.name, c.nik, g.name AS regency_name, h.assessed_on, h.total_score::float8 AS total_score
        FROM health_assessments h JOIN cooperatives c ON c.id = h.cooperative_id JOIN regencies g ON g.code = c.regency_code
       WHERE h.outcome = 'SEHAT' AND h.assessed_on BETWEEN ${target.startDate}::date AND ${target.deadline}::date
         AND c.type = 'SIMPAN_PINJAM' AND c.deleted_at IS NULL AND (${regency}::text IS NULL OR c.regency_code = ${regency})
       ORDER BY c.id, h.assessed_on ASC
       LIMIT 500`
    return rows
      .sort((a, b) => b.assessed_on.getTime() - a.assessed_on.getTime())
      .map((r) => ({ key: r.id, date: r.assessed_on.toISOString().slice(0, 10), label: r.name, detail: null, code: { kind: 'NIK' as const, value: r.nik }, score: r.total_score, regencyName: r.regency_name, href: `/koperasi/${r.id}`, value: null }))
  }
  if (target.measure === 'ACTIVITY_BENEFICIARIES') {
    const rows = await readDb.$queryRaw<{ id: string; activity_id: string; title: string; done_on: Date; name: string; nik: string | null; nib: string | null; detail: string | null; regency_name: string | null }[]>`
      SELECT b.id, a.id AS activity_id, a.title, coalesce(a.end_date, a.start_date) AS done_on,
             coalesce(c.name, m.business_name, b.person_name) AS name, c.nik, m.nib,
             nullif(concat_ws(' · ', b.person_role, b.certificate_number), '') AS detail, g.name AS regency_name
        FROM activities a JOIN activity_beneficiaries b ON b.activity_id = a.id
        LEFT JOIN cooperatives c ON c.id = b.cooperative_id AND b.type = 'COOPERATIVE'
        LEFT JOIN msmes m ON m.id = b.msme_id
        LEFT JOIN regencies g ON g.code = b.regency_code
       WHERE a.kind = ${target.activityKind}::"ActivityKind" AND b.type = ${target.beneficiaryType}::"BeneficiaryType"
         AND coalesce(a.end_date, a.start_date) BETWEEN ${target.startDate}::date AND ${target.deadline}::date
         AND coalesce(a.end_date, a.start_date) <= ${today}::date
         AND (${regency}::text IS NULL OR b.regency_code = ${regency})
       ORDER BY done_on DESC, b.id
       LIMIT 500`
    return rows.map((r) => ({
      key: r.id, date: r.done_on.toISOString().slice(0, 10), label: r.name, detail: `${r.title}${r.detail ? ` · ${r.detail}` : ''}`,
      code: r.nik ? { kind: 'NIK' as const, value: r.nik } : r.nib ? { kind: 'NIB' as const, value: r.nib } : null, score: null,
      regencyName: r.regency_name, href: `/kegiatan/${r.activity_id}`, value: null,
    }))
  }
  const rows = await readDb.$queryRaw<{ regency_code: string; regency_name: string; year: number; quarter: number; value: Prisma.Decimal }[]>`
    SELECT r.regency_code, g.name AS regency_name, r.year, r.quarter, v.value
      FROM quarterly_reports r JOIN report_values v ON v.report_id = r.id JOIN regencies g ON g.code = r.regency_code
     WHERE v.indicator_code = ${target.indicatorCode} AND r.status = 'APPROVED' AND v.value IS NOT NULL
       AND (make_date(r.year, r.quarter * 3, 1) + interval '1 month' - interval '1 day')::date BETWEEN ${target.startDate}::date AND ${target.deadline}::date
       AND (${regency}::text IS NULL OR r.regency_code = ${regency})
     ORDER BY r.year DESC, r.quarter DESC, g.name
     LIMIT 500`
  return rows.map((r) => ({
    key: `${r.regency_code}-${r.year}-${r.quarter}`, date: `${r.year}-${String(r.quarter * 3).padStart(2, '0')}`, label: r.regency_name, detail: `TW ${['I', 'II', 'III', 'IV'][r.quarter - 1]} ${r.year}`, code: null, score: null,
    regencyName: r.regency_name, href: `/laporan-triwulan/${r.regency_code}/${r.year}/${r.quarter}`, value: Number(r.value),
  }))
}
