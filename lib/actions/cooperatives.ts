'use server'

import { revalidatePath } from 'next/cache'
import { redirect } from 'next/navigation'
import { Prisma } from '@/lib/generated/prisma/client'
import { db } from '@/lib/db'
import { writeAudit } from '@/lib/audit'
import { assertLocation } from '@/lib/data/regions'
import { env } from '@/lib/env'
import { nikRegencyCode } from '@/lib/registers/nik'
import {
  cooperativeAuditSelect as auditSelect, deleteCooperativeYear as deleteYearRow, insertCooperative, insertCooperativeYear, updateCooperativeRecord, updateCooperativeYear,
} from '@/lib/registers/writes'
import { uniqueKeyCheck } from '@/lib/registers/unique-key'
import { conflictError, transition } from '@/lib/transitions'
import { formatNumber } from '@/lib/format'
import { ActionError, authAction, refuseTogether } from '@/lib/safe-action'
import { inRegencyScope, regencyScope } from '@/lib/scope'
import type { SessionUser } from '@/lib/session-user'
import {
  cooperativeDeleteSchema, cooperativeFormSchema, cooperativeRestoreSchema, cooperativeSchema, cooperativeUpdateSchema, cooperativeYearKeySchema, cooperativeYearSchema, inspectionFollowUpSchema,
  inspectionSchema, type CooperativeFormInput,
} from '@/lib/validations/cooperatives'

const actor = (u: SessionUser) => ({ id: u.id, username: u.username, role: u.role })

const NOT_FOUND = 'Koperasi tidak ditemukan atau di luar wilayah kerja Anda.'
/** how a stale save names the record: "Koperasi ini sudah diubah oleh … pada …" (lib/transitions.ts conflictError) */
const STALE_LABEL = 'Koperasi ini'
const YEAR_STALE_LABEL = 'Angka tahun buku ini'
const INSPECTION_STALE_LABEL = 'Pemeriksaan ini'

/** An inspection's columns in its audit rows (the whole row before, now named: a future column is not audited by accident). */
const inspectionAuditSelect = {
  id: true, cooperativeId: true, inspectedOn: true, officer: true, findings: true, followUp: true, status: true, createdAt: true, version: true,
} satisfies Prisma.InspectionSelect
const DUPLICATE_NIK = 'NIK koperasi ini sudah terdaftar.'

/**
 * A district officer writes only in its own regency; the location must be real and consistent. `stored`: on edit,
 * the record's NIK and regency as stored. `nikTaken`: the NIK is registered already, said under it instead of the
 * warning on its code (a NIK that cannot be saved needs no confirming).
 */
async function assertWritableLocation(user: SessionUser, input: CooperativeFormInput, { stored, nikTaken }: { stored?: { nik: string; regencyCode: string } | null; nikTaken: boolean }) {
  if (!inRegencyScope(user, input.regencyCode)) {
    throw new ActionError('Anda hanya dapat mencatat koperasi di kabupaten/kota Anda.', { regencyCode: ['Pilih kabupaten/kota wilayah kerja Anda.'] })
  }
  await assertLocation(input)
  if (!nikTaken) await assertNikRegency(input, stored)
}

/**
 * A NIK koperasi begins with its regency's code (every registered one does), as an owner's NIK does: one beginning
 * with another regency of the province is a warning the user confirms, as the MSME form asks of the owner's NIK
 * (lib/actions/msmes.ts), not a refusal. A NIK whose first four digits name no regency of the province is not
 * questioned. Asked again on edit only when the NIK or the regency changes: a confirmed one stays answered.
 */
