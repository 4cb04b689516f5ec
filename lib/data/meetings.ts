import 'server-only'
import { Prisma } from '@/lib/generated/prisma/client'
import type { MeetingType } from '@/lib/generated/prisma/enums'
import { readDb } from '@/lib/db'
import { cachedFigures } from '@/lib/figure-cache'
import { jakartaToday } from '@/lib/dates'
import { ACTION_DUE_DAYS } from '@/lib/reminders/scan'
import { getCreditSummary } from '@/lib/data/credit'
import { EXPORT_LIMIT } from '@/lib/data/cooperatives'
import { getIndicatorRealisation } from '@/lib/data/reporting'
import { sameDateLastYear } from '@/lib/dashboard/period'
import { can } from '@/lib/permissions'
import { bankScope, regencyScope, ScopeError } from '@/lib/scope'
import type { SessionUser } from '@/lib/session-user'
import { endOfJakartaDay, OPEN_STATUSES } from '@/lib/meetings/rules'
import type { ActionFilter, MeetingFilter } from '@/lib/validations/meetings'

/**
 * Coordination meetings and their follow-ups, read with the user's scope in the WHERE clause: admin
 * and leadership read every meeting; a district officer those its regency hosted, attended or owns
 * actions from; a bank officer those its bank attended or owns actions from. A follow-up is readable
 * when its meeting is. Counts run in PostgreSQL.
 */
export function meetingScope(user: SessionUser): Prisma.MeetingWhereInput {
  if (!can(user.role, 'meetings.read')) throw new ScopeError('forbidden')
  const { regencyCode } = regencyScope(user)
  // a follow-up named to the officer in person opens its meeting to that officer only (not to its whole
  // regency or bank, and not to whichever regency the account is moved to later)
  if (regencyCode) {
    return { OR: [{ hostRegencyCode: regencyCode }, { participants: { some: { regencyCode } } }, { actions: { some: { ownerRegencyCode: regencyCode } } }, { actions: { some: namedTo(user) } }] }
  }
  const { bankId } = bankScope(user)
  if (bankId) return { OR: [{ participants: { some: { bankId } } }, { actions: { some: { ownerBankId: bankId } } }, { actions: { some: namedTo(user) } }] }
  return {}
}

/** The follow-ups named to this user in person. */
const namedTo = (user: SessionUser): Prisma.ActionItemWhereInput => ({ ownerKind: 'USER', ownerUserId: user.id })

/** A regency's follow-ups, with those named in person to the user when it is the user's own regency. */
function regencyOwned(regencyCode: string, user: SessionUser): Prisma.ActionItemWhereInput {
  const theirs: Prisma.ActionItemWhereInput = { ownerKind: 'REGENCY', ownerRegencyCode: regencyCode }
  return user.role === 'DISTRICT_OFFICER' && user.regencyCode === regencyCode ? { OR: [theirs, namedTo(user)] } : theirs
}
/** A bank's follow-ups, with those named in person to the user when it is the user's own bank. */
function bankOwned(bankId: string, user: SessionUser): Prisma.ActionItemWhereInput {
  const theirs: Prisma.ActionItemWhereInput = { ownerKind: 'BANK', ownerBankId: bankId }
  return user.role === 'BANK_OFFICER' && user.bankId === bankId ? { OR: [theirs, namedTo(user)] } : theirs
}

/** Follow-ups the user may read: those of meetings it may read. */
export function actionScope(user: SessionUser): Prisma.ActionItemWhereInput {
  const scope = meetingScope(user)
  return Object.keys(scope).length ? { meeting: scope } : {}
}

/**
 * The follow-ups the user owns, for the overview card and the default list: a district officer its
 * regency's, a bank officer its bank's (each with those named to its officers); admin and leadership every
 * one (or one regency's when asked).
 */
function ownedScope(user: SessionUser, regencyCode?: string): Prisma.ActionItemWhereInput {
  const own = regencyScope(user).regencyCode
  if (own) return regencyOwned(own, user)
  const bank = bankScope(user).bankId
  if (bank) return bankOwned(bank, user)
  return regencyCode ? regencyOwned(regencyCode, user) : {}
}

