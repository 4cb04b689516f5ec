import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { getLocale, getTranslations } from 'next-intl/server'
import { HolidayForm } from '@/components/config/holiday-form'
import { ConfirmAction } from '@/components/ui/confirm-action'
import { deleteHoliday } from '@/lib/actions/holidays'
import { getHoliday } from '@/lib/data/holidays'
import { formatDate } from '@/lib/format'
import { requirePermission } from '@/lib/session'

type Params = { id: string }

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('config.holidays'))('editTitle') }
}

/** Change or delete one day of the holiday calendar (deleting asks first). */
export default async function EditHolidayPage({ params }: { params: Promise<Params> }) {
  const user = await requirePermission('config.manage')
  const { id } = await params
  if (id.length > 40) notFound()
  const [t, locale, holiday] = await Promise.all([getTranslations('config.holidays'), getLocale(), getHoliday({ user, id })])
  if (!holiday) notFound()
  const lang = locale === 'en' ? 'en' : 'id'
  const back = `/pengaturan/hari-libur?tahun=${holiday.date.slice(0, 4)}`
  const when = formatDate(holiday.date, { locale: lang })
  return (
    <section aria-labelledby="holiday-title" className="space-y-4">
      <Link href={back} className="text-sm text-brand-700 hover:underline">← {t('back')}</Link>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <h2 id="holiday-title" className="text-lg font-semibold text-slate-900">{t('editTitle')} · {when}</h2>
        <ConfirmAction
          action={deleteHoliday}
          fields={{ id: holiday.id, version: String(holiday.version) }}
          label={t('delete')}
          title={t('deleteTitle', { date: when })}
          body={t('deleteBody', { name: holiday.name })}
          confirmLabel={t('deleteConfirm')}
          variant="danger"
        />
      </div>
      <HolidayForm initial={{ id: holiday.id, version: holiday.version, date: holiday.date, name: holiday.name, kind: holiday.kind, source: holiday.source ?? '' }} backHref={back} />
    </section>
  )
}
