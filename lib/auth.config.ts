import type { NextAuthConfig } from 'next-auth'

/** Working-day sessions: a token older than 8 hours signs the user out. */
export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60

/**
 * The part of the Auth.js configuration that the proxy needs (no database, no providers): it only
 * sends signed-out visitors to /masuk and back where they were going. Authorization is elsewhere.
 */
export const authConfig = {
  pages: { signIn: '/masuk' },
  session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS },
  trustHost: true,
  providers: [],
  callbacks: {
    authorized({ auth, request }) {
      if (request.nextUrl.pathname.startsWith('/masuk')) return true
      return Boolean(auth?.user)
    },
  },
} satisfies NextAuthConfig
