import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { getLocale, getTranslations } from 'next-intl/server'
import { ProgrammeTargetForm } from '@/components/activities/forms'
import { PageHeader } from '@/components/ui/page-header'
import { getProgrammeTarget } from '@/lib/data/programme-targets'
import { listIndicators } from '@/lib/data/reporting'
import { agencyRegencies } from '@/lib/data/regions'
import { requirePermission } from '@/lib/session'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('programmeTargets'))('edit') }
}

/** Edit a time-bound target (the version read here; a stale save is refused). */
export default async function EditProgrammeTargetPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission('programmeTargets.manage')
  const { id } = await params
  const [target, t, regencies, indicators, locale] = await Promise.all([getProgrammeTarget({ user, id }), getTranslations('programmeTargets'), agencyRegencies(), listIndicators(), getLocale()])
  if (!target) notFound()
  return (
    <>
      <PageHeader title={t('edit')} description={target.name} />
      <ProgrammeTargetForm
        initial={{
          id: target.id, version: target.version, name: target.name, measure: target.measure, indicatorCode: target.indicatorCode ?? '', activityKind: target.activityKind ?? '',
          beneficiaryType: target.beneficiaryType ?? '', targetValue: String(target.targetValue), startDate: target.startDate, deadline: target.deadline,
          regencyCode: target.regencyCode ?? '', workingDays: target.workingDays, notes: target.notes ?? '',
        }}
        regencies={regencies.map((r) => ({ value: r.code, label: r.name }))}
        indicators={indicators.map((i) => ({ value: i.code, label: locale === 'en' ? i.nameEn : i.name }))}
      />
    </>
  )
}
