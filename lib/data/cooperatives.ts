import 'server-only'
import { AppError } from '@/lib/errors'
import type { Prisma } from '@/lib/generated/prisma/client'
import { readDb } from '@/lib/db'
import { can } from '@/lib/permissions'
import { regencyScope } from '@/lib/scope'
import type { SessionUser } from '@/lib/session-user'
import type { CooperativeFilter } from '@/lib/validations/cooperatives'
import { digitsQuery, escapeLike, foldedSearchWords } from '@/lib/parse'

export const PAGE_SIZE = 25
/** An export holds at most this many rows (a whole province's register fits; a bigger file helps nobody). */
export const EXPORT_LIMIT = 100_000

/** A register read the role may not make: the one refusal type (lib/errors.ts), FORBIDDEN. */
export class RegisterAccessError extends AppError {
  constructor() {
    super('FORBIDDEN')
  }
}

function assertRead(user: SessionUser) {
  if (!can(user.role, 'cooperatives.read')) throw new RegisterAccessError()
}

export const cooperativeListSelect = {
  id: true,
  nik: true,
  name: true,
  type: true,
  form: true,
  pattern: true,
  groupName: true,
  active: true,
  healthOutcome: true,
  membersMale: true,
  membersFemale: true,
  managers: true,
  employees: true,
  legalEntityNumber: true,
  legalEntityDate: true,
  address: true,
  regency: { select: { code: true, name: true } },
  district: { select: { name: true } },
  village: { select: { name: true } },
} satisfies Prisma.CooperativeSelect

export type CooperativeListRow = Prisma.CooperativeGetPayload<{ select: typeof cooperativeListSelect }>

/**
 * The list's WHERE: not deleted, inside the user's regency scope, then the filters. The scope is an
 * AND of its own, so a district officer asking for another regency gets nothing, not that regency.
 */
function whereOf(user: SessionUser, filter: CooperativeFilter, opts: { includeDeleted?: boolean } = {}): Prisma.CooperativeWhereInput {
  const and: Prisma.CooperativeWhereInput[] = [opts.includeDeleted ? {} : { deletedAt: null }, regencyScope(user)]
  if (filter.regency) and.push({ regencyCode: filter.regency })
  if (filter.type) and.push({ type: filter.type })
  if (filter.status) and.push({ active: filter.status === 'aktif' })
  if (filter.health) and.push({ healthOutcome: filter.health === 'BELUM' ? null : filter.health })
  if (filter.q) {
    // a number (a NIK also written in groups: `3517 0000 0000 0040`) by its digits, else the words, folded (no
    // capitals, accents or quote styles: lib/parse.ts SEARCH_FOLD) as the indexed name_search column holds the name
    const digits = digitsQuery(filter.q)
    and.push(
      digits
        // a legal entity number as written too (`01.26.2021` of `AHU-0001234.AH.01.26.2021`)
        ? { OR: [{ nik: { contains: digits } }, { legalEntityNumber: { contains: digits } }, { legalEntityNumber: { contains: escapeLike(filter.q.trim()) } }] }
        : { AND: foldedSearchWords(filter.q).map((w) => ({ OR: [{ nameSearch: { contains: w } }, { legalEntityNumber: { contains: w, mode: 'insensitive' } }] })) },
    )
  }
  return { AND: and }
}

function orderOf(filter: CooperativeFilter): Prisma.CooperativeOrderByWithRelationInput[] {
  const dir = filter.dir ?? 'asc'
  const sort = filter.sort ?? 'name'
  // never-assessed cooperatives last, whichever way the outcome is sorted
  const first: Prisma.CooperativeOrderByWithRelationInput = sort === 'healthOutcome' ? { healthOutcome: { sort: dir, nulls: 'last' } }
    : sort === 'members' ? { membersTotal: dir } // men + women, kept by PostgreSQL (a generated column)
      : { [sort]: dir }
  // within a tie (a regency's hundreds, one type), by name and NIK koperasi as a reader scans it, the id last for one
  // order always: by the id alone, every new record (a cuid, `c…`) had come before the seeded ones
  return [first, ...(['name', 'nik', 'id'] as const).filter((k) => k !== sort).map((k) => ({ [k]: 'asc' as const }))]
}

