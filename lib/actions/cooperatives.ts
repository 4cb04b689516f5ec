'use server'

import { revalidatePath } from 'next/cache'
import { redirect } from 'next/navigation'
import { Prisma } from '@/lib/generated/prisma/client'
import { db } from '@/lib/db'
import { writeAudit } from '@/lib/audit'
import { assertLocation } from '@/lib/data/regions'
import { cooperativeAuditSelect as auditSelect, insertCooperative, updateCooperativeRecord, writeCooperativeYear } from '@/lib/registers/writes'
import { ActionError, authAction } from '@/lib/safe-action'
import { inRegencyScope, regencyScope } from '@/lib/scope'
import type { SessionUser } from '@/lib/session-user'
import {
  cooperativeIdSchema, cooperativeSchema, cooperativeUpdateSchema, cooperativeYearSchema, inspectionSchema, type CooperativeInput,
} from '@/lib/validations/cooperatives'

const actor = (u: SessionUser) => ({ id: u.id, username: u.username, role: u.role })

const NOT_FOUND = 'Koperasi tidak ditemukan atau di luar wilayah kerja Anda.'
const STALE = 'Data koperasi ini sudah diubah orang lain sejak Anda membukanya. Muat ulang halaman, lalu ulangi perubahan Anda.'
const DUPLICATE_NIK = 'NIK koperasi ini sudah terdaftar.'

/** A district officer writes only in its own regency; the location must be real and consistent. */
async function assertWritableLocation(user: SessionUser, input: CooperativeInput) {
  if (!inRegencyScope(user, input.regencyCode)) {
    throw new ActionError('Anda hanya dapat mencatat koperasi di kabupaten/kota Anda.', { regencyCode: ['Pilih kabupaten/kota wilayah kerja Anda.'] })
  }
  await assertLocation(input)
}

function rethrowDuplicate(e: unknown): never {
  if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === 'P2002') throw new ActionError(DUPLICATE_NIK, { nik: [DUPLICATE_NIK] })
  throw e
}

/** A cooperative the user may touch: not deleted and inside its scope (inside a transaction). */
async function scopedCooperative(tx: Prisma.TransactionClient, user: SessionUser, id: string) {
  const row = await tx.cooperative.findFirst({ where: { id, deletedAt: null, ...regencyScope(user) }, select: auditSelect })
  if (!row) throw new ActionError(NOT_FOUND)
  return row
}

/** Register a cooperative; its NIK koperasi must be new. */
export const createCooperative = authAction('cooperatives.write', cooperativeSchema, async (input, user) => {
  await assertWritableLocation(user, input)
  let id = ''
  try {
    id = await db.$transaction((tx) => insertCooperative(tx, actor(user), input))
  } catch (e) {
    rethrowDuplicate(e)
  }
  revalidatePath('/koperasi')
  redirect(`/koperasi/${id}?ditambahkan=1`)
})

/** Edit a cooperative; refused when someone else saved in between (version check), never overwritten. */
export const updateCooperative = authAction('cooperatives.write', cooperativeUpdateSchema, async (input, user) => {
  const { id, version, ...data } = input
  await assertWritableLocation(user, data)
  try {
    await db.$transaction(async (tx) => {
      const before = await scopedCooperative(tx, user, id)
      if (!(await updateCooperativeRecord(tx, actor(user), { ...before, version }, data))) throw new ActionError(STALE)
    })
  } catch (e) {
    rethrowDuplicate(e)
  }
  revalidatePath('/koperasi')
  redirect(`/koperasi/${id}?disimpan=1`)
})

/** Soft delete: hidden from lists and exports, kept for the audit trail and member references. */
export const deleteCooperative = authAction('cooperatives.write', cooperativeIdSchema, async ({ id }, user) => {
  await db.$transaction(async (tx) => {
    const before = await scopedCooperative(tx, user, id)
    const after = await tx.cooperative.update({ where: { id }, data: { deletedAt: new Date(), version: { increment: 1 } }, select: auditSelect })
    await writeAudit(tx, actor(user), { action: 'DELETE', entity: 'Cooperative', entityId: id, before, after })
  })
  revalidatePath('/koperasi')
  redirect('/koperasi?dihapus=1')
})

/** Record (or correct) one book year's figures: one row per cooperative and year. */
export const saveCooperativeYear = authAction('cooperatives.write', cooperativeYearSchema, async (input, user) => {
  const { cooperativeId, year } = input
  await db.$transaction(async (tx) => {
    await scopedCooperative(tx, user, cooperativeId)
    await writeCooperativeYear(tx, actor(user), input)
  })
  revalidatePath(`/koperasi/${cooperativeId}`)
  return { ok: true, message: `Angka tahun buku ${year} disimpan.` }
})

/** Record an inspection (pemeriksaan/pengawasan) with its findings and follow-up. */
export const addInspection = authAction('cooperatives.write', inspectionSchema, async (input, user) => {
  await db.$transaction(async (tx) => {
    await scopedCooperative(tx, user, input.cooperativeId)
    const created = await tx.inspection.create({ data: input })
    await writeAudit(tx, actor(user), { action: 'CREATE', entity: 'Inspection', entityId: created.id, after: created })
  })
  revalidatePath(`/koperasi/${input.cooperativeId}`)
  return { ok: true, message: 'Hasil pemeriksaan disimpan.' }
})
