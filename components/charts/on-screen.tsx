'use client'

import { useEffect, useRef, useState } from 'react'

/** Every chart frame on the page that has not loaded yet: printing loads them all first. */
const pending = new Set<() => Promise<unknown>>()

/**
 * Load every chart of the page now (before printing: a printed dashboard shows all its charts, also
 * those never scrolled to), and wait until each frame has drawn its chart: Recharts measures its box
 * first and draws a frame later, and a fixed pause printed some frames empty. Waits 5 s at most.
 */
export async function loadAllCharts(): Promise<void> {
  const tick = () => new Promise((resolve) => setTimeout(resolve, 100))
  await Promise.all([...pending].map((load) => load()))
  // a tick first: React swaps a static chart for the loading one only after the loads resolve
  await tick()
  const drawn = () => [...document.querySelectorAll('[data-chart-frame]')].every((f) => f.querySelector('svg'))
  for (const deadline = Date.now() + 5000; !drawn() && Date.now() < deadline;) await tick()
  await tick()
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
    <div ref={ref} className={className} style={style} data-chart-frame>
      {seen ? children : (fallback ?? <ChartPlaceholder />)}
    </div>
  )
}

/**
 * The placeholder a chart shows while its code loads. A frame still holding it is left out of print
 * (app/globals.css): the browser's own print (Ctrl+P) does not wait for chart code, and a grey box or a
 * blank the chart's height helps no reader; the page's "Cetak / PDF" loads every chart first.
 */
export function ChartPlaceholder() {
  return <div aria-hidden className="size-full animate-pulse rounded-md bg-slate-100" data-chart-placeholder />
}
