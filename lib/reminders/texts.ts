/**
 * A notification's sentence in the reader's language, from its kind and stored params (lib/i18n messages
 * `notifications.kind.*`): the same words on the list page, in the bell's list and in the e-mail.
 */
import { createTranslator } from 'use-intl/core'
import { formatDate, formatMonth, formatRupiah, type Locale } from '@/lib/format'
import { MESSAGES } from '@/lib/i18n/messages'
import { quarterLabel } from '@/lib/reporting/periods'
import type { NotificationKind } from '@/lib/generated/prisma/enums'

type Params = Record<string, unknown>

const str = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '')

/** The values a kind's message uses, formatted: dates as `15 Oktober 2026`, quarters as `Triwulan III`. */
function values(params: Params, locale: Locale): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(params)) out[k] = str(v)
  if (params.quarter !== undefined) out.quarter = quarterLabel(Number(params.quarter), locale)
  // a follow-up assigned ahead of its meeting said when the meeting is (`upcoming`). Notices are no longer sent before
  // the meeting begins (lib/reminders/scan.ts notifyActionAssigned); those stored earlier with the date still read so
  out.upcoming = typeof params.meetingOn === 'string' ? 'yes' : 'no'
  for (const k of ['deadline', 'dueDate', 'paidOn', 'meetingOn'] as const) if (typeof params[k] === 'string') out[k] = formatDate(params[k] as string, { locale })
  // amounts stored as numeric text (a claim's approved and claimed totals, a payment and what remains): Rupiah as the
  // pages write it, with sen when an amount has them (a notice about money is exact)
  for (const k of ['amount', 'remainder', 'claimed'] as const) if (typeof params[k] === 'string') out[k] = formatRupiah(params[k] as string, { locale, cents: true })
  if (typeof params.month === 'string') out.month = formatMonth(params.month, { locale })
  // an approval below what was claimed says by how much (`cut`: "none" when nothing was cut, or for a notice stored
  // before the claimed amount was)
  // a return that reopened an approved report (`reopened`: "yes"; "no", or a notice stored before it was kept)
  out.reopened = params.reopened === 'yes' ? 'yes' : 'no'
  out.cut = typeof params.cut === 'string' && Number(params.cut) > 0 ? formatRupiah(params.cut, { locale, cents: true }) : 'none'
  return out
}

/** The notification's title and sentence, e.g. "Laporan Triwulan III 2026 jatuh tempo 15 Oktober 2026". */
export function notificationText(kind: NotificationKind, params: unknown, locale: Locale = 'id'): { title: string; body: string } {
  const t = createTranslator({ locale, messages: MESSAGES[locale], namespace: 'notifications.kind' })
  const v = values(params && typeof params === 'object' ? (params as Params) : {}, locale)
  return { title: t(`${kind}.title`, v), body: t(`${kind}.body`, v) }
}
