'use server'

import { revalidatePath } from 'next/cache'
import { redirect } from 'next/navigation'
import { Prisma } from '@/lib/generated/prisma/client'
import { db } from '@/lib/db'
import { writeAudit } from '@/lib/audit'
import { transition } from '@/lib/transitions'
import { ActionError, authAction } from '@/lib/safe-action'
import { inRegencyScope, regencyScope } from '@/lib/scope'
import type { SessionUser } from '@/lib/session-user'
import {
  beneficiarySchema, createActivitySchema, createProgrammeTargetSchema, deleteActivitySchema, deleteProgrammeTargetSchema, measureFields, removeBeneficiarySchema,
  updateActivitySchema, updateProgrammeTargetSchema,
} from '@/lib/validations/activities'

/**
 * Server actions of pembinaan activities (issue #15): an admin manages every activity, a district officer
 * its own regency's (`activities.write`, narrowed to the regency here); the beneficiaries come from the
 * registers inside the user's scope. Time-bound programme targets are the province's (`programmeTargets.manage`).
 * Every change is audited in its transaction; edits carry the version the user saw and a stale one is refused.
 */

const actor = (u: SessionUser) => ({ id: u.id, username: u.username, role: u.role })
const NOT_FOUND = 'Kegiatan tidak ditemukan atau di luar wilayah kerja Anda.'
const TARGET_NOT_FOUND = 'Target program tidak ditemukan.'
const OWN_REGENCY = 'Anda hanya dapat mencatat kegiatan di kabupaten/kota Anda.'

const activitySnapshot = {
  id: true, kind: true, title: true, startDate: true, endDate: true, regencyCode: true, budgetSource: true, budgetAmount: true, notes: true, version: true,
} satisfies Prisma.ActivitySelect

function revalidate(id?: string) {
  revalidatePath('/kegiatan', 'layout')
  revalidatePath('/target-program', 'layout')
  revalidatePath('/', 'layout')
  if (id) revalidatePath(`/kegiatan/${id}`)
}

/** The activity's regency must be one the user may write (a district officer: its own; a provincial activity: the admin's). */
async function checkRegency(tx: Prisma.TransactionClient, user: SessionUser, regencyCode: string | null) {
  if (!inRegencyScope(user, regencyCode)) throw new ActionError(OWN_REGENCY, { regencyCode: ['Pilih kabupaten/kota wilayah kerja Anda.'] })
  if (regencyCode && !(await tx.regency.findUnique({ where: { code: regencyCode }, select: { code: true } }))) {
    throw new ActionError('Periksa kembali isian yang ditandai.', { regencyCode: ['Kabupaten/kota tidak dikenal.'] })
  }
}

/** An activity the user may change: it exists and is in its scope (inside the transaction). */
async function writableActivity(tx: Prisma.TransactionClient, user: SessionUser, id: string) {
  const row = await tx.activity.findFirst({ where: { id, ...regencyScope(user) }, select: activitySnapshot })
  if (!row) throw new ActionError(NOT_FOUND, undefined, 'NOT_FOUND')
  return row
}

// ── Activities ───────────────────────────────────────────────────────────────────────────────────────
/** Record an activity; a district officer's is in its own regency. */
export const createActivity = authAction('activities.write', createActivitySchema, async (input, user) => {
  const id = await db.$transaction(async (tx) => {
    await checkRegency(tx, user, input.regencyCode)
    const created = await tx.activity.create({ data: { ...input, createdById: user.id }, select: activitySnapshot })
    await writeAudit(tx, actor(user), { action: 'CREATE', entity: 'Activity', entityId: created.id, after: created })
    return created.id
  })
  revalidate()
  redirect(`/kegiatan/${id}`)
})

/** Edit an activity (the version the user saw; a stale edit is refused with who changed it and when). */
export const updateActivity = authAction('activities.write', updateActivitySchema, async (input, user) => {
  const { id, version, ...fields } = input
  await db.$transaction(async (tx) => {
    const before = await writableActivity(tx, user, id)
    await checkRegency(tx, user, fields.regencyCode)
    await transition(tx, { entity: 'Activity', entityId: id, label: 'Kegiatan', update: () => tx.activity.updateMany({ where: { id, version, ...regencyScope(user) }, data: { ...fields, version: { increment: 1 } } }) })
    // a person's count follows the activity's regency when the person is tied to no cooperative
    if (before.regencyCode !== fields.regencyCode) await tx.activityBeneficiary.updateMany({ where: { activityId: id, type: 'PERSON', cooperativeId: null }, data: { regencyCode: fields.regencyCode } })
    const after = await tx.activity.findUniqueOrThrow({ where: { id }, select: activitySnapshot })
    await writeAudit(tx, actor(user), { action: 'UPDATE', entity: 'Activity', entityId: id, before, after })
  })
  revalidate(id)
  redirect(`/kegiatan/${id}`)
})

