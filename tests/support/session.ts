/**
 * Act as a user in an integration test: import this file FIRST in the test file (before any app
 * module), then `signInAs(user)`. It replaces only Auth.js's `auth()` (which needs a request's
 * cookies) with the chosen session, so `getCurrentUser()` still runs for real against the test
 * database (active flag, session version, role, scope), and `next/cache` (which needs a request
 * context). Server actions and route handlers are then called directly, as the browser would.
 */
import { vi } from 'vitest'
import { db } from '@/lib/db'
import type { Role } from '@/lib/generated/prisma/enums'
import type { ActionState } from '@/lib/safe-action'

const state = vi.hoisted(() => ({ session: null as null | { user: { id: string }; sessionVersion: number; expires: string } }))

vi.mock('@/lib/auth', () => ({
  auth: async () => state.session,
  signIn: vi.fn(),
  signOut: vi.fn(),
  handlers: { GET: vi.fn(), POST: vi.fn() },
}))

vi.mock('next/cache', () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn(), unstable_cache: (fn: unknown) => fn }))

/** The session of `user` from now on (null: signed out). */
export function signInAs(user: { id: string; sessionVersion?: number } | null): void {
  state.session = user ? { user: { id: user.id }, sessionVersion: user.sessionVersion ?? 1, expires: new Date(Date.now() + 3600_000).toISOString() } : null
}

let serial = 0

/** A user row for a test (password sign-in is not exercised here), unique username per call. */
export async function createTestUser(opts: { role: Role; regencyCode?: string; bankCode?: string; username?: string }) {
  const bank = opts.bankCode ? await db.bank.findUniqueOrThrow({ where: { code: opts.bankCode }, select: { id: true } }) : null
  serial += 1
  return db.user.create({
    data: {
      username: opts.username ?? `${opts.role.toLowerCase()}-${serial}-${Math.random().toString(36).slice(2, 8)}`,
      name: `Tes ${opts.role}`,
      role: opts.role,
      regencyCode: opts.regencyCode ?? null,
      bankId: bank?.id ?? null,
      passwordHash: 'x',
    },
    select: { id: true, username: true, name: true, role: true, regencyCode: true, bankId: true, mustChangePassword: true, sessionVersion: true },
  })
}

type FormAction = (prev: ActionState | undefined, formData: FormData) => Promise<ActionState>

/**
 * Submit a form action with these fields as FormData (booleans become checkbox "on"/absent).
 * A redirect (what a successful save does) comes back as `{ redirect: url }`, not as a throw.
 */
export async function submit(action: FormAction, fields: Record<string, string | number | boolean | null | undefined>): Promise<{ state?: ActionState; redirect?: string }> {
  const fd = new FormData()
  for (const [k, v] of Object.entries(fields)) {
    if (v === undefined || v === null || v === false) continue
    fd.set(k, v === true ? 'on' : String(v))
  }
  try {
    return { state: await action(undefined, fd) }
  } catch (e) {
    const digest = (e as { digest?: unknown })?.digest
    if (typeof digest === 'string' && digest.startsWith('NEXT_REDIRECT')) return { redirect: digest.split(';')[2] }
    throw e
  }
}