async function assertNikRegency(input: CooperativeFormInput, stored?: { nik: string; regencyCode: string } | null) {
  if (input.nikElsewhereConfirmed || (stored && stored.nik === input.nik && stored.regencyCode === input.regencyCode)) return
  const regency = await db.regency.findFirst({ where: { code: nikRegencyCode(input.nik), provinceCode: env().AGENCY_PROVINCE_CODE }, select: { code: true, name: true } })
  if (regency && regency.code !== input.regencyCode) {
    const message = `NIK koperasi diawali kode ${regency.name}, di luar kabupaten/kota koperasi ini. Jika memang benar, centang konfirmasi lalu simpan lagi.`
    throw new ActionError('Periksa NIK koperasi.', { nik: [message], nikElsewhereConfirmed: ['Centang bila NIK koperasi ini memang diawali kode kabupaten/kota lain.'] })
  }
}

const nikCheck = uniqueKeyCheck({
  field: 'nik', schema: cooperativeSchema.shape.nik, message: DUPLICATE_NIK,
  deletedMessage: 'NIK koperasi ini milik koperasi yang sudah dihapus: pulihkan dari Koperasi › Data terhapus.',
  holder: (nik, notId, user) => db.cooperative.findFirst({ where: { nik, ...(notId && { NOT: { id: notId, ...regencyScope(user) } }) }, select: { deletedAt: true, regencyCode: true } }),
})

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
export const createCooperative = authAction('cooperatives.write', cooperativeFormSchema, async (input, user) => {
  const taken = await nikCheck.taken(input, user)
  await refuseTogether(() => assertWritableLocation(user, input, { nikTaken: taken !== null }), taken)
  let id = ''
  try {
    id = await db.$transaction((tx) => insertCooperative(tx, actor(user), input))
  } catch (e) {
    rethrowDuplicate(e)
  }
  revalidatePath('/koperasi')
  redirect(`/koperasi/${id}?ditambahkan=1`)
}, { alsoWhenInvalid: nikCheck.takenField })

/** Edit a cooperative; refused when someone else saved in between (version check), never overwritten. */
export const updateCooperative = authAction('cooperatives.write', cooperativeUpdateSchema, async (input, user) => {
  const { id, version, ...data } = input
  // the stored NIK and regency (scoped: one outside the user's regency is NOT_FOUND in the write below)
  const stored = await db.cooperative.findFirst({ where: { id, deletedAt: null, ...regencyScope(user) }, select: { nik: true, regencyCode: true } })
  const taken = await nikCheck.taken(input, user)
  await refuseTogether(() => assertWritableLocation(user, data, { stored, nikTaken: taken !== null }), taken)
  try {
    await db.$transaction(async (tx) => {
      const before = await scopedCooperative(tx, user, id)
      if (!(await updateCooperativeRecord(tx, actor(user), { ...before, version }, data))) throw await conflictError(tx, 'Cooperative', id, STALE_LABEL)
    })
  } catch (e) {
    rethrowDuplicate(e)
  }
  revalidatePath('/koperasi')
  redirect(`/koperasi/${id}?disimpan=1`)
}, { alsoWhenInvalid: nikCheck.takenField })

/**
 * Soft delete: hidden from lists and exports, kept for the audit trail. Refused while registered MSMEs are its
 * members: they would point at a cooperative no one can open, and their next edit would drop the membership
 * silently; they are moved to another cooperative (or left without one) first. Book years, assessments and
 * inspections are the cooperative's own history and go with it; activities it benefited from stay as history.
 */
