'use client'

import dynamic from 'next/dynamic'
import type { ComponentProps } from 'react'
import { ChartPlaceholder, OnScreen } from '@/components/charts/on-screen'
import type { RealisationChart as Chart } from './realisation-chart.recharts'

export type { MonthlyPoint } from './realisation-chart.recharts'

const load = () => import('./realisation-chart.recharts')
const Lazy = dynamic(() => load().then((m) => m.RealisationChart), { ssr: false, loading: ChartPlaceholder })

/** Cumulative monthly realisation against the target's pace: the Recharts code is downloaded only when the chart comes on screen (or the page is printed). */
export function RealisationChart(props: ComponentProps<typeof Chart>) {
  return (
    <OnScreen load={load} className="h-72 w-full">
      <Lazy {...props} />
    </OnScreen>
  )
}
