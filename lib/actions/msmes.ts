'use server'

import { revalidatePath } from 'next/cache'
import { redirect } from 'next/navigation'
import { Prisma } from '@/lib/generated/prisma/client'
import { db } from '@/lib/db'
import { writeAudit } from '@/lib/audit'
import { assertLocation } from '@/lib/data/regions'
import { nikRegencyCode } from '@/lib/registers/nik'
import { insertMsme, msmeAuditSelect as auditSelect, msmeForAudit as forAudit, updateMsmeRecord, type MsmeWritable as Writable } from '@/lib/registers/writes'
import { ActionError, authAction, refuseTogether } from '@/lib/safe-action'
import { uniqueKeyCheck } from '@/lib/registers/unique-key'
import { conflictError, transition } from '@/lib/transitions'
import { inRegencyScope, regencyScope } from '@/lib/scope'
import type { SessionUser } from '@/lib/session-user'
import { msmeDeleteSchema, msmeIdSchema, msmeRestoreSchema, msmeSchema, msmeUpdateSchema } from '@/lib/validations/msmes'

const actor = (u: SessionUser) => ({ id: u.id, username: u.username, role: u.role })

const NOT_FOUND = 'UMKM tidak ditemukan atau di luar wilayah kerja Anda.'
/** how a stale save names the record: "UMKM ini sudah diubah oleh … pada …" (lib/transitions.ts conflictError) */
const STALE_LABEL = 'UMKM ini'
const DUPLICATE_NIB = 'NIB ini sudah terdaftar.'

/**
 * Checks that need the database: the regency is the user's, the location is consistent, the owner
 * NIK starts with a real province+regency code, and the cooperative is one of the same regency.
 * `stored`: on edit, the record as stored. Its owner NIK, kept when the field is left empty, is checked against a new
 * regency as a typed one is: an MSME moved to another regency had kept an owner NIK of the old one without a question.
 */
async function assertWritable(user: SessionUser, input: Writable & { nikElsewhereConfirmed: boolean }, stored?: { ownerNik: string; regencyCode: string } | null) {
  if (!inRegencyScope(user, input.regencyCode)) {
    throw new ActionError('Anda hanya dapat mencatat UMKM di kabupaten/kota Anda.', { regencyCode: ['Pilih kabupaten/kota wilayah kerja Anda.'] })
  }
  await assertLocation(input)
  // a kept NIK was answered for in its regency when it was saved: asked again only when the business moves
  const keptNik = !input.ownerNik && stored && stored.regencyCode !== input.regencyCode ? stored.ownerNik : null
  const ownerNik = input.ownerNik ?? keptNik
  if (ownerNik) {
    const regency = await db.regency.findUnique({ where: { code: nikRegencyCode(ownerNik) }, select: { code: true, name: true } })
    if (!regency && !keptNik) {
      const message = 'Empat digit pertama NIK harus kode provinsi dan kabupaten/kota yang terdaftar (mis. 3517 untuk Kabupaten Jombang).'
      throw new ActionError('NIK pemilik tidak valid.', { ownerNik: [message] })
    }
    // an owner may live elsewhere than the business: a warning the user confirms, not a refusal
    if (regency && regency.code !== input.regencyCode && !input.nikElsewhereConfirmed) {
      const message = `NIK pemilik terdaftar di ${regency.name}, di luar kabupaten/kota usaha ini. Jika memang benar, centang konfirmasi lalu simpan lagi.`
      throw new ActionError('Periksa NIK pemilik.', { ownerNik: [message], nikElsewhereConfirmed: ['Centang bila pemilik memang ber-KTP di luar kabupaten/kota usaha.'] })
    }
  }
  if (input.cooperativeId) {
    const coop = await db.cooperative.findFirst({ where: { id: input.cooperativeId, deletedAt: null, regencyCode: input.regencyCode }, select: { id: true } })
    if (!coop) throw new ActionError('Koperasi tidak dikenal.', { cooperativeId: ['Pilih koperasi di kabupaten/kota yang sama.'] })
  }
}

