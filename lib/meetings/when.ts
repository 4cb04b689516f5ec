import { jakartaDate, jakartaTime } from '@/lib/dates'
import { formatDate } from '@/lib/format'

/** When a meeting was, in Jakarta time: `18 September 2024, 09.00–13.00 WIB`, or across days. */
export function meetingWhen(m: { startsAt: Date; endsAt: Date }, locale: 'id' | 'en' = 'id'): string {
  const d = (x: Date) => formatDate(x, { locale })
  const h = (x: Date) => jakartaTime(x, locale)
  return jakartaDate(m.startsAt) === jakartaDate(m.endsAt)
    ? `${d(m.startsAt)}, ${h(m.startsAt)}–${h(m.endsAt)} WIB`
    : `${d(m.startsAt)} ${h(m.startsAt)} – ${d(m.endsAt)} ${h(m.endsAt)} WIB`
}

/**
 * Where a meeting is: venue and city, once each (a meeting "in Kota Malang" has the city as its venue, and the
 * invitation had read `Kota Malang, Kota Malang`); null when neither is recorded. Every screen, document and
 * the .ics say it this way.
 */
export function meetingPlace(m: { venue: string | null; city: string | null }): string | null {
  return [...new Set([m.venue?.trim(), m.city?.trim()].filter(Boolean))].join(', ') || null
}
