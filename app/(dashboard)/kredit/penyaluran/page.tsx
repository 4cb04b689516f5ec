import type { Metadata } from 'next'
import { DateInput } from '@/components/ui/date-input'
import { IgnoredDates } from '@/components/ui/ignored-dates'
import Link from 'next/link'
import { getLocale, getTranslations } from 'next-intl/server'
import { Download, FileUp, Plus } from 'lucide-react'
import { COLLECTIBILITY_CLASSES, collectibilityTone } from '@/components/credit/collectibility'
import { CreditNav } from '@/components/credit/credit-nav'
import { Badge } from '@/components/ui/badge'
import { LinkButton, buttonClass } from '@/components/ui/button'
import { EmptyState } from '@/components/ui/empty-state'
import { PastLastPage } from '@/components/ui/past-last-page'
import { inputClass } from '@/components/ui/input-class'
import { PageHeader } from '@/components/ui/page-header'
import { Pagination } from '@/components/ui/pagination'
import { SortLinks, SortTh, Table, Td, Th } from '@/components/ui/table'
import { readDb } from '@/lib/db'
import { findDisbursements, listPrograms } from '@/lib/data/disbursements'
import { env } from '@/lib/env'
import { formatDate, formatNumber, formatRate, formatRupiah } from '@/lib/format'
import { can } from '@/lib/permissions'
import { requirePermission } from '@/lib/session'
import { flatParams, hrefWith, type SearchParams } from '@/lib/url'
import { disbursementFilterSchema } from '@/lib/validations/credit'
import { FilterForm, KeptSort, MoreFilters } from '@/components/ui/filter-form'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('credit'))('disbursements') }
}

