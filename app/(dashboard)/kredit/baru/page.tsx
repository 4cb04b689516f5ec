import type { Metadata } from 'next'
import Link from 'next/link'
import { EmptyState } from '@/components/ui/empty-state'
import { getTranslations } from 'next-intl/server'
import { CreditNav } from '@/components/credit/credit-nav'
import { ProgramForm } from '@/components/credit/program-form'
import { PageHeader } from '@/components/ui/page-header'
import { readDb } from '@/lib/db'
import { requirePermission } from '@/lib/session'
import { jakartaYear } from '@/lib/dates'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('credit'))('newProgram') }
}

export default async function NewProgramPage() {
  const user = await requirePermission('credit.configure')
  const [t, banks, latest] = await Promise.all([
    getTranslations('credit'),
    readDb.bank.findMany({ where: { active: true }, select: { id: true, shortName: true }, orderBy: { shortName: 'asc' } }),
    readDb.creditProgram.aggregate({ _max: { year: true } }),
  ])
  // the placeholders suggest the year after the latest programme (an example naming one that exists misleads)
  const nextYear = (latest._max.year ?? jakartaYear()) + 1
  return (
    <>
      <PageHeader title={t('newProgram')} />
      <CreditNav user={user} current="programs" />
      {banks.length === 0 ? (
        // a programme needs a partner bank: on a new deployment none exists yet
        <EmptyState title={t('noBankForProgram')}>
          <Link href="/pengaturan/bank" className="font-medium text-brand-700 underline">{t('noBankForProgramLink')}</Link>
        </EmptyState>
      ) : (
        <ProgramForm banks={banks.map((b) => ({ id: b.id, name: b.shortName }))} nextYear={nextYear} />
      )}
    </>
  )
}
