'use server'

import { AuthError } from 'next-auth'
import { redirect } from 'next/navigation'
import { signIn, signInSchema, signOut, SignInLocked } from '@/lib/auth'
import { db } from '@/lib/db'
import { writeAudit } from '@/lib/audit'
import { clientIp } from '@/lib/client-ip'
import { formatDateTime } from '@/lib/format'
import { hashPassword, passwordProblem, verifyPassword } from '@/lib/password'
import { ActionError, authAction, isFormData, type ActionState } from '@/lib/safe-action'
import { signInRetryAt } from '@/lib/sign-in-throttle'
import { changePasswordSchema } from '@/lib/validations/users'
import { revokeUserSessions } from '@/lib/sessions'
import { z } from 'zod'

/**
 * Back to where the user was going, but only a path on this site (the proxy passes an absolute URL;
 * its host is dropped): an open redirect after sign-in would be a phishing aid.
 */
function safeCallback(value: unknown): string {
  if (typeof value !== 'string' || value.length > 2000) return '/'
  try {
    const u = new URL(value, 'http://lumbung.invalid')
    const path = `${u.pathname}${u.search}`
    return path.startsWith('/') && !path.startsWith('//') && !path.startsWith('/masuk') ? path : '/'
  } catch {
    return '/'
  }
}

/** The sign-in form. Public by nature; the throttle and the password check live in `authorize`. */
export async function signInAction(_prev: ActionState | undefined, formData: FormData): Promise<ActionState> {
  if (!isFormData(formData)) return { ok: false, message: 'Isi nama pengguna dan kata sandi.' }
  const parsed = signInSchema.safeParse({ username: formData.get('username'), password: formData.get('password') })
  const username = typeof formData.get('username') === 'string' ? String(formData.get('username')) : ''
  if (!parsed.success) {
    const errors: Record<string, string[]> = {}
    for (const i of parsed.error.issues) (errors[String(i.path[0])] ??= []).push(i.message)
    return { ok: false, message: 'Isi nama pengguna dan kata sandi.', errors, values: { username } }
  }
  try {
    await signIn('credentials', { username: parsed.data.username, password: parsed.data.password, redirectTo: safeCallback(formData.get('callbackUrl')) })
    return { ok: true }
  } catch (e) {
    if (e instanceof SignInLocked || (e instanceof AuthError && (e as { code?: string }).code === 'locked')) {
      const retryAt = await signInRetryAt({ username: parsed.data.username, ip: await clientIp() })
      const when = retryAt ? formatDateTime(retryAt) : 'beberapa menit lagi'
      return { ok: false, message: `Terlalu banyak percobaan masuk yang gagal. Coba lagi setelah ${when}.`, values: { username } }
    }
    if (e instanceof AuthError) return { ok: false, message: 'Nama pengguna atau kata sandi salah, atau akun tidak aktif.', values: { username } }
    throw e // the redirect after a successful sign-in
  }
}

/** Sign out of this browser; Auth.js's signOut event ends the session row too (lib/auth.ts). */
export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: '/masuk' })
}

/** "Keluar dari semua perangkat": every session of the user ends at once, this one included. */
export const signOutEverywhere = authAction('account.self', z.object({ confirm: z.literal('ya', 'Konfirmasi dulu.') }), async (_input, user) => {
  await db.$transaction(async (tx) => {
    const ended = await revokeUserSessions(tx, user.id)
    await writeAudit(tx, { id: user.id, username: user.username, role: user.role }, { action: 'SIGN_OUT_EVERYWHERE', entity: 'User', entityId: user.id, after: { sessions: ended } })
  })
  redirect('/masuk?sesi=keluar-semua')
})

/** Change one's own password (also the forced change after a temporary password). */
export const changePassword = authAction('account.self', changePasswordSchema, async (input, user) => {
  const current = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } })
  if (!(await verifyPassword(input.currentPassword, current.passwordHash))) {
    throw new ActionError('Kata sandi saat ini salah.', { currentPassword: ['Kata sandi saat ini salah.'] })
  }
  const problem = passwordProblem(input.newPassword, user.username)
  if (problem) throw new ActionError(problem, { newPassword: [problem] })
  if (await verifyPassword(input.newPassword, current.passwordHash)) {
    throw new ActionError('Kata sandi baru harus berbeda dari yang lama.', { newPassword: ['Kata sandi baru harus berbeda dari yang lama.'] })
  }
  const passwordHash = await hashPassword(input.newPassword)
  await db.$transaction(async (tx) => {
    // this session continues; every other one (a stolen cookie, a forgotten browser) ends with the old
    // password. The password itself is never audited.
    await tx.user.update({ where: { id: user.id }, data: { passwordHash, mustChangePassword: false, version: { increment: 1 } } })
    await revokeUserSessions(tx, user.id, user.sessionId)
    await writeAudit(tx, { id: user.id, username: user.username, role: user.role }, { action: 'PASSWORD_CHANGE', entity: 'User', entityId: user.id })
  })
  if (user.mustChangePassword) redirect('/')
  return { ok: true, message: 'Kata sandi berhasil diganti.' }
})
