import type { Metadata } from 'next'
import { getTranslations } from 'next-intl/server'
import { CreditNav } from '@/components/credit/credit-nav'
import { DisbursementForm } from '@/components/credit/disbursement-form'
import { PageHeader } from '@/components/ui/page-header'
import { listPrograms } from '@/lib/data/disbursements'
import { requirePermission } from '@/lib/session'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('credit'))('recordDisbursement') }
}

export default async function NewDisbursementPage() {
  const user = await requirePermission('disbursements.write')
  const [t, programs] = await Promise.all([getTranslations('credit'), listPrograms({ user })])
  const banks = [...new Map(programs.flatMap((p) => p.banks.map((b) => [b.bank.id, { id: b.bank.id, name: b.bank.shortName }]))).values()]
  return (
    <>
      <PageHeader title={t('recordDisbursement')} />
      <CreditNav user={user} current="disbursements" />
      <DisbursementForm programs={programs.map((p) => ({ id: p.id, name: p.name }))} banks={banks} isAdmin={user.role === 'ADMIN'} />
    </>
  )
}
