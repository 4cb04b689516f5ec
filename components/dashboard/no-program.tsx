import Link from 'next/link'
import { getTranslations } from 'next-intl/server'
import { EmptyState } from '@/components/ui/empty-state'
import { can } from '@/lib/permissions'
import type { SessionUser } from '@/lib/session-user'

/**
 * The credit dashboards before any programme exists (a new deployment, an agency without a credit scheme) or
 * for a bank in none: what to do next, and the parts of Lumbung that do not need a programme, each only where
 * the user may go. An empty box alone left the home page a dead end.
 */
export async function NoProgramState({ user }: { user: SessionUser }) {
  const t = await getTranslations('dashboard')
  const links = [
    can(user.role, 'credit.configure') && { href: '/kredit/baru', label: t('noProgramCreate') },
    can(user.role, 'reports.read') && { href: '/dasbor/indikator', label: t('noProgramIndicators') },
    can(user.role, 'reports.read') && { href: '/laporan-triwulan', label: t('noProgramReports') },
    can(user.role, 'cooperatives.read') && { href: '/koperasi', label: t('noProgramRegisters') },
    can(user.role, 'meetings.read') && { href: '/rapat', label: t('noProgramMeetings') },
  ].filter((l): l is { href: string; label: string } => Boolean(l))
  return (
    <EmptyState title={t('noProgram')}>
      <p>{can(user.role, 'credit.configure') ? t('noProgramHintAdmin') : user.role === 'BANK_OFFICER' ? t('noProgramHintBank') : t('noProgramHint')}</p>
      <ul className="mt-3 flex flex-wrap justify-center gap-x-4 gap-y-2">
        {links.map((l) => <li key={l.href}><Link href={l.href} className="font-medium text-brand-700 underline">{l.label}</Link></li>)}
      </ul>
    </EmptyState>
  )
}
