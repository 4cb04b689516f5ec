import { getTranslations } from 'next-intl/server'
import { Tabs } from '@/components/ui/tabs'
import { can } from '@/lib/permissions'
import type { SessionUser } from '@/lib/session-user'

/** Tabs of the credit section; claims only for the roles that submit or verify them. */
export async function CreditNav({ user, current }: { user: SessionUser; current: 'programs' | 'disbursements' | 'claims' }) {
  const t = await getTranslations('credit')
  const tabs = [
    { key: 'programs', href: '/kredit', label: t('programs') },
    { key: 'disbursements', href: '/kredit/penyaluran', label: t('disbursements') },
    ...(can(user.role, 'claims.read') ? [{ key: 'claims', href: '/kredit/klaim', label: t('claims') }] : []),
  ]
  return <Tabs label={t('title')} tabs={tabs} current={current} />
}
