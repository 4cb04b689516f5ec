import type { Metadata } from 'next'
import Link from 'next/link'
import { getLocale, getTranslations } from 'next-intl/server'
import { Plus } from 'lucide-react'
import { CreditNav } from '@/components/credit/credit-nav'
import { LinkButton } from '@/components/ui/button'
import { EmptyState } from '@/components/ui/empty-state'
import { PageHeader } from '@/components/ui/page-header'
import { getProgramCards } from '@/lib/data/credit'
import { listPrograms } from '@/lib/data/disbursements'
import { formatDate, formatNumber, formatPercent, formatRupiahShort } from '@/lib/format'
import { can } from '@/lib/permissions'
import { requirePermission } from '@/lib/session'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('credit'))('title') }
}

export default async function CreditPage() {
  const user = await requirePermission('credit.read')
  const [t, locale, programs] = await Promise.all([getTranslations('credit'), getLocale(), listPrograms({ user })])
  const lang = locale === 'en' ? 'en' : 'id'
  // a district officer's cards show its own regency; everyone else the province (a bank officer its bank)
  const regencyCode = user.role === 'DISTRICT_OFFICER' ? user.regencyCode! : undefined
  // every programme's card in one grouped query (one summary per programme had grown with every year's programmes)
  const summaries = await getProgramCards({ user, programIds: programs.map((p) => p.id), regencyCode })
  return (
    <>
      <PageHeader
        title={t('title')}
        description={t('description')}
        actions={can(user.role, 'credit.configure') && <LinkButton href="/kredit/baru"><Plus aria-hidden className="size-4" />{t('newProgram')}</LinkButton>}
      />
      <CreditNav user={user} current="programs" />
      {summaries.length === 0 ? (
        <EmptyState title={t('programsEmpty')}>{t('programsEmptyHint')}</EmptyState>
      ) : (
        <div className="grid gap-4 md:grid-cols-2">
          {summaries.map((s) => (
            <Link key={s.program.id} href={`/kredit/${s.program.id}`} className="block rounded-lg border border-slate-200 bg-white p-5 hover:border-brand-500" data-testid={`program-${s.program.code}`}>
              <div className="flex items-baseline justify-between gap-2">
                <h2 className="text-lg font-semibold text-slate-900">{s.program.name}</h2>
                <span className="text-xs text-slate-500">{t('asOf', { date: formatDate(s.asOf, { locale: lang }) })}</span>
              </div>
              <dl className="mt-3 grid grid-cols-2 gap-3 text-sm">
                <div>
                  <dt className="text-slate-500">{t('realisation')}</dt>
                  <dd className="text-xl font-semibold tabular-nums">{formatPercent(s.realisationPct, { locale: lang })}</dd>
                  <dd className="text-xs text-slate-600">{formatRupiahShort(s.disbursed, { locale: lang })} {t('ofTarget', { target: formatRupiahShort(s.creditTarget, { locale: lang }) })}</dd>
                </div>
                <div>
                  <dt className="text-slate-500">{t('absorption')}</dt>
                  <dd className="text-xl font-semibold tabular-nums">{formatPercent(s.absorptionPct, { locale: lang })}</dd>
                  <dd className="text-xs text-slate-600">{t('ofCeiling', { paid: formatRupiahShort(s.subsidyPaid, { locale: lang }), ceiling: formatRupiahShort(s.subsidyCeiling, { locale: lang }) })}</dd>
                </div>
                <div>
                  <dt className="text-slate-500">{t('beneficiaries')}</dt>
                  <dd className="font-semibold tabular-nums">{formatNumber(s.beneficiaries, { locale: lang })}</dd>
                </div>
                <div>
                  <dt className="text-slate-500">{t('averagePlafond')}</dt>
                  <dd className="font-semibold tabular-nums">{formatRupiahShort(s.averagePlafond, { locale: lang })}</dd>
                </div>
              </dl>
            </Link>
          ))}
        </div>
      )}
    </>
  )
}
