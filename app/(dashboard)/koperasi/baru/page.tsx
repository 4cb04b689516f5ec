import type { Metadata } from 'next'
import { getTranslations } from 'next-intl/server'
import { CooperativeForm } from '@/components/registers/cooperative-form'
import { PageHeader } from '@/components/ui/page-header'
import { agencyRegencies, locationChoices } from '@/lib/data/regions'
import { requirePermission } from '@/lib/session'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('cooperatives'))('createTitle') }
}

export default async function NewCooperativePage() {
  const user = await requirePermission('cooperatives.write')
  const [t, regencies, choices] = await Promise.all([getTranslations('cooperatives'), agencyRegencies(), locationChoices(user.regencyCode, null)])
  return (
    <>
      <PageHeader title={t('createTitle')} />
      <CooperativeForm
        regencies={regencies}
        fixedRegency={user.regencyCode ?? undefined}
        districts={choices.districts}
        villages={[]}
        cancelHref="/koperasi"
      />
    </>
  )
}
