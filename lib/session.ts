import 'server-only'
import { cache } from 'react'
import { forbidden, redirect } from 'next/navigation'
import { auth } from '@/lib/auth'
import { db } from '@/lib/db'
import { can, type Permission } from '@/lib/permissions'
import type { SessionUser } from '@/lib/session-user'

/**
 * The signed-in user, checked against the database once per request (a primary-key read): a user
 * deactivated, or whose role, scope or password changed (session version bumped), loses access on
 * the next request even though the JWT is still valid.
 */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const session = await auth()
  const id = session?.user?.id
  if (!id) return null
  const user = await db.user.findUnique({
    where: { id },
    select: { id: true, username: true, name: true, role: true, regencyCode: true, bankId: true, mustChangePassword: true, active: true, sessionVersion: true },
  })
  if (!user || !user.active || user.sessionVersion !== session.sessionVersion) return null
  return {
    id: user.id,
    username: user.username,
    name: user.name,
    role: user.role,
    regencyCode: user.regencyCode,
    bankId: user.bankId,
    mustChangePassword: user.mustChangePassword,
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