/** Delete an activity with its beneficiary list (the version the user saw); the audit row keeps both. */
export const deleteActivity = authAction('activities.write', deleteActivitySchema, async (input, user) => {
  await db.$transaction(async (tx) => {
    const before = await writableActivity(tx, user, input.id)
    const beneficiaries = await tx.activityBeneficiary.findMany({ where: { activityId: input.id }, select: { type: true, cooperativeId: true, msmeId: true, personName: true, personRole: true, certificateNumber: true } })
    await transition(tx, { entity: 'Activity', entityId: input.id, label: 'Kegiatan', update: () => tx.activity.deleteMany({ where: { id: input.id, version: input.version, ...regencyScope(user) } }) })
    await writeAudit(tx, actor(user), { action: 'DELETE', entity: 'Activity', entityId: input.id, before: { ...before, beneficiaries } })
  })
  revalidate()
  redirect('/kegiatan?dihapus=1')
})

// ── Beneficiaries ────────────────────────────────────────────────────────────────────────────────────
/**
 * Add a beneficiary: a cooperative (NIK koperasi) or an MSME (NIB) of the registers inside the user's scope,
 * or a person, optionally of a cooperative. Each counts once per activity.
 */
export const addBeneficiary = authAction('activities.write', beneficiarySchema, async (input, user) => {
  const name = await db.$transaction(async (tx) => {
    const activity = await writableActivity(tx, user, input.activityId)
    const scope = regencyScope(user)
    const coop = input.cooperativeNik && input.type !== 'MSME'
      ? await tx.cooperative.findFirst({ where: { nik: input.cooperativeNik, deletedAt: null, ...scope }, select: { id: true, name: true, regencyCode: true } })
      : null
    if (input.cooperativeNik && input.type !== 'MSME' && !coop) throw new ActionError('Periksa kembali isian yang ditandai.', { cooperativeNik: ['Koperasi dengan NIK ini tidak ada di register (dalam wilayah kerja Anda).'] })
    const msme = input.type === 'MSME' ? await tx.msme.findFirst({ where: { nib: input.msmeNib!, deletedAt: null, ...scope }, select: { id: true, businessName: true, regencyCode: true } }) : null
    if (input.type === 'MSME' && !msme) throw new ActionError('Periksa kembali isian yang ditandai.', { msmeNib: ['UMKM dengan NIB ini tidak ada di register (dalam wilayah kerja Anda).'] })
    const data =
      input.type === 'COOPERATIVE'
        ? { type: 'COOPERATIVE' as const, cooperativeId: coop!.id, regencyCode: coop!.regencyCode, beneficiaryKey: `K:${coop!.id}` }
        : input.type === 'MSME'
          ? { type: 'MSME' as const, msmeId: msme!.id, regencyCode: msme!.regencyCode, beneficiaryKey: `U:${msme!.id}` }
          : {
              type: 'PERSON' as const, cooperativeId: coop?.id ?? null, personName: input.personName, personRole: input.personRole, certificateNumber: input.certificateNumber,
              regencyCode: coop?.regencyCode ?? activity.regencyCode,
              beneficiaryKey: `P:${input.personName!.toLocaleLowerCase('id-ID')}|${input.certificateNumber ?? ''}`,
            }
    try {
      const created = await tx.activityBeneficiary.create({ data: { activityId: activity.id, ...data }, select: { id: true, activityId: true, type: true, cooperativeId: true, msmeId: true, personName: true, personRole: true, certificateNumber: true, regencyCode: true } })
      await writeAudit(tx, actor(user), { action: 'CREATE', entity: 'ActivityBeneficiary', entityId: created.id, after: created })
    } catch (e) {
      if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === 'P2002') {
        const field = input.type === 'COOPERATIVE' ? 'cooperativeNik' : input.type === 'MSME' ? 'msmeNib' : 'personName'
        throw new ActionError('Penerima ini sudah ada di daftar kegiatan ini.', { [field]: ['Penerima ini sudah ada di daftar kegiatan ini.'] })
      }
      throw e
    }
    return coop && input.type === 'COOPERATIVE' ? coop.name : (msme?.businessName ?? input.personName!)
  })
  revalidate(input.activityId)
  return { ok: true, message: `${name} ditambahkan ke daftar penerima.` }
})

