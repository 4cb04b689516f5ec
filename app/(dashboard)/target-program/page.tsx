import type { Metadata } from 'next'
import Link from 'next/link'
import { getLocale, getTranslations } from 'next-intl/server'
import { Plus } from 'lucide-react'
import { measureText } from '@/components/activities/measure-text'
import { TargetProgress } from '@/components/activities/target-progress'
import { LinkButton } from '@/components/ui/button'
import { EmptyState } from '@/components/ui/empty-state'
import { PageHeader } from '@/components/ui/page-header'
import { findProgrammeTargets } from '@/lib/data/programme-targets'
import { formatDate } from '@/lib/format'
import { can } from '@/lib/permissions'
import { requirePermission } from '@/lib/session'
import { flatParams, type SearchParams } from '@/lib/url'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('programmeTargets'))('title') }
}

/** Every time-bound target in the user's scope, nearest deadline first, with progress counted from the data. */
export default async function ProgrammeTargetsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requirePermission('programmeTargets.read')
  const params = flatParams(await searchParams)
  const [targets, t, a, locale] = await Promise.all([findProgrammeTargets({ user }), getTranslations('programmeTargets'), getTranslations('activities'), getLocale()])
  const lang = locale === 'en' ? 'en' : 'id'
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} actions={can(user.role, 'programmeTargets.manage') && <LinkButton href="/target-program/baru"><Plus aria-hidden className="size-4" />{t('new')}</LinkButton>} />
      {params.dihapus && <p role="status" className="mb-4 rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-800">{t('deleted')}</p>}
      {targets.length === 0 ? (
        <EmptyState title={t('empty')}>{t('emptyHint')}</EmptyState>
      ) : (
        <ul className="grid gap-3 md:grid-cols-2" aria-label={t('title')}>
          {targets.map((x) => (
            <li key={x.id} className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
              <div>
                <Link href={`/target-program/${x.id}`} className="font-medium text-brand-700 hover:underline">{x.name}</Link>
                <p className="text-xs text-slate-600">
                  {measureText(x, t, a, lang)} · {x.regencyName ?? t('province')} · {t('window', { start: formatDate(x.startDate, { locale: lang }), deadline: formatDate(x.deadline, { locale: lang }) })}
                </p>
              </div>
              <TargetProgress target={x} />
            </li>
          ))}
        </ul>
      )}
      <p className="mt-6 max-w-3xl text-xs text-slate-600">{t('formula')}</p>
    </>
  )
}