/** Overdue at the end of the Jakarta day `asOf`: decided by then, due before it, not closed by then. */
export function overdueAt(asOf: string): Prisma.ActionItemWhereInput {
  const end = endOfJakartaDay(asOf)
  return {
    dueDate: { lt: new Date(`${asOf}T00:00:00Z`) },
    meeting: { startsAt: { lt: end } },
    OR: [{ closedAt: null }, { closedAt: { gte: end } }],
  }
}

/**
 * Follow-ups open at the end of `asOf`: their meeting had begun and they were not closed by then (a follow-up
 * closed since still counts on an earlier day, as overdueAt counts it); on today's date, the open ones.
 */
export function openAt(asOf: string): Prisma.ActionItemWhereInput {
  const end = endOfJakartaDay(asOf)
  return { meeting: { startsAt: { lt: end } }, OR: [{ closedAt: null }, { closedAt: { gte: end } }] }
}

/** A follow-up is "due soon" this many days ahead: the reminders' window, one number for both. */
export const DUE_SOON_DAYS = ACTION_DUE_DAYS

/**
 * Due soon at the end of the Jakarta day `asOf`: open then (as openAt), due on `asOf` or in the DUE_SOON_DAYS
 * after it. What leadership reads as "at risk": not late yet, but close.
 */
export function dueSoonAt(asOf: string): Prisma.ActionItemWhereInput {
  const from = new Date(`${asOf}T00:00:00Z`)
  const to = new Date(from.getTime() + DUE_SOON_DAYS * 86_400_000)
  return { AND: [openAt(asOf), { dueDate: { gte: from, lte: to } }] }
}

const startOfJakartaDay = (day: string) => new Date(`${day}T00:00:00+07:00`)

// ── Meetings ─────────────────────────────────────────────────────────────────────────────────────────
const meetingListSelect = {
  id: true, title: true, type: true, startsAt: true, endsAt: true, venue: true, city: true, status: true, organiser: true,
  hostRegency: { select: { code: true, name: true } },
  _count: { select: { participants: true, actions: true } },
} satisfies Prisma.MeetingSelect

export const MEETINGS_PAGE_SIZE = 20

function meetingFilterWhere(user: SessionUser, f: MeetingFilter): Prisma.MeetingWhereInput {
  const and: Prisma.MeetingWhereInput[] = [meetingScope(user)]
  if (f.type) and.push({ type: f.type })
  if (f.status) and.push({ status: f.status })
  if (f.year) and.push({ startsAt: { gte: startOfJakartaDay(`${f.year}-01-01`), lt: startOfJakartaDay(`${f.year + 1}-01-01`) } })
  if (f.regency) and.push({ OR: [{ hostRegencyCode: f.regency }, { participants: { some: { regencyCode: f.regency } } }, { actions: { some: { ownerRegencyCode: f.regency } } }] })
  return { AND: and }
}

/** The list's order: newest first unless a column is chosen; the id keeps pages stable. */
function meetingOrder(f: MeetingFilter): Prisma.MeetingOrderByWithRelationInput[] {
  const dir = f.dir ?? (f.sort && f.sort !== 'startsAt' ? 'asc' : 'desc')
  return [{ [f.sort ?? 'startsAt']: dir }, ...(f.sort && f.sort !== 'startsAt' ? [{ startsAt: 'desc' as const }] : []), { id: 'asc' }]
}

/** A page of meetings, newest first, with the number of open and overdue follow-ups of each (counted in SQL). */
export async function findMeetings({ user, filter, today = jakartaToday() }: { user: SessionUser; filter: MeetingFilter; today?: string }) {
  const where = meetingFilterWhere(user, filter)
  const page = filter.page ?? 1
  const [rows, total] = await Promise.all([
    readDb.meeting.findMany({ where, select: meetingListSelect, orderBy: meetingOrder(filter), skip: (page - 1) * MEETINGS_PAGE_SIZE, take: MEETINGS_PAGE_SIZE }),
    readDb.meeting.count({ where }),
  ])
  return { rows: await withActionCounts(rows, today), total, page, pageSize: MEETINGS_PAGE_SIZE }
}
export type MeetingListRow = Awaited<ReturnType<typeof findMeetings>>['rows'][number]

/** Every meeting matching the filter, in the list's scope and order, for the .xlsx/.csv export. */
export async function exportMeetings({ user, filter, today = jakartaToday() }: { user: SessionUser; filter: MeetingFilter; today?: string }) {
  const rows = await readDb.meeting.findMany({ where: meetingFilterWhere(user, filter), select: meetingListSelect, orderBy: meetingOrder(filter), take: EXPORT_LIMIT })
  return withActionCounts(rows, today)
}

