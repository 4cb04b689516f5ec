import { useTranslations } from 'next-intl'
import { formatMonth, formatRupiah } from '@/lib/format'

/**
 * A loan's months already claimed without it (lib/data/disbursements.ts missedClaimMonths), one notice per state:
 * `DECIDED` lost (a month has one claim), `SUBMITTED` still being verified (the agency can return the claim).
 * The same words on the loan's page and in the form that records it, which says them as it saves. No hooks but
 * next-intl's, so it renders in a server page and in a client form alike.
 */
export function MissedMonthsNotice({ status, months, total, locale, className }: {
  status: 'DECIDED' | 'SUBMITTED'
  /** `YYYY-MM`, in order */
  months: string[]
  /** the months' subsidy together, summed in SQL */
  total: string
  locale: 'id' | 'en'
  className?: string
}) {
  const t = useTranslations('credit')
  if (!months.length) return null
  return (
    <p className={`rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900 ${className ?? ''}`} data-testid={`loan-missed-months-${status}`}>
      {t(status === 'DECIDED' ? 'missedMonths' : 'missedMonthsReturnable', {
        count: months.length,
        months: months.map((m) => formatMonth(m, { locale })).join(', '),
        amount: formatRupiah(total, { locale }),
      })}
    </p>
  )
}