/** Cooperatives for the list: scoped, filtered, sorted, one page, with the total for the pager. */
export async function findCooperatives({ user, filter }: { user: SessionUser; filter: CooperativeFilter }) {
  assertRead(user)
  const where = whereOf(user, filter)
  const page = filter.page ?? 1
  const [rows, total] = await Promise.all([
    readDb.cooperative.findMany({ where, select: cooperativeListSelect, orderBy: orderOf(filter), skip: (page - 1) * PAGE_SIZE, take: PAGE_SIZE }),
    readDb.cooperative.count({ where }),
  ])
  return { rows, total, page, pageSize: PAGE_SIZE }
}

/** Every cooperative matching the filter (same scope and order as the list), for the export. */
export async function exportCooperatives({ user, filter }: { user: SessionUser; filter: CooperativeFilter }) {
  assertRead(user)
  return readDb.cooperative.findMany({ where: whereOf(user, filter), select: cooperativeListSelect, orderBy: orderOf(filter), take: EXPORT_LIMIT })
}

/** The rows of a page of deleted records (both registers), for the page that brings them back. */
export const DELETED_PAGE_SIZE = 50

/**
 * The deleted cooperatives the user may bring back (cooperatives.write, in the user's scope), matching the search,
 * last deleted first, one page: how one deleted by mistake is found (its NIK koperasi stays taken while deleted).
 */
export async function findDeletedCooperatives({ user, q, page = 1 }: { user: SessionUser; q?: string; page?: number }) {
  if (!can(user.role, 'cooperatives.write')) throw new RegisterAccessError()
  const where: Prisma.CooperativeWhereInput = { AND: [whereOf(user, { q } as CooperativeFilter, { includeDeleted: true }), { deletedAt: { not: null } }] }
  const [rows, total] = await Promise.all([
    readDb.cooperative.findMany({
      where, select: { id: true, nik: true, name: true, version: true, deletedAt: true, regency: { select: { name: true } } },
      orderBy: [{ deletedAt: 'desc' }, { id: 'asc' }], skip: (page - 1) * DELETED_PAGE_SIZE, take: DELETED_PAGE_SIZE,
    }),
    readDb.cooperative.count({ where }),
  ])
  return { rows, total, page, pageSize: DELETED_PAGE_SIZE }
}

const MEMBER_PREVIEW = 20

/**
 * One cooperative with its yearly figures (oldest first, for the chart), latest assessments and
 * inspections, and a preview of its member MSMEs; null when deleted or outside the user's scope.
 */
export async function getCooperative({ user, id }: { user: SessionUser; id: string }) {
  assertRead(user)
  const memberWhere = { deletedAt: null, ...regencyScope(user) } satisfies Prisma.MsmeWhereInput
  const coop = await readDb.cooperative.findFirst({
    where: { id, deletedAt: null, ...regencyScope(user) },
    select: {
      ...cooperativeListSelect,
      regencyCode: true,
      districtCode: true,
      villageCode: true,
      version: true,
      createdAt: true,
      updatedAt: true,
      yearlyFigures: {
        select: { id: true, year: true, ownCapital: true, externalCapital: true, assets: true, businessVolume: true, netSurplus: true, ratHeld: true, ratDate: true, version: true },
        orderBy: { year: 'asc' },
      },
      assessments: {
        select: { id: true, assessedOn: true, assessor: true, governanceScore: true, riskProfileScore: true, financialScore: true, capitalScore: true, totalScore: true, outcome: true, notes: true, templateVersion: true },
        orderBy: [{ assessedOn: 'desc' }, { createdAt: 'desc' }],
        take: 20,
      },
      inspections: {
        select: { id: true, inspectedOn: true, officer: true, findings: true, followUp: true, status: true, version: true },
        orderBy: [{ inspectedOn: 'desc' }, { createdAt: 'desc' }],
        take: 20,
      },
      members: { where: memberWhere, select: { id: true, nib: true, businessName: true, computedScale: true }, orderBy: { businessName: 'asc' }, take: MEMBER_PREVIEW },
      _count: { select: { members: { where: memberWhere } } },
    },
  })
  return coop
}

