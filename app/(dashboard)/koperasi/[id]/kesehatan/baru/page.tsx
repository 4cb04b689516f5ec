import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { getTranslations } from 'next-intl/server'
import { HealthWorksheet } from '@/components/registers/health-worksheet'
import { PageHeader } from '@/components/ui/page-header'
import { getHealthWorksheet } from '@/lib/data/health'
import { jakartaToday } from '@/lib/dates'
import { requirePermission } from '@/lib/session'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('health.worksheet'))('title') }
}

/**
 * The health assessment worksheet (Permenkop 9/2020) for one cooperative: the current template's
 * components, ratios prefilled from the latest book year. Admin, or the district officer of the
 * cooperative's own regency (another regency's cooperative is a 404).
 */
export default async function HealthWorksheetPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission('cooperatives.write')
  const { id } = await params
  const sheet = await getHealthWorksheet({ user, cooperativeId: id })
  if (!sheet) notFound()
  const t = await getTranslations('health.worksheet')
  const { cooperative: coop, figures, template } = sheet
  // the agency's day (WIB), not UTC's: from 00:00 to 07:00 in Jakarta UTC still says yesterday
  const today = jakartaToday()
  return (
    <div className="space-y-4">
      <p className="text-sm"><Link href={`/koperasi/${coop.id}`} className="text-brand-700 hover:underline">← {t('back')}</Link></p>
      <PageHeader title={`${t('title')}: ${coop.name}`} description={`${coop.nik} · ${coop.regencyName} · ${t('template', { version: template.version })}`} />
      <p className="max-w-3xl text-sm text-slate-600">{t('intro')}</p>
      {!figures && <p className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">{t('noFigures')}</p>}
      <HealthWorksheet
        cooperativeId={coop.id}
        template={{ version: template.version, bands: template.bands, components: template.components }}
        figures={figures}
        today={today}
      />
    </div>
  )
}
