'use client'

import Link from 'next/link'
import { usePathname } from 'next/navigation'
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
  return (
    <nav aria-label={label} className="-mt-2 mb-6 overflow-x-auto border-b border-slate-200">
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