export type CooperativeDetail = NonNullable<Awaited<ReturnType<typeof getCooperative>>>

/** A cooperative's name, for a list narrowed to its members (the MSME list's `koperasi`); null outside the scope. */
export async function cooperativeName({ user, id }: { user: SessionUser; id: string }): Promise<string | null> {
  assertRead(user)
  const coop = await readDb.cooperative.findFirst({ where: { id, deletedAt: null, ...regencyScope(user) }, select: { name: true } })
  return coop?.name ?? null
}

/** A membership choice of the MSME form: the name, where it is (its kecamatan; its NIK when none), and whether it is active. */
export type CooperativeChoice = { id: string; name: string; place: string; active: boolean }

/**
 * Cooperatives of one regency an MSME can be a member of (scoped), for the MSME form. Active ones only, but `keep`
 * (the MSME's own cooperative on edit) whatever its state: a membership stays selectable, not silently dropped, when
 * its cooperative became inactive. Each is told apart by its kecamatan (two "Koperasi … Sejahtera" had been alike).
 */
export async function cooperativeChoices({ user, regencyCode, keep }: { user: SessionUser; regencyCode: string; keep?: string | null }): Promise<CooperativeChoice[]> {
  assertRead(user)
  const rows = await readDb.cooperative.findMany({
    where: { AND: [{ deletedAt: null, regencyCode }, regencyScope(user), keep ? { OR: [{ active: true }, { id: keep }] } : { active: true }] },
    select: { id: true, name: true, nik: true, active: true, district: { select: { name: true } } },
    orderBy: [{ name: 'asc' }, { nik: 'asc' }],
    take: 2000,
  })
  return rows.map((c) => ({ id: c.id, name: c.name, place: c.district?.name ?? c.nik, active: c.active }))
}

/** Where an incremental read resumes: after this record in (updatedAt, id) order. */
export type SyncCursor = { updatedAt: Date; id: string }

/**
 * A page of cooperatives for system-to-system sync (the integration API): the list's scope and filters, in
 * (updatedAt, id) order from a cursor, so a client that keeps the last cursor reads exactly the records
 * changed since. With `updatedSince` or a cursor, deleted records come too (tombstones with `deletedAt`),
 * so the client can drop them; a first full read without either lists only live ones.
 */
export async function syncCooperatives({ user, filter, after, updatedSince, until, limit }: { user: SessionUser; filter: CooperativeFilter; after?: SyncCursor; updatedSince?: Date; until?: Date; limit: number }) {
  assertRead(user)
  const incremental = !!(after || updatedSince)
  const and: Prisma.CooperativeWhereInput[] = [whereOf(user, filter, { includeDeleted: incremental })]
  if (updatedSince) and.push({ updatedAt: { gt: updatedSince } })
  // the sync watermark (lib/data/sync-watermark.ts): nothing a still-running transaction may yet commit behind the cursor
  if (until) and.push({ updatedAt: { lt: until } })
  if (after) and.push({ OR: [{ updatedAt: { gt: after.updatedAt } }, { updatedAt: after.updatedAt, id: { gt: after.id } }] })
  const rows = await readDb.cooperative.findMany({
    where: { AND: and },
    select: { ...cooperativeListSelect, createdAt: true, updatedAt: true, deletedAt: true },
    orderBy: [{ updatedAt: 'asc' }, { id: 'asc' }],
    take: limit + 1,
  })
  const page = rows.slice(0, limit)
  const last = page.at(-1)
  // the cursor to resume from: the last record read, or where this read started when nothing changed
  const next: SyncCursor | null = last ? { updatedAt: last.updatedAt, id: last.id } : (after ?? null)
  return { rows: page, next, hasMore: rows.length > limit }
}
