import { inSentence } from '@/lib/audit-text'
import type { Metadata } from 'next'
import Link from 'next/link'
import { getLocale, getTranslations } from 'next-intl/server'
import { Badge } from '@/components/ui/badge'
import { LinkButton } from '@/components/ui/button'
import { EmptyState } from '@/components/ui/empty-state'
import { PastLastPage } from '@/components/ui/past-last-page'
import { PageHeader } from '@/components/ui/page-header'
import { Pagination } from '@/components/ui/pagination'
import { Table, Td, Th } from '@/components/ui/table'
import { importHistory, statusTone, unsavedNote } from '@/lib/imports/history'
import { IMPORT_KINDS, importKindsFor } from '@/lib/imports/kinds'
import { formatDate, formatDateTime, formatNumber } from '@/lib/format'
import { jakartaTime } from '@/lib/dates'
import { requirePermission } from '@/lib/session'
import { flatParams, type SearchParams } from '@/lib/url'
import { importHistoryFilterSchema } from '@/lib/validations/imports'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('imports'))('title') }
}

/** Past imports with their summaries, a page at a time (an admin sees everyone's of the kinds an admin imports, others their own), and where to start one. */
export default async function ImportsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requirePermission('imports.use')
  const params = flatParams(await searchParams)
  const { page } = importHistoryFilterSchema.parse(params)
  const [t, locale, { rows, total, pageSize }] = await Promise.all([getTranslations('imports'), getLocale(), importHistory(user, page ?? 1)])
  const lang = locale === 'en' ? 'en' : 'id'
  const kinds = importKindsFor(user.role)
  /**
   * A count of the import's rows; the dry run's counts of an import never written (ready, cancelled, failed) are
   * what it would have written, and say so: "Baru 2.000" beside "Dibatalkan" read as rows written.
   */
  const count = (r: (typeof rows)[number], n: number | undefined) =>
    n === undefined ? '–' : r.planned ? <span className="text-slate-500">{formatNumber(n, { locale: lang })}</span> : formatNumber(n, { locale: lang })
  // one note per state of an import never written (lib/imports/history.ts unsavedNote)
  const plannedLabel = (r: (typeof rows)[number]) => {
    const note = unsavedNote(r.status, r.counts, r.planned)
    return note ? t(note) : null
  }
  const plannedNote = (r: (typeof rows)[number]) => {
    const label = plannedLabel(r)
    return label ? <span className="block text-xs font-normal text-slate-500">{label}</span> : null
  }
  return (
    <>
      <PageHeader
        title={t('title')}
        description={t('description')}
        actions={kinds.map((k) => <LinkButton key={k.kind} variant="secondary" href={`/impor/baru?jenis=${k.kind}`}>{t('newTitle', { kind: inSentence(k.title[lang]) })}</LinkButton>)}
      />
      <h2 className="mb-2 text-base font-semibold text-slate-900">{t('history')}</h2>
      {total === 0 ? (
        <EmptyState title={t('empty')}>{t('emptyHint')}</EmptyState>
      ) : rows.length === 0 ? (
        <PastLastPage page={page ?? 1} total={total} href="/impor" />
      ) : (
        <>
          {/* a phone reads cards; the table (nine columns) only from the small breakpoint up */}
          <ul className="space-y-2 sm:hidden" aria-label={t('history')}>
            {rows.map((r) => (
              <li key={r.id} className="rounded-lg border border-slate-200 bg-white p-3 text-sm">
                <div className="flex items-start justify-between gap-2">
                  <Link href={`/impor/${r.id}`} className="min-w-0 break-words font-medium text-brand-700 hover:underline">{r.fileName}</Link>
                  <Badge tone={statusTone(r.shown)}>{t(`statusLabel.${r.shown}`)}</Badge>
                </div>
                <p className="mt-1 text-xs text-slate-600">{IMPORT_KINDS[r.kind]?.title[lang] ?? r.kind} · {r.createdByName} · {formatDateTime(r.createdAt, { locale: lang })}</p>
                {r.counts && (
                  <p className="mt-1 text-xs text-slate-600">
                    {plannedLabel(r) && <span className="font-medium">{plannedLabel(r)}: </span>}
                    {t('create')} {count(r, r.counts.create)} · {t('update')} {count(r, r.counts.update)} · {t('unchanged')} {count(r, r.counts.unchanged)} · {t('invalid')} {count(r, r.counts.invalid)}
                  </p>
                )}
              </li>
            ))}
          </ul>
          <div className="hidden sm:block">
            <Table caption={t('history')}>
              <thead>
                <tr><Th>{t('date')}</Th><Th>{t('kind')}</Th><Th>{t('file')}</Th><Th>{t('uploadedBy')}</Th><Th>{t('status')}</Th><Th align="right">{t('create')}</Th><Th align="right">{t('update')}</Th><Th align="right">{t('unchanged')}</Th><Th align="right">{t('invalid')}</Th></tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.id}>
                    {/* the date over its time: the nine columns fit 1366 px with the status on one line */}
                    <Td className="whitespace-nowrap">{formatDate(r.createdAt, { locale: lang })}<span className="block text-xs text-slate-500 tabular-nums">{jakartaTime(r.createdAt, lang)} WIB</span></Td>
                    <Td>{IMPORT_KINDS[r.kind]?.title[lang] ?? r.kind}</Td>
                    <Td><Link href={`/impor/${r.id}`} className="font-medium text-brand-700 hover:underline">{r.fileName}</Link></Td>
                    <Td>{r.createdByName}</Td>
                    {/* one line: a pill broken over two lines ("Tidak ada yang perlu / diimpor") read as two badges at 1366 px */}
                    <Td><Badge tone={statusTone(r.shown)} className="whitespace-nowrap">{t(`statusLabel.${r.shown}`)}</Badge>{plannedNote(r)}</Td>
                    <Td align="right">{count(r, r.counts?.create)}</Td>
                    <Td align="right">{count(r, r.counts?.update)}</Td>
                    {/* a file imported again: "Tidak berubah 3" says why nothing was created or changed */}
                    <Td align="right">{count(r, r.counts?.unchanged)}</Td>
                    <Td align="right">{count(r, r.counts?.invalid)}</Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          </div>
        </>
      )}
      {total > 0 && <Pagination pathname="/impor" params={params} page={page ?? 1} pageSize={pageSize} total={total} />}
    </>
  )
}
