import Link from 'next/link'
import clsx from 'clsx'
import { getTranslations } from 'next-intl/server'
import { can } from '@/lib/permissions'
import type { SessionUser } from '@/lib/session-user'

/** Tabs of the credit section; claims only for the roles that submit or verify them. */
export async function CreditNav({ user, current }: { user: SessionUser; current: 'programs' | 'disbursements' | 'claims' }) {
  const t = await getTranslations('credit')
  const tabs = [
    { key: 'programs', href: '/kredit', label: t('programs') },
    { key: 'disbursements', href: '/kredit/penyaluran', label: t('disbursements') },
    ...(can(user.role, 'claims.submit') || can(user.role, 'claims.verify') ? [{ key: 'claims', href: '/kredit/klaim', label: t('claims') }] : []),
  ]
  return (
    <nav aria-label={t('title')} className="mb-5 flex gap-1 overflow-x-auto border-b border-slate-200">
      {tabs.map((tab) => (
        <Link
          key={tab.key}
          href={tab.href}
          aria-current={tab.key === current ? 'page' : undefined}
          className={clsx('whitespace-nowrap border-b-2 px-3 py-2 text-sm font-medium', tab.key === current ? 'border-brand-600 text-brand-700' : 'border-transparent text-slate-600 hover:text-slate-900')}
        >
          {tab.label}
        </Link>
      ))}
    </nav>
  )
}
