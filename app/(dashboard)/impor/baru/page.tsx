import type { Metadata } from 'next'
import { getLocale, getTranslations } from 'next-intl/server'
import { Download } from 'lucide-react'
import { UploadForm } from '@/components/imports/upload-form'
import { buttonClass } from '@/components/ui/button'
import { PageHeader } from '@/components/ui/page-header'
import { orRefused } from '@/lib/dashboard/guard'
import { IMPORT_LIMITS } from '@/lib/imports/file'
import { kindFor } from '@/lib/imports/service'
import { requirePermission } from '@/lib/session'
import { flatParams, type SearchParams } from '@/lib/url'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('imports'))('title') }
}

/** Step 1: the template of the kind, and the upload. */
export default async function NewImportPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requirePermission('imports.use')
  const params = flatParams(await searchParams)
  const kind = await orRefused(Promise.resolve().then(() => kindFor(user, String(params.jenis ?? 'umkm'))))
  const [t, locale] = await Promise.all([getTranslations('imports'), getLocale()])
  const lang = locale === 'en' ? 'en' : 'id'
  return (
    <>
      <PageHeader title={t('newTitle', { kind: kind.title[lang] })} description={t('description')} />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <section className="rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
          <UploadForm kind={kind.kind} maxBytes={IMPORT_LIMITS.maxFileBytes} hint={t('fileHint', { mb: Math.round(IMPORT_LIMITS.maxFileBytes / 1024 / 1024), rows: IMPORT_LIMITS.maxRows.toLocaleString('id-ID') })} />
        </section>
        <aside className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
          <h2 className="text-sm font-semibold text-slate-900">{t('template')}</h2>
          <p className="text-sm text-slate-600">{t('templateNote')}</p>
          <div className="flex flex-wrap gap-2">
            <a href={`/api/impor/templat/${kind.kind}`} className={buttonClass('secondary')}><Download aria-hidden className="size-4" />{t('templateXlsx')}</a>
            <a href={`/api/impor/templat/${kind.kind}?format=csv`} className={buttonClass('secondary')}>{t('templateCsv')}</a>
          </div>
        </aside>
      </div>
    </>
  )
}
