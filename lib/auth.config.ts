import type { NextAuthConfig } from 'next-auth'

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
  trustHost: true,
  providers: [],
} satisfies NextAuthConfig
