import type { Metadata } from 'next'
import clsx from 'clsx'
import { getLocale, getTranslations } from 'next-intl/server'
import { AlarmClock, BadgeCheck, Banknote, ClipboardCheck, FileWarning, ListChecks, Undo2 } from 'lucide-react'
import { MarkAllNotificationsRead, MarkNotificationRead, OpenNotification } from '@/components/notifications/notification-actions'
import { EmptyState } from '@/components/ui/empty-state'
import { PastLastPage } from '@/components/ui/past-last-page'
import { Tabs } from '@/components/ui/tabs'
import { PageHeader } from '@/components/ui/page-header'
import { Pagination } from '@/components/ui/pagination'
import { findNotifications, NOTIFICATIONS_PAGE_SIZE } from '@/lib/data/notifications'
import { formatDateTime } from '@/lib/format'
import type { NotificationKind } from '@/lib/generated/prisma/enums'
import { notificationText } from '@/lib/reminders/texts'
import { requireUser } from '@/lib/session'
import { flatParams, type SearchParams } from '@/lib/url'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('notifications'))('title') }
}

const ICONS: Record<NotificationKind, typeof AlarmClock> = {
  REPORT_DUE: AlarmClock,
  REPORT_LATE: FileWarning,
  REPORT_RETURNED: Undo2,
  REPORT_APPROVED: BadgeCheck,
  ACTION_DUE: ListChecks,
  ACTION_OVERDUE: ListChecks,
  ACTION_ASSIGNED: ListChecks,
  REVIEW_REPORT: ClipboardCheck,
  REVIEW_CLAIM: ClipboardCheck,
  CLAIM_RETURNED: Undo2,
  CLAIM_APPROVED: BadgeCheck,
  CLAIM_PAID: Banknote,
}
const URGENT = new Set<NotificationKind>(['REPORT_LATE', 'REPORT_RETURNED', 'CLAIM_RETURNED', 'ACTION_OVERDUE'])

/** The signed-in user's notifications (lib/reminders), newest first; every role has its own. */
export default async function NotificationsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requireUser()
  const params = flatParams(await searchParams)
  const unreadOnly = params.tampil === 'belum'
  const page = Math.max(1, Math.min(10_000, Number.parseInt(params.page ?? '1', 10) || 1))
  const [t, locale, result] = await Promise.all([getTranslations('notifications'), getLocale(), findNotifications({ user, page, unread: unreadOnly })])
  const lang = locale === 'en' ? 'en' : 'id'
  return (
    <>
      <PageHeader
        title={t('title')}
        description={t('description')}
        actions={result.unread > 0 ? <MarkAllNotificationsRead upTo={new Date().toISOString()} /> : undefined}
      />
      <Tabs variant="pills" label={t('filterLabel')} current={unreadOnly ? 'unread' : 'all'} tabs={[
        { key: 'unread', href: '/notifikasi?tampil=belum', label: t('filterUnread', { count: result.unread }) },
        { key: 'all', href: '/notifikasi', label: t('filterAll') },
      ]} />
      {result.rows.length === 0 && result.total > 0 ? (
        <PastLastPage page={page} total={result.total} href={unreadOnly ? '/notifikasi?tampil=belum' : '/notifikasi'} />
      ) : result.rows.length === 0 ? (
        <EmptyState title={unreadOnly ? t('emptyUnread') : t('empty')}>{t('emptyBody')}</EmptyState>
      ) : (
        <ul className="divide-y divide-slate-200 overflow-hidden rounded-lg border border-slate-200 bg-white" data-testid="notification-list">
          {result.rows.map((n) => {
            const { title, body } = notificationText(n.kind, n.params, lang)
            const Icon = ICONS[n.kind]
            const unread = !n.readAt
            return (
              // on a phone the mark-read button goes under the text instead of beside it
              <li key={n.id} className={clsx('grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 p-4 sm:grid-cols-[auto_1fr_auto]', unread && 'bg-brand-50/40')}>
                <Icon aria-hidden className={clsx('mt-0.5 size-5 shrink-0', URGENT.has(n.kind) ? 'text-red-600' : 'text-brand-600')} />
                <div className="min-w-0">
                  <OpenNotification id={n.id} title={title} unread={unread} />
                  <p className="mt-0.5 text-sm text-slate-600">{body}</p>
                  <p className="mt-1 text-xs text-slate-500">
                    {formatDateTime(n.createdAt, { locale: lang })}
                    {' · '}
                    {unread ? <span className="font-medium text-brand-700">{t('unread')}</span> : t('readOn', { date: formatDateTime(n.readAt!, { locale: lang }) })}
                  </p>
                </div>
                {unread && (
                  <div className="col-start-2 -ml-2.5 sm:col-start-3 sm:row-start-1 sm:ml-0">
                    <MarkNotificationRead id={n.id} title={title} />
                  </div>
                )}
              </li>
            )
          })}
        </ul>
      )}
      <Pagination pathname="/notifikasi" params={unreadOnly ? { tampil: 'belum' } : {}} page={page} pageSize={NOTIFICATIONS_PAGE_SIZE} total={result.total} />
    </>
  )
}
