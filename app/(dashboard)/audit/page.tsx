import type { Metadata } from 'next'
import { DateInput } from '@/components/ui/date-input'
import { IgnoredDates } from '@/components/ui/ignored-dates'
import Link from 'next/link'
import { getLocale, getTranslations } from 'next-intl/server'
import { Download } from 'lucide-react'
import { buttonClass } from '@/components/ui/button'
import { EmptyState } from '@/components/ui/empty-state'
import { PastLastPage } from '@/components/ui/past-last-page'
import { inputClass } from '@/components/ui/input-class'
import { PageHeader } from '@/components/ui/page-header'
import { Pagination } from '@/components/ui/pagination'
import { Table, Td, Th } from '@/components/ui/table'
import { findAuditLogs } from '@/lib/data/audit'
import { auditAddress, auditAmount, auditChanges, auditHref, auditImport, auditRole, auditSubject, inSentence, isEvidence } from '@/lib/audit-text'
import { importKind } from '@/lib/imports/kinds'
import { auditFieldLabel, auditFieldsInOrder, auditValue } from '@/lib/audit-values'
import { formatDate, formatDateTime, formatRupiah } from '@/lib/format'
import { requirePermission } from '@/lib/session'
import { flatParams, hrefWith, type SearchParams } from '@/lib/url'
import { auditFilterSchema } from '@/lib/validations/audit'
import { FilterForm } from '@/components/ui/filter-form'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('audit'))('title') }
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requirePermission('audit.read')
  const params = flatParams(await searchParams)
  const filter = auditFilterSchema.parse(params)
  const locale = await getLocale()
  const lang = locale === 'en' ? 'en' : 'id'
  const [t, tl, data] = await Promise.all([getTranslations('audit'), getTranslations('auditLog'), findAuditLogs({ user, filter, lang })])
  const names = new Map(data.users.map((u) => [u.id, u.name]))
  // a label from the catalogue, or the raw code when a newer kind of record has none yet
  const label = (group: 'verb' | 'entity', key: string) => (tl.has(`${group}.${key}`) ? tl(`${group}.${key}` as 'verb.CREATE') : key)
  // the labels are written to sit inside a sentence ("menyetujui klaim subsidi"); a list of choices starts each with a capital
  const choice = (group: 'verb' | 'entity', key: string) => { const text = label(group, key); return text.charAt(0).toLocaleUpperCase(locale) + text.slice(1) }
  // an action's choice in the filter: a verb that needs its object in the sentence ("reset the password of …") has a label
  // of its own, which the list had shown cut off as "Reset the password of"
  const actionChoice = (action: string) => (tl.has(`verbOption.${action}`) ? tl(`verbOption.${action}` as 'verb.CREATE') : choice('verb', action))
  // a verb some kinds of record word their own way: a client API's DEACTIVATE revokes its token ("mencabut token klien API …")
  const verbOf = (action: string, entity: string) => (tl.has(`entityVerb.${entity}.${action}`) ? tl(`entityVerb.${entity}.${action}` as 'verb.CREATE') : label('verb', action))
  const SELF = new Set(['SIGN_IN', 'SIGN_IN_FAILED', 'PASSWORD_CHANGE'])
  const exportHref = (format: string) => hrefWith('/api/audit/ekspor', params, { format, page: undefined, from: filter.from, to: filter.to })
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
      <FilterForm role="search" className="mb-4 grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-6">
        <label className="flex flex-col gap-1 text-sm">
          <span className="font-medium">{t('user')}</span>
          <select name="user" defaultValue={filter.user ?? ''} className={inputClass()}>
            <option value="">{t('allUsers')}</option>
            {data.users.map((u) => <option key={u.id} value={u.id}>{u.name} ({u.username})</option>)}
            {data.clients.length > 0 && (
              <optgroup label={t('apiClients')}>
                {data.clients.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
              </optgroup>
            )}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-sm">
          <span className="font-medium">{t('entity')}</span>
          <select name="entity" defaultValue={filter.entity ?? ''} className={inputClass()}>
            <option value="">{t('allEntities')}</option>
            {data.entities.map((e) => <option key={e} value={e}>{choice('entity', e)}</option>)}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-sm">
          <span className="font-medium">{t('action')}</span>
          <select name="action" defaultValue={filter.action ?? ''} className={inputClass()}>
            <option value="">{t('allActions')}</option>
            {data.actions.map((a) => <option key={a} value={a}>{actionChoice(a)}</option>)}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-sm">
          <span className="font-medium">{t('from')}</span>
          <DateInput name="from" defaultValue={filter.from} />
        </label>
        <label className="flex flex-col gap-1 text-sm">
          <span className="font-medium">{t('to')}</span>
          <DateInput name="to" defaultValue={filter.to} />
        </label>
        <div className="flex items-end gap-2">
          {filter.record && <input type="hidden" name="record" value={filter.record} />}
          <button type="submit" className={buttonClass('primary')}>{tl('apply')}</button>
          <Link href="/audit" className={buttonClass('ghost')}>{tl('reset')}</Link>
        </div>
      </FilterForm>
      <IgnoredDates dates={[{ label: t('from'), sent: params.from, kept: filter.from }, { label: t('to'), sent: params.to, kept: filter.to }]} />
      {filter.record && (
        <p className="mb-3 text-sm text-slate-700" data-testid="record-filter">
          {tl(filter.entity === 'Cooperative' ? 'recordWithParts' : 'recordOnly', { record: data.records.get(`${filter.entity}:${filter.record}`)?.name ?? filter.record })}{' '}
          <Link href={hrefWith('/audit', params, { record: undefined, entity: undefined, page: undefined })} className="text-brand-700 underline">{tl('showAll')}</Link>
        </p>
      )}
      {/* a start after the end matches nothing: said, with the dates swapped one click away, not an empty list alone */}
      {filter.from && filter.to && filter.from > filter.to && (
        <p role="alert" className="mb-3 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900" data-testid="range-reversed">
          {t('rangeReversed', { from: formatDate(new Date(`${filter.from}T00:00:00Z`), { locale: lang }), to: formatDate(new Date(`${filter.to}T00:00:00Z`), { locale: lang }) })}{' '}
          <Link href={hrefWith('/audit', params, { from: filter.to, to: filter.from, page: undefined })} className="font-medium text-brand-700 underline">{t('rangeSwap')}</Link>
        </p>
      )}
      {data.rows.length === 0 && data.total > 0 ? (
        <PastLastPage page={data.page} total={data.total} href={hrefWith('/audit', params, { page: undefined })} />
      ) : data.rows.length === 0 ? (
        <EmptyState title={t('empty')} />
      ) : (
        <>
          {/* on a phone each entry is a card (time, sentence, changes one under another): three columns left the
              changes a few words wide; the column heads stay for screen readers */}
          <Table caption={t('title')} className="max-md:block">
            <thead className="max-md:sr-only">
              <tr>
                <Th>{t('when')}</Th>
                <Th>{t('action')}</Th>
                <Th>{t('changes')}</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100 max-md:block">
              {data.rows.map((r) => {
                const record = r.entityId ? data.records.get(`${r.entity}:${r.entityId}`) : undefined
                const { name, now } = auditSubject(record, r.before, r.after)
                const href = r.action === 'DELETE' ? null : auditHref(r.entity, r.entityId, r.after ?? r.before, record?.report)
                const amount = auditAmount(r.action, r.after)
                const changes = auditFieldsInOrder(r.entity, auditChanges(r.before, r.after))
                const actor = (r.userId && names.get(r.userId)) || r.username
                // an import says what it took in ("mengimpor 3 baris UMKM dari umkm.xlsx"), never "mengimpor impor data"
                const imported = auditImport(r.action, r.after)
                const importedKind = imported && importKind(imported.kind)
                const address = auditAddress(r.ip)
                // an import's kind by its title (lib/imports/kinds, server-only, so named here), any other value by lib/audit-values
                const shown = (field: string, v: unknown) => (r.entity === 'DataImport' && field === 'kind' && typeof v === 'string' ? importKind(v)?.title[lang] ?? v : auditValue(r.entity, field, v, lang, data.refs))
                const linked = (text: string) => (href ? <Link href={href} className="font-medium text-brand-700 underline">{text}</Link> : <span className="font-medium">{text}</span>)
                return (
                  <tr key={String(r.id)} data-audit={r.action} className="max-md:block max-md:py-2">
                    <Td className="whitespace-nowrap text-xs max-md:block max-md:pb-0 max-md:text-slate-500">{formatDateTime(r.createdAt, { locale: lang })}</Td>
                    <Td className="max-md:block max-md:py-1">
                      <p className="text-sm" data-testid="audit-sentence">
                        <strong>{actor}</strong>{' '}
                        {r.action === 'IMPORT' && r.entity === 'DataImport' ? (
                          imported && importedKind ? <>{tl('importRows', { count: imported.rows, kind: inSentence(importedKind.title[lang]) })} {linked(imported.fileName)}</> : tl('importRun')
                        ) : (
                          <>{verbOf(r.action, r.entity)}{!SELF.has(r.action) && <> {isEvidence(r.entity, r.after ?? r.before) ? tl('evidence') : label('entity', r.entity)}{name && <> {linked(name)}{now && <span className="text-slate-600"> {tl('nowNamed', { name: now })}</span>}</>}</>}</>
                        )}
                        {amount !== null && <> ({formatRupiah(amount, { locale: lang })})</>}
                      </p>
                      <span className="block text-xs text-slate-500">{r.username} · {auditRole(r.role, lang)}{address ? ` · ${address === 'local' ? tl('fromLocal') : tl('from', { ip: address })}` : ''}</span>
                    </Td>
                    <Td className="max-md:block max-md:pt-0">
                      {changes.length > 0 ? (
                        <details data-print-open>
                          <summary className="cursor-pointer text-xs text-brand-700">{t('show')} ({tl('changed', { count: changes.length })})</summary>
                          <dl className="mt-2 space-y-1 text-xs">
                            {changes.map((c) => (
                              <div key={c.field} className="grid gap-x-2 sm:grid-cols-[10rem_1fr]">
                                <dt className="font-medium text-slate-600">{auditFieldLabel(r.entity, c.field, lang, data.refs)}</dt>
                                <dd className="break-words">
                                  {r.before && r.after ? <><del className="text-slate-500">{shown(c.field, c.before)}</del> → <ins className="no-underline">{shown(c.field, c.after)}</ins></> : shown(c.field, r.after ? c.after : c.before)}
                                </dd>
                              </div>
                            ))}
                          </dl>
                        </details>
                      ) : (
                        <span className="text-slate-400 max-md:hidden">–</span>
                      )}
                    </Td>
                  </tr>
                )
              })}
            </tbody>
          </Table>
          <Pagination pathname="/audit" params={params} page={data.page} pageSize={data.pageSize} total={data.total} />
        </>
      )}
    </>
  )
}
