import { getTranslations } from 'next-intl/server'
import { Badge } from '@/components/ui/badge'
import { Tabs } from '@/components/ui/tabs'

const MEETING_TONE = { PLANNED: 'blue', HELD: 'green', CLOSED: 'slate', CANCELLED: 'red' } as const
const ACTION_TONE = { OPEN: 'amber', IN_PROGRESS: 'blue', DONE: 'green', DROPPED: 'slate' } as const

export async function MeetingStatusBadge({ status }: { status: keyof typeof MEETING_TONE }) {
  const t = await getTranslations('meetings')
  return <Badge tone={MEETING_TONE[status]} className="whitespace-nowrap">{t(`status.${status}`)}</Badge>
}

export async function ActionStatusBadge({ status, overdue }: { status: keyof typeof ACTION_TONE; overdue?: boolean }) {
  const t = await getTranslations('meetings')
  return (
    <span className="inline-flex flex-wrap gap-1">
      {/* a status is one word group: "In progress" had broken over two lines in a narrow column */}
      <Badge tone={ACTION_TONE[status]} className="whitespace-nowrap">{t(`actionStatus.${status}`)}</Badge>
      {overdue && <Badge tone="red" className="whitespace-nowrap">{t('actions.overdue')}</Badge>}
    </span>
  )
}

/** The section tabs shared by the meeting list, its calendar and the follow-up list. */
export async function MeetingTabs({ current }: { current: 'meetings' | 'calendar' | 'actions' }) {
  const t = await getTranslations('meetings.tabs')
  return (
    <Tabs
      label={t('label')}
      current={current}
      tabs={[
        { key: 'meetings', href: '/rapat', label: t('meetings') },
        { key: 'calendar', href: '/rapat?view=calendar', label: t('calendar') },
        { key: 'actions', href: '/tindak-lanjut', label: t('actions') },
      ]}
    />
  )
}