/**
 * The member cooperative, checked again in the write's transaction under a share lock on its row: a delete of
 * that cooperative (which locks the row to count its members, lib/actions/cooperatives.ts) then lands before
 * this write, which sees it gone, or after it, which sees this member and refuses.
 */
async function lockMemberCooperative(tx: Prisma.TransactionClient, cooperativeId: string | null | undefined) {
  if (!cooperativeId) return
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM cooperatives WHERE id = ${cooperativeId} AND deleted_at IS NULL FOR SHARE`
  if (!rows.length) throw new ActionError('Koperasi tidak dikenal.', { cooperativeId: ['Koperasi ini baru saja dihapus; pilih koperasi lain.'] })
}

const nibCheck = uniqueKeyCheck({
  field: 'nib', schema: msmeSchema.shape.nib, message: DUPLICATE_NIB,
  deletedMessage: 'NIB ini milik UMKM yang sudah dihapus: pulihkan dari UMKM › Data terhapus.',
  holder: (nib, notId, user) => db.msme.findFirst({ where: { nib, ...(notId && { NOT: { id: notId, ...regencyScope(user) } }) }, select: { deletedAt: true, regencyCode: true } }),
})

function rethrowDuplicate(e: unknown): never {
  if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === 'P2002') throw new ActionError(DUPLICATE_NIB, { nib: [DUPLICATE_NIB] })
  throw e
}

async function scopedMsme(tx: Prisma.TransactionClient, user: SessionUser, id: string) {
  const row = await tx.msme.findFirst({ where: { id, deletedAt: null, ...regencyScope(user) }, select: auditSelect })
  if (!row) throw new ActionError(NOT_FOUND)
  return row
}

/** Register an MSME; its NIB must be new. */
export const createMsme = authAction('msmes.write', msmeSchema, async (input, user) => {
  // the confirmation answers the NIK warning; it is not part of the record
  const { nikElsewhereConfirmed, ...data } = input
  await refuseTogether(() => assertWritable(user, { ...data, nikElsewhereConfirmed }), await nibCheck.taken(input, user))
  let id = ''
  try {
    id = await db.$transaction(async (tx) => {
      await lockMemberCooperative(tx, data.cooperativeId)
      return insertMsme(tx, actor(user), data)
    })
  } catch (e) {
    rethrowDuplicate(e)
  }
  revalidatePath('/umkm')
  redirect(`/umkm/${id}?ditambahkan=1`)
}, { alsoWhenInvalid: nibCheck.takenField })

/** Edit an MSME (an empty owner NIK keeps the stored one); stale edits are refused. */
export const updateMsme = authAction('msmes.write', msmeUpdateSchema, async (input, user) => {
  const { id, version, ownerNik, nikElsewhereConfirmed, ...data } = input
  // the stored owner NIK and regency (scoped: one outside the user's regency is NOT_FOUND in the write below)
  const stored = await db.msme.findFirst({ where: { id, deletedAt: null, ...regencyScope(user) }, select: { ownerNik: true, regencyCode: true } })
  await refuseTogether(() => assertWritable(user, { ...data, ownerNik, nikElsewhereConfirmed }, stored), await nibCheck.taken(input, user))
  try {
    await db.$transaction(async (tx) => {
      const before = await scopedMsme(tx, user, id)
      await lockMemberCooperative(tx, data.cooperativeId)
      if (!(await updateMsmeRecord(tx, actor(user), { ...before, version }, { ...data, ownerNik }))) throw await conflictError(tx, 'Msme', id, STALE_LABEL)
    })
  } catch (e) {
    rethrowDuplicate(e)
  }
  revalidatePath('/umkm')
  redirect(`/umkm/${id}?disimpan=1`)
}, { alsoWhenInvalid: nibCheck.takenField })

/**
 * Soft delete, audited, conditional on the version the user saw (lib/transitions.ts), as a restore is: a record
 * corrected since is not deleted on a stale page, and of two deletes at once one lands, the other is told who
 * deleted it and when (it had overwritten the deletion time and written a second DELETE row).
 */
export const deleteMsme = authAction('msmes.write', msmeDeleteSchema, async ({ id, version }, user) => {
  await db.$transaction(async (tx) => {
    // deleted meanwhile (by someone in scope): a conflict naming them; else not found, as outside the scope
    if (await tx.msme.findFirst({ where: { id, deletedAt: { not: null }, ...regencyScope(user) }, select: { id: true } })) throw await conflictError(tx, 'Msme', id, STALE_LABEL)
    const before = await scopedMsme(tx, user, id)
    await transition(tx, {
      entity: 'Msme', entityId: id, label: STALE_LABEL,
      update: () => tx.msme.updateMany({ where: { id, version, deletedAt: null }, data: { deletedAt: new Date(), version: { increment: 1 } } }),
    })
    const after = await tx.msme.findUniqueOrThrow({ where: { id }, select: auditSelect })
    await writeAudit(tx, actor(user), { action: 'DELETE', entity: 'Msme', entityId: id, before: forAudit(before), after: forAudit(after) })
  })
  revalidatePath('/umkm')
  redirect('/umkm?dihapus=1')
})

/**
 * Bring back a deleted MSME (the version the user saw on the deleted list), in the user's scope: its NIB stays
 * taken while deleted, so this is how one deleted by mistake is registered again (lib/transitions.ts for a race).
 */
export const restoreMsme = authAction('msmes.write', msmeRestoreSchema, async ({ id, version }, user) => {
  const left = await db.$transaction(async (tx) => {
    const before = await tx.msme.findFirst({ where: { id, deletedAt: { not: null }, ...regencyScope(user) }, select: auditSelect })
    if (!before) {
      // restored meanwhile (by someone in scope): said as such; else not found, as for a record outside the scope
      if (await tx.msme.findFirst({ where: { id, deletedAt: null, ...regencyScope(user) }, select: { id: true } })) throw await conflictError(tx, 'Msme', id, STALE_LABEL)
      throw new ActionError(NOT_FOUND)
    }
    // a cooperative deleted since has no live member (deleteCooperative counts only live ones): the MSME comes back
    // without that membership, said on its page. Its live cooperative is share-locked, so it cannot be deleted meanwhile
    const cooperativeGone = before.cooperativeId !== null
      && (await tx.$queryRaw<{ id: string }[]>`SELECT id FROM cooperatives WHERE id = ${before.cooperativeId} AND deleted_at IS NULL FOR SHARE`).length === 0
    await transition(tx, {
      entity: 'Msme', entityId: id, label: STALE_LABEL,
      update: () => tx.msme.updateMany({ where: { id, version, deletedAt: { not: null } }, data: { deletedAt: null, ...(cooperativeGone && { cooperativeId: null }), version: { increment: 1 } } }),
    })
    const after = await tx.msme.findUniqueOrThrow({ where: { id }, select: auditSelect })
    await writeAudit(tx, actor(user), { action: 'RESTORE', entity: 'Msme', entityId: id, before: forAudit(before), after: forAudit(after) })
    return cooperativeGone
  })
  revalidatePath('/umkm')
  redirect(`/umkm/${id}?dipulihkan=${left ? 'tanpa-koperasi' : '1'}`)
})

/**
 * The owner's full NIK, for roles that need it (msmes.revealNik), inside their scope. Every reveal
 * writes an audit row `REVEAL` (who, when, which MSME), with no NIK in it.
 */
export const revealOwnerNik = authAction('msmes.revealNik', msmeIdSchema, async ({ id }, user) => {
  const nik = await db.$transaction(async (tx) => {
    const row = await tx.msme.findFirst({ where: { id, deletedAt: null, ...regencyScope(user) }, select: { ownerNik: true } })
    if (!row) throw new ActionError(NOT_FOUND)
    await writeAudit(tx, actor(user), { action: 'REVEAL', entity: 'Msme', entityId: id, after: { field: 'ownerNik' } })
    return row.ownerNik
  })
  return { ok: true, data: { nik } }
})
