import Link from 'next/link'
import { getLocale, getTranslations } from 'next-intl/server'
import { ConfirmAction } from '@/components/ui/confirm-action'
import { EmptyState } from '@/components/ui/empty-state'
import { inputClass } from '@/components/ui/input-class'
import { PageHeader } from '@/components/ui/page-header'
import { Pagination } from '@/components/ui/pagination'
import { PastLastPage } from '@/components/ui/past-last-page'
import { buttonClass } from '@/components/ui/button'
import { Table, Td, Th } from '@/components/ui/table'
import { formatDateTime } from '@/lib/format'
import { hrefWith } from '@/lib/url'
import { FILTER_TEXT_MAX } from '@/lib/validations/registers-common'
import type { ActionState } from '@/lib/safe-action'

type Row = { id: string; key: string; name: string; regencyName: string; deletedAt: Date; version: number }

/**
 * A register's deleted records that the user may bring back (cooperatives or MSMEs, in the user's scope): searched,
 * last deleted first, each with "Pulihkan" after a confirmation. A deleted record keeps its NIK koperasi or NIB, so
 * one deleted by mistake is registered again here, not through the form (which refuses the key as taken).
 */
export async function DeletedRecords({ register, rows, total, page, pageSize, q, restore }: {
  register: 'cooperatives' | 'msmes'
  rows: Row[]
  total: number
  page: number
  pageSize: number
  q: string
  restore: (prev: ActionState | undefined, formData: FormData) => Promise<ActionState>
}) {
  const [r, t, locale] = await Promise.all([getTranslations('registers'), getTranslations(register), getLocale()])
  const lang = locale === 'en' ? 'en' : 'id'
  const base = register === 'cooperatives' ? '/koperasi' : '/umkm'
  const pathname = `${base}/terhapus`
  const params: Record<string, string> = q ? { q } : {}
  const keyLabel = register === 'cooperatives' ? t('nik') : t('nib')
  const nameLabel = register === 'cooperatives' ? t('name') : t('businessName')
  const restoreButton = (row: Row) => (
    <ConfirmAction action={restore} fields={{ id: row.id, version: String(row.version) }} label={r('restore')}
      title={r('restoreTitle', { name: row.name })} body={r('restoreBody')} variant="secondary" />
  )
  return (
    <>
      <p className="no-print mb-2 text-sm"><Link href={base} className="text-brand-700 hover:underline">← {t('title')}</Link></p>
      <PageHeader title={`${t('title')}: ${r('deletedRecords')}`} description={r(register === 'cooperatives' ? 'deletedCooperativesIntro' : 'deletedMsmesIntro')} />
      <form role="search" action={pathname} className="mb-4 flex flex-wrap items-end gap-2 rounded-lg border border-slate-200 bg-white p-4">
        <label className="flex min-w-0 flex-1 flex-col gap-1 text-sm">
          <span className="font-medium">{r('search')}</span>
          <input name="q" defaultValue={q} type="search" maxLength={FILTER_TEXT_MAX} className={inputClass()} placeholder={`${nameLabel} / ${keyLabel}`} />
        </label>
        <button type="submit" className={buttonClass('primary')}>{r('apply')}</button>
      </form>
      {rows.length === 0 && total > 0 ? (
        <PastLastPage page={page} total={total} href={hrefWith(pathname, params, { page: undefined })} />
      ) : rows.length === 0 ? (
        <EmptyState title={r('deletedEmpty')}>{r('deletedEmptyHint')}</EmptyState>
      ) : (
        <>
          {/* phones: one card per record (the five columns had scrolled sideways, "Pulihkan" out of sight); wider: the table */}
          <ul className="space-y-2 md:hidden" aria-label={`${t('title')}: ${r('deletedRecords')}`}>
            {rows.map((row) => (
              <li key={row.id} className="rounded-lg border border-slate-200 bg-white p-3 text-sm" data-deleted-record-card={row.key}>
                <p className="font-medium text-slate-900" data-user-content>{row.name}</p>
                <p className="font-mono text-xs text-slate-500">{row.key}</p>
                <p className="mt-1 text-slate-700">{row.regencyName} · {r('deletedOn')} {formatDateTime(row.deletedAt, { locale: lang })}</p>
                <div className="mt-2">{restoreButton(row)}</div>
              </li>
            ))}
          </ul>
          <div className="hidden md:block">
          <Table caption={`${t('title')}: ${r('deletedRecords')}`}>
            <thead>
              <tr><Th>{nameLabel}</Th><Th>{keyLabel}</Th><Th>{r('regency')}</Th><Th>{r('deletedOn')}</Th><Th><span className="sr-only">{r('restore')}</span></Th></tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id} data-deleted-record={row.key}>
                  <Td><span className="font-medium text-slate-900" data-user-content>{row.name}</span></Td>
                  <Td><span className="font-mono text-xs">{row.key}</span></Td>
                  <Td>{row.regencyName}</Td>
                  <Td>{formatDateTime(row.deletedAt, { locale: lang })}</Td>
                  <Td>{restoreButton(row)}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
          </div>
          <Pagination pathname={pathname} params={params} page={page} pageSize={pageSize} total={total} />
        </>
      )}
    </>
  )
}
