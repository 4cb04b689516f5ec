import NextAuth, { CredentialsSignin, type Session } from 'next-auth'
import { cookies } from 'next/headers'
import Credentials from 'next-auth/providers/credentials'
import { z } from 'zod'
import { authConfig } from '@/lib/auth.config'
import { db } from '@/lib/db'
import { hashPassword, needsRehash, verifyPassword } from '@/lib/password'
import { beginSignInAttempt, finishSignInAttempt } from '@/lib/sign-in-throttle'
import { ipFromHeaders } from '@/lib/client-ip'
import { writeAudit } from '@/lib/audit'
import { createSession, revokeSession } from '@/lib/sessions'
import { sessionToken } from '@/lib/session-token'

export const signInSchema = z.object({
  username: z.string().trim().toLowerCase().min(1, 'Isi nama pengguna.').max(100, 'Nama pengguna terlalu panjang.'),
  password: z.string().min(1, 'Isi kata sandi.').max(200, 'Kata sandi terlalu panjang.'),
})

/** Too many failed attempts: the sign-in form says when to try again. */
export class SignInLocked extends CredentialsSignin {
  code = 'locked'
}

// a hash of a random string: unknown usernames cost as much time as wrong passwords
const DUMMY_HASH = '$2b$12$pLSSyqP.snyGq55xm0yRueAFs7LFMModqPJKNxkilJeTj2kaxzOyS'

/**
 * The password check behind every sign-in (the form and a direct POST to /api/auth/callback/credentials):
 * throttled per account and address, the attempt recorded atomically, audited on success.
 */
export async function authorizeCredentials(credentials: Partial<Record<string, unknown>>, request: Request) {
  const parsed = signInSchema.safeParse(credentials)
  if (!parsed.success) return null
  const { username, password } = parsed.data
  const ip = ipFromHeaders(request.headers)
  // counted and recorded in one atomic step before the password is looked at; a much-guessed account (known
  // or not) is refused here, without a password check, until its next slot (lib/sign-in-throttle.ts)
  const attempt = await beginSignInAttempt({ username, ip })
  if (!attempt.allowed) throw new SignInLocked()
  const user = await db.user.findUnique({
    where: { username },
    select: { id: true, username: true, name: true, email: true, role: true, active: true, passwordHash: true, sessionVersion: true },
  })
  const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH)
  const success = Boolean(user && user.active && ok)
  await finishSignInAttempt(attempt.attemptId, success)
  if (!user || !success) return null
  // the same password at today's cost; not a password change (nothing audited beyond the sign-in itself)
  const upgraded = needsRehash(user.passwordHash) ? await hashPassword(password) : null
  const sessionId = await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { lastSignInAt: new Date() } })
    // only if the hash is still the one just checked: a password changed meanwhile is never overwritten
    if (upgraded) await tx.user.updateMany({ where: { id: user.id, passwordHash: user.passwordHash }, data: { passwordHash: upgraded } })
    await writeAudit(tx, { id: user.id, username: user.username, role: user.role }, { action: 'SIGN_IN', entity: 'User', entityId: user.id })
    return createSession(tx, { userId: user.id, ip, userAgent: request.headers.get('user-agent') })
  })
  return { id: user.id, name: user.name, email: user.email, sessionVersion: user.sessionVersion, sessionId }
  }

export const { handlers, signIn, signOut } = NextAuth({
  ...authConfig,
  providers: [
    Credentials({
      credentials: { username: {}, password: {} },
      // Also reachable by a direct POST to /api/auth/callback/credentials: throttling lives here.
      authorize: authorizeCredentials,
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = user.id
        token.sv = user.sessionVersion
        token.sid = user.sessionId
      }
      return token
    },
    session({ session, token }) {
      if (token.uid) session.user.id = token.uid
      session.sessionVersion = token.sv
      session.sessionId = token.sid
      return session
    },
  },
  events: {
    // every way out (the form's sign-out, a direct POST to /api/auth/signout) ends the session on the
    // server too: a copy of the cookie kept elsewhere stops working at once
    async signOut(message) {
      const sid = 'token' in message ? message.token?.sid : undefined
      if (sid) await revokeSession(db, sid)
    },
  },
})

/**
 * The session of this request for server components, actions and routes: what Auth.js's `auth()` returns
 * through the `session` callback above (the user's id, the session version and the server-side session's
 * id from the token), from the cookie decoded once per token (lib/session-token.ts) instead of a decode
 * and a re-encode per call. Whether that session still lives is lib/session.ts's database check.
 */
export async function auth(): Promise<Pick<Session, 'sessionVersion' | 'sessionId'> & { user: { id: string } } | null> {
  const token = await sessionToken(await cookies())
  if (!token?.uid) return null
  return { user: { id: token.uid }, sessionVersion: token.sv, sessionId: token.sid }
}
