'use client'

import Link from 'next/link'
import { usePathname } from 'next/navigation'
import clsx from 'clsx'

/** The sections of the settings; the current one (including its sub-pages) is marked for assistive technology. */
export function ConfigTabs({ items, label }: { items: { href: string; label: string }[]; label: string }) {
  const pathname = usePathname()
  const current = items.find((i) => pathname === i.href || pathname.startsWith(`${i.href}/`))?.href
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
