import 'server-only'
import { Prisma } from '@/lib/generated/prisma/client'
import { readDb } from '@/lib/db'
import { AppError } from '@/lib/errors'
import { jakartaToday } from '@/lib/dates'
import { searchWords } from '@/lib/parse'
import { can } from '@/lib/permissions'
import { quarterEndDate } from '@/lib/reporting/periods'
import { regencyScope } from '@/lib/scope'
import type { SessionUser } from '@/lib/session-user'
import type { ActivityFilter } from '@/lib/validations/activities'

/**
 * Pembinaan activities and their beneficiaries (issue #15). A district officer reads and manages its own
 * regency's activities (a provincial activity, with no regency, is the province's); leadership reads
 * every one. The beneficiary counts that feed indicators are counted here, in SQL.
 */

/** SQL for "this beneficiary, counted once": the cooperative, the MSME, or the person's key. */
export const BENEFICIARY_IDENTITY = Prisma.sql`CASE b.type WHEN 'COOPERATIVE' THEN b.cooperative_id WHEN 'MSME' THEN b.msme_id ELSE b.beneficiary_key END`

export const ACTIVITY_PAGE_SIZE = 25
export const ACTIVITY_EXPORT_LIMIT = 100_000

function assertRead(user: SessionUser) {
  if (!can(user.role, 'activities.read')) throw new AppError('FORBIDDEN')
}

/** The activities a user may read: its regency's for a district officer, all for the others. */
export function activityScope(user: SessionUser): Prisma.ActivityWhereInput {
  return regencyScope(user)
}

export const activityListSelect = {
  id: true, kind: true, title: true, startDate: true, endDate: true, budgetSource: true, budgetAmount: true, version: true,
  regency: { select: { code: true, name: true } },
  _count: { select: { beneficiaries: true } },
} satisfies Prisma.ActivitySelect

function whereOf(user: SessionUser, filter: ActivityFilter): Prisma.ActivityWhereInput {
  const and: Prisma.ActivityWhereInput[] = [activityScope(user)]
  if (filter.regency) and.push({ regencyCode: filter.regency })
  if (filter.kind) and.push({ kind: filter.kind })
  if (filter.source) and.push({ budgetSource: filter.source })
  if (filter.from) and.push({ startDate: { gte: new Date(`${filter.from}T00:00:00Z`) } })
  if (filter.to) and.push({ startDate: { lte: new Date(`${filter.to}T00:00:00Z`) } })
  if (filter.q) and.push(...searchWords(filter.q).map((w) => ({ title: { contains: w, mode: 'insensitive' as const } })))
  return { AND: and }
}

/** The list's order (newest start first unless the user sorted; a budget left empty last): the export keeps it too. */
function listOrder(filter: ActivityFilter): Prisma.ActivityOrderByWithRelationInput[] {
  const dir = filter.dir ?? (filter.sort && filter.sort !== 'startDate' ? 'asc' : 'desc')
  const first: Prisma.ActivityOrderByWithRelationInput = filter.sort === 'budgetAmount' ? { budgetAmount: { sort: dir, nulls: 'last' } } : { [filter.sort ?? 'startDate']: dir }
  return [first, { startDate: 'desc' }, { id: 'asc' }]
}

/** One page of activities in the list's order (newest first unless sorted), with the number of beneficiaries of each. */
export async function findActivities({ user, filter }: { user: SessionUser; filter: ActivityFilter }) {
  assertRead(user)
  const where = whereOf(user, filter)
  const page = filter.page ?? 1
  const [rows, total] = await Promise.all([
    readDb.activity.findMany({ where, select: activityListSelect, orderBy: listOrder(filter), skip: (page - 1) * ACTIVITY_PAGE_SIZE, take: ACTIVITY_PAGE_SIZE }),
    readDb.activity.count({ where }),
  ])
  return { rows, total, page, pageSize: ACTIVITY_PAGE_SIZE }
}

/** Every activity under the filters (same scope and order as the list), for the export. */
export async function exportActivities({ user, filter }: { user: SessionUser; filter: ActivityFilter }) {
  assertRead(user)
  return readDb.activity.findMany({ where: whereOf(user, filter), select: { ...activityListSelect, notes: true }, orderBy: listOrder(filter), take: ACTIVITY_EXPORT_LIMIT })
}

