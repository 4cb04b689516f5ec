import type { Metadata } from 'next'
import Link from 'next/link'
import { getTranslations } from 'next-intl/server'
import { HolidayForm } from '@/components/config/holiday-form'
import { requirePermission } from '@/lib/session'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('config.holidays'))('newTitle') }
}

/** A new day in the holiday calendar. */
export default async function NewHolidayPage() {
  await requirePermission('config.manage')
  const t = await getTranslations('config.holidays')
  return (
    <section aria-labelledby="holiday-title" className="space-y-4">
      <Link href="/pengaturan/hari-libur" className="text-sm text-brand-700 hover:underline">← {t('back')}</Link>
      <h2 id="holiday-title" className="text-lg font-semibold text-slate-900">{t('newTitle')}</h2>
      <HolidayForm initial={{ id: '', version: 0, date: '', name: '', kind: 'NATIONAL_HOLIDAY', source: '' }} backHref="/pengaturan/hari-libur" />
    </section>
  )
}
