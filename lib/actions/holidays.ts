'use server'

import { revalidatePath } from 'next/cache'
import { redirect } from 'next/navigation'
import { db } from '@/lib/db'
import { writeAudit } from '@/lib/audit'
import { ActionError, authAction, type ActionState } from '@/lib/safe-action'
import type { SessionUser } from '@/lib/session-user'
import { conflictError, transition } from '@/lib/transitions'
import { formatDate } from '@/lib/format'
import { deleteHolidaySchema, holidaySchema } from '@/lib/validations/holidays'

/**
 * The admin's holiday calendar (libur nasional and cuti bersama). Every change is version-checked (a stale
 * edit names who changed the day and when) and audited in its transaction. Nothing is stored from it
 * elsewhere: the working-day counts (targets' pace and days left) read the calendar when shown, so a
 * change applies to every target at once and rewrites no report.
 */

const actor = (u: SessionUser) => ({ id: u.id, username: u.username, role: u.role })
const select = { id: true, date: true, name: true, kind: true, source: true, version: true } as const

const dateTaken = (date: string) =>
  new ActionError(`Tanggal ${formatDate(date)} sudah ada di kalender hari libur.`, { date: ['Tanggal ini sudah ada; ubah hari libur yang ada.'] }, 'CONFLICT')

function revalidateHolidays() {
  revalidatePath('/pengaturan', 'layout')
  revalidatePath('/target-program', 'layout')
  revalidatePath('/')
}

/** Add a day (version 0) or change the version the admin opened; one entry per date. */
export const saveHoliday = authAction('config.manage', holidaySchema, async (input, user): Promise<ActionState> => {
  const data = { date: new Date(`${input.date}T00:00:00Z`), name: input.name, kind: input.kind, source: input.source }
  const taken = await db.publicHoliday.findFirst({ where: { date: data.date, ...(input.id && { id: { not: input.id } }) }, select: { id: true } })
  if (taken) throw dateTaken(input.date)
  await db.$transaction(async (tx) => {
    if (!input.id) {
      const created = await tx.publicHoliday.create({ data, select })
      await writeAudit(tx, actor(user), { action: 'CREATE', entity: 'PublicHoliday', entityId: created.id, after: created })
      return
    }
    const id = input.id
    const before = await tx.publicHoliday.findUnique({ where: { id }, select })
    if (!before) throw new ActionError('Hari libur tidak ditemukan; muat ulang halaman.', undefined, 'NOT_FOUND')
    await transition(tx, {
      entity: 'PublicHoliday', entityId: id, label: 'Hari libur',
      update: () => tx.publicHoliday.updateMany({ where: { id, version: input.version }, data: { ...data, version: { increment: 1 } } }),
    })
    const after = await tx.publicHoliday.findUniqueOrThrow({ where: { id }, select })
    await writeAudit(tx, actor(user), { action: 'UPDATE', entity: 'PublicHoliday', entityId: id, before, after })
  }).catch((e: unknown) => {
    // two admins adding the same date at once: the unique index decides, the loser is told why
    if (e && typeof e === 'object' && 'code' in e && e.code === 'P2002') throw dateTaken(input.date)
    throw e
  })
  revalidateHolidays()
  redirect(`/pengaturan/hari-libur?tahun=${input.date.slice(0, 4)}&disimpan=${input.date}`)
})

/** Remove a day from the calendar (after confirmation), if it is still the version the admin saw. */
export const deleteHoliday = authAction('config.manage', deleteHolidaySchema, async (input, user): Promise<ActionState> => {
  const year = await db.$transaction(async (tx) => {
    const before = await tx.publicHoliday.findUnique({ where: { id: input.id }, select })
    if (!before) throw new ActionError('Hari libur tidak ditemukan; muat ulang halaman.', undefined, 'NOT_FOUND')
    const { count } = await tx.publicHoliday.deleteMany({ where: { id: input.id, version: input.version } })
    if (count !== 1) throw await conflictError(tx, 'PublicHoliday', input.id, 'Hari libur')
    await writeAudit(tx, actor(user), { action: 'DELETE', entity: 'PublicHoliday', entityId: input.id, before })
    return before.date.getUTCFullYear()
  })
  revalidateHolidays()
  redirect(`/pengaturan/hari-libur?tahun=${year}&dihapus=1`)
})
