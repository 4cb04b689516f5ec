import Link from 'next/link'
import clsx from 'clsx'

export type ViewLink = { key: string; href: string; label: string }

/**
 * Which part of one list is shown (all lines, the differing ones, those cut; unread or all notifications), as
 * pills that wrap on a phone: a row of tabs scrolled the chosen one out of sight at 390 px.
 */
export function ViewLinks({ label, views, current, className }: { label: string; views: ViewLink[]; current: string; className?: string }) {
  return (
    <nav aria-label={label} className={clsx('no-print mb-4 flex flex-wrap gap-2', className)}>
      {views.map((v) => (
        <Link
          key={v.key}
          href={v.href}
          aria-current={v.key === current ? 'page' : undefined}
          className={clsx('rounded-md px-3 py-1.5 text-sm font-medium', v.key === current ? 'bg-brand-600 text-white' : 'border border-slate-300 bg-white text-slate-700 hover:bg-slate-50')}
        >
          {v.label}
        </Link>
      ))}
    </nav>
  )
}
