import Link from 'next/link'
import { getLocale, getTranslations } from 'next-intl/server'
import { formatNumber } from '@/lib/format'
import { Inbox } from 'lucide-react'

export function EmptyState({ title, children }: { title: string; children?: React.ReactNode }) {
  return (
    <div className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center">
      <Inbox aria-hidden className="mx-auto mb-2 size-7 text-slate-400" />
      <p className="font-medium text-slate-800">{title}</p>
      {children && <div className="mt-1 text-sm text-slate-600">{children}</div>}
    </div>
  )
}

/**
 * A page number past the end of a list that has rows (an old link, a typed URL): said as such, with the way
 * back, rather than the "nothing matches these filters" of an empty result.
 */
export async function PastLastPage({ page, total, href }: { page: number; total: number; href: string }) {
  const [r, locale] = await Promise.all([getTranslations('registers'), getLocale()])
  return (
    <EmptyState title={r('pastLastPage', { page })}>
      <Link href={href} className="font-medium text-brand-700 underline" data-testid="past-last-page">{r('pastLastPageLink', { count: formatNumber(total, { locale: locale === 'en' ? 'en' : 'id' }) })}</Link>
    </EmptyState>
  )
}
