import Link from 'next/link'
import { getLocale, getTranslations } from 'next-intl/server'
import { formatNumber } from '@/lib/format'
import { PAGE_BEYOND_ANY } from '@/lib/validations/registers-common'
import { EmptyState } from './empty-state'

/**
 * A page number past the end of a list that has rows (an old link, a typed URL): said as such, with the way
 * back, rather than the "nothing matches these filters" of an empty result. A server component (its own file:
 * EmptyState stays importable by client components).
 */
export async function PastLastPage({ page, total, href }: { page: number; total: number; href: string }) {
  const [r, locale] = await Promise.all([getTranslations('registers'), getLocale()])
  // a number too large to ask for was read as PAGE_BEYOND_ANY (filterPage): not the number typed, so none is named
  const title = page >= PAGE_BEYOND_ANY ? r('pastLastPageAny') : r('pastLastPage', { page })
  return (
    <EmptyState title={title}>
      <Link href={href} className="font-medium text-brand-700 underline" data-testid="past-last-page">{r('pastLastPageLink', { count: formatNumber(total, { locale: locale === 'en' ? 'en' : 'id' }) })}</Link>
    </EmptyState>
  )
}
