import 'server-only'
import { db } from '@/lib/db'

/** Failed sign-ins allowed per account, and per client address, within the window. */
export const ACCOUNT_LIMIT = 5
export const ADDRESS_LIMIT = 20
export const WINDOW_MINUTES = 15

/**
 * Whether sign-in is locked for this account or address, and until when. Counted in PostgreSQL, so
 * the limit holds across every app instance. An account's count restarts after a successful sign-in.
 */
export async function signInLock({ username, ip }: { username: string; ip: string }): Promise<{ locked: boolean; retryAt?: Date }> {
  const [account, address] = await Promise.all([
    db.$queryRaw<{ n: number; oldest: Date | null }[]>`
      SELECT count(*)::int AS n, min(created_at) AS oldest FROM (
        SELECT created_at FROM sign_in_attempts
        WHERE username = ${username} AND NOT success
          AND created_at > now() - make_interval(mins => ${WINDOW_MINUTES})
          AND created_at > coalesce((SELECT max(created_at) FROM sign_in_attempts WHERE username = ${username} AND success), '-infinity')
        ORDER BY created_at DESC LIMIT ${ACCOUNT_LIMIT}
      ) recent`,
    db.$queryRaw<{ n: number; oldest: Date | null }[]>`
      SELECT count(*)::int AS n, min(created_at) AS oldest FROM (
        SELECT created_at FROM sign_in_attempts
        WHERE ip = ${ip} AND NOT success AND created_at > now() - make_interval(mins => ${WINDOW_MINUTES})
        ORDER BY created_at DESC LIMIT ${ADDRESS_LIMIT}
      ) recent`,
  ])
  const until = (oldest: Date | null) => new Date((oldest ?? new Date()).getTime() + WINDOW_MINUTES * 60_000)
  const locks: Date[] = []
  if (account[0].n >= ACCOUNT_LIMIT) locks.push(until(account[0].oldest))
  if (ip !== 'unknown' && address[0].n >= ADDRESS_LIMIT) locks.push(until(address[0].oldest))
  if (locks.length === 0) return { locked: false }
  return { locked: true, retryAt: new Date(Math.max(...locks.map((d) => d.getTime()))) }
}

export async function recordSignInAttempt({ username, ip, success }: { username: string; ip: string; success: boolean }) {
  await db.signInAttempt.create({ data: { username: username.slice(0, 100), ip, success } })
}
