import { getTranslations } from 'next-intl/server'
import { Tabs } from '@/components/ui/tabs'
import { can } from '@/lib/permissions'
import type { SessionUser } from '@/lib/session-user'

/**
 * Tabs of the leadership dashboards. The overview is the sidebar's home; the credit and indicator
 * dashboards are reached from here (so the sidebar stays short). The current filters travel along.
 */
export async function DashboardNav({ user, current, query = '' }: { user: SessionUser; current: 'overview' | 'credit' | 'indicators'; query?: string }) {
  const t = await getTranslations('dashboard.tabs')
  const q = query ? `?${query}` : ''
  const regency = new URLSearchParams(query).get('regency')
  const tabs = [
    { key: 'overview', href: `/${q}`, label: t('overview') },
    { key: 'credit', href: `/dasbor/kredit${q}`, label: t('credit') },
    // the indicators keep the regency chosen (the programme, bank and as-of day are the credit pages' own): a leader
    // who filtered Beranda on Jombang had met the province on this tab
    ...(can(user.role, 'reports.read') ? [{ key: 'indicators', href: `/dasbor/indikator${regency ? `?regency=${regency}` : ''}`, label: t('indicators') }] : []),
  ]
  return <Tabs label={t('label')} tabs={tabs} current={current} />
}
