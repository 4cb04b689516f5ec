import 'server-only'
import { db } from '@/lib/db'
import type { Prisma } from '@/lib/generated/prisma/client'
import type { SessionUser } from '@/lib/session-user'

/**
 * Reads of the signed-in user's notifications. Every read is bound to `user.id` in its WHERE clause:
 * nobody reads another user's notifications, whatever the role.
 */

const notificationSelect = {
  id: true, kind: true, params: true, link: true, createdAt: true, readAt: true,
} satisfies Prisma.NotificationSelect

export type NotificationRow = Prisma.NotificationGetPayload<{ select: typeof notificationSelect }>

export const NOTIFICATIONS_PAGE_SIZE = 25

/** The bell's number: the user's unread notifications. */
export async function countUnreadNotifications({ user }: { user: Pick<SessionUser, 'id'> }): Promise<number> {
  return db.notification.count({ where: { userId: user.id, readAt: null } })
}

/** The user's notifications, newest first, a page at a time; `unread` keeps only the unread ones. */
export async function findNotifications({ user, page = 1, unread = false }: { user: Pick<SessionUser, 'id'>; page?: number; unread?: boolean }) {
  const where: Prisma.NotificationWhereInput = { userId: user.id, ...(unread && { readAt: null }) }
  const [rows, total, unreadCount] = await Promise.all([
    db.notification.findMany({
      where,
      select: notificationSelect,
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      skip: (page - 1) * NOTIFICATIONS_PAGE_SIZE,
      take: NOTIFICATIONS_PAGE_SIZE,
    }),
    db.notification.count({ where }),
    db.notification.count({ where: { userId: user.id, readAt: null } }),
  ])
  return { rows, total, unread: unreadCount }
}
