import { useTranslations } from 'next-intl'
import { Badge } from '@/components/ui/badge'
import { Table, Td, Th } from '@/components/ui/table'
import type { LoanScheduleRow } from '@/lib/data/disbursements'
import { formatDate, formatNumber, formatRate, formatRupiah } from '@/lib/format'

/** Why a period's subsidy is what it is, under the amount: coloured text, which wraps in a narrow column where a pill would not. */
const REASON_TEXT = { DUE: 'text-emerald-800', NO_INSTALMENT: 'text-amber-800', COLLECTIBILITY_5: 'text-red-800', AFTER_MATURITY: 'text-slate-600', NO_RATE_DIFFERENCE: 'text-slate-600' } as const
const STATE_TONE = { NOT_DUE: 'slate', NOT_REPORTED: 'amber', PAID: 'green', UNPAID: 'red' } as const

/**
 * Twelve columns fit a laptop's width (1280 px, the sidebar beside them) without scrolling sideways: headings
 * wrap onto two lines, cells have tight padding, the amounts carry their unit in the heading instead of each
 * cell, and the collectibility heading is the banks' own short form ("Kol."). A phone reads one card per period.
 */
const HEAD = 'whitespace-normal! px-1.5! align-bottom tracking-normal!'
const CELL = 'px-1.5!'

type Row = Pick<LoanScheduleRow, 'period' | 'end' | 'days' | 'openingBalance' | 'borrowerInstalment' | 'principal' | 'borrowerInterest' | 'bankRate' | 'rateDifference' | 'state' | 'collectibility' | 'subsidy' | 'reason'>

/** A loan's schedule as the bank reconciles it, period by period, with the subsidy due and why. */
export function LoanScheduleTable({ rows, locale }: { rows: Row[]; locale: 'id' | 'en' }) {
  const t = useTranslations('credit')
  const amount = (v: number) => formatNumber(v, { locale })
  const rupiah = (v: number) => formatRupiah(v, { locale })
  const pct = (v: number) => formatRate(v, { locale })
  const inRupiah = (label: string) => <>{label} <span className="normal-case">(Rp)</span></>
  const reasonLine = (r: Row) => r.reason !== 'DUE' && <span className={`block text-xs font-medium ${REASON_TEXT[r.reason as keyof typeof REASON_TEXT] ?? 'text-slate-600'}`}>{t(`reason_${r.reason}`)}</span>
  return (
    <>
    {/* phones: one card per period, the subsidy and its reason first (the twelve columns had scrolled sideways, the
        subsidy out of sight); wider screens and paper: the table */}
    <ul className="space-y-2 md:hidden print:hidden" aria-label={t('schedule')}>
      {rows.map((r) => (
        <li key={r.period} className="rounded-lg border border-slate-200 bg-white p-3 text-sm" data-period-card={r.period} data-state={r.state}>
          {/* the period a heading to move between cards by; its due date and the instalment's state each labelled, so
              "dibayar" reads as the borrower's instalment, not as the subsidy below it */}
          <h3 className="font-medium text-slate-900">{t('period')} {r.period}</h3>
          <p className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-slate-600">
            <span>{t('dueDate')}: <span className="text-slate-800">{formatDate(r.end, { locale })}</span></span>
            <span>{t('instalmentState')}: <Badge tone={STATE_TONE[r.state]}>{t(`state_${r.state}`)}</Badge></span>
          </p>
          <p className="mt-1"><span className="text-slate-600">{t('subsidyDue')}:</span> <span className="font-semibold tabular-nums">{rupiah(r.subsidy)}</span></p>
          {reasonLine(r)}
          <dl className="mt-2 grid grid-cols-2 gap-x-3 gap-y-1 text-xs">
            {([
              [t('openingBalance'), rupiah(r.openingBalance)], [t('borrowerInstalment'), rupiah(r.borrowerInstalment)],
              [t('principal'), rupiah(r.principal)], [t('borrowerInterest'), rupiah(r.borrowerInterest)],
              [t('bankRateShort'), pct(r.bankRate)], [t('rateDifference'), pct(r.rateDifference)],
              [t('days'), String(r.days)], [t('collectibility'), r.collectibility === null || r.collectibility === undefined ? '–' : String(r.collectibility)],
            ] as const).map(([k, v]) => (
              <div key={k} className="min-w-0"><dt className="text-slate-500">{k}</dt><dd className="tabular-nums text-slate-800">{v}</dd></div>
            ))}
          </dl>
        </li>
      ))}
    </ul>
    <div className="hidden md:block print:block">
    <Table caption={t('schedule')}>
      <thead>
        <tr>
          <Th className={HEAD}>{t('period')}</Th>
          <Th className={HEAD}>{t('dueDate')}</Th>
          <Th align="right" className={HEAD}>{t('days')}</Th>
          <Th align="right" className={HEAD}>{inRupiah(t('openingBalance'))}</Th>
          <Th align="right" className={HEAD}>{inRupiah(t('borrowerInstalment'))}</Th>
          <Th align="right" className={HEAD}>{inRupiah(t('principal'))}</Th>
          <Th align="right" className={HEAD}>{inRupiah(t('borrowerInterest'))}</Th>
          <Th align="right" className={HEAD}>{t('bankRateShort')}</Th>
          <Th align="right" className={HEAD}>{t('rateDifference')}</Th>
          <Th className={HEAD}>{t('instalmentState')}</Th>
          <Th align="right" className={HEAD}><abbr title={t('collectibility')} className="no-underline">{t('collectibilityShort')}</abbr></Th>
          <Th align="right" className={HEAD}>{inRupiah(t('subsidyDue'))}</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {rows.map((r) => (
          <tr key={r.period} data-period={r.period} data-state={r.state}>
            <Td className={CELL}>{r.period}</Td>
            <Td className={`${CELL} whitespace-nowrap`}>{formatDate(r.end, { locale })}</Td>
            <Td align="right" className={CELL}>{r.days}</Td>
            <Td align="right" className={CELL}>{amount(r.openingBalance)}</Td>
            <Td align="right" className={CELL}>{amount(r.borrowerInstalment)}</Td>
            <Td align="right" className={CELL}>{amount(r.principal)}</Td>
            <Td align="right" className={CELL}>{amount(r.borrowerInterest)}</Td>
            <Td align="right" className={CELL}>{pct(r.bankRate)}</Td>
            <Td align="right" className={CELL}>{pct(r.rateDifference)}</Td>
            <Td className={`${CELL} whitespace-nowrap`}><Badge tone={STATE_TONE[r.state]}>{t(`state_${r.state}`)}</Badge></Td>
            <Td align="right" className={CELL}>{r.collectibility ?? '–'}</Td>
            <Td align="right" className={CELL}>
              <span className="block">{amount(r.subsidy)}</span>
              {reasonLine(r)}
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
    </div>
    </>
  )
}
