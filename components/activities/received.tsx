import Link from 'next/link'
import { getLocale, getTranslations } from 'next-intl/server'
import { Section } from '@/components/registers/badges'
import { activitiesReceived } from '@/lib/data/activities'
import { formatDate } from '@/lib/format'
import type { SessionUser } from '@/lib/session-user'

/** What a cooperative or an MSME received (its people's certifications among them), on its register page. */
export async function ActivitiesReceived({ user, cooperativeId, msmeId }: { user: SessionUser; cooperativeId?: string; msmeId?: string }) {
  const [rows, t, locale] = await Promise.all([activitiesReceived({ user, cooperativeId, msmeId }), getTranslations('activities'), getLocale()])
  const lang = locale === 'en' ? 'en' : 'id'
  return (
    <Section title={t('received.title')} id="pembinaan">
      {rows.length === 0 ? (
        <p className="text-sm text-slate-600">{t('received.empty')}</p>
      ) : (
        <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white text-sm" data-testid="activities-received">
          {rows.map((r) => (
            <li key={r.id} className="flex flex-wrap items-baseline justify-between gap-2 px-4 py-2">
              <span>
                {r.readable ? <Link href={`/kegiatan/${r.activity.id}`} className="font-medium text-brand-700 hover:underline">{r.activity.title}</Link> : <span className="font-medium">{r.activity.title}</span>}
                <span className="text-slate-600"> · {t(`kind.${r.activity.kind}`)}</span>
                {r.type === 'PERSON' && <span className="block text-slate-600">{r.personName}{r.personRole ? ` (${t('received.as', { role: r.personRole })})` : ''}{r.certificateNumber ? ` · ${r.certificateNumber}` : ''}</span>}
              </span>
              <span className="whitespace-nowrap text-xs text-slate-500">{formatDate(r.activity.endDate ?? r.activity.startDate, { locale: lang })}</span>
            </li>
          ))}
        </ul>
      )}
    </Section>
  )
}
