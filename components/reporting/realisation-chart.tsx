'use client'

import dynamic from 'next/dynamic'
import type { ComponentProps } from 'react'
import { ChartPlaceholder, OnScreen } from '@/components/charts/on-screen'
import { ChartTable } from '@/components/charts/chart-table'
import { formatIndicatorValue } from '@/lib/reporting/display'
import type { RealisationChart as Chart } from './realisation-chart.recharts'

export type { RealisationPoint } from './realisation-chart.recharts'

const load = () => import('./realisation-chart.recharts')
const Lazy = dynamic(() => load().then((m) => m.RealisationChart), { ssr: false, loading: ChartPlaceholder })

/** An indicator over the quarters against its target: the Recharts code is downloaded only when the chart comes on screen (or the page is printed). */
export function RealisationChart(props: ComponentProps<typeof Chart>) {
  return (
    <>
      <OnScreen load={load} className="h-72 w-full">
        <Lazy {...props} />
      </OnScreen>
      <ChartTable
        caption={props.labels.series}
        head={['', props.labels.series, props.labels.target]}
        rows={props.data.map((p) => [p.label, formatIndicatorValue(p.value, props.unit, props.decimals, props.locale), formatIndicatorValue(p.target, props.unit, props.decimals, props.locale)])}
      />
    </>
  )
}
