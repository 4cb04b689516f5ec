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
  const fmt = (v: number | null) => formatIndicatorValue(v, props.unit, props.decimals, props.locale)
  // the table holds every line the chart draws: the year's target too (a stock indicator's, drawn across the quarters),
  // which the quarters' own target column had shown as "–" beside a line at 84%; a column of quarter targets only when
  // there are some, or when there is no target at all (its "–" says so)
  const yearTarget = props.yearTarget ?? null
  const quarterTargets = props.data.some((p) => p.target !== null) || yearTarget === null
  return (
    <>
      <OnScreen load={load} className="h-72 w-full">
        <Lazy {...props} />
      </OnScreen>
      <ChartTable
        caption={props.labels.series}
        head={['', props.labels.series, ...(quarterTargets ? [props.labels.target] : []), ...(yearTarget !== null ? [props.labels.yearTarget] : [])]}
        rows={props.data.map((p) => [p.label, fmt(p.value), ...(quarterTargets ? [fmt(p.target)] : []), ...(yearTarget !== null ? [fmt(yearTarget)] : [])])}
      />
    </>
  )
}
