import Link from 'next/link'
import { getLocale, getTranslations } from 'next-intl/server'
import { measureText } from '@/components/activities/measure-text'
import { TargetProgress } from '@/components/activities/target-progress'
import { nearestProgrammeTargets } from '@/lib/data/programme-targets'
import { jakartaToday } from '@/lib/dates'
import { formatDate } from '@/lib/format'
import type { SessionUser } from '@/lib/session-user'

/**
 * The overview's "Target program terdekat": the running targets with the nearest deadlines, with their pace; on the
 * overview's "Per tanggal" (`asOf`) when one before today is chosen, as every other card there: the targets running
 * then, with their progress and pace on that day; and on its regency filter, that regency's own targets.
 */
export async function NearestTargetsCard({ user, asOf, regencyCode }: { user: SessionUser; asOf?: string; regencyCode?: string }) {
  const today = jakartaToday()
  const day = asOf && asOf < today ? asOf : today
  const [targets, t, a, locale] = await Promise.all([nearestProgrammeTargets({ user, limit: 3, today: day, regencyCode }), getTranslations('programmeTargets'), getTranslations('activities'), getLocale()])
  const lang = locale === 'en' ? 'en' : 'id'
  return (
    <section className="mt-6 break-inside-avoid rounded-lg border border-slate-200 bg-white p-4" data-testid="card-programme-targets" aria-labelledby="nearest-targets-title">
      <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
        <h2 id="nearest-targets-title" className="text-base font-semibold">
          {t('cardTitle')}
          {day !== today && <span className="font-normal text-slate-600" data-testid="nearest-targets-as-of"> · {t('cardAsOf', { date: formatDate(day, { locale: lang }) })}</span>}
        </h2>
        <Link href="/target-program" className="no-print text-sm font-medium text-brand-700 underline">{t('all')} →</Link>
      </div>
      {targets.length === 0 ? (
        <p className="text-sm text-slate-600">{t('cardEmpty')}</p>
      ) : (
        <ul className="grid gap-4 md:grid-cols-3">
          {targets.map((x) => (
            <li key={x.id} className="space-y-2">
              <div>
                <Link href={`/target-program/${x.id}`} className="text-sm font-medium text-brand-700 hover:underline" data-user-content>{x.name}</Link>
                <p className="text-xs text-slate-600">{measureText(x, t, a, lang)} · {x.regencyName ?? t('province')} · {formatDate(x.deadline, { locale: lang })}</p>
              </div>
              <TargetProgress target={x} compact asOf={day !== today ? day : undefined} />
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