export const deleteCooperative = authAction('cooperatives.write', cooperativeDeleteSchema, async ({ id, version }, user) => {
  await db.$transaction(async (tx) => {
    // the row locked before its members are counted: an MSME joining it meanwhile (which takes a share lock on
    // it, lib/actions/msmes.ts) lands first and is counted, or waits and then finds it deleted. Locked before
    // `before` is read, so the audit row's before is the row as it is deleted, not as a racing delete left it
    await tx.$queryRaw`SELECT 1 FROM cooperatives WHERE id = ${id} FOR UPDATE`
    // deleted meanwhile (by someone in scope): a conflict naming them; else not found, as outside the scope
    if (await tx.cooperative.findFirst({ where: { id, deletedAt: { not: null }, ...regencyScope(user) }, select: { id: true } })) throw await conflictError(tx, 'Cooperative', id, STALE_LABEL)
    const before = await scopedCooperative(tx, user, id)
    const members = await tx.msme.count({ where: { cooperativeId: id, deletedAt: null } })
    if (members > 0) {
      throw new ActionError(
        `Koperasi ini tidak dapat dihapus: ${formatNumber(members)} UMKM masih tercatat sebagai anggotanya. Pindahkan UMKM tersebut ke koperasi lain atau kosongkan keanggotaannya di formulir UMKM, lalu hapus lagi.`,
        undefined, 'CONFLICT',
      )
    }
    // the version the user saw: a cooperative corrected since is not deleted on a stale page (lib/transitions.ts)
    await transition(tx, {
      entity: 'Cooperative', entityId: id, label: STALE_LABEL,
      update: () => tx.cooperative.updateMany({ where: { id, version, deletedAt: null }, data: { deletedAt: new Date(), version: { increment: 1 } } }),
    })
    const after = await tx.cooperative.findUniqueOrThrow({ where: { id }, select: auditSelect })
    await writeAudit(tx, actor(user), { action: 'DELETE', entity: 'Cooperative', entityId: id, before, after })
  })
  revalidatePath('/koperasi')
  redirect('/koperasi?dihapus=1')
})

/**
 * Bring back a deleted cooperative (the version the user saw on the deleted list), in the user's scope: its NIK
 * koperasi stays taken while deleted, so this is how one deleted by mistake is registered again. Two restores at
 * once: one lands, the other is told who did it (lib/transitions.ts).
 */
export const restoreCooperative = authAction('cooperatives.write', cooperativeRestoreSchema, async ({ id, version }, user) => {
  await db.$transaction(async (tx) => {
    const before = await tx.cooperative.findFirst({ where: { id, deletedAt: { not: null }, ...regencyScope(user) }, select: auditSelect })
    if (!before) {
      // restored meanwhile (by someone in scope): said as such; else not found, as for a record outside the scope
      if (await tx.cooperative.findFirst({ where: { id, deletedAt: null, ...regencyScope(user) }, select: { id: true } })) throw await conflictError(tx, 'Cooperative', id, STALE_LABEL)
      throw new ActionError(NOT_FOUND)
    }
    await transition(tx, { entity: 'Cooperative', entityId: id, label: STALE_LABEL, update: () => tx.cooperative.updateMany({ where: { id, version, deletedAt: { not: null } }, data: { deletedAt: null, version: { increment: 1 } } }) })
    const after = await tx.cooperative.findUniqueOrThrow({ where: { id }, select: auditSelect })
    await writeAudit(tx, actor(user), { action: 'RESTORE', entity: 'Cooperative', entityId: id, before, after })
  })
  revalidatePath('/koperasi')
  redirect(`/koperasi/${id}?dipulihkan=1`)
})

/**
 * Record a new book year, or (with the version the user saw) change a recorded one. A new year that is
 * recorded already is refused under the year field: saving it would replace every figure, blank ones with Rp0;
 * the recorded year is changed through its "Ubah", which saves only if no one changed it meanwhile.
 */
