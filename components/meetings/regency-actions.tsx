import Link from 'next/link'
import { getLocale, getTranslations } from 'next-intl/server'
import { ActionStatusBadge } from '@/components/meetings/display'
import { actionOwnerName as ownerName } from '@/lib/meetings/labels'
import { getRegencyActions } from '@/lib/data/meetings'
import { formatDate, formatNumber } from '@/lib/format'
import { isOverdue } from '@/lib/meetings/rules'
import type { SessionUser } from '@/lib/session-user'

/** The regency dashboard's follow-ups: its open ones, the overdue ones marked, counted in SQL. */
export async function RegencyActions({ user, regencyCode, asOf }: { user: SessionUser; regencyCode: string; asOf: string }) {
  const [t, locale, data] = await Promise.all([getTranslations('meetings'), getLocale(), getRegencyActions({ user, regencyCode, asOf })])
  if (!data) return null
  const lang = locale === 'en' ? 'en' : 'id'
  return (
    <section className="break-inside-avoid rounded-lg border border-slate-200 bg-white p-4" data-testid="regency-actions">
      <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
        <h2 className="text-base font-semibold">{t('regency.title')}</h2>
        <Link href={`/tindak-lanjut?regency=${regencyCode}&status=open`} className="no-print text-sm font-medium text-brand-700 underline">{t('regency.all')} →</Link>
      </div>
      <p className="mb-3 text-sm text-slate-700" data-figure="actions">{t('regency.summary', { open: formatNumber(data.open, { locale: lang }), overdue: formatNumber(data.overdue, { locale: lang }), date: formatDate(asOf, { locale: lang }) })}</p>
      {data.rows.length > 0 && (
        <ul className="divide-y divide-slate-100 text-sm">
          {data.rows.map((a) => (
            <li key={a.id} className="flex flex-wrap items-start justify-between gap-2 py-2">
              <span>
                <Link href={`/tindak-lanjut/${a.id}`} className="font-medium text-brand-700 hover:underline" data-user-content>{a.title}</Link>
                <span className="block text-xs text-slate-500">{a.meeting.title} · {ownerName(a)} · {t('regency.due', { date: formatDate(a.dueDate, { locale: lang }) })}</span>
              </span>
              <ActionStatusBadge status={a.statusAt} overdue={isOverdue(a, asOf)} />
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
