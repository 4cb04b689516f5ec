/**
 * Act as a user in integration tests: the test file mocks `@/lib/auth` with `authMock` (so
 * `getCurrentUser()` runs for real against the test database) and `next/cache` with `cacheMock`.
 *
 *   vi.mock('@/lib/auth', async () => (await import('../support/act-as')).authMock())
 *   vi.mock('next/cache', async () => (await import('../support/act-as')).cacheMock())
 */
import { db } from '@/lib/db'
import type { Role } from '@/lib/generated/prisma/enums'

const current: { id: string | null } = { id: null }

export function authMock() {
  return { auth: async () => (current.id ? { user: { id: current.id }, sessionVersion: 1 } : null) }
}

export function cacheMock() {
  return { revalidatePath: () => {}, revalidateTag: () => {} }
}

/** Sign in as this user for the following calls (null: signed out). */
export function actAs(user: { id: string } | null) {
  current.id = user?.id ?? null
}

let n = 0
/** A user row of this role (a district officer bound to `regencyCode`). */
export async function makeUser(role: Role, regencyCode: string | null = null) {
  n += 1
  return db.user.create({
    data: { username: `${role.toLowerCase()}-${n}`, name: `Uji ${role} ${n}`, role, regencyCode, passwordHash: 'x' },
    select: { id: true, username: true, role: true, regencyCode: true },
  })
}

/** A FormData from a plain object, as a browser form would post it. */
export function form(fields: Record<string, string | number>): FormData {
  const f = new FormData()
  for (const [k, v] of Object.entries(fields)) f.set(k, String(v))
  return f
}
