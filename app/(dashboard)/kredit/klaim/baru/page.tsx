import type { Metadata } from 'next'
import { getTranslations } from 'next-intl/server'
import { ClaimSubmitForm } from '@/components/credit/claim-submit-form'
import { CreditNav } from '@/components/credit/credit-nav'
import { PageHeader } from '@/components/ui/page-header'
import { claimedMonths } from '@/lib/data/claims'
import { listPrograms } from '@/lib/data/disbursements'
import { lastEndedMonth } from '@/lib/dates'
import { requirePermission } from '@/lib/session'
import { isIsoMonth } from '@/lib/parse'
import { flatParams, type SearchParams } from '@/lib/url'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('credit'))('submitClaim') }
}

export default async function NewClaimPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requirePermission('claims.submit')
  const sp = flatParams(await searchParams)
  const [t, programs, claimed] = await Promise.all([getTranslations('credit'), listPrograms({ user }), claimedMonths({ user })])
  // a programme and month to start from (a returned claim's "file again"): only the bank's own programme and a real month
  const initial = { programId: programs.some((p) => p.id === sp.program) ? sp.program : undefined, month: isIsoMonth(sp.bulan ?? '') ? sp.bulan : undefined }
  return (
    <>
      <PageHeader title={t('submitClaim')} />
      <CreditNav user={user} current="claims" />
      <ClaimSubmitForm programs={programs.map((p) => ({ id: p.id, name: p.name, year: p.year }))} defaultMonth={lastEndedMonth()} claimed={claimed} initial={initial} />
    </>
  )
}
