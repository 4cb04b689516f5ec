'use server'

import { revalidatePath } from 'next/cache'
import { redirect } from 'next/navigation'
import { Prisma } from '@/lib/generated/prisma/client'
import { db } from '@/lib/db'
import { env } from '@/lib/env'
import { writeAudit } from '@/lib/audit'
import { transition } from '@/lib/transitions'
import { hashPassword, temporaryPassword } from '@/lib/password'
import { ActionError, authAction } from '@/lib/safe-action'
import type { SessionUser } from '@/lib/session-user'
import { userSchema, userStepSchema, userUpdateSchema } from '@/lib/validations/users'

const auditSelect = {
  id: true, username: true, name: true, email: true, role: true, regencyCode: true, bankId: true,
  active: true, mustChangePassword: true, version: true,
} satisfies Prisma.UserSelect

const actor = (u: SessionUser) => ({ id: u.id, username: u.username, role: u.role })

/** how a conflict names the account (lib/transitions.ts) */
const STALE_LABEL = 'Pengguna ini'

const STALE = 'Data pengguna ini sudah diubah orang lain sejak Anda membukanya. Muat ulang halaman, lalu ulangi perubahan Anda.'

/** Regency in the agency's province and an existing bank: checked on the server, not trusted from the form. */
async function assertScopeTargets(input: { regencyCode: string | null; bankId: string | null }) {
  if (input.regencyCode) {
    const r = await db.regency.findFirst({ where: { code: input.regencyCode, provinceCode: env().AGENCY_PROVINCE_CODE }, select: { code: true } })
    if (!r) throw new ActionError('Kabupaten/kota tidak dikenal.', { regencyCode: ['Pilih kabupaten/kota di provinsi ini.'] })
  }
  if (input.bankId) {
    const b = await db.bank.findUnique({ where: { id: input.bankId }, select: { id: true } })
    if (!b) throw new ActionError('Bank mitra tidak dikenal.', { bankId: ['Pilih bank mitra yang terdaftar.'] })
  }
}

function duplicateError(e: unknown): never {
  if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === 'P2002') {
    // the index's columns: in `target`, or (through the driver adapter) inside the adapter's error in `meta`; a
    // duplicate email had been told as a duplicate username, under the wrong field
    const target = JSON.stringify(e.meta ?? {})
    if (target.includes('email')) throw new ActionError('Email sudah dipakai pengguna lain.', { email: ['Email sudah dipakai pengguna lain.'] })
    throw new ActionError('Nama pengguna sudah dipakai.', { username: ['Nama pengguna sudah dipakai.'] })
  }
  throw e
}

/** Create a user with a temporary password, shown once; the user must change it at first sign-in. */
export const createUser = authAction('users.manage', userSchema, async (input, user) => {
  await assertScopeTargets(input)
  const password = temporaryPassword()
  const passwordHash = await hashPassword(password)
  try {
    await db.$transaction(async (tx) => {
      const created = await tx.user.create({ data: { ...input, passwordHash, mustChangePassword: true }, select: auditSelect })
      await writeAudit(tx, actor(user), { action: 'CREATE', entity: 'User', entityId: created.id, after: created })
    })
  } catch (e) {
    duplicateError(e)
  }
  revalidatePath('/pengguna')
  return { ok: true, message: `Pengguna ${input.username} dibuat.`, data: { username: input.username, temporaryPassword: password } }
})

