import Link from 'next/link'
import clsx from 'clsx'
import { ArrowDown, ArrowUp, ArrowUpDown } from 'lucide-react'
import { useTranslations } from 'next-intl'
import { hrefWith } from '@/lib/url'
import { stickyClass, type StickyColumn } from '@/components/ui/sticky-column'

/**
 * A table that scrolls sideways inside its card on a phone instead of widening the page. `relative`: a
 * `sr-only` text in a cell is absolutely positioned, and without a positioned scroller it escaped it and
 * widened the page (a cooperative's page panned 550 px sideways onto blank space on a phone).
 */
export function Table({ caption, children, className }: { caption?: string; children: React.ReactNode; className?: string }) {
  return (
    <div className="scroll-shadows relative overflow-x-auto rounded-lg border border-slate-200">
      <table className={clsx('min-w-full divide-y divide-slate-200 text-sm', className)}>
        {caption && <caption className="sr-only">{caption}</caption>}
        {children}
      </table>
    </div>
  )
}

/** `wrap`: the label may break between its words (a long label over a narrow column of amounts), as SortTh's. */
export function Th({ children, className, align = 'left', sticky, wrap = false }: { children?: React.ReactNode; className?: string; align?: 'left' | 'right'; sticky?: boolean; wrap?: boolean }) {
  return (
    <th scope="col" className={clsx(!wrap && 'whitespace-nowrap', 'bg-slate-50 px-3 py-2.5 text-xs font-semibold uppercase tracking-wide text-slate-600', align === 'right' ? 'text-right' : 'text-left', stickyClass(sticky, true), className)}>
      {children}
    </th>
  )
}

export function Td({ children, className, align = 'left', sticky }: { children?: React.ReactNode; className?: string; align?: 'left' | 'right'; sticky?: StickyColumn }) {
  return <td className={clsx('px-3 py-2.5 align-top text-slate-800', align === 'right' && 'text-right tabular-nums', stickyClass(sticky), className)}>{children}</td>
}

type SortDir = 'asc' | 'desc'

/**
 * The order a sortable column header would set next, and the one it shows now: one rule for headers and phone links.
 * `defaultDir`: the order a list applies when the URL names none (the loans list: newest first), so the arrow says it.
 * `firstDir`: the order a first click on a column not yet sorted applies. Amounts and dates start largest and newest
 * first, which is what someone clicking "Plafon" or "Diklaim" looks for; names and codes start A–Z.
 */
function sortState(column: string, params: Record<string, string>, defaultSort?: string, defaultDir: SortDir = 'asc', firstDir: SortDir = 'asc') {
  const active = (params.sort ?? defaultSort) === column
  const dir: SortDir | undefined = active ? (params.dir === 'desc' || params.dir === 'asc' ? params.dir : defaultDir) : undefined
  const next: SortDir = !active ? firstDir : dir === 'asc' ? 'desc' : 'asc'
  return { active, dir, next }
}

/** A sort link's address; `hash`: the table's id on a page where the table is not at the top (a dashboard), so the page
 * opens at the table it sorted instead of its top. */
function sortHref(pathname: string, params: Record<string, string>, column: string, dir: SortDir, hash?: string) {
  return `${hrefWith(pathname, params, { sort: column, dir, page: undefined })}${hash ? `#${hash}` : ''}`
}

/**
 * A column header that sorts by `column` through the URL (`?sort=…&dir=…`), so a sorted view can
 * be bookmarked; it tells assistive technology the current order.
 */
export function SortTh({
  label, column, pathname, params, align = 'left', defaultSort, defaultDir, firstDir, hash, className, wrap = false, sticky,
}: {
  label: string
  column: string
  pathname: string
  params: Record<string, string>
  align?: 'left' | 'right'
  defaultSort?: string
  defaultDir?: SortDir
  firstDir?: SortDir
  hash?: string
  className?: string
  /** the label may break between its words: a long label over a narrow column of amounts, in a wide table that must fit its screen */
  wrap?: boolean
  /** the first column kept in view while the table scrolls sideways (as Th's) */
  sticky?: boolean
}) {
  const { active, dir, next } = sortState(column, params, defaultSort, defaultDir, firstDir)
  const Icon = !active ? ArrowUpDown : dir === 'asc' ? ArrowUp : ArrowDown
  return (
    <th
      scope="col"
      aria-sort={active ? (dir === 'asc' ? 'ascending' : 'descending') : 'none'}
      className={clsx(!wrap && 'whitespace-nowrap', 'bg-slate-50 px-3 py-2.5 text-xs font-semibold uppercase tracking-wide text-slate-600', align === 'right' ? 'text-right' : 'text-left', stickyClass(sticky, true), className)}
    >
      <Link href={sortHref(pathname, params, column, next, hash)} className={clsx('inline-flex items-center gap-1 hover:text-slate-900', align === 'right' && 'justify-end')}>
        {label}
        <Icon aria-hidden className={clsx('size-3.5', active ? 'text-brand-700' : 'text-slate-400')} />
      </Link>
    </th>
  )
}

/**
 * The same sorting for a list's phone cards, which have no column headers: one link per sortable
 * column (the active one shows its direction, and a second tap reverses it). Shown only where the
 * cards are (`hiddenFrom`), so the table's headers stay the one control on wider screens.
 */
export function SortLinks({
  columns, pathname, params, defaultSort, defaultDir, hiddenFrom, hash,
}: {
  columns: { column: string; label: string; firstDir?: SortDir }[]
  pathname: string
  params: Record<string, string>
  defaultSort?: string
  defaultDir?: SortDir
  hiddenFrom: 'sm' | 'md'
  hash?: string
}) {
  const t = useTranslations('common')
  return (
    <nav aria-label={t('sortBy')} className={clsx('mb-2 flex flex-wrap items-center gap-1.5 text-xs', hiddenFrom === 'sm' ? 'sm:hidden' : 'md:hidden')}>
      <span className="font-medium text-slate-600">{t('sortBy')}:</span>
      {columns.map(({ column, label, firstDir }) => {
        const { active, dir, next } = sortState(column, params, defaultSort, defaultDir, firstDir)
        const Icon = !active ? ArrowUpDown : dir === 'asc' ? ArrowUp : ArrowDown
        return (
          <Link
            key={column}
            href={sortHref(pathname, params, column, next, hash)}
            aria-current={active ? 'true' : undefined}
            className={clsx(
              'inline-flex min-h-8 items-center gap-1 rounded-full border px-2.5 py-1',
              active ? 'border-brand-500 bg-brand-50 font-medium text-brand-900' : 'border-slate-200 bg-white text-slate-700 hover:bg-slate-50',
            )}
          >
            {label}
            <Icon aria-hidden className={clsx('size-3.5', active ? 'text-brand-700' : 'text-slate-400')} />
            {active && <span className="sr-only">({t(dir === 'asc' ? 'sortAscending' : 'sortDescending')})</span>}
          </Link>
        )
      })}
    </nav>
  )
}
