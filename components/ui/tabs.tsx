import Link from 'next/link'
import clsx from 'clsx'

export type Tab = { key: string; href: string; label: string }

/** A row of section tabs (links); the current one is marked for assistive technology. */
export function Tabs({ label, tabs, current }: { label: string; tabs: Tab[]; current: string }) {
  return (
    <nav aria-label={label} className="no-print mb-5 flex gap-1 overflow-x-auto border-b border-slate-200">
      {tabs.map((tab) => (
        <Link
          key={tab.key}
          href={tab.href}
          aria-current={tab.key === current ? 'page' : undefined}
          className={clsx('whitespace-nowrap border-b-2 px-3 py-2 text-sm font-medium', tab.key === current ? 'border-brand-600 text-brand-700' : 'border-transparent text-slate-600 hover:text-slate-900')}
        >
          {tab.label}
        </Link>
      ))}
    </nav>
  )
}
