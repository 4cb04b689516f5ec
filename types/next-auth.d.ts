import 'next-auth'
import 'next-auth/jwt'

declare module 'next-auth' {
  interface User {
    sessionVersion?: number
    sessionId?: string
  }
  interface Session {
    sessionVersion?: number
    sessionId?: string
  }
}

declare module 'next-auth/jwt' {
  interface JWT {
    uid?: string
    sv?: number
    sid?: string
  }
}
