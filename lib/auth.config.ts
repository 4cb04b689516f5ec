import type { NextAuthConfig } from 'next-auth'

/**
 * Auth.js's error log. A wrong password (CredentialsSignin) is not a server error: the audit trail already
 * records it (SIGN_IN_FAILED) and a full stack trace per mistyped password buries the real errors, so it is
 * not logged here. Every other error keeps Auth.js's own form: its type, message and the cause's stack.
 */
export function logAuthError(error: Error): void {
  const type = (error as Error & { type?: string }).type ?? error.name
  if (type === 'CredentialsSignin') return
  console.error(`[auth][error] ${type}: ${error.message}`)
  const cause = (error as Error & { cause?: unknown }).cause
  const inner = cause && typeof cause === 'object' && 'err' in cause && cause.err instanceof Error ? cause.err : undefined
  if (inner) console.error('[auth][cause]:', inner.stack)
  else if (error.stack) console.error(error.stack.replace(/.*/, '').substring(1))
}

/** Working-day sessions: a token older than 8 hours signs the user out. */
export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60
const COOKIE_GRACE_SECONDS = 24 * 60 * 60

/**
 * The session settings of the Auth.js configuration (lib/auth.ts adds the provider and callbacks): a JWT
 * cookie that names the server-side session (8 hours from sign-in at most, lib/sessions.ts). The proxy does not run Auth.js: it
 * only decodes the cookie (lib/session-token.ts) to send signed-out visitors to /masuk.
 */
export const authConfig = {
  pages: { signIn: '/masuk' },
  // the cookie outlives the server-side session by a day: the server, which checks that session on every
  // request (lib/session.ts), decides when it ended and says so on /masuk ("sesi berakhir"); a cookie that
  // expired with it would make the browser drop it and the user land on /masuk without a word
  session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS + COOKIE_GRACE_SECONDS },
  // The Host header is trusted (Auth.js otherwise refuses with "UntrustedHost" unless AUTH_URL is set):
  // Auth.js uses it only to build its own callback and redirect URLs, and the documented deployment puts the
  // app behind a reverse proxy that sets Host to the site's name (README "Reverse proxy"); sign-in is a
  // credentials form (no OAuth callback a forged Host could divert). Without such a proxy, do not expose
  // `next start` directly.
  trustHost: true,
  logger: { error: logAuthError },
  providers: [],
} satisfies NextAuthConfig
