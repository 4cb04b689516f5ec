import Link from 'next/link'
import clsx from 'clsx'

export type Tab = { key: string; href: string; label: string }

/**
 * A row of section tabs (links); the current one is marked for assistive technology. `pills`: views of one
 * list (all lines, the differing ones; unread or all notifications) as buttons that wrap on a phone, where a
 * scrolling row of tabs left the chosen one out of sight at 390 px.
 */
export function Tabs({ label, tabs, current, variant = 'tabs' }: { label: string; tabs: Tab[]; current: string; variant?: 'tabs' | 'pills' }) {
  const pills = variant === 'pills'
  return (
    <nav aria-label={label} className={clsx('no-print', pills ? 'mb-4 flex flex-wrap gap-2' : 'mb-5 flex gap-1 overflow-x-auto border-b border-slate-200')}>
      {tabs.map((tab) => {
        const on = tab.key === current
        return (
          <Link
            key={tab.key}
            href={tab.href}
            aria-current={on ? 'page' : undefined}
            className={pills
              ? clsx('rounded-md px-3 py-1.5 text-sm font-medium', on ? 'bg-brand-600 text-white' : 'border border-slate-300 bg-white text-slate-700 hover:bg-slate-50')
              : clsx('whitespace-nowrap border-b-2 px-3 py-2 text-sm font-medium', on ? 'border-brand-600 text-brand-700' : 'border-transparent text-slate-600 hover:text-slate-900')}
          >
            {tab.label}
          </Link>
        )
      })}
    </nav>
  )
}
