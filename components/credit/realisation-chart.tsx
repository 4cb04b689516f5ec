'use client'

import dynamic from 'next/dynamic'
import type { ComponentProps } from 'react'
import { ChartPlaceholder, OnScreen } from '@/components/charts/on-screen'
import { ChartTable } from '@/components/charts/chart-table'
import { StaticChart } from '@/components/charts/static-chart'
import { formatMonthShort, formatRupiah } from '@/lib/format'
import type { RealisationChart as Chart } from './realisation-chart.recharts'

export type { MonthlyPoint } from './realisation-chart.recharts'

const load = () => import('./realisation-chart.recharts')
const Lazy = dynamic(() => load().then((m) => m.RealisationChart), { ssr: false, loading: ChartPlaceholder })

/** Cumulative monthly realisation against the target's pace: drawn without a library first; the Recharts code (for its tooltips) is downloaded when someone points at the chart or prints. */
export function RealisationChart(props: ComponentProps<typeof Chart>) {
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
        caption={`${props.labels.cumulative} / ${props.labels.pace}`}
        head={['', props.labels.monthly, props.labels.cumulative, props.labels.pace]}
        rows={props.data.map((p) => [formatMonthShort(p.month, { locale: props.locale }), formatRupiah(p.disbursed, { locale: props.locale }), p.cumulative === null ? '–' : formatRupiah(p.cumulative, { locale: props.locale }), formatRupiah(p.targetPace, { locale: props.locale })])}
      />
    </>
  )
}
