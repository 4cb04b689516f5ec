import type { Metadata } from 'next'
import { getTranslations } from 'next-intl/server'
import { ActivityForm } from '@/components/activities/forms'
import { PageHeader } from '@/components/ui/page-header'
import { agencyRegencies } from '@/lib/data/regions'
import { requirePermission } from '@/lib/session'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('activities'))('new') }
}

/** A new activity; a district officer's is in its own regency. */
export default async function NewActivityPage() {
  const user = await requirePermission('activities.write')
  const [t, all] = await Promise.all([getTranslations('activities'), agencyRegencies()])
  const regencies = (user.regencyCode ? all.filter((r) => r.code === user.regencyCode) : all).map((r) => ({ value: r.code, label: r.name }))
  return (
    <>
      <PageHeader title={t('new')} />
      <ActivityForm
        initial={{ kind: 'TRAINING', title: '', startDate: '', endDate: '', regencyCode: user.regencyCode ?? '', budgetSource: '', budgetAmount: '', notes: '' }}
        regencies={regencies}
        provinceAllowed={!user.regencyCode}
      />
    </>
  )
}
