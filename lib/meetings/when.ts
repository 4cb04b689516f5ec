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
