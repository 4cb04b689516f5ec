import { ClientMessages } from '@/components/i18n/client-messages'
import { getTranslations } from 'next-intl/server'
import { SectionTabs } from '@/components/ui/section-tabs'
import { PageHeader } from '@/components/ui/page-header'
import { requirePermission } from '@/lib/session'

/** The admin's programme settings: indicators, targets, deadlines, dashboard thresholds, health template, validation rules, partner banks, the holiday calendar. */
export default async function SettingsLayout({ children }: { children: React.ReactNode }) {
  await requirePermission('config.manage')
  const t = await getTranslations('config')
  const items = [
    { href: '/pengaturan/indikator', label: t('tabs.indicators') },
    { href: '/pengaturan/target', label: t('tabs.targets') },
    { href: '/pengaturan/tenggat', label: t('tabs.deadlines') },
    { href: '/pengaturan/ambang', label: t('tabs.thresholds') },
    { href: '/pengaturan/kesehatan', label: t('tabs.health') },
    { href: '/pengaturan/aturan', label: t('tabs.rules') },
    { href: '/pengaturan/bank', label: t('tabs.banks') },
    { href: '/pengaturan/hari-libur', label: t('tabs.holidays') },
  ]
  return (
    <ClientMessages section="pengaturan">
      <PageHeader title={t('title')} description={t('description')} />
      <SectionTabs items={items} label={t('tabs.label')} />
      {children}
    </ClientMessages>
  )
}
