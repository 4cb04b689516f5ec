'use server'

import { revalidatePath } from 'next/cache'
import { redirect } from 'next/navigation'
import { db } from '@/lib/db'
import { writeAudit } from '@/lib/audit'
import { AppError } from '@/lib/errors'
import { authAction, type ActionState } from '@/lib/safe-action'
import type { SessionUser } from '@/lib/session-user'
import { markAllNotificationsSchema, markNotificationSchema } from '@/lib/validations/notifications'

/**
 * The user's own notifications (lib/reminders): mark one read (and open what it is about), or all of
 * them. Every role has them; each statement is bound to the user's id, so another user's notification
 * is "not found", never changed.
 */

const actor = (u: SessionUser) => ({ id: u.id, username: u.username, role: u.role })

/** Only an address inside the app is followed (the link was written by lib/reminders, but never trust a row). */
const safeLink = (link: string) => (/^\/(?![/\\])[\w\-./?=&%]*$/.test(link) ? link : '/notifikasi')

/** Mark one notification read; with `open=1`, then go to its page. */
export const markNotificationRead = authAction('account.self', markNotificationSchema, async (input, user): Promise<ActionState> => {
  const link = await db.$transaction(async (tx) => {
    const row = await tx.notification.findFirst({ where: { id: input.id, userId: user.id }, select: { id: true, link: true, readAt: true } })
    if (!row) throw new AppError('NOT_FOUND', 'Pemberitahuan tidak ditemukan.')
    if (!row.readAt) {
      const readAt = new Date()
      // a concurrent mark (another tab) changes nothing twice: only an unread row is updated and audited
      const { count } = await tx.notification.updateMany({ where: { id: row.id, userId: user.id, readAt: null }, data: { readAt } })
      if (count === 1) await writeAudit(tx, actor(user), { action: 'UPDATE', entity: 'Notification', entityId: row.id, before: { readAt: null }, after: { readAt } })
    }
    return row.link
  })
  revalidatePath('/', 'layout')
  if (input.open) redirect(safeLink(link))
  return { ok: true }
})

/** Mark every notification read that the page showed (created up to `upTo`). */
export const markAllNotificationsRead = authAction('account.self', markAllNotificationsSchema, async (input, user): Promise<ActionState> => {
  const readAt = new Date()
  const count = await db.$transaction(async (tx) => {
    const { count } = await tx.notification.updateMany({ where: { userId: user.id, readAt: null, createdAt: { lte: new Date(input.upTo) } }, data: { readAt } })
    await writeAudit(tx, actor(user), { action: 'UPDATE', entity: 'Notification', entityId: null, after: { markedRead: count, upTo: input.upTo } })
    return count
  })
  revalidatePath('/', 'layout')
  return { ok: true, message: count === 0 ? 'Tidak ada pemberitahuan yang belum dibaca.' : `${count} pemberitahuan ditandai sudah dibaca.` }
})
