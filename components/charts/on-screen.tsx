'use client'

import { useEffect, useRef, useState } from 'react'

/** Every chart frame on the page that has not loaded yet: printing loads them all first. */
const pending = new Set<() => Promise<unknown>>()

/**
 * Load every chart of the page now (before printing: a printed dashboard shows all its charts, also
 * those never scrolled to), and give them a moment to lay out.
 */
export async function loadAllCharts(): Promise<void> {
  await Promise.all([...pending].map((load) => load()))
  await new Promise((resolve) => setTimeout(resolve, 300))
}

/**
 * A chart's frame of a fixed size that renders the chart (and so downloads its code: Recharts is
 * about 100 kB gzip) only once the frame comes near the screen. Until then a grey placeholder of the
 * same size keeps the layout still. With a `fallback` (a chart drawn without the library,
 * components/charts/static-chart.tsx) the frame shows that instead and loads the library only when
 * someone points at, touches or focuses the chart (for its tooltips), or prints: the first screen of a
 * dashboard then needs no chart code at all.
 */
export function OnScreen({ children, load, className, style, fallback }: { children: React.ReactNode; load: () => Promise<unknown>; className?: string; style?: React.CSSProperties; fallback?: React.ReactNode }) {
  const ref = useRef<HTMLDivElement>(null)
  const [seen, setSeen] = useState(false)
  const onDemand = fallback !== undefined
  useEffect(() => {
    if (seen) return
    // on demand, the static chart stays until the library's code is here (no grey flash in between)
    const show = onDemand ? () => load().then(() => setSeen(true)) : () => {
      setSeen(true)
      return load()
    }
    pending.add(show)
    const el = ref.current
    if (onDemand) {
      const events = ['pointerenter', 'touchstart', 'focusin'] as const
      const trigger = () => void show()
      events.forEach((e) => el?.addEventListener(e, trigger, { once: true, passive: true }))
      window.addEventListener('beforeprint', trigger)
      return () => {
        events.forEach((e) => el?.removeEventListener(e, trigger))
        window.removeEventListener('beforeprint', trigger)
        pending.delete(show)
      }
    }
    if (!el || typeof IntersectionObserver === 'undefined') {
      show()
      return () => void pending.delete(show)
    }
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) show()
    })
    observer.observe(el)
    window.addEventListener('beforeprint', show)
    return () => {
      observer.disconnect()
      window.removeEventListener('beforeprint', show)
      pending.delete(show)
    }
  }, [seen, load, onDemand])
  return (
    <div ref={ref} className={className} style={style}>
      {seen ? children : (fallback ?? <div aria-hidden className="size-full animate-pulse rounded-md bg-slate-100 print:hidden" />)}
    </div>
  )
}

/** The placeholder a chart shows while its code loads. */
export function ChartPlaceholder() {
  return <div aria-hidden className="size-full animate-pulse rounded-md bg-slate-100" />
}
