/**
 * API clients' bearer tokens and per-client rate limits. A token is 32 random bytes shown once; only its
 * SHA-256 is stored. Authenticating a request, recording its use (when, from where) and counting it
 * against the client's per-minute limit is one SQL statement, so it holds across app instances and
 * costs one round trip.
 */
import 'server-only'
import { createHash, randomBytes } from 'node:crypto'
import { db } from '@/lib/db'
import type { Role } from '@/lib/generated/prisma/enums'
import type { SessionUser } from '@/lib/session-user'

/** Tokens start with this, so a leaked one is recognisable in logs and by secret scanners. */
export const TOKEN_PREFIX = 'lmb_'
/** The fixed window of the rate limit. */
export const RATE_WINDOW_SECONDS = 60

/** A fresh token and what is stored of it. */
export function newToken(): { token: string; hash: string; prefix: string } {
  const token = TOKEN_PREFIX + randomBytes(32).toString('base64url')
  return { token, hash: hashToken(token), prefix: token.slice(0, 12) }
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex')
}

/**
 * The principal an API request acts as: a SessionUser with the client's role and scope (so the same
 * permission table and scope helpers apply as for pages), plus the client's identity and limits.
 */
export type ApiPrincipal = SessionUser & { clientId: string; rateLimit: number; used: number; windowEndsInSeconds: number }

type Row = {
  id: string
  name: string
  role: Role
  regency_code: string | null
  bank_id: string | null
  rate_limit_per_minute: number
  count: number
  seconds_left: number
}

/** `Bearer <token>` → the token, or null. */
export function bearerToken(header: string | null): string | null {
  const m = /^Bearer[ \t]+([A-Za-z0-9_\-]{10,200})[ \t]*$/i.exec(header ?? '')
  return m ? m[1] : null
}

/**
 * The client behind a token, if the token is known, not revoked and not expired: its use is recorded
 * (last used at, from `ip`) and counted in the current one-minute window, in one statement. Null for any
 * other token (the caller answers 401 without saying which).
 */
export async function authenticateToken(token: string, ip: string): Promise<ApiPrincipal | null> {
  const hash = hashToken(token)
  const rows = await db.$queryRaw<Row[]>`
    WITH client AS (
      UPDATE api_clients SET last_used_at = (now() AT TIME ZONE 'UTC'), last_used_ip = ${ip}
      WHERE token_hash = ${hash} AND revoked_at IS NULL AND expires_at > (now() AT TIME ZONE 'UTC')
      RETURNING id, name, role, regency_code, bank_id, rate_limit_per_minute
    ), counted AS (
      INSERT INTO api_rate_windows (client_id, window_start, count)
      SELECT id, date_trunc('minute', now() AT TIME ZONE 'UTC'), 1 FROM client
      ON CONFLICT (client_id, window_start) DO UPDATE SET count = api_rate_windows.count + 1
      RETURNING count, window_start
    )
    SELECT client.id, client.name, client.role::text AS role, client.regency_code, client.bank_id, client.rate_limit_per_minute, counted.count,
           EXTRACT(EPOCH FROM (counted.window_start + interval '1 minute' - (now() AT TIME ZONE 'UTC')))::float8 AS seconds_left
    FROM client, counted`
  const row = rows[0]
  if (!row) return null
  // a new window: drop this client's windows older than an hour (they only served the limit)
  if (row.count === 1) await db.$executeRaw`DELETE FROM api_rate_windows WHERE client_id = ${row.id} AND window_start < (now() AT TIME ZONE 'UTC') - interval '1 hour'`
  return {
    id: row.id,
    username: `api:${row.name}`.slice(0, 120),
    name: row.name,
    role: row.role,
    regencyCode: row.regency_code,
    bankId: row.bank_id,
    mustChangePassword: false,
    clientId: row.id,
    rateLimit: row.rate_limit_per_minute,
    used: row.count,
    windowEndsInSeconds: Math.max(1, Math.ceil(row.seconds_left)),
  }
}
