import type { Metadata } from 'next'
import { getLocale, getTranslations } from 'next-intl/server'
import { ProgrammeTargetForm } from '@/components/activities/forms'
import { PageHeader } from '@/components/ui/page-header'
import { listIndicators } from '@/lib/data/reporting'
import { agencyRegencies } from '@/lib/data/regions'
import { requirePermission } from '@/lib/session'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('programmeTargets'))('new') }
}

/** A new time-bound target (the province's admin). */
export default async function NewProgrammeTargetPage() {
  await requirePermission('programmeTargets.manage')
  const [t, regencies, indicators, locale] = await Promise.all([getTranslations('programmeTargets'), agencyRegencies(), listIndicators(), getLocale()])
  return (
    <>
      <PageHeader title={t('new')} />
      <ProgrammeTargetForm
        initial={{ name: '', measure: 'HEALTHY_KSP', indicatorCode: '', activityKind: '', beneficiaryType: '', targetValue: '', startDate: '', deadline: '', regencyCode: '', workingDays: false, notes: '' }}
        regencies={regencies.map((r) => ({ value: r.code, label: r.name }))}
        indicators={indicators.map((i) => ({ value: i.code, label: locale === 'en' ? i.nameEn : i.name }))}
      />
    </>
  )
}
