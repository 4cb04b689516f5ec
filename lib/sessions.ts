import 'server-only'
import { randomBytes } from 'node:crypto'
import { db } from '@/lib/db'
import type { Prisma } from '@/lib/generated/prisma/client'
import { SESSION_MAX_AGE_SECONDS } from '@/lib/auth.config'

/**
 * Server-side sessions. The JWT only names a session row; the row decides whether the session still
 * lives: not revoked (sign-out, sign out everywhere, a password change elsewhere), younger than the
 * absolute lifetime (8 hours from sign-in, however active), and seen within the idle timeout.
 */
export const SESSION_ABSOLUTE_MS = SESSION_MAX_AGE_SECONDS * 1000

/** Idle timeout in minutes (SESSION_IDLE_MINUTES, default 60; at most the absolute lifetime). */
export function sessionIdleMs(): number {
  const n = Number(process.env.SESSION_IDLE_MINUTES ?? 60)
  const minutes = Number.isFinite(n) && n >= 1 ? Math.min(n, SESSION_MAX_AGE_SECONDS / 60) : 60
  return minutes * 60_000
}

/** lastSeenAt is refreshed at most this often: one small write a minute per active user, not per request. */
const TOUCH_EVERY_MS = 60_000

type Tx = Prisma.TransactionClient | typeof db

export async function createSession(tx: Tx, data: { userId: string; ip: string; userAgent: string | null }): Promise<string> {
  const id = randomBytes(32).toString('base64url')
  await tx.session.create({ data: { id, userId: data.userId, ip: data.ip, userAgent: data.userAgent?.slice(0, 300) ?? null }, select: { id: true } })
  return id
}

/** Whether the session lives now (and refresh its last-seen time when due). */
export async function sessionAlive(id: string, userId: string, now = new Date()): Promise<boolean> {
  const s = await db.session.findUnique({ where: { id }, select: { userId: true, createdAt: true, lastSeenAt: true, revokedAt: true } })
  if (!s || s.userId !== userId || s.revokedAt) return false
  if (now.getTime() - s.createdAt.getTime() >= SESSION_ABSOLUTE_MS) return false
  if (now.getTime() - s.lastSeenAt.getTime() >= sessionIdleMs()) return false
  if (now.getTime() - s.lastSeenAt.getTime() >= TOUCH_EVERY_MS) {
    await db.session.updateMany({ where: { id, revokedAt: null }, data: { lastSeenAt: now } })
  }
  return true
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
