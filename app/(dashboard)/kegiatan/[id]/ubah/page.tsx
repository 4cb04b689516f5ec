import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { getTranslations } from 'next-intl/server'
import { ActivityForm } from '@/components/activities/forms'
import { PageHeader } from '@/components/ui/page-header'
import { getActivity } from '@/lib/data/activities'
import { agencyRegencies } from '@/lib/data/regions'
import { dateInput as day, moneyInput } from '@/lib/registers/form-values'
import { requirePermission } from '@/lib/session'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('activities'))('edit') }
}

/** Edit an activity (the form carries the version read here; a stale save is refused). */
export default async function EditActivityPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission('activities.write')
  const { id } = await params
  const [a, t, all] = await Promise.all([getActivity({ user, id }), getTranslations('activities'), agencyRegencies()])
  if (!a) notFound()
  const regencies = (user.regencyCode ? all.filter((r) => r.code === user.regencyCode) : all).map((r) => ({ value: r.code, label: r.name }))
  return (
    <>
      <PageHeader title={t('edit')} description={a.title} />
      <ActivityForm
        initial={{
          id: a.id, version: a.version, kind: a.kind, title: a.title, startDate: day(a.startDate), endDate: day(a.endDate), regencyCode: a.regencyCode ?? '',
          budgetSource: a.budgetSource ?? '', notes: a.notes ?? '',
          // money as it was typed and as the register forms show it (`12.500.000`), not the raw `12500000`
          budgetAmount: moneyInput(a.budgetAmount),
        }}
        regencies={regencies}
        provinceAllowed={!user.regencyCode}
      />
    </>
  )
}
