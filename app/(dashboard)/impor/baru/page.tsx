import { inSentence } from '@/lib/audit-text'
import type { Metadata } from 'next'
import Link from 'next/link'
import { redirect } from 'next/navigation'
import { getLocale, getTranslations } from 'next-intl/server'
import { Download } from 'lucide-react'
import { UploadForm } from '@/components/imports/upload-form'
import { buttonClass } from '@/components/ui/button'
import { EmptyState } from '@/components/ui/empty-state'
import { PageHeader } from '@/components/ui/page-header'
import { orRefused } from '@/lib/dashboard/guard'
import { formatNumber } from '@/lib/format'
import { IMPORT_LIMITS } from '@/lib/imports/file'
import { importKindsFor } from '@/lib/imports/kinds'
import { kindFor } from '@/lib/imports/service'
import { requirePermission } from '@/lib/session'
import { flatParams, type SearchParams } from '@/lib/url'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('imports'))('title') }
}

/**
 * Step 1: the template of the kind, and the upload. Without `?jenis=` (a bookmark, the address typed): the kinds
 * the user may import to choose from, or straight to the only one; never a refusal for a user who may import.
 */
export default async function NewImportPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requirePermission('imports.use')
  const params = flatParams(await searchParams)
  const [t, locale] = await Promise.all([getTranslations('imports'), getLocale()])
  const lang = locale === 'en' ? 'en' : 'id'
  if (!params.jenis) {
    const kinds = importKindsFor(user.role)
    if (kinds.length === 1) redirect(`/impor/baru?jenis=${kinds[0].kind}`)
    return (
      <>
        <PageHeader title={t('chooseTitle')} description={t('description')} />
        {kinds.length === 0 ? <EmptyState title={t('noKinds')} /> : (
          <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3" aria-label={t('chooseTitle')}>
            {kinds.map((k) => (
              <li key={k.kind}>
                <Link href={`/impor/baru?jenis=${k.kind}`} className="block h-full rounded-lg border border-slate-200 bg-white p-4 hover:border-brand-300 hover:bg-brand-50/40">
                  <span className="font-medium text-brand-700">{t('newTitle', { kind: inSentence(k.title[lang]) })}</span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </>
    )
  }
  const kind = await orRefused(Promise.resolve().then(() => kindFor(user, String(params.jenis))))
  return (
    <>
      <PageHeader title={t('newTitle', { kind: inSentence(kind.title[lang]) })} description={t('description')} />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <section className="rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
          <UploadForm kind={kind.kind} maxBytes={IMPORT_LIMITS.maxFileBytes} hint={t('fileHint', { mb: formatNumber(Math.round(IMPORT_LIMITS.maxFileBytes / 1024 / 1024), { locale: lang }), rows: formatNumber(IMPORT_LIMITS.maxRows, { locale: lang }) })} />
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
