import type { Metadata } from 'next'
import Link from 'next/link'
import { getLocale, getTranslations } from 'next-intl/server'
import { Badge } from '@/components/ui/badge'
import { LinkButton } from '@/components/ui/button'
import { EmptyState } from '@/components/ui/empty-state'
import { PageHeader } from '@/components/ui/page-header'
import { Pagination } from '@/components/ui/pagination'
import { Table, Td, Th } from '@/components/ui/table'
import { importHistory, statusTone } from '@/lib/imports/history'
import { IMPORT_KINDS, importKindsFor } from '@/lib/imports/kinds'
import { formatDateTime, formatNumber } from '@/lib/format'
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
  return (
    <>
      <PageHeader
        title={t('title')}
        description={t('description')}
        actions={kinds.map((k) => <LinkButton key={k.kind} variant="secondary" href={`/impor/baru?jenis=${k.kind}`}>{t('newTitle', { kind: k.title[lang] })}</LinkButton>)}
      />
      <h2 className="mb-2 text-base font-semibold text-slate-900">{t('history')}</h2>
      {total === 0 ? (
        <EmptyState title={t('empty')}>{t('emptyHint')}</EmptyState>
      ) : (
        <Table caption={t('history')}>
          <thead>
            <tr><Th>{t('date')}</Th><Th>{t('kind')}</Th><Th>{t('file')}</Th><Th>{t('uploadedBy')}</Th><Th>{t('status')}</Th><Th align="right">{t('create')}</Th><Th align="right">{t('update')}</Th><Th align="right">{t('invalid')}</Th></tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <Td className="whitespace-nowrap">{formatDateTime(r.createdAt, { locale: lang })}</Td>
                <Td>{IMPORT_KINDS[r.kind]?.title[lang] ?? r.kind}</Td>
                <Td><Link href={`/impor/${r.id}`} className="font-medium text-brand-700 hover:underline">{r.fileName}</Link></Td>
                <Td>{r.createdByName}</Td>
                <Td><Badge tone={statusTone(r.shown)}>{t(`statusLabel.${r.shown}`)}</Badge></Td>
                <Td align="right">{r.counts ? formatNumber(r.counts.create, { locale: lang }) : '–'}</Td>
                <Td align="right">{r.counts ? formatNumber(r.counts.update, { locale: lang }) : '–'}</Td>
                <Td align="right">{r.counts ? formatNumber(r.counts.invalid, { locale: lang }) : '–'}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      {total > 0 && <Pagination pathname="/impor" params={params} page={page ?? 1} pageSize={pageSize} total={total} />}
    </>
  )
}
