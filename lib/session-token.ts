import { decode, type JWT } from 'next-auth/jwt'

/**
 * The session cookie's token, decoded once per token per process. Auth.js's own `auth()` decodes the
 * JWE cookie (an HKDF key derivation and a decryption) and then encodes a fresh one (another derivation,
 * an encryption) to slide the cookie's expiry, and a page request did that twice, in the proxy and in the
 * page: about 6 ms of CPU per page request under load, the largest part after rendering. The expiry
 * needs no sliding here: the cookie lives a day longer than the server-side session's absolute lifetime of
 * 8 hours (lib/auth.config.ts, lib/sessions.ts), and every page checks that session in the database.
 *
 * Same cookie and salt as Auth.js (`authjs.session-token`, with the `__Secure-` prefix over HTTPS: a
 * browser keeps and sends such a cookie only over HTTPS, so its presence decides), same secret
 * (AUTH_SECRET, else NEXTAUTH_SECRET), same checks (`decode`: integrity and expiry with 15 s of
 * tolerance). A decoded token is kept in a bounded map keyed by the token itself until its expiry;
 * a token that does not decode is never kept. Shared through globalThis by the proxy and the pages.
 */
export const SESSION_COOKIE = 'authjs.session-token'
const SECURE_SESSION_COOKIE = `__Secure-${SESSION_COOKIE}`
const MAX_ENTRIES = 5_000
const CLOCK_TOLERANCE_MS = 15_000

type CookieReader = { get(name: string): { value: string } | undefined; getAll(): { name: string; value: string }[] }
const state = globalThis as unknown as { lumbungSessionTokens?: Map<string, JWT> }

/** A cookie's value, or its chunks `name.0`, `name.1`, … joined (Auth.js splits a token over 4 KB). */
function cookieValue(cookies: CookieReader, name: string): string | undefined {
  const whole = cookies.get(name)?.value
  if (whole) return whole
  const chunks = cookies
    .getAll()
    .filter((c) => c.name.startsWith(`${name}.`) && /^\d+$/.test(c.name.slice(name.length + 1)))
    .sort((a, b) => Number(a.name.slice(name.length + 1)) - Number(b.name.slice(name.length + 1)))
  return chunks.length ? chunks.map((c) => c.value).join('') : undefined
}

function live(token: JWT): boolean {
  return typeof token.exp !== 'number' || token.exp * 1000 + CLOCK_TOLERANCE_MS > Date.now()
}

/** The session token of these cookies, or null (none, not ours, tampered with, or expired). */
export async function sessionToken(cookies: CookieReader): Promise<JWT | null> {
  const secret = process.env.AUTH_SECRET ?? process.env.NEXTAUTH_SECRET
  if (!secret) return null
  const name = cookieValue(cookies, SECURE_SESSION_COOKIE) !== undefined ? SECURE_SESSION_COOKIE : SESSION_COOKIE
  const raw = cookieValue(cookies, name)
  if (!raw) return null
  const known = (state.lumbungSessionTokens ??= new Map())
  // the salt is the cookie's name: a token is looked up under the name it came in
  const key = `${name}\u0000${raw}`
  const hit = known.get(key)
  if (hit) {
    if (live(hit)) return hit
    known.delete(key)
    return null
  }
  let token: JWT | null
  try {
    token = await decode({ token: raw, secret, salt: name })
  } catch {
    return null
  }
  if (!token) return null
  if (known.size >= MAX_ENTRIES) known.delete(known.keys().next().value!)
  known.set(key, token)
  return token
}
