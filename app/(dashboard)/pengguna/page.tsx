import type { Metadata } from 'next'
import Link from 'next/link'
import { getLocale, getTranslations } from 'next-intl/server'
import { Download, Plus } from 'lucide-react'
import { Badge } from '@/components/ui/badge'
import { LinkButton, buttonClass } from '@/components/ui/button'
import { EmptyState } from '@/components/ui/empty-state'
import { PastLastPage } from '@/components/ui/past-last-page'
import { inputClass } from '@/components/ui/input-class'
import { PageHeader } from '@/components/ui/page-header'
import { Pagination } from '@/components/ui/pagination'
import { SortLinks, SortTh, Table, Td, Th } from '@/components/ui/table'
import { UserRowActions } from '@/components/users/user-row-actions'
import { findUsers, userFormOptions } from '@/lib/data/users'
import { env } from '@/lib/env'
import { formatDateTime } from '@/lib/format'
import { ROLE_LABELS, ROLES } from '@/lib/permissions'
import { requirePermission } from '@/lib/session'
import { flatParams, hrefWith, type SearchParams } from '@/lib/url'
import { userFilterSchema } from '@/lib/validations/users'
import { FilterForm, KeptSort } from '@/components/ui/filter-form'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('users'))('title') }
}

export default async function UsersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requirePermission('users.manage')
  const params = flatParams(await searchParams)
  const filter = userFilterSchema.parse(params)
  const [t, locale, { rows, total, page, pageSize }, options] = await Promise.all([
    getTranslations('users'),
    getLocale(),
    findUsers({ user, filter }),
    userFormOptions(env().AGENCY_PROVINCE_CODE),
  ])
  const lang = locale === 'en' ? 'en' : 'id'
  const exportHref = (format: string) => hrefWith('/api/pengguna/ekspor', params, { format, page: undefined })
  return (
    <>
      <PageHeader
        title={t('title')}
        description={t('description')}
        actions={
          <>
            <a href={exportHref('xlsx')} className={buttonClass('secondary')}><Download aria-hidden className="size-4" />{t('export')} .xlsx</a>
            <a href={exportHref('csv')} className={buttonClass('secondary')}>.csv</a>
            <Link href="/pengguna/klien-api" className={buttonClass('secondary')}>{t('apiClients')}</Link>
            <LinkButton href="/pengguna/baru"><Plus aria-hidden className="size-4" />{t('new')}</LinkButton>
          </>
        }
      />
      {params.disimpan && <p role="status" className="mb-4 rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-800">{t(params.disimpan === 'sesi' ? 'savedSessionsEnded' : 'saved')}</p>}
      <FilterForm className="mb-4 grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-5" role="search">
        <KeptSort sort={filter.sort} dir={filter.dir} />
        <label className="flex flex-col gap-1 text-sm lg:col-span-2">
          <span className="font-medium">{t('search')}</span>
          <input name="q" defaultValue={filter.q} className={inputClass()} type="search" />
        </label>
        <label className="flex flex-col gap-1 text-sm">
          <span className="font-medium">{t('role')}</span>
          <select name="role" defaultValue={filter.role ?? ''} className={inputClass()}>
            <option value="">{t('allRoles')}</option>
            {ROLES.map((r) => <option key={r} value={r}>{ROLE_LABELS[r][lang]}</option>)}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-sm">
          <span className="font-medium">{t('status')}</span>
          <select name="status" defaultValue={filter.status ?? ''} className={inputClass()}>
            <option value="">{t('allStatus')}</option>
            <option value="aktif">{t('active')}</option>
            <option value="nonaktif">{t('inactive')}</option>
          </select>
        </label>
        <label className="flex flex-col gap-1 text-sm">
          <span className="font-medium">{t('regency')}</span>
          <select name="regency" defaultValue={filter.regency ?? ''} className={inputClass()}>
            <option value="">{t('allRegencies')}</option>
            {options.regencies.map((r) => <option key={r.code} value={r.code}>{r.name}</option>)}
          </select>
        </label>
        <div className="flex items-end gap-2 lg:col-span-5">
          <button type="submit" className={buttonClass('primary')}>{t('apply')}</button>
          <Link href="/pengguna" className={buttonClass('ghost')}>{t('reset')}</Link>
        </div>
      </FilterForm>
      {rows.length === 0 && total > 0 ? (
        <PastLastPage page={page} total={total} href={hrefWith('/pengguna', params, { page: undefined })} />
      ) : rows.length === 0 ? (
        <EmptyState title={t('empty')} />
      ) : (
        <>
          {/* phones: one card per user, as the other lists do, instead of a table scrolled sideways */}
          <SortLinks hiddenFrom="md" pathname="/pengguna" params={params} defaultSort="username" columns={[
            { column: 'username', label: t('username') }, { column: 'name', label: t('name') },
            { column: 'role', label: t('role') }, { column: 'lastSignInAt', firstDir: 'desc', label: t('lastSignIn') },
          ]} />
          <ul className="space-y-2 md:hidden" aria-label={t('title')}>
            {rows.map((u) => (
              <li key={u.id} data-username={u.username} className="rounded-lg border border-slate-200 bg-white p-3 text-sm">
                <p className="font-medium text-slate-900">{u.name}</p>
                <p className="break-all font-mono text-xs text-slate-600">{u.username}{u.email && <span className="font-sans"> · {u.email}</span>}</p>
                <p className="mt-1 text-slate-700">{ROLE_LABELS[u.role][lang]} · {u.regency?.name ?? u.bank?.shortName ?? '–'}</p>
                <div className="mt-1 flex flex-wrap items-center gap-2">
                  {u.active ? <Badge tone="green">{t('active')}</Badge> : <Badge tone="slate">{t('inactive')}</Badge>}
                  {u.mustChangePassword && <Badge tone="amber">{t('mustChange')}</Badge>}
                  <span className="text-xs text-slate-500">{t('lastSignIn')}: {u.lastSignInAt ? formatDateTime(u.lastSignInAt, { locale: lang }) : t('never')}</span>
                </div>
                <div className="mt-2 flex flex-wrap items-start gap-2">
                  <LinkButton href={`/pengguna/${u.id}`} variant="secondary" size="sm">{t('edit')}</LinkButton>
                  <UserRowActions id={u.id} version={u.version} username={u.username} active={u.active} self={u.id === user.id} />
                </div>
              </li>
            ))}
          </ul>
          <div className="hidden md:block">
          <Table caption={t('title')}>
            <thead>
              <tr>
                <SortTh label={t('username')} column="username" pathname="/pengguna" params={params} defaultSort="username" />
                <SortTh label={t('name')} column="name" pathname="/pengguna" params={params} />
                <SortTh label={t('role')} column="role" pathname="/pengguna" params={params} />
                <Th>{t('scope')}</Th>
                <Th>{t('status')}</Th>
                <SortTh label={t('lastSignIn')} column="lastSignInAt" firstDir="desc" pathname="/pengguna" params={params} />
                <Th>{t('actions')}</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {rows.map((u) => (
                <tr key={u.id} data-username={u.username}>
                  <Td className="font-mono text-xs">{u.username}</Td>
                  <Td>
                    <span className="font-medium">{u.name}</span>
                    {u.email && <span className="block break-all text-xs text-slate-500">{u.email}</span>}
                  </Td>
                  <Td>{ROLE_LABELS[u.role][lang]}</Td>
                  <Td>{u.regency?.name ?? u.bank?.shortName ?? '–'}</Td>
                  <Td>
                    <div className="flex flex-col items-start gap-1">
                      {u.active ? <Badge tone="green">{t('active')}</Badge> : <Badge tone="slate">{t('inactive')}</Badge>}
                      {u.mustChangePassword && <Badge tone="amber">{t('mustChange')}</Badge>}
                    </div>
                  </Td>
                  <Td className="whitespace-nowrap text-xs">{u.lastSignInAt ? formatDateTime(u.lastSignInAt, { locale: lang }) : t('never')}</Td>
                  <Td>
                    {/* the buttons stacked, one under another in every row: on one line they pushed the table past a 1400 px
                        screen, and wrapping let a row of two set the column's width (a 1366 px screen cut "Reset sandi") */}
                    <div className="flex flex-col items-start gap-1.5">
                      <LinkButton href={`/pengguna/${u.id}`} variant="secondary" size="sm">{t('edit')}</LinkButton>
                      <UserRowActions id={u.id} version={u.version} username={u.username} active={u.active} self={u.id === user.id} stacked />
                    </div>
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
          </div>
          <Pagination pathname="/pengguna" params={params} page={page} pageSize={pageSize} total={total} />
        </>
      )}
    </>
  )
}
