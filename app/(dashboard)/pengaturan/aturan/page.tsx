import type { Metadata } from 'next'
import Link from 'next/link'
import { getLocale, getTranslations } from 'next-intl/server'
import { Plus } from 'lucide-react'
import { Badge } from '@/components/ui/badge'
import { LinkButton } from '@/components/ui/button'
import { ConfirmAction } from '@/components/ui/confirm-action'
import { EmptyState } from '@/components/ui/empty-state'
import { Table, Td, Th } from '@/components/ui/table'
import { setValidationRuleActive } from '@/lib/actions/validation-rules'
import { findRulesForAdmin } from '@/lib/data/validation-rules'
import { formatDateTime, formatNumber } from '@/lib/format'
import { requirePermission } from '@/lib/session'
import { flatParams, type SearchParams } from '@/lib/url'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('config'))('tabs.rules') }
}

/** The validation rules of the quarterly report: what each checks, how strictly, and whether it applies. */
export default async function RulesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requirePermission('config.manage')
  const params = flatParams(await searchParams)
  const [t, tc, locale, rules] = await Promise.all([getTranslations('config.rules'), getTranslations('config'), getLocale(), findRulesForAdmin({ user })])
  const lang = locale === 'en' ? 'en' : 'id'
  const n = (v: number | null) => (v === null ? '' : formatNumber(v, { decimals: Number.isInteger(v) ? 0 : 2, locale: lang }))
  const every = t('everyIndicatorShort')
  const condition = (r: (typeof rules)[number]) => {
    if (r.kind === 'LESS_OR_EQUAL') return t('condition.lessOrEqual', { indicator: r.indicatorCode ?? every, other: r.otherIndicatorCode ?? '' })
    if (r.kind === 'MAX_CHANGE') return t('condition.maxChange', { indicator: r.indicatorCode ?? every, threshold: n(r.thresholdPercent) })
    if (r.min !== null && r.max !== null) return t('condition.between', { indicator: r.indicatorCode ?? every, min: n(r.min), max: n(r.max) })
    if (r.min !== null) return t('condition.atLeast', { indicator: r.indicatorCode ?? every, min: n(r.min) })
    return t('condition.atMost', { indicator: r.indicatorCode ?? every, max: n(r.max) })
  }
  return (
    <section aria-labelledby="rules-title" className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="rules-title" className="text-lg font-semibold text-slate-900">{tc('tabs.rules')} · {formatNumber(rules.length, { locale: lang })}</h2>
        <LinkButton href="/pengaturan/aturan/baru"><Plus aria-hidden className="size-4" />{t('new')}</LinkButton>
      </div>
      <p className="max-w-3xl text-sm text-slate-600">{t('intro')}</p>
      {params.disimpan && <p role="status" className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-800">{t('saved', { code: params.disimpan })}</p>}
      {rules.length === 0 ? (
        <EmptyState title={t('empty')} />
      ) : (
        <Table caption={tc('tabs.rules')}>
          <thead>
            <tr>
              <Th>{t('col.code')}</Th>
              <Th>{t('col.condition')}</Th>
              <Th>{t('col.severity')}</Th>
              <Th>{t('col.message')}</Th>
              <Th>{t('col.changed')}</Th>
              <Th>{t('col.actions')}</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rules.map((r) => (
              <tr key={r.code} data-testid={`rule-${r.code}`} className={r.active ? undefined : 'bg-slate-50 text-slate-500'}>
                <Td className="font-mono text-xs">
                  {r.code}
                  {!r.active && <span className="ml-2"><Badge tone="slate">{t('inactive')}</Badge></span>}
                </Td>
                <Td className="text-sm">{condition(r)}</Td>
                <Td><Badge tone={r.severity === 'ERROR' ? 'red' : 'amber'}>{t(`severityValue.${r.severity}`)}</Badge></Td>
                <Td className="max-w-sm text-sm">{lang === 'en' ? r.messageEn : r.message}</Td>
                <Td className="whitespace-nowrap text-xs">{formatDateTime(r.updatedAt, { locale: lang })}</Td>
                <Td className="whitespace-nowrap">
                  <div className="flex flex-wrap items-start gap-2">
                    <Link href={`/pengaturan/aturan/${r.code}`} className="text-sm text-brand-700 underline-offset-2 hover:underline">{t('edit')}</Link>
                    <ConfirmAction
                      action={setValidationRuleActive}
                      fields={{ code: r.code, version: String(r.version), active: String(!r.active) }}
                      label={r.active ? t('deactivate') : t('activate')}
                      title={r.active ? t('deactivateTitle', { code: r.code }) : t('activateTitle', { code: r.code })}
                      body={r.active ? t('deactivateBody') : t('activateBody')}
                      confirmLabel={r.active ? t('deactivate') : t('activate')}
                      variant={r.active ? 'danger' : 'secondary'}
                    />
                  </div>
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </section>
  )
}
