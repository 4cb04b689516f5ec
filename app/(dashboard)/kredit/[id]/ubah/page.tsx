import type { Metadata } from 'next'
import { getTranslations } from 'next-intl/server'
import { CreditNav } from '@/components/credit/credit-nav'
import { ProgramForm } from '@/components/credit/program-form'
import { moneyInput } from '@/lib/registers/form-values'
import { PageHeader } from '@/components/ui/page-header'
import { getProgramSettings } from '@/lib/data/credit-programs'
import { orRefused } from '@/lib/dashboard/guard'
import { ratePercent } from '@/lib/format'
import { requirePermission } from '@/lib/session'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('credit'))('edit') }
}

/** An admin edits a programme's own settings (the form of /kredit/baru, prefilled, saved from this version). */
export default async function EditProgramPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission('credit.configure')
  const { id } = await params
  const [t, program] = await Promise.all([getTranslations('credit'), orRefused(getProgramSettings(user, id))])
  // the stored figures as the form's text: Rupiah grouped as the registers' forms show it, a rate with the decimal comma
  const values = {
    scheme: program.scheme, name: program.name, year: String(program.year),
    creditTarget: moneyInput(program.creditTarget), beneficiaryTarget: String(program.beneficiaryTarget), subsidyCeiling: moneyInput(program.subsidyCeiling),
    maxPlafond: moneyInput(program.maxPlafond), maxTenorMonths: String(program.maxTenorMonths), borrowerRate: String(ratePercent(program.borrowerRate)).replace('.', ','),
  }
  return (
    <>
      <PageHeader title={`${t('edit')}: ${program.name}`} />
      <CreditNav user={user} current="programs" />
      <ProgramForm banks={[]} edit={{ id: program.id, version: program.version, values, hasLoans: program._count.disbursements > 0 }} />
    </>
  )
}