/** Edit name, email, role and scope; refused when someone else saved in between (version check). */
export const updateUser = authAction('users.manage', userUpdateSchema, async (input, user) => {
  await assertScopeTargets(input)
  const { id, version, ...data } = input
  if (id === user.id && data.role !== user.role) throw new ActionError('Anda tidak dapat mengubah peran akun Anda sendiri.', { role: ['Minta admin lain mengubah peran Anda.'] })
  let scopeChanged = false
  try {
    await db.$transaction(async (tx) => {
      const before = await tx.user.findUnique({ where: { id }, select: auditSelect })
      if (!before) throw new ActionError('Pengguna tidak ditemukan.')
      // a new role, regency or bank ends the user's open sessions (a new session version), as deactivation does: the
      // user signs in again into what they may now do, instead of a page opened under the old scope going on
      // under the new one (a walk's bank officer, moved to another bank, kept browsing without a word)
      scopeChanged = data.role !== before.role || (data.regencyCode ?? null) !== before.regencyCode || (data.bankId ?? null) !== before.bankId
      const { count } = await tx.user.updateMany({
        where: { id, version },
        data: { ...data, version: { increment: 1 }, ...(scopeChanged && { sessionVersion: { increment: 1 } }) },
      })
      if (count === 0) throw new ActionError(STALE)
      const after = await tx.user.findUniqueOrThrow({ where: { id }, select: auditSelect })
      await writeAudit(tx, actor(user), { action: 'UPDATE', entity: 'User', entityId: id, before, after })
    })
  } catch (e) {
    duplicateError(e)
  }
  revalidatePath('/pengguna')
  redirect(scopeChanged ? '/pengguna?disimpan=sesi' : '/pengguna?disimpan=1')
})

/**
 * Deactivate or reactivate, conditional on the version and the state the admin saw (lib/transitions.ts): a stale
 * "Aktifkan" clicked after another admin reactivated and deactivated again is refused, naming who changed the
 * account and when, instead of silently undoing that admin's deactivation; of two clicks at once one lands.
 */
async function setActive(user: SessionUser, id: string, version: number, active: boolean) {
  if (id === user.id && !active) throw new ActionError('Anda tidak dapat menonaktifkan akun Anda sendiri.')
  await db.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id }, select: auditSelect })
    if (!before) throw new ActionError('Pengguna tidak ditemukan.')
    await transition(tx, {
      entity: 'User', entityId: id, label: STALE_LABEL,
      // a new session version ends every open session of a deactivated user at its next request
      update: () => tx.user.updateMany({
        where: { id, version, active: !active },
        data: { active, version: { increment: 1 }, ...(active ? {} : { sessionVersion: { increment: 1 } }) },
      }),
    })
    const after = await tx.user.findUniqueOrThrow({ where: { id }, select: auditSelect })
    await writeAudit(tx, actor(user), { action: active ? 'REACTIVATE' : 'DEACTIVATE', entity: 'User', entityId: id, before, after })
  })
  revalidatePath('/pengguna')
  return { ok: true, message: active ? 'Pengguna diaktifkan kembali.' : 'Pengguna dinonaktifkan; sesinya berakhir.' }
}

export const deactivateUser = authAction('users.manage', userStepSchema, (input, user) => setActive(user, input.id, input.version, false))
export const reactivateUser = authAction('users.manage', userStepSchema, (input, user) => setActive(user, input.id, input.version, true))

/**
 * A new temporary password (shown once); open sessions end and the user must choose a new one. Conditional on the
 * version the admin saw, as the other steps on the account: a second reset of the same page (another admin's, or
 * a stale tab's) is told who reset it and when, not given a second password that ends the first one unsaid.
 */
export const resetPassword = authAction('users.manage', userStepSchema, async (input, user) => {
  const password = temporaryPassword()
  const passwordHash = await hashPassword(password)
  const target = await db.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: input.id }, select: auditSelect })
    if (!before) throw new ActionError('Pengguna tidak ditemukan.')
    await transition(tx, {
      entity: 'User', entityId: input.id, label: STALE_LABEL,
      update: () => tx.user.updateMany({
        where: { id: input.id, version: input.version },
        data: { passwordHash, mustChangePassword: true, sessionVersion: { increment: 1 }, version: { increment: 1 } },
      }),
    })
    const after = await tx.user.findUniqueOrThrow({ where: { id: input.id }, select: auditSelect })
    await writeAudit(tx, actor(user), { action: 'PASSWORD_RESET', entity: 'User', entityId: input.id, before, after })
    return after
  })
  revalidatePath('/pengguna')
  return { ok: true, message: `Kata sandi ${target.username} direset.`, data: { username: target.username, temporaryPassword: password } }
})