export const saveCooperativeYear = authAction('cooperatives.write', cooperativeYearSchema, async (input, user) => {
  const { cooperativeId, year, version } = input
  await db.$transaction(async (tx) => {
    await scopedCooperative(tx, user, cooperativeId)
    if (version === undefined) {
      if (!(await insertCooperativeYear(tx, actor(user), input))) {
        const message = `Tahun buku ${year} sudah tercatat. Untuk mengubah angkanya, pilih "Ubah" pada baris ${year} di tabel angka tahunan.`
        throw new ActionError(message, { year: [message] }, 'CONFLICT')
      }
      return
    }
    const result = await updateCooperativeYear(tx, actor(user), { ...input, version })
    if (result === 'missing') throw new ActionError(`Tahun buku ${year} tidak tercatat (lagi); muat ulang halaman.`, undefined, 'CONFLICT')
    if (result === 'stale') {
      // deleted meanwhile (after the edit's first read): said as such, not as a failure
      const row = await tx.cooperativeYear.findUnique({ where: { cooperativeId_year: { cooperativeId, year } }, select: { id: true } })
      if (!row) throw new ActionError(`Tahun buku ${year} tidak tercatat (lagi); muat ulang halaman.`, undefined, 'CONFLICT')
      throw await conflictError(tx, 'CooperativeYear', row.id, YEAR_STALE_LABEL)
    }
  })
  revalidatePath(`/koperasi/${cooperativeId}`)
  // an edit leaves the edit view (?ubahTahun=…) for the page with the saved table
  if (version !== undefined) redirect(`/koperasi/${cooperativeId}?disimpan=1#angka-tahunan`)
  return { ok: true, message: `Angka tahun buku ${year} disimpan.` }
})

/** Delete a recorded book year (entered by mistake), at the version the user saw, audited. */
export const deleteCooperativeYear = authAction('cooperatives.write', cooperativeYearKeySchema, async (input, user) => {
  await db.$transaction(async (tx) => {
    await scopedCooperative(tx, user, input.cooperativeId)
    if (!(await deleteYearRow(tx, actor(user), input))) {
      const row = await tx.cooperativeYear.findUnique({ where: { cooperativeId_year: { cooperativeId: input.cooperativeId, year: input.year } }, select: { id: true } })
      if (!row) throw new ActionError(`Tahun buku ${input.year} tidak tercatat (lagi); muat ulang halaman.`, undefined, 'CONFLICT')
      throw await conflictError(tx, 'CooperativeYear', row.id, YEAR_STALE_LABEL)
    }
  })
  revalidatePath(`/koperasi/${input.cooperativeId}`)
  return { ok: true, message: `Angka tahun buku ${input.year} dihapus.` }
})

/** Record an inspection (pemeriksaan/pengawasan) with its findings and follow-up. */
export const addInspection = authAction('cooperatives.write', inspectionSchema, async (input, user) => {
  await db.$transaction(async (tx) => {
    await scopedCooperative(tx, user, input.cooperativeId)
    const created = await tx.inspection.create({ data: input, select: inspectionAuditSelect })
    await writeAudit(tx, actor(user), { action: 'CREATE', entity: 'Inspection', entityId: created.id, after: created })
  })
  revalidatePath(`/koperasi/${input.cooperativeId}`)
  return { ok: true, message: 'Hasil pemeriksaan disimpan.' }
})

/** Record an inspection's follow-up and set its status (open, followed up, closed; a closed finding may be opened again), at the version the user saw, audited. */
export const followUpInspection = authAction('cooperatives.write', inspectionFollowUpSchema, async (input, user) => {
  const cooperativeId = await db.$transaction(async (tx) => {
    const before = await tx.inspection.findUnique({ where: { id: input.id }, select: inspectionAuditSelect })
    if (!before) throw new ActionError('Pemeriksaan tidak ditemukan; muat ulang halaman.', undefined, 'NOT_FOUND')
    await scopedCooperative(tx, user, before.cooperativeId)
    await transition(tx, {
      entity: 'Inspection', entityId: input.id, label: INSPECTION_STALE_LABEL,
      update: () => tx.inspection.updateMany({
        where: { id: input.id, version: input.version },
        data: { followUp: input.followUp, status: input.status, version: { increment: 1 } },
      }),
    })
    const after = await tx.inspection.findUniqueOrThrow({ where: { id: input.id }, select: inspectionAuditSelect })
    await writeAudit(tx, actor(user), { action: 'UPDATE', entity: 'Inspection', entityId: input.id, before, after })
    return before.cooperativeId
  })
  revalidatePath(`/koperasi/${cooperativeId}`)
  return { ok: true, message: 'Tindak lanjut pemeriksaan disimpan.' }
})