export default async function DisbursementsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requirePermission('credit.read')
  const params = flatParams(await searchParams)
  const filter = disbursementFilterSchema.parse(params)
  const [t, tc, locale, data, programs, regencies, banks] = await Promise.all([
    getTranslations('credit'),
    getTranslations('common'),
    getLocale(),
    findDisbursements({ user, filter }),
    listPrograms({ user }),
    user.role === 'DISTRICT_OFFICER' ? [] : readDb.regency.findMany({ where: { provinceCode: env().AGENCY_PROVINCE_CODE }, select: { code: true, name: true }, orderBy: { code: 'asc' } }),
    user.role === 'BANK_OFFICER' ? [] : readDb.bank.findMany({ select: { id: true, shortName: true }, orderBy: { shortName: 'asc' } }),
  ])
  const lang = locale === 'en' ? 'en' : 'id'
  const exportHref = (format: string) => hrefWith('/api/kredit/penyaluran/ekspor', params, { format, page: undefined, from: filter.from, to: filter.to })
  return (
    <>
      <PageHeader
        title={t('disbursements')}
        actions={
          <>
            <a href={exportHref('xlsx')} className={buttonClass('secondary')}><Download aria-hidden className="size-4" />.xlsx</a>
            <a href={exportHref('csv')} className={buttonClass('secondary')}>.csv</a>
            {can(user.role, 'disbursements.write') && can(user.role, 'imports.use') && <LinkButton variant="secondary" href="/impor/baru?jenis=penyaluran"><FileUp aria-hidden className="size-4" />{(await getTranslations('imports'))('fromExcel')}</LinkButton>}
            {can(user.role, 'disbursements.write') && <LinkButton href="/kredit/penyaluran/baru"><Plus aria-hidden className="size-4" />{t('recordDisbursement')}</LinkButton>}
          </>
        }
      />
      <CreditNav user={user} current="disbursements" />
      <FilterForm role="search" className="mb-4 grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-4">
        <KeptSort sort={filter.sort} dir={filter.dir} />
        <label className="flex flex-col gap-1 text-sm lg:col-span-2">
          <span className="font-medium">{t('search')}</span>
          <input type="search" name="q" defaultValue={filter.q} className={inputClass()} />
        </label>
        {/* counted only where there is a control for it: a bank officer has no bank choice, a district officer no regency */}
        <MoreFilters active={[filter.program, regencies.length > 0 && filter.regency, banks.length > 0 && filter.bank, filter.from, filter.to, filter.collectibility, filter.flagged].filter(Boolean).length}>
        <label className="flex flex-col gap-1 text-sm">
          <span className="font-medium">{t('program')}</span>
          <select name="program" defaultValue={filter.program ?? ''} className={inputClass()}>
            <option value="">{t('allPrograms')}</option>
            {programs.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
          </select>
        </label>
        {regencies.length > 0 && (
          <label className="flex flex-col gap-1 text-sm">
            <span className="font-medium">{t('regency')}</span>
            <select name="regency" defaultValue={filter.regency ?? ''} className={inputClass()}>
              <option value="">{t('allRegencies')}</option>
              {regencies.map((r) => <option key={r.code} value={r.code}>{r.name}</option>)}
            </select>
          </label>
        )}
        {banks.length > 0 && (
          <label className="flex flex-col gap-1 text-sm">
            <span className="font-medium">{t('bank')}</span>
            <select name="bank" defaultValue={filter.bank ?? ''} className={inputClass()}>
              <option value="">{t('allBanks')}</option>
              {banks.map((b) => <option key={b.id} value={b.id}>{b.shortName}</option>)}
            </select>
          </label>
        )}
        <label className="flex flex-col gap-1 text-sm">
          <span className="font-medium">{t('from')}</span>
          <DateInput name="from" defaultValue={filter.from} />
        </label>
        <label className="flex flex-col gap-1 text-sm">
          <span className="font-medium">{t('to')}</span>
          <DateInput name="to" defaultValue={filter.to} />
        </label>
        <label className="flex flex-col gap-1 text-sm">
          <span className="font-medium">{t('collectibility')}</span>
          <select name="collectibility" defaultValue={filter.collectibility ?? ''} className={inputClass()}>
            <option value="">–</option>
            {COLLECTIBILITY_CLASSES.map((c) => <option key={c} value={c}>{t('collectibilityClass', { value: c })}</option>)}
          </select>
        </label>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="flagged" value="1" defaultChecked={Boolean(filter.flagged)} />
          {t('onlyFlagged')}
        </label>
        </MoreFilters>
        <div className="flex items-end gap-2">
          <button type="submit" className={buttonClass('primary')}>{t('apply')}</button>
          <Link href="/kredit/penyaluran" className={buttonClass('ghost')}>{tc('reset')}</Link>
        </div>
      </FilterForm>
      <IgnoredDates dates={[{ label: t('from'), sent: params.from, kept: filter.from }, { label: t('to'), sent: params.to, kept: filter.to }]} />
      <p className="mb-2 text-sm text-slate-700" data-testid="disbursement-total">{t('total', { count: formatNumber(data.total, { locale: lang }), n: data.total, sum: formatRupiah(data.sum, { locale: lang }) })}</p>
      {data.rows.length === 0 && data.total > 0 ? (
        <PastLastPage page={data.page} total={data.total} href={hrefWith('/kredit/penyaluran', params, { page: undefined })} />
      ) : data.rows.length === 0 ? (
        <EmptyState title={t('empty')} />
      ) : (
        <>
          {/* phones: a card per loan (the eight-column table scrolled sideways); wider screens: the sortable table */}
          <SortLinks hiddenFrom="md" pathname="/kredit/penyaluran" params={params} defaultSort="contractDate" defaultDir="desc" columns={[
            { column: 'contractDate', firstDir: 'desc', label: t('contractDate') }, { column: 'plafond', firstDir: 'desc', label: t('plafond') }, { column: 'accountNumber', label: t('account') },
          ]} />
          <ul className="space-y-2 md:hidden" aria-label={t('disbursements')}>
            {data.rows.map((d) => (
              <li key={d.id} className="rounded-lg border border-slate-200 bg-white p-3 text-sm" data-account={d.accountNumber}>
                <div className="flex flex-wrap items-start justify-between gap-2">
                  <Link href={`/kredit/penyaluran/${d.id}`} className="break-all font-mono text-xs font-medium text-brand-700 hover:underline">{d.accountNumber}</Link>
                  <div className="flex flex-wrap gap-1">
                    <Badge tone={collectibilityTone(d.collectibility)}>{t('collectibilityClass', { value: d.collectibility })}</Badge>
                    {d.eligibilityIssues.length > 0 && <Badge tone="amber">{t('flagged')}</Badge>}
                  </div>
                </div>
                <p className="mt-1 font-medium text-slate-900">{d.msme.businessName}</p>
                <p className="text-xs text-slate-600"><span className="font-mono">NIB {d.msme.nib}</span> · {d.regency.name}</p>
                <dl className="mt-2 grid grid-cols-2 gap-x-3 gap-y-1 text-xs">
                  <div><dt className="text-slate-500">{t('plafond')}</dt><dd className="whitespace-nowrap font-medium tabular-nums text-slate-800">{formatRupiah(Number(d.plafond), { locale: lang })}</dd></div>
                  <div><dt className="text-slate-500">{t('contractDate')}</dt><dd className="whitespace-nowrap text-slate-800">{formatDate(d.contractDate, { locale: lang })}</dd></div>
                  <div><dt className="text-slate-500">{t('tenor')}</dt><dd className="tabular-nums text-slate-800">{d.tenorMonths}</dd></div>
                  <div><dt className="text-slate-500">{t('bank')}</dt><dd className="text-slate-800">{d.bank.shortName} · {formatRate(d.bankRate, { locale: lang })}</dd></div>
                </dl>
              </li>
            ))}
          </ul>
          <div className="hidden md:block">
          <Table caption={t('disbursements')}>
            <thead>
              <tr>
                <SortTh label={t('account')} column="accountNumber" pathname="/kredit/penyaluran" params={params} />
                <Th>{t('msme')}</Th>
                <Th>{t('regency')}</Th>
                <SortTh label={t('contractDate')} column="contractDate" firstDir="desc" pathname="/kredit/penyaluran" params={params} defaultSort="contractDate" defaultDir="desc" />
                <SortTh label={t('plafond')} column="plafond" firstDir="desc" pathname="/kredit/penyaluran" params={params} align="right" />
                <Th align="right">{t('tenor')}</Th>
                <Th align="right">{t('bank')}</Th>
                <Th>{t('collectibility')}</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {data.rows.map((d) => (
                <tr key={d.id} data-account={d.accountNumber}>
                  <Td className="font-mono text-xs"><Link href={`/kredit/penyaluran/${d.id}`} className="text-brand-700 hover:underline">{d.accountNumber}</Link></Td>
                  <Td>
                    <span className="font-medium">{d.msme.businessName}</span>
                    <span className="block font-mono text-xs text-slate-500">NIB {d.msme.nib}</span>
                  </Td>
                  <Td>{d.regency.name}</Td>
                  <Td className="whitespace-nowrap">{formatDate(d.contractDate, { locale: lang })}</Td>
                  <Td align="right">{formatRupiah(Number(d.plafond), { locale: lang })}</Td>
                  <Td align="right">{d.tenorMonths}</Td>
                  {/* the bank over its rate, as the business over its NIB ("BPR Jatim · 14,00%" broke over three lines) */}
                  <Td align="right">
                    <span className="whitespace-nowrap">{d.bank.shortName}</span>
                    <span className="block text-xs tabular-nums text-slate-500">{formatRate(d.bankRate, { locale: lang })}</span>
                  </Td>
                  <Td>
                    <div className="flex flex-col items-start gap-1">
                      <Badge tone={collectibilityTone(d.collectibility)}>{t('collectibilityClass', { value: d.collectibility })}</Badge>
                      {d.eligibilityIssues.length > 0 && <Badge tone="amber">{t('flagged')}</Badge>}
                    </div>
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
          </div>
          <Pagination pathname="/kredit/penyaluran" params={params} page={data.page} pageSize={data.pageSize} total={data.total} />
        </>
      )}
    </>
  )
}
