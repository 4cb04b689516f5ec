'use client'

import Link from 'next/link'
import { usePathname } from 'next/navigation'
import { useEffect, useRef } from 'react'
import clsx from 'clsx'

/**
 * The tabs of a section (quarterly reporting, programme settings). The current tab is the one whose
 * address is the longest prefix of the page's, so a tab also covers the pages below it (the reports
 * list covers each report's page) and is marked for assistive technology.
 */
export function SectionTabs({ items, label }: { items: { href: string; label: string }[]; label: string }) {
  const pathname = usePathname()
  const current = items
    .filter((i) => pathname === i.href || pathname.startsWith(`${i.href}/`))
    .reduce<string | undefined>((best, i) => (!best || i.href.length > best.length ? i.href : best), undefined)
  const nav = useRef<HTMLElement>(null)
  // on a phone the strip is wider than the screen: the open section's tab is brought into the middle of it (the
  // holidays' tab had stayed off-screen, and nothing on the screen said which section was open)
  useEffect(() => {
    const strip = nav.current
    const tab = strip?.querySelector<HTMLElement>('[aria-current="page"]')
    if (!strip || !tab || strip.scrollWidth <= strip.clientWidth) return
    strip.scrollLeft = tab.offsetLeft - (strip.clientWidth - tab.offsetWidth) / 2
  }, [current])
  return (
    <nav ref={nav} aria-label={label} className="relative -mt-2 mb-6 overflow-x-auto border-b border-slate-200">
      <ul className="flex min-w-max gap-1">
        {items.map((i) => (
          <li key={i.href}>
            <Link
              href={i.href}
              aria-current={i.href === current ? 'page' : undefined}
              className={clsx(
                'inline-block border-b-2 px-3 py-2 text-sm font-medium',
                i.href === current ? 'border-brand-600 text-brand-700' : 'border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900',
              )}
            >
              {i.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  )
}
