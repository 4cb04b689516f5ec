'use client'

import dynamic from 'next/dynamic'
import type { ComponentProps } from 'react'
import { ChartPlaceholder, OnScreen } from '@/components/charts/on-screen'
import { ChartTable } from '@/components/charts/chart-table'
import { StaticChart } from '@/components/charts/static-chart'
import { formatMonthShort, formatRupiahAxis } from '@/lib/format'
import type { AbsorptionChart as Chart } from './absorption-chart.recharts'

export type { AbsorptionPoint } from './absorption-chart.recharts'

const load = () => import('./absorption-chart.recharts')
const Lazy = dynamic(() => load().then((m) => m.AbsorptionChart), { ssr: false, loading: ChartPlaceholder })

/** Subsidy due and paid by month against the ceiling: drawn without a library first; the Recharts code (for its tooltips) is downloaded when someone points at the chart or prints. */
export function AbsorptionChart(props: ComponentProps<typeof Chart>) {
  // the table's amounts as the axis writes them (the exact ones are in the card's .xlsx): exact, four of them did not
  // fit a half-width card on a desktop
  const money = (v: number) => formatRupiahAxis(v, { locale: props.locale, decimals: 2 })
  return (
    <>
      <OnScreen
        load={load}
        className="h-72 w-full"
        fallback={
          <StaticChart
            data={props.data}
            locale={props.locale ?? 'id'}
            label={`${props.labels.cumulative} / ${props.labels.ceiling}`}
            series={[
              { key: 'subsidyDue', name: props.labels.due, color: '#cbd5e1', kind: 'bar' },
              { key: 'subsidyPaid', name: props.labels.paid, color: '#f0b35a', kind: 'bar' },
              { key: 'subsidyPaidCumulative', name: props.labels.cumulative, color: '#b45309', kind: 'line' },
              { key: 'subsidyCeiling', name: props.labels.ceiling, color: '#dc2626', kind: 'line', dashed: true },
            ]}
          />
        }
      >
        <Lazy {...props} />
      </OnScreen>
      <ChartTable
        rounded
        caption={`${props.labels.cumulative} / ${props.labels.ceiling}`}
        head={['', props.labels.due, props.labels.paid, props.labels.cumulative, props.labels.ceiling]}
        rows={props.data.map((p) => [formatMonthShort(p.month, { locale: props.locale }), money(p.subsidyDue), money(p.subsidyPaid), p.subsidyPaidCumulative === null ? '–' : money(p.subsidyPaidCumulative), money(p.subsidyCeiling)])}
      />
    </>
  )
}