/**
 * Open and overdue follow-ups per meeting, counted in SQL for the rows shown. Overdue is overdueAt itself (a
 * meeting not yet started has none), so the list agrees with /tindak-lanjut?overdue=1 and the overview card.
 */
async function withActionCounts<R extends { id: string }>(rows: R[], today: string) {
  const ids = rows.map((r) => r.id)
  const [open, overdue] = ids.length
    ? await Promise.all([
        readDb.actionItem.groupBy({ by: ['meetingId'], where: { meetingId: { in: ids }, status: { in: [...OPEN_STATUSES] } }, _count: { _all: true } }),
        readDb.actionItem.groupBy({ by: ['meetingId'], where: { AND: [{ meetingId: { in: ids } }, overdueAt(today)] }, _count: { _all: true } }),
      ])
    : [[], []]
  const count = (groups: { meetingId: string; _count: { _all: number } }[]) => new Map(groups.map((g) => [g.meetingId, g._count._all]))
  const openById = count(open)
  const overdueById = count(overdue)
  return rows.map((r) => ({ ...r, openActions: openById.get(r.id) ?? 0, overdueActions: overdueById.get(r.id) ?? 0 }))
}

/** Meetings of one calendar month (Jakarta), for the calendar view, with the same filters. */
export async function findMeetingsInMonth({ user, filter, month }: { user: SessionUser; filter: MeetingFilter; month: string }) {
  const [y, m] = month.split('-').map(Number)
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`
  const where: Prisma.MeetingWhereInput = {
    AND: [meetingFilterWhere(user, { ...filter, year: undefined }), { startsAt: { lt: startOfJakartaDay(`${next}-01`) } }, { endsAt: { gte: startOfJakartaDay(`${month}-01`) } }],
  }
  return readDb.meeting.findMany({ where, select: { id: true, title: true, type: true, startsAt: true, endsAt: true, status: true, city: true }, orderBy: { startsAt: 'asc' }, take: 200 })
}

/** The years that have meetings the user may read, newest first (the list's year filter). */
export async function meetingYears({ user }: { user: SessionUser }): Promise<number[]> {
  const ids = await readDb.meeting.findMany({ where: meetingScope(user), select: { id: true }, take: 5000 })
  if (!ids.length) return []
  const rows = await readDb.$queryRaw<{ year: number }[]>`
    SELECT DISTINCT extract(year FROM (starts_at AT TIME ZONE 'UTC') AT TIME ZONE 'Asia/Jakarta')::int AS year
    FROM meetings WHERE id = ANY(${ids.map((i) => i.id)}::text[]) ORDER BY 1 DESC`
  return rows.map((r) => r.year)
}

const actionSelect = {
  id: true, title: true, description: true, ownerKind: true, ownerRegencyCode: true, ownerBankId: true, ownerUnit: true, ownerUserId: true,
  dueDate: true, status: true, closedAt: true, version: true, agendaItemId: true, outcomeId: true, meetingId: true,
  ownerRegency: { select: { code: true, name: true } }, ownerBank: { select: { id: true, shortName: true } }, ownerUser: { select: { id: true, name: true } },
} satisfies Prisma.ActionItemSelect
export type ActionRow = Prisma.ActionItemGetPayload<{ select: typeof actionSelect }>

const meetingDetailSelect = {
  id: true, title: true, type: true, startsAt: true, endsAt: true, venue: true, city: true, organiser: true, chair: true, status: true, version: true,
  hostRegencyCode: true, hostRegency: { select: { code: true, name: true } },
  previousMeeting: { select: { id: true, title: true, startsAt: true } },
  followUps: { select: { id: true, title: true, startsAt: true, status: true }, orderBy: { startsAt: 'asc' } },
  participants: {
    select: { id: true, name: true, position: true, agency: true, regencyCode: true, bankId: true, userId: true, attendance: true, representedBy: true, version: true, regency: { select: { name: true } }, bank: { select: { shortName: true } } },
    orderBy: [{ sortOrder: 'asc' }, { name: 'asc' }],
  },
  agendaItems: {
    select: {
      id: true, position: true, title: true, presenter: true, durationMinutes: true, minutes: true, version: true,
      outcomes: {
        select: { id: true, kind: true, text: true, programId: true, indicatorCode: true, regencyCode: true, version: true, program: { select: { id: true, code: true, name: true } }, indicator: { select: { code: true, name: true, nameEn: true } }, regency: { select: { name: true } } },
        orderBy: [{ position: 'asc' }, { createdAt: 'asc' }],
      },
    },
    orderBy: { position: 'asc' },
  },
  actions: { select: actionSelect, orderBy: [{ dueDate: 'asc' }, { id: 'asc' }] },
  documents: { select: { id: true, kind: true, filename: true, mimeType: true, size: true, createdAt: true, actionId: true }, orderBy: { createdAt: 'asc' } },
} satisfies Prisma.MeetingSelect

/** One meeting with its agenda, minutes, outcomes, follow-ups and documents (metadata only), or null outside the scope. */
export async function getMeeting({ user, id }: { user: SessionUser; id: string }) {
  const meeting = await readDb.meeting.findFirst({ where: { AND: [{ id }, meetingScope(user)] }, select: meetingDetailSelect })
  if (!meeting) return null
  // the previous meeting's follow-ups still open are on this meeting's agenda (rapat lanjutan)
  const carried = meeting.previousMeeting
    ? await readDb.actionItem.findMany({ where: { AND: [{ meetingId: meeting.previousMeeting.id, status: { in: [...OPEN_STATUSES] } }, actionScope(user)] }, select: actionSelect, orderBy: { dueDate: 'asc' } })
    : []
  return { ...meeting, carried }
}
export type MeetingDetail = NonNullable<Awaited<ReturnType<typeof getMeeting>>>

// ── Follow-ups ───────────────────────────────────────────────────────────────────────────────────────
export const ACTIONS_PAGE_SIZE = 25

/**
 * The regencies and banks that own a follow-up this user may read, for the list's owner filters: a district or
 * bank officer reads the follow-ups of the meetings it took part in, so its choices are those owners, not all 38
 * regencies (picking Gresik had only ever given "no follow-ups"). `null` for admin and leadership: every one.
 */
export async function actionOwnerChoices(user: SessionUser): Promise<{ regencies: Set<string>; banks: Set<string> } | null> {
  const scope = actionScope(user)
  if (Object.keys(scope).length === 0) return null
  const [regencies, banks] = await Promise.all([
    readDb.actionItem.findMany({ where: { AND: [scope, { ownerRegencyCode: { not: null } }] }, distinct: ['ownerRegencyCode'], select: { ownerRegencyCode: true } }),
    readDb.actionItem.findMany({ where: { AND: [scope, { ownerBankId: { not: null } }] }, distinct: ['ownerBankId'], select: { ownerBankId: true } }),
  ])
  return { regencies: new Set(regencies.map((r) => r.ownerRegencyCode!)), banks: new Set(banks.map((b) => b.ownerBankId!)) }
}

/**
 * Follow-ups across meetings. `status=open` (the default) is OPEN or IN_PROGRESS; `overdue=1` those
 * overdue at the end of `asOf` (default today in Jakarta), exactly as the overview card counts them.
 */
export async function findActions({ user, filter, today = jakartaToday() }: { user: SessionUser; filter: ActionFilter; today?: string }) {
  const { where, asOf } = actionFilterWhere(user, filter, today)
  const page = filter.page ?? 1
  const [rows, total] = await Promise.all([
    readDb.actionItem.findMany({
      where,
      select: { ...actionSelect, meeting: { select: { id: true, title: true, type: true, startsAt: true } }, _count: { select: { notes: true } } },
      orderBy: actionOrder(filter),
      skip: (page - 1) * ACTIONS_PAGE_SIZE,
      take: ACTIONS_PAGE_SIZE,
    }),
    readDb.actionItem.count({ where }),
  ])
  return { rows, total, page, pageSize: ACTIONS_PAGE_SIZE, asOf }
}

/** Every follow-up matching the filter, in the list's scope and order, for the .xlsx/.csv export. */
export async function exportActions({ user, filter, today = jakartaToday() }: { user: SessionUser; filter: ActionFilter; today?: string }) {
  const { where, asOf } = actionFilterWhere(user, filter, today)
  const rows = await readDb.actionItem.findMany({
    where,
    select: { ...actionSelect, description: true, meeting: { select: { id: true, title: true, type: true, startsAt: true } }, _count: { select: { notes: true } } },
    orderBy: actionOrder(filter),
    take: EXPORT_LIMIT,
  })
  return { rows, asOf }
}

/** Earliest due first unless a column is chosen; the id keeps pages stable. */
function actionOrder(f: ActionFilter): Prisma.ActionItemOrderByWithRelationInput[] {
  const dir = f.dir ?? 'asc'
  const first: Prisma.ActionItemOrderByWithRelationInput = f.sort === 'meeting' ? { meeting: { startsAt: dir } } : { [f.sort ?? 'dueDate']: dir }
  return [first, ...(f.sort && f.sort !== 'dueDate' ? [{ dueDate: 'asc' as const }] : []), { id: 'asc' }]
}

function actionFilterWhere(user: SessionUser, filter: ActionFilter, today: string) {
  const and: Prisma.ActionItemWhereInput[] = [actionScope(user)]
  const asOf = filter.asOf ?? today
  // both ticked: what needs chasing now, the late ones and those due within the week (the second had been ignored)
  if (filter.overdue && filter.due === 'soon') and.push({ OR: [overdueAt(asOf), dueSoonAt(asOf)] })
  else if (filter.overdue) and.push(overdueAt(asOf))
  else if (filter.due === 'soon') and.push(dueSoonAt(asOf))
  else if (!filter.status || filter.status === 'open') and.push({ status: { in: [...OPEN_STATUSES] } })
  else if (filter.status !== 'all') and.push({ status: filter.status })
  if ((filter.overdue || filter.due) && filter.status && !['open', 'all'].includes(filter.status)) and.push({ status: filter.status as 'OPEN' })
  if (filter.regency) and.push(regencyOwned(filter.regency, user))
  if (filter.bank) and.push(bankOwned(filter.bank, user))
  if (filter.ownerKind) and.push({ ownerKind: filter.ownerKind })
  if (filter.meeting) and.push({ meetingId: filter.meeting })
  return { where: { AND: and } satisfies Prisma.ActionItemWhereInput, asOf }
}

/** The title and date of a meeting the user may read, for the follow-up list's "Rapat: …" filter line; null outside the scope. */
export async function meetingHeading({ user, id }: { user: SessionUser; id: string }) {
  return readDb.meeting.findFirst({ where: { AND: [{ id }, meetingScope(user)] }, select: { id: true, title: true, startsAt: true } })
}

/** One follow-up with its meeting, progress notes (newest first) and evidence, or null outside the scope. */
export async function getAction({ user, id }: { user: SessionUser; id: string }) {
  return readDb.actionItem.findFirst({
    where: { AND: [{ id }, actionScope(user)] },
    select: {
      ...actionSelect,
      createdAt: true,
      // the agenda with its decisions: the choices of the admin's edit form (a follow-up keeps the decision it came from)
      meeting: { select: { id: true, title: true, type: true, startsAt: true, status: true, agendaItems: { select: { position: true, outcomes: { select: { id: true, kind: true, text: true }, orderBy: [{ position: 'asc' }, { createdAt: 'asc' }] } }, orderBy: { position: 'asc' } } } },
      agendaItem: { select: { id: true, title: true, position: true } },
      outcome: { select: { id: true, kind: true, text: true } },
      notes: { select: { id: true, authorName: true, note: true, statusFrom: true, statusTo: true, createdAt: true }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] },
      documents: { select: { id: true, kind: true, filename: true, mimeType: true, size: true, createdAt: true }, orderBy: { createdAt: 'asc' } },
    },
  })
}
export type ActionDetail = NonNullable<Awaited<ReturnType<typeof getAction>>>

/**
 * The overview card: follow-ups overdue at the end of `asOf`, and on the same date last year (a
 * follow-up closed since then still counts then). Scoped to what the user owns (district: its
 * regency, bank: its bank) or, for admin and leadership, to `regencyCode` when the page filters one.
 */
export async function getOverdueSummary({ user, asOf, regencyCode }: { user: SessionUser; asOf: string; regencyCode?: string }) {
  if (!can(user.role, 'meetings.read')) return null
  const scope: Prisma.ActionItemWhereInput = { AND: [actionScope(user), ownedScope(user, regencyCode)] }
  const lastYearAsOf = sameDateLastYear(asOf)
  // Beranda's card on every load: across requests from the snapshot-keyed cache (lib/figure-cache.ts), keyed by
  // what the scope is made of (role, regency, bank) and the arguments
  return cachedFigures('overdue-summary', [user.role, user.regencyCode ?? null, user.bankId ?? null, asOf, regencyCode ?? null], async () => {
    const [overdue, lastYear, open, dueSoon] = await Promise.all([
      readDb.actionItem.count({ where: { AND: [scope, overdueAt(asOf)] } }),
      readDb.actionItem.count({ where: { AND: [scope, overdueAt(lastYearAsOf)] } }),
      readDb.actionItem.count({ where: { AND: [scope, openAt(asOf)] } }),
      readDb.actionItem.count({ where: { AND: [scope, dueSoonAt(asOf)] } }),
    ])
    return { asOf, overdue, lastYearAsOf, lastYear, change: overdue - lastYear, open, dueSoon }
  })
}

/** A regency's follow-ups open at `asOf`, the overdue ones flagged, for the regency dashboard. */
export async function getRegencyActions({ user, regencyCode, asOf }: { user: SessionUser; regencyCode: string; asOf: string }) {
  if (!can(user.role, 'meetings.read')) return null
  if (user.role === 'DISTRICT_OFFICER' && user.regencyCode !== regencyCode) throw new ScopeError('forbidden')
  // open at the page's day, not today: a past day lists what was open then (closed since, or not yet agreed: not)
  const where: Prisma.ActionItemWhereInput = { AND: [actionScope(user), { ownerKind: 'REGENCY', ownerRegencyCode: regencyCode }, openAt(asOf)] }
  const [rows, open, overdue] = await Promise.all([
    readDb.actionItem.findMany({ where, select: { ...actionSelect, meeting: { select: { id: true, title: true, startsAt: true } } }, orderBy: [{ dueDate: 'asc' }, { id: 'asc' }], take: 10 }),
    readDb.actionItem.count({ where }),
    readDb.actionItem.count({ where: { AND: [where, overdueAt(asOf)] } }),
  ])
  return { rows: await withStatusAt(rows, asOf), open, overdue, asOf }
}

/**
 * Each follow-up's status at the end of `asOf`, for a list of a past day: the last status change recorded by
 * then (its progress notes), else Terbuka; on today's date the current status. One statement for the list.
 */
async function withStatusAt<R extends { id: string; status: ActionRow['status'] }>(rows: R[], asOf: string): Promise<(R & { statusAt: ActionRow['status'] })[]> {
  if (asOf >= jakartaToday() || rows.length === 0) return rows.map((r) => ({ ...r, statusAt: r.status }))
  const changes = await readDb.actionProgressNote.findMany({
    where: { actionId: { in: rows.map((r) => r.id) }, statusTo: { not: null }, createdAt: { lt: endOfJakartaDay(asOf) } },
    select: { actionId: true, statusTo: true },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  })
  const last = new Map(changes.map((c) => [c.actionId, c.statusTo!]))
  return rows.map((r) => ({ ...r, statusAt: last.get(r.id) ?? 'OPEN' }))
}

// ── Documents ────────────────────────────────────────────────────────────────────────────────────────
/** A document's bytes for download, only when the user may read its meeting; null otherwise (404). */
export async function getDocumentFile({ user, id }: { user: SessionUser; id: string }) {
  return readDb.meetingDocument.findFirst({
    where: { id, meeting: meetingScope(user) },
    select: { id: true, filename: true, mimeType: true, size: true, content: true, storagePath: true, sha256: true },
  })
}

// ── Choices for forms ────────────────────────────────────────────────────────────────────────────────
/** Regencies of the agency's province, banks, programmes, indicators and users for the meeting forms. */
export async function meetingFormChoices({ provinceCode }: { provinceCode: string }) {
  const [regencies, banks, programs, indicators, users] = await Promise.all([
    readDb.regency.findMany({ where: { provinceCode }, select: { code: true, name: true }, orderBy: { code: 'asc' } }),
    readDb.bank.findMany({ select: { id: true, shortName: true, name: true }, orderBy: { shortName: 'asc' } }),
    readDb.creditProgram.findMany({ select: { id: true, code: true, name: true, year: true }, orderBy: [{ year: 'desc' }, { code: 'asc' }] }),
    readDb.indicator.findMany({ where: { active: true }, select: { code: true, name: true, nameEn: true }, orderBy: [{ formCode: 'asc' }, { sortOrder: 'asc' }] }),
    readDb.user.findMany({ where: { active: true }, select: { id: true, name: true, username: true, role: true }, orderBy: { name: 'asc' }, take: 500 }),
  ])
  // a follow-up's owner reports its progress: leadership only reads (lib/meetings/rules.ts canUpdateProgress), so it
  // is invited to meetings but not offered as an owner (the server refuses it too: lib/actions/meetings.ts actionData)
  const owners = users.filter((u) => u.role !== 'LEADERSHIP')
  return { regencies, banks, programs, indicators, users, owners }
}
/** Partner banks for the follow-up filter. */
export async function listBanks() {
  return readDb.bank.findMany({ select: { id: true, shortName: true }, orderBy: { shortName: 'asc' } })
}

export type MeetingFormChoices = Awaited<ReturnType<typeof meetingFormChoices>>

// ── Briefing pack ────────────────────────────────────────────────────────────────────────────────────
/**
 * A meeting's briefing pack: the current figures of the credit programmes and indicators its outcomes
 * are linked to, read through the same server functions as the dashboards (getCreditSummary,
 * getIndicatorRealisation) so the numbers are the dashboards' numbers, each with its as-of date; and
 * the follow-ups of the previous meeting (the one it follows up, else the last of the same type).
 * A figure the user may not read (a bank officer and another bank's programme) is left out.
 */
export async function getBriefing({ user, id, today = jakartaToday() }: { user: SessionUser; id: string; today?: string }) {
  const meeting = await getMeeting({ user, id })
  if (!meeting) return null
  const outcomes = meeting.agendaItems.flatMap((a) => a.outcomes)
  const programIds = [...new Set(outcomes.map((o) => o.programId).filter((p): p is string => !!p))]
  const indicatorLinks = [...new Map(outcomes.filter((o) => o.indicatorCode).map((o) => [`${o.indicatorCode}|${o.regencyCode ?? ''}`, { code: o.indicatorCode!, regencyCode: o.regencyCode ?? undefined }])).values()]
  const quiet = async <T>(work: Promise<T>): Promise<T | null> => {
    try {
      return await work
    } catch (e) {
      if (e instanceof ScopeError || (e instanceof Error && e.message === 'forbidden')) return null
      throw e
    }
  }
  const year = Number(today.slice(0, 4))
  const indicatorFigures = async (code: string, regencyCode?: string) => {
    // the current year's figures, or last year's while this year has none approved yet
    for (const y of [year, year - 1]) {
      const r = await quiet(getIndicatorRealisation({ user, indicatorCode: code, year: y, regencyCode }))
      if (!r) return null
      const line = regencyCode ? r.regencies.find((x) => x.code === regencyCode) : r.province
      if (!line) continue
      const quarter = [4, 3, 2, 1].find((q) => line.quarters[q]?.value !== null && line.quarters[q]?.value !== undefined)
      if (quarter || line.year.value !== null) return { indicator: r.indicator, year: y, quarter: quarter ?? null, regency: regencyCode ? line.name : null, cell: line.year }
    }
    return null
  }
  const [programs, indicators, previous] = await Promise.all([
    Promise.all(programIds.map((programId) => quiet(getCreditSummary({ user, filter: { programId } })))),
    Promise.all(indicatorLinks.map((l) => indicatorFigures(l.code, l.regencyCode))),
    briefingPrevious(user, meeting),
  ])
  return {
    meeting,
    programs: programs.filter((p): p is NonNullable<typeof p> => !!p),
    indicators: indicators.filter((i): i is NonNullable<typeof i> => !!i),
    ...previous,
    today,
  }
}

/**
 * The pack's previous meeting. The pack is one document, so which meeting that is must not depend on who
 * reads it: the explicit "Rapat sebelumnya" link, else the latest earlier meeting of the same type that was
 * actually held (a planned one has no follow-ups to report yet), chosen WITHOUT the reader's scope. Only
 * then does the scope apply, as the follow-up list applies it: a reader who may not read that meeting gets
 * `previousHidden` (the pack says so) rather than some other meeting it happens to see.
 */
async function briefingPrevious(user: SessionUser, meeting: { id: string; type: MeetingType; startsAt: Date; previousMeeting: { id: string } | null }) {
  const previousId =
    meeting.previousMeeting?.id ??
    (
      await readDb.meeting.findFirst({
        where: { type: meeting.type, startsAt: { lt: meeting.startsAt }, status: { in: ['HELD', 'CLOSED'] }, id: { not: meeting.id } },
        select: { id: true },
        orderBy: [{ startsAt: 'desc' }, { id: 'desc' }],
      })
    )?.id
  if (!previousId) return { previous: null, previousHidden: false }
  const [found, actions] = await Promise.all([
    readDb.meeting.findFirst({ where: { AND: [{ id: previousId }, meetingScope(user)] }, select: { id: true, title: true, type: true, startsAt: true } }),
    readDb.actionItem.findMany({ where: { AND: [{ meetingId: previousId }, actionScope(user)] }, select: actionSelect, orderBy: [{ dueDate: 'asc' }, { id: 'asc' }] }),
  ])
  return found ? { previous: { ...found, actions }, previousHidden: false } : { previous: null, previousHidden: true }
}
export type Briefing = NonNullable<Awaited<ReturnType<typeof getBriefing>>>

// ── Sync for the integration API ─────────────────────────────────────────────────────────────────────

/** The last record a sync page read: the next page starts after it, in (updatedAt, id) order. */
export type MeetingSyncCursor = { updatedAt: Date; id: string }

type SyncArgs = { user: SessionUser; after?: MeetingSyncCursor; updatedSince?: Date; until?: Date; limit: number }

function syncWhere({ after, updatedSince, until }: SyncArgs) {
  return [
    ...(updatedSince ? [{ updatedAt: { gt: updatedSince } }] : []),
    // the sync watermark (lib/data/sync-watermark.ts): nothing a running transaction may yet commit behind the cursor
    ...(until ? [{ updatedAt: { lt: until } }] : []),
    ...(after ? [{ OR: [{ updatedAt: { gt: after.updatedAt } }, { updatedAt: after.updatedAt, id: { gt: after.id } }] }] : []),
  ]
}

function syncPage<T extends { id: string; updatedAt: Date }>(rows: T[], args: SyncArgs) {
  const page = rows.slice(0, args.limit)
  const last = page.at(-1)
  const next: MeetingSyncCursor | null = last ? { updatedAt: last.updatedAt, id: last.id } : (args.after ?? null)
  return { rows: page, next, hasMore: rows.length > args.limit }
}

/**
 * Meetings in the user's scope (meetingScope, as the pages) with their decisions, information and
 * recommendations, for system-to-system sync: a meeting's updatedAt moves when its details, status or
 * outcomes change (lib/actions/meetings.ts). Meetings are never deleted (cancelled is a status).
 */
export async function syncMeetings(args: SyncArgs) {
  const rows = await readDb.meeting.findMany({
    where: { AND: [meetingScope(args.user), ...syncWhere(args)] },
    select: {
      id: true, title: true, type: true, startsAt: true, endsAt: true, venue: true, city: true, organiser: true, chair: true, status: true,
      hostRegencyCode: true, previousMeetingId: true, createdAt: true, updatedAt: true,
      outcomes: {
        select: { id: true, kind: true, text: true, programId: true, indicatorCode: true, regencyCode: true, agendaItem: { select: { position: true, title: true } }, position: true },
        orderBy: [{ agendaItem: { position: 'asc' } }, { position: 'asc' }, { createdAt: 'asc' }],
      },
    },
    orderBy: [{ updatedAt: 'asc' }, { id: 'asc' }],
    take: args.limit + 1,
  })
  return syncPage(rows, args)
}

/** Follow-up actions the user may read (actionScope: those of meetings it may read), for sync by their own updatedAt. */
export async function syncActions(args: SyncArgs) {
  const rows = await readDb.actionItem.findMany({
    where: { AND: [actionScope(args.user), ...syncWhere(args)] },
    select: {
      id: true, meetingId: true, outcomeId: true, title: true, description: true, ownerKind: true, ownerRegencyCode: true, ownerBankId: true, ownerUnit: true,
      ownerUser: { select: { name: true } }, dueDate: true, status: true, closedAt: true, createdAt: true, updatedAt: true,
    },
    orderBy: [{ updatedAt: 'asc' }, { id: 'asc' }],
    take: args.limit + 1,
  })
  return syncPage(rows, args)
}
