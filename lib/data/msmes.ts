import 'server-only'
import type { Prisma } from '@/lib/generated/prisma/client'
import { readDb } from '@/lib/db'
import { can } from '@/lib/permissions'
import { maskNik } from '@/lib/registers/nik'
import { regencyScope } from '@/lib/scope'
import type { SessionUser } from '@/lib/session-user'
import type { MsmeFilter } from '@/lib/validations/msmes'
import { DELETED_PAGE_SIZE, EXPORT_LIMIT, PAGE_SIZE, RegisterAccessError, type SyncCursor } from './cooperatives'
import { digitsQuery, foldedSearchWords } from '@/lib/parse'

function assertRead(user: SessionUser) {
  if (!can(user.role, 'msmes.read')) throw new RegisterAccessError()
}

export const msmeListSelect = {
  id: true,
  nib: true,
  businessName: true,
  ownerName: true,
  ownerNik: true,
  ownerGender: true,
  kbli: true,
  workers: true,
  businessCapital: true,
  annualSales: true,
  recordedScale: true,
  computedScale: true,
  scaleMismatch: true,
  newRegistration: true,
  iumkNumber: true,
  iumkDate: true,
  address: true,
  regency: { select: { code: true, name: true } },
  district: { select: { name: true } },
  village: { select: { name: true } },
  // deletedAt: a deleted cooperative is no membership to show (liveCooperative)
  cooperative: { select: { id: true, name: true, deletedAt: true } },
} satisfies Prisma.MsmeSelect

/**
 * The owner NIK leaves the data layer masked, for every role: the only way to the full number is the
 * audited reveal action. Lists, details, forms and exports all get this.
 */
function masked<R extends { ownerNik: string; cooperative: { id: string; name: string; deletedAt: Date | null } | null }>(row: R) {
  return { ...row, ownerNik: maskNik(row.ownerNik), cooperative: liveCooperative(row.cooperative) }
}

/**
 * The MSME's cooperative as every screen, export and the API show it: none when the cooperative was deleted
 * (its page is gone; the MSME's next edit saves it without one, as the form then shows).
 */
function liveCooperative(c: { id: string; name: string; deletedAt: Date | null } | null): { id: string; name: string } | null {
  return c && !c.deletedAt ? { id: c.id, name: c.name } : null
}

function whereOf(user: SessionUser, filter: MsmeFilter, opts: { includeDeleted?: boolean } = {}): Prisma.MsmeWhereInput {
  const and: Prisma.MsmeWhereInput[] = [opts.includeDeleted ? {} : { deletedAt: null }, regencyScope(user)]
  if (filter.regency) and.push({ regencyCode: filter.regency })
  if (filter.scale) and.push({ computedScale: filter.scale })
  if (filter.mismatch) and.push({ scaleMismatch: true })
  if (filter.koperasi) and.push({ cooperativeId: filter.koperasi })
  if (filter.q) {
    // a number (a NIB also written in groups: `9351 7000 0044 5`) by its digits, else the words, folded (no capitals,
    // accents or quote styles: lib/parse.ts SEARCH_FOLD) as the indexed *_search columns hold the two names
    const digits = digitsQuery(filter.q)
    and.push(
      digits
        ? { nib: { contains: digits } }
        : { AND: foldedSearchWords(filter.q).map((w) => ({ OR: [{ businessNameSearch: { contains: w } }, { ownerNameSearch: { contains: w } }] })) },
    )
  }
  return { AND: and }
}

/**
 * The list's order: the sorted column, then within a tie (17.000 "Mikro") by name and NIB, as a reader scans it; the
 * id last, for one order always. Ties had been broken by the id alone, which follows NIB order for the seeded records
 * but puts every new one (a cuid, `c…`) first.
 */
function orderOf(filter: MsmeFilter): Prisma.MsmeOrderByWithRelationInput[] {
  const sort = filter.sort ?? 'businessName'
  return [{ [sort]: filter.dir ?? 'asc' }, ...(['businessName', 'nib', 'id'] as const).filter((k) => k !== sort).map((k) => ({ [k]: 'asc' as const }))]
}

/**
 * MSMEs for the list: scoped, filtered, sorted, one page. Two queries (page and count) on indexed
 * columns; a name search uses the pg_trgm indexes, so this stays fast at 300,000 rows.
 */
