import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { getLocale, getTranslations } from 'next-intl/server'
import { FileDown } from 'lucide-react'
import { PrintButton } from '@/components/dashboard/print-button'
import { buttonClass } from '@/components/ui/button'
import { ActionStatusBadge } from '@/components/meetings/display'
import { actionOwnerName as ownerName } from '@/lib/meetings/labels'
import { getBriefing } from '@/lib/data/meetings'
import { meetingPlace, meetingWhen } from '@/lib/meetings/when'
import { formatDate, formatNumber, formatPercent, formatRupiah, formatRupiahShort } from '@/lib/format'
import { isOverdue } from '@/lib/meetings/rules'
import { quarterLabel } from '@/lib/reporting/periods'
import { requirePermission } from '@/lib/session'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('meetings'))('briefing.title') }
}

/**
 * The briefing pack (bahan rapat): one printable A4 page with the current figures of the programmes
 * and indicators the meeting's outcomes are linked to (the dashboards' own functions, each "per" its
 * as-of date) and where the previous meeting's follow-ups stand. "Cetak / simpan PDF" prints it or
 * saves it as a PDF a phone can share.
 */
export default async function BriefingPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission('meetings.read')
  const { id } = await params
  if (!/^[A-Za-z0-9_-]{1,40}$/.test(id)) notFound()
  const briefing = await getBriefing({ user, id })
  if (!briefing) notFound()
  const [t, locale] = await Promise.all([getTranslations('meetings'), getLocale()])
  const lang = locale === 'en' ? 'en' : 'id'
  const { meeting, programs, indicators, previous, previousHidden, today } = briefing
  const pct = (v: number | null) => formatPercent(v, { locale: lang })
  const money = (v: number) => formatRupiahShort(v, { locale: lang })
  const indicatorValue = (v: number | null, unit: string, decimals: number) =>
    v === null ? t('briefing.noValue') : unit === 'PERCENT' ? formatPercent(v, { decimals, locale: lang }) : unit === 'RUPIAH' ? formatRupiah(v, { locale: lang }) : formatNumber(v, { decimals, locale: lang })
  return (
    <article className="briefing mx-auto max-w-[210mm] space-y-5 bg-white p-4 text-sm sm:p-8 print:max-w-none print:p-0" data-testid="briefing" data-print="document">
      <header className="border-b border-slate-300 pb-3">
        <div className="flex flex-wrap items-start justify-between gap-2">
          <div>
            <p className="text-xs font-semibold uppercase tracking-wide text-slate-500">{t('briefing.title')}</p>
            <h1 className="text-xl font-semibold text-slate-900">{meeting.title}</h1>
            <p className="text-slate-700">{t(`typeLong.${meeting.type}`)} · {meetingWhen(meeting, lang)} · {meetingPlace(meeting) ?? '–'}</p>
          </div>
          <div className="no-print flex flex-wrap items-center gap-2">
            <Link href={`/rapat/${meeting.id}`} className="text-sm text-brand-700 underline">← {t('tabs.meetings')}</Link>
            <a href={`/api/rapat/${meeting.id}/bahan`} className={buttonClass('secondary')} data-testid="briefing-pdf"><FileDown aria-hidden className="size-4" />{t('briefing.pdf')}</a>
            <PrintButton label={t('briefing.print')} />
          </div>
        </div>
        <p className="mt-1 text-xs text-slate-500">{t('briefing.subtitle')}</p>
      </header>

      <section aria-labelledby="b-programs" className="break-inside-avoid">
        <h2 id="b-programs" className="mb-2 text-base font-semibold">{t('briefing.programs')}</h2>
        {/* linked indicators are listed below: then only the programmes are missing */}
        {programs.length === 0 && <p className="text-slate-600">{t(indicators.length ? 'briefing.noPrograms' : 'briefing.noLinks')}</p>}
        <div className="grid gap-3 sm:grid-cols-2 print:grid-cols-2">
          {programs.map((p) => (
            <div key={p.program.id} className="rounded-md border border-slate-200 p-3" data-program={p.program.code}>
              <h3 className="font-semibold">{p.program.name} <span className="text-xs font-normal text-slate-500">{t('briefing.per', { date: formatDate(p.asOf, { locale: lang }) })}</span></h3>
              <dl className="mt-2 grid grid-cols-1 gap-2 sm:grid-cols-3 print:grid-cols-3">
                <div className="min-w-0 break-words">
                  <dt className="text-xs text-slate-500">{t('briefing.realisation')}</dt>
                  <dd className="text-lg font-semibold tabular-nums" data-figure="realisation">{pct(p.realisationPct)}</dd>
                  {/* short amounts, as the subsidy beside it: the full ones broke mid-number in a third of the page; the full
                      figure stays in the tooltip and in data-amount */}
                  <dd className="text-xs text-slate-600" data-figure="disbursed" data-amount={formatRupiah(p.disbursed, { locale: lang })} title={t('briefing.ofTarget', { amount: formatRupiah(p.disbursed, { locale: lang }), target: formatRupiah(p.creditTarget, { locale: lang }) })}>{t('briefing.ofTarget', { amount: money(p.disbursed), target: money(p.creditTarget) })}</dd>
                </div>
                <div className="min-w-0 break-words">
                  <dt className="text-xs text-slate-500">{t('briefing.absorption')}</dt>
                  <dd className="text-lg font-semibold tabular-nums" data-figure="absorption">{pct(p.absorptionPct)}</dd>
                  <dd className="text-xs text-slate-600">{t('briefing.ofCeiling', { paid: money(p.subsidyPaid), ceiling: money(p.subsidyCeiling) })}</dd>
                </div>
                <div>
                  <dt className="text-xs text-slate-500">{t('briefing.beneficiaries')}</dt>
                  <dd className="text-lg font-semibold tabular-nums">{formatNumber(p.beneficiaries, { locale: lang })}</dd>
                  {p.beneficiaryTarget ? <dd className="text-xs text-slate-600" data-figure="beneficiary-target">{t('briefing.ofBeneficiaryTarget', { target: formatNumber(p.beneficiaryTarget, { locale: lang }) })}</dd> : null}
                </div>
              </dl>
            </div>
          ))}
        </div>
      </section>

      {indicators.length > 0 && (
        <section aria-labelledby="b-indicators" className="break-inside-avoid">
          <h2 id="b-indicators" className="mb-2 text-base font-semibold">{t('briefing.indicators')}</h2>
          <ul className="divide-y divide-slate-100 rounded-md border border-slate-200">
            {indicators.map((i) => (
              <li key={`${i.indicator.code}-${i.regency ?? ''}`} className="flex flex-wrap items-baseline justify-between gap-2 p-3" data-indicator={i.indicator.code}>
                <span className="font-medium">{lang === 'en' ? i.indicator.nameEn : i.indicator.name}{i.regency && <span className="text-slate-500"> · {i.regency}</span>}</span>
                <span className="tabular-nums">
                  {t('briefing.indicatorValue', { value: indicatorValue(i.cell.value, i.indicator.unit, i.indicator.decimals), target: i.cell.target === null ? t('briefing.noTarget') : indicatorValue(i.cell.target, i.indicator.unit, i.indicator.decimals) })}
                  {i.cell.achievement !== null && <strong> ({pct(i.cell.achievement)})</strong>}
                  <span className="ml-1 text-xs text-slate-500">{t('briefing.per', { date: i.quarter ? `${quarterLabel(i.quarter as 1, lang)} ${i.year}` : String(i.year) })}</span>
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="b-previous" className="break-inside-avoid">
        <h2 id="b-previous" className="mb-2 text-base font-semibold" data-testid="briefing-previous">
          {previous ? t('briefing.previousActions', { title: previous.title, date: formatDate(previous.startsAt, { locale: lang }) }) : t(previousHidden ? 'briefing.previousHidden' : 'briefing.noPrevious')}
        </h2>
        {previous && (previous.actions.length === 0 ? <p className="text-slate-600">{t('detail.noActions')}</p> : (
          // on a phone each follow-up reads as a block (title, owner, then due date and status): four columns had
          // scrolled sideways with the title one word per line
          <table className="block w-full text-left text-sm sm:table">
            <thead className="hidden sm:table-header-group"><tr className="border-b border-slate-300 text-xs uppercase text-slate-500"><th className="py-1 pr-2">{t('actions.columns.action')}</th><th className="py-1 pr-2">{t('actions.columns.owner')}</th><th className="py-1 pr-2">{t('actions.columns.due')}</th><th className="py-1">{t('actions.columns.status')}</th></tr></thead>
            <tbody className="block divide-y divide-slate-100 sm:table-row-group">
              {previous.actions.map((a) => (
                <tr key={a.id} className="block py-2 sm:table-row sm:py-0">
                  <td className="block font-medium sm:table-cell sm:py-1.5 sm:pr-2 sm:font-normal">{a.title}</td>
                  <td className="block text-slate-700 sm:table-cell sm:py-1.5 sm:pr-2">{ownerName(a)}</td>
                  <td className="inline-block whitespace-nowrap pr-2 sm:table-cell sm:py-1.5">{formatDate(a.dueDate, { locale: lang })}</td>
                  <td className="inline-block sm:table-cell sm:py-1.5"><ActionStatusBadge status={a.status} overdue={isOverdue(a, today)} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
      </section>
      <footer className="border-t border-slate-200 pt-2 text-xs text-slate-500">{t('briefing.generated', { date: formatDate(today, { locale: lang }) })}</footer>
    </article>
  )
}