export const beneficiarySelect = {
  id: true, type: true, personName: true, personRole: true, certificateNumber: true, regencyCode: true, createdAt: true,
  cooperative: { select: { id: true, nik: true, name: true } },
  msme: { select: { id: true, nib: true, businessName: true } },
} satisfies Prisma.ActivityBeneficiarySelect

/** One activity with its beneficiaries; null when it does not exist or is outside the user's scope. */
export async function getActivity({ user, id }: { user: SessionUser; id: string }) {
  assertRead(user)
  return readDb.activity.findFirst({
    where: { AND: [{ id }, activityScope(user)] },
    select: {
      id: true, kind: true, title: true, startDate: true, endDate: true, regencyCode: true, budgetSource: true, budgetAmount: true, notes: true, version: true, createdAt: true, updatedAt: true,
      regency: { select: { code: true, name: true } },
      beneficiaries: { select: beneficiarySelect, orderBy: [{ type: 'asc' }, { createdAt: 'asc' }] },
    },
  })
}
export type ActivityDetail = NonNullable<Awaited<ReturnType<typeof getActivity>>>

const receivedSelect = {
  id: true, type: true, personName: true, personRole: true, certificateNumber: true,
  activity: { select: { id: true, kind: true, title: true, startDate: true, endDate: true, regencyCode: true } },
} satisfies Prisma.ActivityBeneficiarySelect

/**
 * What a cooperative received: the activities it benefited from, and its people's (a manager certified).
 * The caller has read the cooperative in scope already; `readable` says whether the user may open the activity.
 */
export async function activitiesReceived({ user, cooperativeId, msmeId }: { user: SessionUser; cooperativeId?: string; msmeId?: string }) {
  if (!can(user.role, 'activities.read')) return []
  const where: Prisma.ActivityBeneficiaryWhereInput = cooperativeId ? { cooperativeId } : { msmeId: msmeId ?? '' }
  const rows = await readDb.activityBeneficiary.findMany({ where, select: receivedSelect, orderBy: [{ activity: { startDate: 'desc' } }, { id: 'asc' }], take: 100 })
  const own = regencyScope(user).regencyCode
  return rows.map((r) => ({ ...r, readable: own === undefined || r.activity.regencyCode === own }))
}

/**
 * The value the activities give each activity-fed indicator for one regency and quarter: the distinct
 * beneficiaries of the measure's type, of activities of the measure's kind completed (end date, else start
 * date, on or before `today`) in the quarter for a FLOW indicator, or up to the quarter's end for a STOCK one. A cooperative
 * or an MSME counts once however many such activities it had; a person once per name and certificate.
 */
export async function activityIndicatorValues({ user, regencyCode, year, quarter, today = jakartaToday() }: { user: SessionUser; regencyCode: string; year: number; quarter: number; today?: string }): Promise<Record<string, number>> {
  if (!can(user.role, 'reports.read')) throw new AppError('FORBIDDEN')
  const own = regencyScope(user).regencyCode
  if (own !== undefined && own !== regencyCode) throw new AppError('FORBIDDEN')
  const start = new Date(`${year}-${String(quarter * 3 - 2).padStart(2, '0')}-01T00:00:00Z`)
  const end = new Date(`${quarterEndDate(year, quarter)}T00:00:00Z`)
  const rows = await readDb.$queryRaw<{ code: string; n: number }[]>`
    SELECT m.indicator_code AS code,
           count(DISTINCT ${BENEFICIARY_IDENTITY})::int AS n
      FROM indicator_activity_measures m
      JOIN indicators i ON i.code = m.indicator_code
      LEFT JOIN activities a ON a.kind = m.activity_kind
                            AND coalesce(a.end_date, a.start_date) <= ${end}::date
                            -- completed only: an activity recorded ahead or still running counts once it has ended
                            AND coalesce(a.end_date, a.start_date) <= ${today}::date
                            AND (i.time_aggregation = 'STOCK' OR coalesce(a.end_date, a.start_date) >= ${start}::date)
      LEFT JOIN activity_beneficiaries b ON b.activity_id = a.id AND b.type = m.beneficiary_type AND b.regency_code = ${regencyCode}
     GROUP BY m.indicator_code`
  return Object.fromEntries(rows.map((r) => [r.code, r.n]))
}

/** The indicators the activities feed, with what they count (for the settings and the form's note). */
export async function activityMeasures() {
  return readDb.indicatorActivityMeasure.findMany({ select: { indicatorCode: true, activityKind: true, beneficiaryType: true }, orderBy: { indicatorCode: 'asc' } })
}

