'use client'

import dynamic from 'next/dynamic'
import type { ComponentProps } from 'react'
import { ChartPlaceholder, OnScreen } from '@/components/charts/on-screen'
import type { TrendChart as Chart } from './trend-chart.recharts'

export type { TrendPoint } from './trend-chart.recharts'

const load = () => import('./trend-chart.recharts')
const Lazy = dynamic(() => load().then((m) => m.TrendChart), { ssr: false, loading: ChartPlaceholder })

/** A cooperative's capital, assets and business volume over its book years: the Recharts code is downloaded only when the chart comes on screen (or the page is printed). */
export function TrendChart(props: ComponentProps<typeof Chart>) {
  return (
    <OnScreen load={load} className="h-72 w-full">
      <Lazy {...props} />
    </OnScreen>
  )
}
