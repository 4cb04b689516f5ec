import type { Metadata } from 'next'
import { getAgency } from '@/lib/agency'
import { getLocale, getTranslations } from 'next-intl/server'
import { MeetingForm, type MeetingValues } from '@/components/meetings/forms'
import { PageHeader } from '@/components/ui/page-header'
import { getMeeting } from '@/lib/data/meetings'
import { agencyRegencies } from '@/lib/data/regions'
import { jakartaDate } from '@/lib/dates'
import { formatDate } from '@/lib/format'
import { requirePermission } from '@/lib/session'
import { flatParams, type SearchParams } from '@/lib/url'
import { MEETING_TITLE_MAX } from '@/lib/validations/meetings'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('meetings'))('new') }
}

/** A new meeting; `?lanjutan=<id>` starts a follow-up meeting from that one (participants and open follow-ups carried). */
export default async function NewMeetingPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requirePermission('meetings.write')
  const params = flatParams(await searchParams)
  const [t, regencies, locale, agency] = await Promise.all([getTranslations('meetings'), agencyRegencies(), getLocale(), getAgency()])
  const previous = params.lanjutan && /^[A-Za-z0-9_-]{1,40}$/.test(params.lanjutan) ? await getMeeting({ user, id: params.lanjutan }) : null
  const initial: MeetingValues = previous
    ? {
        title: followUpTitle(previous.title), type: previous.type, startsAt: '', endsAt: '', venue: previous.venue ?? '', city: previous.city ?? '',
        hostRegencyCode: previous.hostRegencyCode ?? '', organiser: previous.organiser, chair: previous.chair ?? '', previousMeetingId: previous.id,
      }
    : { title: '', type: 'RAKOR', startsAt: '', endsAt: '', venue: '', city: agency.city, hostRegencyCode: '', organiser: agency.name, chair: '' }
  return (
    <>
      <PageHeader title={previous ? t('followUpMeeting') : t('new')} description={previous ? t('followUpOf', { title: `${previous.title} (${formatDate(jakartaDate(previous.startsAt), { locale: locale === 'en' ? 'en' : 'id' })})` }) : undefined} />
      <MeetingForm initial={initial} regencies={regencies.map((r) => ({ value: r.code, label: r.name }))} />
    </>
  )
}

/** The title offered for a follow-up meeting: the previous one's with " (lanjutan)", shortened to fit the form's 200 characters. */
function followUpTitle(previous: string): string {
  const suffix = ' (lanjutan)'
  const room = MEETING_TITLE_MAX - suffix.length
  return `${previous.length > room ? `${previous.slice(0, room - 1).trimEnd()}…` : previous}${suffix}`
}
