import type { NextAuthConfig } from 'next-auth'

/** Working-day sessions: a token older than 8 hours signs the user out. */
export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60

/**
 * The session settings of the Auth.js configuration (lib/auth.ts adds the provider and callbacks): a JWT
 * cookie that names the server-side session, 8 hours from sign-in. The proxy does not run Auth.js: it
 * only decodes the cookie (lib/session-token.ts) to send signed-out visitors to /masuk.
 */
export const authConfig = {
  pages: { signIn: '/masuk' },
  session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS },
  trustHost: true,
  providers: [],
} satisfies NextAuthConfig
