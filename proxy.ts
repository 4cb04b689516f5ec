import NextAuth from 'next-auth'
import { authConfig } from '@/lib/auth.config'

// Only "signed in or not" is decided here; every page, action and route checks permissions itself.
export default NextAuth(authConfig).auth

export const config = {
  // API routes answer 401 themselves; static files and the health check are public
  matcher: ['/((?!api|_next/static|_next/image|favicon.ico|.*\\.(?:png|svg|ico|woff2?)$).*)'],
}
