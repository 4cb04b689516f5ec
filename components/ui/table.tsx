import Link from 'next/link'
import clsx from 'clsx'
import { ArrowDown, ArrowUp, ArrowUpDown } from 'lucide-react'
import { hrefWith } from '@/lib/url'

/**
 * A table that scrolls sideways inside its card on a phone instead of widening the page. `relative`: a
 * `sr-only` text in a cell is absolutely positioned, and without a positioned scroller it escaped it and
 * widened the page (a cooperative's page panned 550 px sideways onto blank space on a phone).
 */
export function Table({ caption, children }: { caption?: string; children: React.ReactNode }) {
  return (
    <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        {caption && <caption className="sr-only">{caption}</caption>}
        {children}
      </table>
    </div>
  )
}

export function Th({ children, className, align = 'left' }: { children?: React.ReactNode; className?: string; align?: 'left' | 'right' }) {
  return (
    <th scope="col" className={clsx('whitespace-nowrap bg-slate-50 px-3 py-2.5 text-xs font-semibold uppercase tracking-wide text-slate-600', align === 'right' ? 'text-right' : 'text-left', className)}>
      {children}
    </th>
  )
}

export function Td({ children, className, align = 'left' }: { children?: React.ReactNode; className?: string; align?: 'left' | 'right' }) {
  return <td className={clsx('px-3 py-2.5 align-top text-slate-800', align === 'right' && 'text-right tabular-nums', className)}>{children}</td>
}

/**
 * A column header that sorts by `column` through the URL (`?sort=…&dir=…`), so a sorted view can
 * be bookmarked; it tells assistive technology the current order.
 */
export function SortTh({
  label, column, pathname, params, align = 'left', defaultSort,
}: {
  label: string
  column: string
  pathname: string
  params: Record<string, string>
  align?: 'left' | 'right'
  defaultSort?: string
}) {
  const current = params.sort ?? defaultSort
  const active = current === column
  const dir = active ? (params.dir === 'desc' ? 'desc' : 'asc') : undefined
  const next = active && dir === 'asc' ? 'desc' : 'asc'
  const Icon = !active ? ArrowUpDown : dir === 'asc' ? ArrowUp : ArrowDown
  return (
    <th
      scope="col"
      aria-sort={active ? (dir === 'asc' ? 'ascending' : 'descending') : 'none'}
      className={clsx('whitespace-nowrap bg-slate-50 px-3 py-2.5 text-xs font-semibold uppercase tracking-wide text-slate-600', align === 'right' ? 'text-right' : 'text-left')}
    >
      <Link href={hrefWith(pathname, params, { sort: column, dir: next, page: undefined })} className="inline-flex items-center gap-1 hover:text-slate-900">
        {label}
        <Icon aria-hidden className={clsx('size-3.5', active ? 'text-brand-700' : 'text-slate-400')} />
      </Link>
    </th>
  )
}
