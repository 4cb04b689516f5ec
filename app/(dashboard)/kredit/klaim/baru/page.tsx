import type { Metadata } from 'next'
import { getTranslations } from 'next-intl/server'
import { ClaimSubmitForm } from '@/components/credit/claim-submit-form'
import { CreditNav } from '@/components/credit/credit-nav'
import { PageHeader } from '@/components/ui/page-header'
import { lastEndedMonth } from '@/lib/dates'
import { requirePermission } from '@/lib/session'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('credit'))('submitClaim') }
}

export default async function NewClaimPage() {
  const user = await requirePermission('claims.submit')
  const t = await getTranslations('credit')
  return (
    <>
      <PageHeader title={t('submitClaim')} />
      <CreditNav user={user} current="claims" />
      <ClaimSubmitForm defaultMonth={lastEndedMonth()} />
    </>
  )
}