export async function findMsmes({ user, filter }: { user: SessionUser; filter: MsmeFilter }) {
  assertRead(user)
  const where = whereOf(user, filter)
  const page = filter.page ?? 1
  const [rows, total] = await Promise.all([
    readDb.msme.findMany({ where, select: msmeListSelect, orderBy: orderOf(filter), skip: (page - 1) * PAGE_SIZE, take: PAGE_SIZE }),
    readDb.msme.count({ where }),
  ])
  return { rows: rows.map(masked), total, page, pageSize: PAGE_SIZE }
}

/** Every MSME matching the filter (same scope and order as the list, NIK masked), for the export. */
export async function exportMsmes({ user, filter }: { user: SessionUser; filter: MsmeFilter }) {
  assertRead(user)
  const rows = await readDb.msme.findMany({ where: whereOf(user, filter), select: msmeListSelect, orderBy: orderOf(filter), take: EXPORT_LIMIT })
  return rows.map(masked)
}

/** One MSME (NIK masked); null when deleted or outside the user's scope. */
export async function getMsme({ user, id }: { user: SessionUser; id: string }) {
  assertRead(user)
  const row = await readDb.msme.findFirst({
    where: { id, deletedAt: null, ...regencyScope(user) },
    select: { ...msmeListSelect, phone: true, regencyCode: true, districtCode: true, villageCode: true, cooperativeId: true, version: true, createdAt: true, updatedAt: true },
  })
  if (!row) return null
  // the phone is personal data too: only roles that may see the owner's NIK see it in full
  const phone = row.phone && !can(user.role, 'msmes.revealNik') ? maskNik(row.phone) : row.phone
  const shown = masked(row)
  return { ...shown, phone, cooperativeId: shown.cooperative?.id ?? null }
}

export type MsmeDetail = NonNullable<Awaited<ReturnType<typeof getMsme>>>

/**
 * A page of MSMEs (owner NIK masked, as everywhere) for system-to-system sync (the integration API): the list's scope and filters, in
 * (updatedAt, id) order from a cursor, so a client that keeps the last cursor reads exactly the records
 * changed since. With `updatedSince` or a cursor, deleted records come too (tombstones with `deletedAt`),
 * so the client can drop them; a first full read without either lists only live ones.
 */
export async function syncMsmes({ user, filter, after, updatedSince, until, limit }: { user: SessionUser; filter: MsmeFilter; after?: SyncCursor; updatedSince?: Date; until?: Date; limit: number }) {
  assertRead(user)
  const incremental = !!(after || updatedSince)
  const and: Prisma.MsmeWhereInput[] = [whereOf(user, filter, { includeDeleted: incremental })]
  if (updatedSince) and.push({ updatedAt: { gt: updatedSince } })
  // the sync watermark (lib/data/sync-watermark.ts): nothing a still-running transaction may yet commit behind the cursor
  if (until) and.push({ updatedAt: { lt: until } })
  if (after) and.push({ OR: [{ updatedAt: { gt: after.updatedAt } }, { updatedAt: after.updatedAt, id: { gt: after.id } }] })
  const rows = await readDb.msme.findMany({
    where: { AND: and },
    select: { ...msmeListSelect, createdAt: true, updatedAt: true, deletedAt: true },
    orderBy: [{ updatedAt: 'asc' }, { id: 'asc' }],
    take: limit + 1,
  })
  const page = rows.slice(0, limit)
  const last = page.at(-1)
  // the cursor to resume from: the last record read, or where this read started when nothing changed
  const next: SyncCursor | null = last ? { updatedAt: last.updatedAt, id: last.id } : (after ?? null)
  return { rows: page.map(masked), next, hasMore: rows.length > limit }
}

/**
 * The deleted MSMEs the user may bring back (msmes.write, in the user's scope), matching the search, last deleted
 * first, one page: how one deleted by mistake is found (its NIB stays taken while deleted).
 */
export async function findDeletedMsmes({ user, q, page = 1 }: { user: SessionUser; q?: string; page?: number }) {
  if (!can(user.role, 'msmes.write')) throw new RegisterAccessError()
  const where: Prisma.MsmeWhereInput = { AND: [whereOf(user, { q } as MsmeFilter, { includeDeleted: true }), { deletedAt: { not: null } }] }
  const [rows, total] = await Promise.all([
    readDb.msme.findMany({
      where, select: { id: true, nib: true, businessName: true, version: true, deletedAt: true, regency: { select: { name: true } } },
      orderBy: [{ deletedAt: 'desc' }, { id: 'asc' }], skip: (page - 1) * DELETED_PAGE_SIZE, take: DELETED_PAGE_SIZE,
    }),
    readDb.msme.count({ where }),
  ])
  return { rows, total, page, pageSize: DELETED_PAGE_SIZE }
}
