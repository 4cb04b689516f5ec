import { ClientMessages } from '@/components/i18n/client-messages'
import { getTranslations } from 'next-intl/server'
import { PageHeader } from '@/components/ui/page-header'
import { SectionTabs } from '@/components/ui/section-tabs'
import { can } from '@/lib/permissions'
import { requirePermission } from '@/lib/session'

/** Quarterly reporting: the role's own list first (an officer's reports, the admin's inbox), then the figures. */
export default async function QuarterlyLayout({ children }: { children: React.ReactNode }) {
  const user = await requirePermission('reports.read')
  const [t, tr] = await Promise.all([getTranslations('reporting.tabs'), getTranslations('reporting')])
  const items = [
    ...(can(user.role, 'reports.write') ? [{ href: '/laporan-triwulan', label: t('mine') }] : []),
    ...(can(user.role, 'reports.review') ? [{ href: '/laporan-triwulan', label: t('inbox') }] : []),
    { href: '/laporan-triwulan/kelengkapan', label: t('completeness') },
    { href: '/laporan-triwulan/realisasi', label: t('realisation') },
  ]
  return (
    <ClientMessages section="laporan-triwulan">
      <PageHeader title={tr('title')} description={tr('description')} />
      <SectionTabs items={items} label={t('label')} />
      {children}
    </ClientMessages>
  )
}
