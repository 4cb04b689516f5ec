import clsx from 'clsx'
import { getTranslations } from 'next-intl/server'
import { ChartCard } from '@/components/dashboard/chart-card'
import { Table, Td, Th } from '@/components/ui/table'
import type { ClaimPipelineRow } from '@/lib/data/dashboard'
import { formatMonth, formatNumber, formatRupiah, type Locale } from '@/lib/format'

/** The claim pipeline of the credit dashboard: one row per claimed month, with the totals (read-only). */
export async function ClaimPipeline({ pipeline: { months: rows, total }, locale, exportHref }: { pipeline: { months: ClaimPipelineRow[]; total: ClaimPipelineRow | null }; locale: Locale; exportHref: string }) {
  const t = await getTranslations('dashboard')
  // approved: "–" while no claim of the month is approved yet, as on the claims list (Rp0 would read "approved at nothing")
  const money = (v: number | null) => (v === null ? '–' : formatRupiah(v, { locale }))
  const month = (m: string | null) => formatMonth(m ?? '', { locale })
  return (
    <ChartCard className="mt-6" title={t('credit.pipelineTitle')} exportHref={exportHref} exportLabel={t('export')} testId="claim-pipeline">
      <p className="mb-2 text-xs text-slate-600">{t('credit.pipelineHint')}</p>
      {rows.length === 0 ? <p className="text-sm text-slate-600">{t('credit.pipelineEmpty')}</p> : (
        <>
          {/* a phone gets one card per month and one for the totals (seven columns do not fit 390 px); from md up the table */}
          <ul className="space-y-2 md:hidden" aria-label={t('credit.pipelineTitle')}>
            {[...rows, ...(total ? [total] : [])].map((r) => {
              const isTotal = r === total
              return (
                <li key={isTotal ? 'total' : r.month} data-month-card={isTotal ? 'total' : r.month} className={clsx('rounded-lg border border-slate-200 p-3 text-sm', isTotal ? 'bg-slate-50' : 'bg-white')}>
                  <div className="flex items-baseline justify-between gap-3">
                    <span className="font-medium text-slate-900">{isTotal ? t('credit.pipelineTotal') : month(r.month)}</span>
                    <span className="text-xs text-slate-600">
                      {t('credit.pipelineClaims')} {formatNumber(r.claims, { locale })} · <span className={r.open > 0 ? 'font-semibold text-amber-700' : undefined}>{t('credit.pipelineOpen')} {formatNumber(r.open, { locale })}</span>
                    </span>
                  </div>
                  <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 text-xs text-slate-600">
                    <dt>{t('credit.pipelineClaimed')}</dt><dd className="text-right tabular-nums">{money(r.claimed)}</dd>
                    <dt>{t('credit.pipelineApproved')}</dt><dd className="text-right tabular-nums" data-approved>{money(r.approved)}</dd>
                    <dt>{t('credit.pipelinePaid')}</dt><dd className="text-right tabular-nums">{money(r.paid)}</dd>
                    <dt>{t('credit.pipelineUnpaid')}</dt><dd className={clsx('text-right tabular-nums', r.unpaid > 0 && 'font-semibold text-amber-700')}>{money(r.unpaid)}</dd>
                  </dl>
                </li>
              )
            })}
          </ul>
          <div className="hidden md:block">
            <Table caption={t('credit.pipelineTitle')}>
              <thead>
                <tr>
                  <Th>{t('credit.pipelineMonth')}</Th><Th align="right">{t('credit.pipelineClaims')}</Th><Th align="right">{t('credit.pipelineOpen')}</Th>
                  <Th align="right">{t('credit.pipelineClaimed')}</Th><Th align="right">{t('credit.pipelineApproved')}</Th><Th align="right">{t('credit.pipelinePaid')}</Th><Th align="right">{t('credit.pipelineUnpaid')}</Th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {rows.map((r) => (
                  <tr key={r.month} data-month={r.month}>
                    <Td className="whitespace-nowrap">{month(r.month)}</Td>
                    <Td align="right">{formatNumber(r.claims, { locale })}</Td>
                    <Td align="right" className={r.open > 0 ? 'font-semibold text-amber-700' : undefined}>{formatNumber(r.open, { locale })}</Td>
                    <Td align="right">{money(r.claimed)}</Td>
                    <Td align="right">{money(r.approved)}</Td>
                    <Td align="right">{money(r.paid)}</Td>
                    {/* approved and not yet paid: the province owes it, as "Terbuka" marks what waits for verification */}
                    <Td align="right" className={r.unpaid > 0 ? 'font-semibold text-amber-700' : undefined}>{money(r.unpaid)}</Td>
                  </tr>
                ))}
                {total && (
                  <tr className="bg-slate-50 font-semibold" data-month="total">
                    <Td>{t('credit.pipelineTotal')}</Td>
                    <Td align="right">{formatNumber(total.claims, { locale })}</Td><Td align="right">{formatNumber(total.open, { locale })}</Td>
                    <Td align="right">{money(total.claimed)}</Td><Td align="right">{money(total.approved)}</Td><Td align="right">{money(total.paid)}</Td><Td align="right">{money(total.unpaid)}</Td>
                  </tr>
                )}
              </tbody>
            </Table>
          </div>
        </>
      )}
    </ChartCard>
  )
}
