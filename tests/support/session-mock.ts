/**
 * Integration tests act as a user without a browser: `@/lib/auth`'s `auth()` returns the session set
 * by `signInAs()`, and everything after it (getCurrentUser's database check, permissions, scope) runs
 * for real. `next/cache` needs a Next request context, so its revalidation calls are recorded instead.
 */
import { vi } from 'vitest'

type TestSession = { user: { id: string }; sessionVersion: number } | null
const state = globalThis as unknown as { __testSession?: TestSession }

vi.mock('@/lib/auth', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@/lib/auth')>()
  return { ...actual, auth: async () => state.__testSession ?? null }
})

vi.mock('next/cache', async (importOriginal) => ({
  ...(await importOriginal<typeof import('next/cache')>()),
  revalidatePath: vi.fn(),
  revalidateTag: vi.fn(),
}))

/** Make the following calls run as this user (its current session version), or signed out (null). */
export function signInAs(user: { id: string; sessionVersion?: number } | null) {
  state.__testSession = user ? { user: { id: user.id }, sessionVersion: user.sessionVersion ?? 1 } : null
}
