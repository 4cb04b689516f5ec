'use server'

import { AuthError } from 'next-auth'
import { redirect } from 'next/navigation'
import { signIn, signInSchema, signOut, SignInLocked } from '@/lib/auth'
import { db } from '@/lib/db'
import { writeAudit } from '@/lib/audit'
import { clientIp } from '@/lib/client-ip'
import { formatDateTime } from '@/lib/format'
import { hashPassword, passwordProblem, verifyPassword } from '@/lib/password'
import { ActionError, authAction, isFormData, MESSAGES, type ActionState } from '@/lib/safe-action'
import { signInRetryAt } from '@/lib/sign-in-throttle'
import { changePasswordSchema } from '@/lib/validations/users'
import { revokeUserSessions } from '@/lib/sessions'
import type { SessionUser } from '@/lib/session-user'
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

/**
 * What the account says of a password change: the current password wrong, the new one against the policy (it names
 * the username) or the same as the old. Run by the action, and beside the schema's refusal (`alsoWhenInvalid`), so
 * that a short new password is marked in the same round as an empty or differing repeat.
 */
async function passwordChangeErrors(input: Record<string, unknown>, user: SessionUser): Promise<Record<string, string[]>> {
  const errors: Record<string, string[]> = {}
  const { currentPassword, newPassword } = input
  const { passwordHash } = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } })
  let currentRight = false
  if (typeof currentPassword === 'string' && currentPassword && currentPassword.length <= 200) {
    currentRight = await verifyPassword(currentPassword, passwordHash)
    if (!currentRight) errors.currentPassword = ['Kata sandi saat ini salah.']
  }
  if (typeof newPassword === 'string' && newPassword) {
    const problem = passwordProblem(newPassword, user.username)
    if (problem) errors.newPassword = [problem]
    // compared with the stored one only behind the right current password: it would tell anyone at an open session
    // whether a guess is the account's password
    else if (currentRight && (await verifyPassword(newPassword, passwordHash))) errors.newPassword = ['Kata sandi baru harus berbeda dari yang lama.']
  }
  return errors
}

/** Change one's own password (also the forced change after a temporary password). */
export const changePassword = authAction('account.self', changePasswordSchema, async (input, user) => {
  const errors = await passwordChangeErrors(input, user)
  const wrong = Object.values(errors)
  // one fault says itself in the form's message, as before; several say to check the fields marked
  if (wrong.length > 0) throw new ActionError(wrong.length === 1 ? wrong[0][0] : MESSAGES.invalid, errors)
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
}, { alsoWhenInvalid: passwordChangeErrors })
