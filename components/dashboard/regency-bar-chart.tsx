'use client'

import dynamic from 'next/dynamic'
import type { ComponentProps } from 'react'
import { ChartPlaceholder, OnScreen } from '@/components/charts/on-screen'
import type { RegencyBarChart as Chart } from './regency-bar-chart.recharts'

export type { RegencyBar } from './regency-bar-chart.recharts'

const load = () => import('./regency-bar-chart.recharts')
const Lazy = dynamic(() => load().then((m) => m.RegencyBarChart), { ssr: false, loading: ChartPlaceholder })

/** Regencies ranked by a percentage, with the province line; a bar opens the regency: the Recharts code is downloaded only when the chart comes on screen (or the page is printed). */
export function RegencyBarChart(props: ComponentProps<typeof Chart>) {
  return (
    <OnScreen load={load} className="w-full" style={{ height: Math.max(240, props.data.length * 24 + 48) }}>
      <Lazy {...props} />
    </OnScreen>
  )
}
