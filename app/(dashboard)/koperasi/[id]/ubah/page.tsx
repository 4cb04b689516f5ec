import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { getTranslations } from 'next-intl/server'
import { CooperativeForm } from '@/components/registers/cooperative-form'
import { PageHeader } from '@/components/ui/page-header'
import { getCooperative } from '@/lib/data/cooperatives'
import { agencyRegencies, locationChoices } from '@/lib/data/regions'
import { countInput, dateInput } from '@/lib/registers/form-values'
import { requirePermission } from '@/lib/session'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('cooperatives'))('editTitle') }
}

export default async function EditCooperativePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission('cooperatives.write')
  const { id } = await params
  const coop = await getCooperative({ user, id })
  if (!coop) notFound()
  const [t, regencies, choices] = await Promise.all([getTranslations('cooperatives'), agencyRegencies(), locationChoices(coop.regencyCode, coop.districtCode)])
  return (
    <>
      <PageHeader title={`${t('editTitle')}: ${coop.name}`} />
      <CooperativeForm
        regencies={regencies}
        fixedRegency={user.regencyCode ?? undefined}
        districts={choices.districts}
        villages={choices.villages}
        cancelHref={`/koperasi/${coop.id}`}
        initial={{
          id: coop.id,
          version: coop.version,
          nik: coop.nik,
          legalEntityNumber: coop.legalEntityNumber ?? '',
          legalEntityDate: dateInput(coop.legalEntityDate),
          name: coop.name,
          type: coop.type,
          form: coop.form,
          pattern: coop.pattern,
          groupName: coop.groupName ?? '',
          regencyCode: coop.regencyCode,
          districtCode: coop.districtCode ?? '',
          villageCode: coop.villageCode ?? '',
          address: coop.address ?? '',
          membersMale: countInput(coop.membersMale),
          membersFemale: countInput(coop.membersFemale),
          managers: countInput(coop.managers),
          employees: countInput(coop.employees),
          active: coop.active,
        }}
      />
    </>
  )
}
