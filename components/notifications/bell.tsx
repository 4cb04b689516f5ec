import Link from 'next/link'
import { getTranslations } from 'next-intl/server'
import { Bell } from 'lucide-react'
import { countUnreadNotifications } from '@/lib/data/notifications'
import { formatNumber } from '@/lib/format'
import type { SessionUser } from '@/lib/session-user'

/** The header's bell: the user's unread notifications, linking to the list. */
export async function NotificationBell({ user }: { user: SessionUser }) {
  const [t, unread] = await Promise.all([getTranslations('notifications'), countUnreadNotifications({ user })])
  return (
    <Link
      href={unread > 0 ? '/notifikasi?tampil=belum' : '/notifikasi'}
      aria-label={t('bell', { count: unread })}
      title={t('bell', { count: unread })}
      data-testid="notification-bell"
      className="relative inline-flex size-9 items-center justify-center rounded-md text-slate-600 hover:bg-slate-100 hover:text-slate-900"
    >
      <Bell aria-hidden className="size-5" />
      {unread > 0 && (
        <span aria-hidden data-testid="notification-count" className="absolute -right-0.5 -top-0.5 min-w-5 rounded-full bg-red-600 px-1 text-center text-[11px] font-semibold leading-5 text-white">
          {unread > 99 ? '99+' : formatNumber(unread)}
        </span>
      )}
    </Link>
  )
}
