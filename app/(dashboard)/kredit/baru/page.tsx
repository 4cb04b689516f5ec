import type { Metadata } from 'next'
import { getTranslations } from 'next-intl/server'
import { CreditNav } from '@/components/credit/credit-nav'
import { ProgramForm } from '@/components/credit/program-form'
import { PageHeader } from '@/components/ui/page-header'
import { readDb } from '@/lib/db'
import { requirePermission } from '@/lib/session'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('credit'))('newProgram') }
}

export default async function NewProgramPage() {
  const user = await requirePermission('credit.configure')
  const [t, banks] = await Promise.all([getTranslations('credit'), readDb.bank.findMany({ where: { active: true }, select: { id: true, shortName: true }, orderBy: { shortName: 'asc' } })])
  return (
    <>
      <PageHeader title={t('newProgram')} />
      <CreditNav user={user} current="programs" />
      <ProgramForm banks={banks.map((b) => ({ id: b.id, name: b.shortName }))} />
    </>
  )
}
