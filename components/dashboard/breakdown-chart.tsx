'use client'

import dynamic from 'next/dynamic'
import type { ComponentProps } from 'react'
import { ChartPlaceholder, OnScreen } from '@/components/charts/on-screen'
import type { BreakdownChart as Chart } from './breakdown-chart.recharts'

export type { BreakdownBar } from './breakdown-chart.recharts'

const load = () => import('./breakdown-chart.recharts')
const Lazy = dynamic(() => load().then((m) => m.BreakdownChart), { ssr: false, loading: ChartPlaceholder })

/** Credit disbursed per group (bank, KBLI section, scale): the Recharts code is downloaded only when the chart comes on screen (or the page is printed). */
export function BreakdownChart(props: ComponentProps<typeof Chart>) {
  return (
    <OnScreen load={load} className="w-full" style={{ height: Math.max(120, props.data.length * 30 + 40) }}>
      <Lazy {...props} />
    </OnScreen>
  )
}
