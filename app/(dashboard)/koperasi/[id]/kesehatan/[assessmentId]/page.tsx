import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { getLocale, getTranslations } from 'next-intl/server'
import { PrintButton } from '@/components/dashboard/print-button'
import { OutcomeBadge } from '@/components/registers/badges'
import { Table, Td, Th } from '@/components/ui/table'
import { getHealthAssessment } from '@/lib/data/health'
import { formatDate, formatNumber, formatRupiah } from '@/lib/format'
import type { HealthAspect } from '@/lib/generated/prisma/enums'
import { HEALTH_ASPECT_KEYS, componentWords } from '@/lib/registers/health'
import { requirePermission } from '@/lib/session'
import type { SearchParams } from '@/lib/url'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('health.result'))('title') }
}

/**
 * One health assessment's result, printable on A4 under the app's letterhead: every component's value,
 * weight and score as recorded (never recomputed), the aspect scores, the total and the outcome, with
 * the template version that computed them.
 */
export default async function HealthResultPage({ params, searchParams }: { params: Promise<{ id: string; assessmentId: string }>; searchParams: Promise<SearchParams> }) {
  const user = await requirePermission('cooperatives.read')
  const [{ id, assessmentId }, sp] = await Promise.all([params, searchParams])
  if (!/^[A-Za-z0-9_-]{1,40}$/.test(assessmentId)) notFound()
  const a = await getHealthAssessment({ user, cooperativeId: id, id: assessmentId })
  if (!a) notFound()
  const [t, th, tr, tc, locale] = await Promise.all([getTranslations('health.result'), getTranslations('health'), getTranslations('registers'), getTranslations('cooperatives'), getLocale()])
  const lang = locale === 'en' ? 'en' : 'id'
  const num = (v: { toString(): string } | number, decimals = 2) => formatNumber(v.toString(), { decimals, locale: lang })
  const whole = (v: { toString(): string }) => (Number(v.toString()) % 1 === 0 ? num(v, 0) : num(v))
  const aspectScore: Record<HealthAspect, { toString(): string }> = {
    GOVERNANCE: a.governanceScore, RISK_PROFILE: a.riskProfileScore, FINANCIAL: a.financialScore, CAPITAL: a.capitalScore,
  }
  const coop = a.cooperative
  return (
    <article className="mx-auto max-w-[210mm] space-y-5 bg-white p-4 text-sm sm:p-8 print:max-w-none print:p-0" data-testid="health-result-page" data-print="document">
      {sp.disimpan && <p role="status" className="no-print rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-emerald-800">{t('saved')}</p>}
      <header className="border-b border-slate-300 pb-3">
        <div className="flex flex-wrap items-start justify-between gap-2">
          <div>
            <p className="text-xs font-semibold uppercase tracking-wide text-slate-500">{t('title')}</p>
            <h1 className="text-xl font-semibold text-slate-900" data-user-content>{coop.name}</h1>
            <p className="text-slate-700">{tc('nik')} {coop.nik} · {tr(`type.${coop.type}`)} · {coop.regency.name}</p>
          </div>
          <div className="no-print flex flex-wrap items-center gap-2">
            <Link href={`/koperasi/${coop.id}#penilaian`} className="text-sm text-brand-700 underline">← {t('back')}</Link>
            <PrintButton label={t('print')} />
          </div>
        </div>
        <dl className="mt-2 grid gap-x-6 gap-y-1 sm:grid-cols-3 print:grid-cols-3">
          <div><dt className="text-xs text-slate-500">{t('assessedOn')}</dt><dd>{formatDate(a.assessedOn, { locale: lang })}</dd></div>
          <div><dt className="text-xs text-slate-500">{t('assessor')}</dt><dd data-user-content>{a.assessor}</dd></div>
          <div><dt className="text-xs text-slate-500">{t('template')}</dt><dd>{a.template ? t('templateVersion', { version: a.templateVersion }) : t('legacyTemplate')}</dd></div>
        </dl>
      </header>

      <section aria-labelledby="r-summary" className="break-inside-avoid">
        <h2 id="r-summary" className="sr-only">{t('outcome')}</h2>
        <div className="flex flex-wrap items-center gap-x-8 gap-y-2 rounded-md border border-slate-300 px-4 py-3">
          <p>{t('total')}: <strong className="text-2xl" data-testid="result-total">{num(a.totalScore)}</strong></p>
          <p className="flex items-center gap-2">{t('outcome')}: <span data-testid="result-outcome"><OutcomeBadge outcome={a.outcome} label={tr(`outcome.${a.outcome}`)} /></span></p>
        </div>
        {a.template && (
          <p className="mt-1 text-xs text-slate-500">
            {t('bands', { sehat: num(a.template.bandSehat, 0), cukupSehat: num(a.template.bandCukupSehat, 0), dalamPengawasan: num(a.template.bandDalamPengawasan, 0) })}
          </p>
        )}
      </section>

      <Table caption={t('aspectScore')}>
        <thead><tr><Th>{t('aspect')}</Th><Th align="right">{t('aspectScore')}</Th></tr></thead>
        <tbody className="divide-y divide-slate-100">
          {HEALTH_ASPECT_KEYS.map((k) => <tr key={k}><Td>{th(`aspect.${k}`)}</Td><Td align="right">{num(aspectScore[k])}</Td></tr>)}
        </tbody>
      </Table>

      {a.answers.length === 0 ? (
        <p className="rounded-md border border-slate-200 bg-slate-50 px-3 py-2 text-slate-700">{t('legacy')}</p>
      ) : (
        HEALTH_ASPECT_KEYS.map((k) => {
          const rows = a.answers.filter((x) => x.component.aspect === k)
          if (rows.length === 0) return null
          return (
            <section key={k} className="break-inside-avoid" aria-labelledby={`r-${k}`}>
              <h2 id={`r-${k}`} className="mb-1 text-base font-semibold">{th(`aspect.${k}`)}</h2>
              <Table caption={th(`aspect.${k}`)}>
                <thead>
                  <tr><Th>{t('component')}</Th><Th align="right">{t('value')}</Th><Th align="right">{t('weight')}</Th><Th align="right">{t('score')}</Th></tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {rows.map((x) => (
                    <tr key={x.component.id}>
                      <Td>
                        <span className="mr-1 font-mono text-xs text-slate-500">{x.component.code}</span><span data-user-content>{componentWords(x.component, lang).label}</span>
                        {x.component.kind === 'RATIO' && x.numerator !== null && x.denominator !== null && (
                          <span className="block text-xs text-slate-500">
                            {formatRupiah(x.numerator, { locale: lang, cents: true })} ÷ {formatRupiah(x.denominator, { locale: lang, cents: true })} · {x.figuresYear ? t('fromYear', { year: x.figuresYear }) : t('entered')}
                          </span>
                        )}
                      </Td>
                      <Td align="right" className="whitespace-nowrap">
                        {x.component.kind === 'RATIO' ? `${num(x.value)}%` : x.component.kind === 'YES_NO' ? t(Number(x.value) === 1 ? 'yes' : 'no') : num(x.value, 0)}
                      </Td>
                      <Td align="right">{whole(x.component.weight)}</Td>
                      <Td align="right" className="font-medium">{whole(x.score)}</Td>
                    </tr>
                  ))}
                </tbody>
              </Table>
            </section>
          )
        })
      )}
      {a.notes && <p><span className="text-slate-500">{t('notes')}:</span> <span data-user-content>{a.notes}</span></p>}
    </article>
  )
}
