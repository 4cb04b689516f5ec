import type { Metadata } from 'next'
import Link from 'next/link'
import { getLocale, getTranslations } from 'next-intl/server'
import { ApiClientForm } from '@/components/api/api-client-form'
import { RevokeApiClient } from '@/components/api/revoke-api-client'
import { Badge } from '@/components/ui/badge'
import { buttonClass } from '@/components/ui/button'
import { EmptyState } from '@/components/ui/empty-state'
import { PageHeader } from '@/components/ui/page-header'
import { Table, Td, Th } from '@/components/ui/table'
import { findApiClients } from '@/lib/data/api-clients'
import { userFormOptions } from '@/lib/data/users'
import { jakartaToday } from '@/lib/dates'
import { env } from '@/lib/env'
import { formatDateTime } from '@/lib/format'
import { ROLE_LABELS } from '@/lib/permissions'
import { requirePermission } from '@/lib/session'
import { API_CLIENT_ROLES } from '@/lib/validations/api-clients'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('apiClients'))('title') }
}

/** API clients (partner banks' and other systems' access to /api/v1): create, see last use, revoke. */
export default async function ApiClientsPage() {
  const user = await requirePermission('users.manage')
  const [t, locale, clients, options] = await Promise.all([getTranslations('apiClients'), getLocale(), findApiClients({ user }), userFormOptions(env().AGENCY_PROVINCE_CODE)])
  const lang = locale === 'en' ? 'en' : 'id'
  const now = new Date()
  const today = jakartaToday()
  const defaultExpiry = `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`.replace('-02-29', '-02-28')
  return (
    <>
      <PageHeader
        title={t('title')}
        description={t('description')}
        actions={
          <>
            <Link href="/pengguna/klien-api/referensi" className={buttonClass('secondary')}>{t('reference')}</Link>
            <a href="/api/v1/openapi.json" className={buttonClass('ghost')}>openapi.json</a>
          </>
        }
      />
      <div className="space-y-6">
        <ApiClientForm
          roles={API_CLIENT_ROLES.map((r) => ({ value: r, label: `${ROLE_LABELS[r][lang]} – ${t(`scope.${r}`)}` }))}
          regencies={options.regencies.map((r) => ({ value: r.code, label: `${r.code} ${r.name}` }))}
          banks={options.banks.map((b) => ({ value: b.id, label: b.shortName }))}
          defaultExpiry={defaultExpiry}
        />
        {clients.length === 0 ? (
          <EmptyState title={t('empty')} />
        ) : (
          <Table caption={t('listCaption')}>
            <thead>
              <tr>
                {/* the name stays in view while a phone scrolls to the status and the revoke button (a client revoked
                    had shown as a row of "Revoked · Never" with no name) */}
                <Th sticky>{t('name')}</Th>
                <Th>{t('role')}</Th>
                <Th>{t('token')}</Th>
                <Th>{t('status')}</Th>
                <Th>{t('lastUsed')}</Th>
                <Th>{t('actions')}</Th>
              </tr>
            </thead>
            <tbody>
              {clients.map((c) => {
                const state = c.revokedAt ? 'revoked' : c.expiresAt <= now ? 'expired' : 'active'
                return (
                  <tr key={c.id}>
                    <Td sticky>
                      {/* narrow on a phone, wrapping: a long name had taken most of the screen beside the scrolled columns */}
                      <span className="block max-w-36 sm:max-w-none">
                        <span className="font-medium">{c.name}</span>
                        <span className="block text-xs text-slate-500">{c.owner}</span>
                      </span>
                    </Td>
                    <Td>
                      {ROLE_LABELS[c.role][lang]}
                      <span className="block text-xs text-slate-500">{c.bank?.shortName ?? (c.regency ? `${c.regency.code} ${c.regency.name}` : t('provinceWide'))}</span>
                    </Td>
                    <Td><code className="text-xs">{c.tokenPrefix}…</code></Td>
                    <Td>
                      <Badge tone={state === 'active' ? 'green' : 'slate'}>{t(`state.${state}`)}</Badge>
                      {/* a revoked token says when; its expiry no longer matters */}
                      <span className="block text-xs text-slate-500">{c.revokedAt ? t('revokedOn', { date: formatDateTime(c.revokedAt, { locale: lang }) }) : t('until', { date: formatDateTime(c.expiresAt, { locale: lang }) })}</span>
                    </Td>
                    <Td>{c.lastUsedAt ? <>{formatDateTime(c.lastUsedAt, { locale: lang })}<span className="block text-xs text-slate-500">{c.lastUsedIp}</span></> : t('never')}</Td>
                    {/* "Cabut token" on one line (it had wrapped into a two-line button in every row); the dialog wraps its own text */}
                    <Td className="whitespace-nowrap">{state !== 'revoked' && <RevokeApiClient id={c.id} name={c.name} />}</Td>
                  </tr>
                )
              })}
            </tbody>
          </Table>
        )}
      </div>
    </>
  )
}
