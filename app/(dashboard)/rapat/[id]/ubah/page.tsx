import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { getTranslations } from 'next-intl/server'
import { MeetingForm } from '@/components/meetings/forms'
import { EmptyState } from '@/components/ui/empty-state'
import { PageHeader } from '@/components/ui/page-header'
import { getMeeting } from '@/lib/data/meetings'
import { agencyRegencies } from '@/lib/data/regions'
import { toJakartaLocal } from '@/lib/dates'
import { requirePermission } from '@/lib/session'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('meetings'))('edit') }
}

export default async function EditMeetingPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission('meetings.write')
  const { id } = await params
  if (!/^[A-Za-z0-9_-]{1,40}$/.test(id)) notFound()
  const [t, meeting, regencies] = await Promise.all([getTranslations('meetings'), getMeeting({ user, id }), agencyRegencies()])
  if (!meeting) notFound()
  // a closed or cancelled meeting is not edited (updateMeeting refuses it): said here, not after the whole form is typed
  if (meeting.status === 'CLOSED' || meeting.status === 'CANCELLED') {
    return (
      <>
        <PageHeader title={t('edit')} description={meeting.title} />
        <EmptyState title={t('editClosed', { status: t(`status.${meeting.status}`).toLowerCase() })}>
          <Link href={`/rapat/${meeting.id}`} className="font-medium text-brand-700 hover:underline">{t('backToMeeting')}</Link>
        </EmptyState>
      </>
    )
  }
  return (
    <>
      <PageHeader title={t('edit')} description={meeting.title} />
      <MeetingForm
        regencies={regencies.map((r) => ({ value: r.code, label: r.name }))}
        initial={{
          id: meeting.id, version: meeting.version, title: meeting.title, type: meeting.type, startsAt: toJakartaLocal(meeting.startsAt), endsAt: toJakartaLocal(meeting.endsAt),
          venue: meeting.venue ?? '', city: meeting.city ?? '', hostRegencyCode: meeting.hostRegencyCode ?? '', organiser: meeting.organiser, chair: meeting.chair ?? '',
        }}
      />
    </>
  )
}
