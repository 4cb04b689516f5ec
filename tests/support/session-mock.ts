/**
 * Integration tests act as a user without a browser: `@/lib/auth`'s `auth()` returns the session set
 * by `signInAs()`, and everything after it (getCurrentUser's database check, permissions, scope) runs
 * for real. `next/cache` needs a Next request context, so its revalidation calls are recorded instead.
 */
import { vi } from 'vitest'

type TestSession = { user: { id: string }; sessionVersion: number; sessionId?: string } | null
const state = globalThis as unknown as { __testSession?: TestSession }

vi.mock('@/lib/auth', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@/lib/auth')>()
  return {
    ...actual,
    // a server-side session row, as a real sign-in makes, created on the first request after signInAs
    auth: async () => {
      const s = state.__testSession
      if (!s) return null
      if (!s.sessionId) {
        const [{ db }, { createSession }] = await Promise.all([import('@/lib/db'), import('@/lib/sessions')])
        const user = await db.user.findUnique({ where: { id: s.user.id }, select: { id: true } })
        if (user) s.sessionId = await createSession(db, { userId: user.id, ip: 'local', userAgent: 'vitest' })
      }
      return s
    },
  }
})

vi.mock('next/cache', async (importOriginal) => ({
  ...(await importOriginal<typeof import('next/cache')>()),
  revalidatePath: vi.fn(),
  revalidateTag: vi.fn(),
}))

/**
 * Make the following calls run as this user (its current session version), or signed out (null). A new
 * server-side session is made for it on the next request, unless `sessionId` names an existing one.
 */
export function signInAs(user: { id: string; sessionVersion?: number } | null, sessionId?: string) {
  state.__testSession = user ? { user: { id: user.id }, sessionVersion: user.sessionVersion ?? 1, sessionId } : null
}

/** The server-side session the current test user acts in (after at least one request). */
export function currentTestSessionId(): string | undefined {
  return state.__testSession?.sessionId ?? undefined
}
