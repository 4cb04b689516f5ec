import 'server-only'
import { AppError } from '@/lib/errors'
import type { Prisma } from '@/lib/generated/prisma/client'
import { readDb } from '@/lib/db'
import { can } from '@/lib/permissions'
import type { SessionUser } from '@/lib/session-user'
import type { UserFilter } from '@/lib/validations/users'
import { searchWords } from '@/lib/parse'

export const PAGE_SIZE = 25

export const userListSelect = {
  id: true,
  username: true,
  name: true,
  email: true,
  role: true,
  active: true,
  mustChangePassword: true,
  lastSignInAt: true,
  createdAt: true,
  version: true,
  regency: { select: { code: true, name: true } },
  bank: { select: { id: true, shortName: true } },
} satisfies Prisma.UserSelect

export type UserListRow = Prisma.UserGetPayload<{ select: typeof userListSelect }>

function assertAdmin(user: SessionUser) {
  if (!can(user.role, 'users.manage')) throw new AppError('FORBIDDEN')
}

function whereOf(filter: UserFilter): Prisma.UserWhereInput {
  return {
    ...(filter.q && {
      AND: searchWords(filter.q).map((w) => ({
        OR: [
          { username: { contains: w, mode: 'insensitive' as const } },
          { name: { contains: w, mode: 'insensitive' as const } },
          { email: { contains: w, mode: 'insensitive' as const } },
        ],
      })),
    }),
    ...(filter.role && { role: filter.role }),
    ...(filter.status && { active: filter.status === 'aktif' }),
    ...(filter.regency && { regencyCode: filter.regency }),
  }
}

/**
 * The list's order (by user name unless the admin sorted): the export keeps it too. Users who never signed in sort
 * last both ways: PostgreSQL puts nulls first in a descending order, which had put them above the latest sign-ins.
 */
function userOrder(filter: UserFilter): Prisma.UserOrderByWithRelationInput[] {
  const dir = filter.dir ?? 'asc'
  if (filter.sort === 'lastSignInAt') return [{ lastSignInAt: { sort: dir, nulls: 'last' } }, { id: 'asc' }]
  return [{ [filter.sort ?? 'username']: dir }, { id: 'asc' }]
}

/** Users for the admin's list: filtered, sorted, one page, with the total for the pager. */
export async function findUsers({ user, filter }: { user: SessionUser; filter: UserFilter }) {
  assertAdmin(user)
  const where = whereOf(filter)
  const page = filter.page ?? 1
  const orderBy = userOrder(filter)
  const [rows, total] = await Promise.all([
    readDb.user.findMany({ where, select: userListSelect, orderBy, skip: (page - 1) * PAGE_SIZE, take: PAGE_SIZE }),
    readDb.user.count({ where }),
  ])
  return { rows, total, page, pageSize: PAGE_SIZE }
}

/** Every user matching the filter, in the list's order, for the export (admin only; no password hashes). */
export async function exportUsers({ user, filter }: { user: SessionUser; filter: UserFilter }) {
  assertAdmin(user)
  return readDb.user.findMany({ where: whereOf(filter), select: userListSelect, orderBy: userOrder(filter), take: 50_000 })
}

/** One user for the edit form. */
export async function getUser({ user, id }: { user: SessionUser; id: string }) {
  assertAdmin(user)
  return readDb.user.findUnique({ where: { id }, select: { ...userListSelect, regencyCode: true, bankId: true } })
}

/** Choices for the user form: the agency province's regencies and the partner banks. */
export async function userFormOptions(provinceCode: string) {
  const [regencies, banks] = await Promise.all([
    readDb.regency.findMany({ where: { provinceCode }, select: { code: true, name: true }, orderBy: { code: 'asc' } }),
    readDb.bank.findMany({ select: { id: true, shortName: true, name: true }, orderBy: { shortName: 'asc' } }),
  ])
  return { regencies, banks }
}
