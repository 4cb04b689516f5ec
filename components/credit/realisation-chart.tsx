'use client'

import dynamic from 'next/dynamic'
import type { ComponentProps } from 'react'
import { ChartPlaceholder, OnScreen } from '@/components/charts/on-screen'
import { ChartTable } from '@/components/charts/chart-table'
import { StaticChart } from '@/components/charts/static-chart'
import { formatMonthShort, formatRupiahAxis } from '@/lib/format'
import type { RealisationChart as Chart } from './realisation-chart.recharts'

export type { MonthlyPoint } from './realisation-chart.recharts'

const load = () => import('./realisation-chart.recharts')
const Lazy = dynamic(() => load().then((m) => m.RealisationChart), { ssr: false, loading: ChartPlaceholder })

/** Cumulative monthly realisation against the target's pace: drawn without a library first; the Recharts code (for its tooltips) is downloaded when someone points at the chart or prints. */
export function RealisationChart(props: ComponentProps<typeof Chart>) {
  // the table's amounts as the axis writes them, as the subsidy chart's beside it, whose four exact amounts did not fit
  // a half-width card on a desktop (the exact ones are in the card's .xlsx)
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
            label={`${props.labels.cumulative} / ${props.labels.pace}`}
            series={[
              { key: 'disbursed', name: props.labels.monthly, color: '#9fd3b0', kind: 'bar' },
              { key: 'cumulative', name: props.labels.cumulative, color: '#23703f', kind: 'line' },
              { key: 'targetPace', name: props.labels.pace, color: '#64748b', kind: 'line', dashed: true },
            ]}
          />
        }
      >
        <Lazy {...props} />
      </OnScreen>
      <ChartTable
        rounded
        caption={`${props.labels.cumulative} / ${props.labels.pace}`}
        head={['', props.labels.monthly, props.labels.cumulative, props.labels.pace]}
        rows={props.data.map((p) => [formatMonthShort(p.month, { locale: props.locale }), money(p.disbursed), p.cumulative === null ? '–' : money(p.cumulative), money(p.targetPace)])}
      />
    </>
  )
}
