'use client'

import dynamic from 'next/dynamic'
import type { ComponentProps } from 'react'
import { ChartPlaceholder, OnScreen } from '@/components/charts/on-screen'
import { ChartTable } from '@/components/charts/chart-table'
import { formatMonthShort, formatRupiah } from '@/lib/format'
import type { AbsorptionChart as Chart } from './absorption-chart.recharts'

export type { AbsorptionPoint } from './absorption-chart.recharts'

const load = () => import('./absorption-chart.recharts')
const Lazy = dynamic(() => load().then((m) => m.AbsorptionChart), { ssr: false, loading: ChartPlaceholder })

/** Subsidy due and paid by month against the ceiling: the Recharts code is downloaded only when the chart comes on screen (or the page is printed). */
export function AbsorptionChart(props: ComponentProps<typeof Chart>) {
  return (
    <>
      <OnScreen load={load} className="h-72 w-full">
        <Lazy {...props} />
      </OnScreen>
      <ChartTable
        caption={`${props.labels.cumulative} / ${props.labels.ceiling}`}
        head={['', props.labels.due, props.labels.paid, props.labels.cumulative, props.labels.ceiling]}
        rows={props.data.map((p) => [formatMonthShort(p.month, { locale: props.locale }), formatRupiah(p.subsidyDue, { locale: props.locale }), formatRupiah(p.subsidyPaid, { locale: props.locale }), p.subsidyPaidCumulative === null ? '–' : formatRupiah(p.subsidyPaidCumulative, { locale: props.locale }), formatRupiah(p.subsidyCeiling, { locale: props.locale })])}
      />
    </>
  )
}
