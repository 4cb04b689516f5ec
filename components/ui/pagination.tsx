import Link from 'next/link'
import clsx from 'clsx'
import { formatNumber } from '@/lib/format'
import { hrefWith } from '@/lib/url'
import { useLocale, useTranslations } from 'next-intl'

/** "Menampilkan 26–50 dari 1.234" (in the reader's language) with previous/next links that keep the filters. */
export function Pagination({ pathname, params, page, pageSize, total }: { pathname: string; params: Record<string, string>; page: number; pageSize: number; total: number }) {
  const t = useTranslations('common.pagination')
  const locale = useLocale() === 'en' ? 'en' : 'id'
  const n = (v: number) => formatNumber(v, { locale })
  const pages = Math.max(1, Math.ceil(total / pageSize))
  // past the last page the list says so and links back (PastLastPage): no "Menampilkan 401–54 dari 54 · Hal. 9 / 2"
  if (page > pages) return null
  const from = total === 0 ? 0 : (page - 1) * pageSize + 1
  const to = Math.min(total, page * pageSize)
  const link = (p: number, label: string, disabled: boolean, rel?: string) =>
    disabled ? (
      <span className="rounded-md border border-slate-200 px-3 py-1.5 text-slate-400" aria-disabled="true">{label}</span>
    ) : (
      <Link rel={rel} href={hrefWith(pathname, params, { page: p === 1 ? undefined : p })} className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-slate-700 hover:bg-slate-50">
        {label}
      </Link>
    )
  return (
    <nav aria-label={t('label')} className={clsx('mt-3 flex flex-wrap items-center justify-between gap-2 text-sm')}>
      <p className="text-slate-600">
        {t('showing', { from: n(from), to: n(to), total: n(total) })}
      </p>
      <div className="flex items-center gap-2">
        {link(page - 1, t('previous'), page <= 1, 'prev')}
        <span className="text-slate-600">{t('page', { page: n(page), pages: n(pages) })}</span>
        {link(page + 1, t('next'), page >= pages, 'next')}
      </div>
    </nav>
  )
}
