import 'server-only'
import { randomBytes } from 'node:crypto'
import { db } from '@/lib/db'
import type { Prisma } from '@/lib/generated/prisma/client'
import type { SessionUser } from '@/lib/session-user'
import { SESSION_MAX_AGE_SECONDS } from '@/lib/auth.config'
import { numberSetting } from '@/lib/env'

/**
 * Server-side sessions. The JWT only names a session row; the row decides whether the session still
 * lives: not revoked (sign-out, sign out everywhere, a password change elsewhere), younger than the
 * absolute lifetime (8 hours from sign-in, however active), and seen within the idle timeout.
 */
export const SESSION_ABSOLUTE_MS = SESSION_MAX_AGE_SECONDS * 1000

/** Idle timeout in minutes (SESSION_IDLE_MINUTES, default 60; validated in lib/env.ts; at most the absolute lifetime). */
export function sessionIdleMs(): number {
  return Math.min(numberSetting('SESSION_IDLE_MINUTES'), SESSION_MAX_AGE_SECONDS / 60) * 60_000
}

/** lastSeenAt is refreshed at most this often: one small write a minute per active user, not per request. */
const TOUCH_EVERY_MS = 60_000

type Tx = Prisma.TransactionClient | typeof db

export async function createSession(tx: Tx, data: { userId: string; ip: string; userAgent: string | null }): Promise<string> {
  const id = randomBytes(32).toString('base64url')
  await tx.session.create({ data: { id, userId: data.userId, ip: data.ip, userAgent: data.userAgent?.slice(0, 300) ?? null }, select: { id: true } })
  return id
}

/** The session's lifetimes checked against `now`; its last-seen time refreshed when due (at most once a minute). */
async function liveAndTouched(id: string, s: { createdAt: number; lastSeenAt: number; revoked: boolean }, now: Date): Promise<boolean> {
  if (s.revoked) return false
  if (now.getTime() - s.createdAt >= SESSION_ABSOLUTE_MS) return false
  if (now.getTime() - s.lastSeenAt >= sessionIdleMs()) return false
  if (now.getTime() - s.lastSeenAt >= TOUCH_EVERY_MS) {
    await db.session.updateMany({ where: { id, revokedAt: null }, data: { lastSeenAt: now } })
  }
  return true
}

/** The signed-in user (lib/session-user.ts) with what the session check needs of its row. */
export type SessionUserRow = Omit<SessionUser, 'sessionId'> & { active: boolean; sessionVersion: number }

/**
 * The check behind every signed-in request: the session row and its user in one raw statement on the
 * primary (a primary-key read of each; raw SQL, so nothing for Prisma's query compiler to do on every
 * page load), then the session's lifetimes. Null when the session is revoked, expired, idle too long or
 * not `userId`'s; the caller checks the user (active, session version).
 */
export async function liveSessionUser(id: string, userId: string, now = new Date()): Promise<SessionUserRow | null> {
  const rows = await db.$queryRaw<(SessionUserRow & { createdAtMs: number; lastSeenAtMs: number; revoked: boolean })[]>`
    SELECT u.id, u.username, u.name, u.role::text AS role, u.regency_code AS "regencyCode", u.bank_id AS "bankId",
           u.must_change_password AS "mustChangePassword", u.active, u.session_version AS "sessionVersion",
           (extract(epoch FROM s.created_at) * 1000)::float8 AS "createdAtMs",
           (extract(epoch FROM s.last_seen_at) * 1000)::float8 AS "lastSeenAtMs",
           s.revoked_at IS NOT NULL AS revoked
      FROM sessions s JOIN users u ON u.id = s.user_id
     WHERE s.id = ${id} AND s.user_id = ${userId}`
  const row = rows[0]
  if (!row || !(await liveAndTouched(id, { createdAt: row.createdAtMs, lastSeenAt: row.lastSeenAtMs, revoked: row.revoked }, now))) return null
  return {
    id: row.id, username: row.username, name: row.name, role: row.role, regencyCode: row.regencyCode, bankId: row.bankId,
    mustChangePassword: row.mustChangePassword, active: row.active, sessionVersion: row.sessionVersion,
  }
}

/** End one session (sign-out). */
export async function revokeSession(tx: Tx, id: string): Promise<void> {
  await tx.session.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: new Date() } })
}

/** End every session of a user, except `keep` (the one changing its password); returns how many ended. */
export async function revokeUserSessions(tx: Tx, userId: string, keep?: string): Promise<number> {
  const r = await tx.session.updateMany({ where: { userId, revokedAt: null, ...(keep ? { id: { not: keep } } : {}) }, data: { revokedAt: new Date() } })
  return r.count
}
