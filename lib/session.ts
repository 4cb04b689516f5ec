import 'server-only'
import { cache } from 'react'
import { forbidden, redirect } from 'next/navigation'
import { auth } from '@/lib/auth'
import { can, type Permission } from '@/lib/permissions'
import { liveSessionUser } from '@/lib/sessions'
import type { SessionUser } from '@/lib/session-user'

/**
 * The signed-in user, checked against the database once per request (one statement, two primary-key reads): a user
 * deactivated, or whose role, scope or password changed (session version bumped), loses access on
 * the next request even though the JWT is still valid; so does a session ended on the server (signed
 * out, signed out everywhere, ended by a password change), past its absolute 8 hours or left idle.
 */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const session = await auth()
  const id = session?.user?.id
  if (!id || !session.sessionId) return null
  // the session row and the user in one statement: the JWT only names them, the database decides
  const user = await liveSessionUser(session.sessionId, id)
  if (!user || !user.active || user.sessionVersion !== session.sessionVersion) return null
  return {
    id: user.id,
    username: user.username,
    name: user.name,
    role: user.role,
    regencyCode: user.regencyCode,
    bankId: user.bankId,
    mustChangePassword: user.mustChangePassword,
    sessionId: session.sessionId,
  }
})

/** For pages: the user, or off to the sign-in page; a forced password change comes first. */
export async function requireUser(opts: { allowPasswordChange?: boolean } = {}): Promise<SessionUser> {
  const user = await getCurrentUser()
  if (!user) redirect('/masuk?sesi=berakhir')
  if (user.mustChangePassword && !opts.allowPasswordChange) redirect('/ganti-kata-sandi')
  return user
}

/** For pages: the user if the role has the permission, otherwise the 403 page. */
export async function requirePermission(permission: Permission): Promise<SessionUser> {
  const user = await requireUser()
  if (!can(user.role, permission)) forbidden()
  return user
}