/** Remove a beneficiary from an activity in the user's scope. */
export const removeBeneficiary = authAction('activities.write', removeBeneficiarySchema, async (input, user) => {
  const activityId = await db.$transaction(async (tx) => {
    const row = await tx.activityBeneficiary.findFirst({
      // the activity in the user's regency, and for a district officer the beneficiary too: another regency's
      // beneficiary (the province may add one) counts in that regency's figures
      where: { id: input.id, activity: regencyScope(user), ...regencyScope(user) },
      select: { id: true, activityId: true, type: true, cooperativeId: true, msmeId: true, personName: true, personRole: true, certificateNumber: true, regencyCode: true },
    })
    if (!row) throw new ActionError('Penerima tidak ditemukan atau di luar wilayah kerja Anda.', undefined, 'NOT_FOUND')
    const { count } = await tx.activityBeneficiary.deleteMany({ where: { id: row.id } })
    if (count !== 1) throw new ActionError('Penerima ini sudah dihapus; muat ulang halaman.', undefined, 'CONFLICT')
    await writeAudit(tx, actor(user), { action: 'DELETE', entity: 'ActivityBeneficiary', entityId: row.id, before: row })
    return row.activityId
  })
  revalidate(activityId)
  return { ok: true, message: 'Penerima dihapus dari daftar.' }
})

// ── Time-bound programme targets ─────────────────────────────────────────────────────────────────────
const targetSnapshot = {
  id: true, name: true, measure: true, indicatorCode: true, activityKind: true, beneficiaryType: true, targetValue: true, startDate: true, deadline: true, regencyCode: true, workingDays: true, notes: true, version: true,
} satisfies Prisma.ProgrammeTargetSelect

async function checkTargetRefs(tx: Prisma.TransactionClient, input: { indicatorCode: string | null; regencyCode: string | null }) {
  const errors: Record<string, string[]> = {}
  if (input.indicatorCode && !(await tx.indicator.findUnique({ where: { code: input.indicatorCode }, select: { code: true } }))) errors.indicatorCode = ['Indikator tidak dikenal.']
  if (input.regencyCode && !(await tx.regency.findUnique({ where: { code: input.regencyCode }, select: { code: true } }))) errors.regencyCode = ['Kabupaten/kota tidak dikenal.']
  if (Object.keys(errors).length) throw new ActionError('Periksa kembali isian yang ditandai.', errors)
}

/** Set a time-bound target; its progress is counted from the records, never typed. */
export const createProgrammeTarget = authAction('programmeTargets.manage', createProgrammeTargetSchema, async (input, user) => {
  const data = { ...input, ...measureFields(input) }
  const id = await db.$transaction(async (tx) => {
    await checkTargetRefs(tx, data)
    const created = await tx.programmeTarget.create({ data, select: targetSnapshot })
    await writeAudit(tx, actor(user), { action: 'CREATE', entity: 'ProgrammeTarget', entityId: created.id, after: created })
    return created.id
  })
  revalidate()
  redirect(`/target-program/${id}`)
})

/** Edit a target (the version the admin saw). */
export const updateProgrammeTarget = authAction('programmeTargets.manage', updateProgrammeTargetSchema, async (input, user) => {
  const { id, version, ...fields } = input
  const data = { ...fields, ...measureFields(fields) }
  await db.$transaction(async (tx) => {
    await checkTargetRefs(tx, data)
    const before = await tx.programmeTarget.findUnique({ where: { id }, select: targetSnapshot })
    if (!before) throw new ActionError(TARGET_NOT_FOUND, undefined, 'NOT_FOUND')
    await transition(tx, { entity: 'ProgrammeTarget', entityId: id, label: 'Target program', update: () => tx.programmeTarget.updateMany({ where: { id, version }, data: { ...data, version: { increment: 1 } } }) })
    const after = await tx.programmeTarget.findUniqueOrThrow({ where: { id }, select: targetSnapshot })
    await writeAudit(tx, actor(user), { action: 'UPDATE', entity: 'ProgrammeTarget', entityId: id, before, after })
  })
  revalidate()
  redirect(`/target-program/${id}`)
})

/** Delete a target (the version the admin saw); the records it counted stay. */
export const deleteProgrammeTarget = authAction('programmeTargets.manage', deleteProgrammeTargetSchema, async (input, user) => {
  await db.$transaction(async (tx) => {
    const before = await tx.programmeTarget.findUnique({ where: { id: input.id }, select: targetSnapshot })
    if (!before) throw new ActionError(TARGET_NOT_FOUND, undefined, 'NOT_FOUND')
    await transition(tx, { entity: 'ProgrammeTarget', entityId: input.id, label: 'Target program', update: () => tx.programmeTarget.deleteMany({ where: { id: input.id, version: input.version } }) })
    await writeAudit(tx, actor(user), { action: 'DELETE', entity: 'ProgrammeTarget', entityId: input.id, before })
  })
  revalidate()
  redirect('/target-program?dihapus=1')
})
