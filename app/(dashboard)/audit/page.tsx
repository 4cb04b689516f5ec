import type { Metadata } from 'next'
import Link from 'next/link'
import { getLocale, getTranslations } from 'next-intl/server'
import { Download } from 'lucide-react'
import { buttonClass } from '@/components/ui/button'
import { EmptyState } from '@/components/ui/empty-state'
import { inputClass } from '@/components/ui/field'
import { PageHeader } from '@/components/ui/page-header'
import { Pagination } from '@/components/ui/pagination'
import { Table, Td, Th } from '@/components/ui/table'
import { findAuditLogs } from '@/lib/data/audit'
import { formatDateTime } from '@/lib/format'
import { requirePermission } from '@/lib/session'
import { flatParams, hrefWith, type SearchParams } from '@/lib/url'
import { auditFilterSchema } from '@/lib/validations/audit'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('audit'))('title') }
}

function Json({ value }: { value: unknown }) {
  if (value === null || value === undefined) return <span className="text-slate-400">–</span>
  return <pre className="max-h-64 max-w-md overflow-auto whitespace-pre-wrap break-all rounded bg-slate-50 p-2 text-[11px] leading-snug">{JSON.stringify(value, null, 1)}</pre>
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requirePermission('audit.read')
  const params = flatParams(await searchParams)
  const filter = auditFilterSchema.parse(params)
  const [t, locale, data] = await Promise.all([getTranslations('audit'), getLocale(), findAuditLogs({ user, filter })])
  const lang = locale === 'en' ? 'en' : 'id'
  const exportHref = (format: string) => hrefWith('/api/audit/ekspor', params, { format, page: undefined })
  return (
    <>
      <PageHeader
        title={t('title')}
        description={t('description')}
        actions={
          <>
            <a href={exportHref('xlsx')} className={buttonClass('secondary')}><Download aria-hidden className="size-4" />.xlsx</a>
            <a href={exportHref('csv')} className={buttonClass('secondary')}>.csv</a>
          </>
        }
      />
      <form method="get" role="search" className="mb-4 grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-6">
        <label className="flex flex-col gap-1 text-sm">
          <span className="font-medium">{t('user')}</span>
          <select name="user" defaultValue={filter.user ?? ''} className={inputClass()}>
            <option value="">{t('allUsers')}</option>
            {data.users.map((u) => <option key={u.id} value={u.id}>{u.username}</option>)}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-sm">
          <span className="font-medium">{t('entity')}</span>
          <select name="entity" defaultValue={filter.entity ?? ''} className={inputClass()}>
            <option value="">{t('allEntities')}</option>
            {data.entities.map((e) => <option key={e} value={e}>{e}</option>)}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-sm">
          <span className="font-medium">{t('action')}</span>
          <select name="action" defaultValue={filter.action ?? ''} className={inputClass()}>
            <option value="">{t('allActions')}</option>
            {data.actions.map((a) => <option key={a} value={a}>{a}</option>)}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-sm">
          <span className="font-medium">{t('from')}</span>
          <input type="date" name="from" defaultValue={filter.from} className={inputClass()} />
        </label>
        <label className="flex flex-col gap-1 text-sm">
          <span className="font-medium">{t('to')}</span>
          <input type="date" name="to" defaultValue={filter.to} className={inputClass()} />
        </label>
        <div className="flex items-end gap-2">
          <button type="submit" className={buttonClass('primary')}>Terapkan</button>
          <Link href="/audit" className={buttonClass('ghost')}>Reset</Link>
        </div>
      </form>
      {data.rows.length === 0 ? (
        <EmptyState title={t('empty')} />
      ) : (
        <>
          <Table caption={t('title')}>
            <thead>
              <tr>
                <Th>{t('when')}</Th>
                <Th>{t('user')}</Th>
                <Th>{t('action')}</Th>
                <Th>{t('record')}</Th>
                <Th>{t('changes')}</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {data.rows.map((r) => (
                <tr key={String(r.id)}>
                  <Td className="whitespace-nowrap text-xs">{formatDateTime(r.createdAt, { locale: lang })}</Td>
                  <Td>
                    <span className="font-mono text-xs">{r.username}</span>
                    <span className="block text-xs text-slate-500">{r.role}{r.ip && r.ip !== 'unknown' ? ` · ${r.ip}` : ''}</span>
                  </Td>
                  <Td><span className="font-mono text-xs">{r.action}</span></Td>
                  <Td>
                    <span className="text-xs">{r.entity}</span>
                    {r.entityId && <span className="block font-mono text-[11px] text-slate-500">{r.entityId}</span>}
                  </Td>
                  <Td>
                    {r.before || r.after ? (
                      <details>
                        <summary className="cursor-pointer text-xs text-brand-700">{t('show')}</summary>
                        <div className="mt-2 grid gap-2 md:grid-cols-2">
                          <div><p className="text-[11px] font-semibold text-slate-500">{t('before')}</p><Json value={r.before} /></div>
                          <div><p className="text-[11px] font-semibold text-slate-500">{t('after')}</p><Json value={r.after} /></div>
                        </div>
                      </details>
                    ) : (
                      <span className="text-slate-400">–</span>
                    )}
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
          <Pagination pathname="/audit" params={params} page={data.page} pageSize={data.pageSize} total={data.total} />
        </>
      )}
    </>
  )
}
