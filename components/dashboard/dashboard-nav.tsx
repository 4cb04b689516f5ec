import Link from 'next/link'
import clsx from 'clsx'
import { getTranslations } from 'next-intl/server'
import { can } from '@/lib/permissions'
import type { SessionUser } from '@/lib/session-user'

/**
 * Tabs of the leadership dashboards. The overview is the sidebar's home; the credit and indicator
 * dashboards are reached from here (so the sidebar stays short). The current filters travel along.
 */
export async function DashboardNav({ user, current, query = '' }: { user: SessionUser; current: 'overview' | 'credit' | 'indicators'; query?: string }) {
  const t = await getTranslations('dashboard.tabs')
  const q = query ? `?${query}` : ''
  const tabs = [
    { key: 'overview', href: `/${q}`, label: t('overview') },
    { key: 'credit', href: `/dasbor/kredit${q}`, label: t('credit') },
    ...(can(user.role, 'reports.read') ? [{ key: 'indicators', href: '/dasbor/indikator', label: t('indicators') }] : []),
  ]
  return (
    <nav aria-label={t('label')} className="no-print mb-5 flex gap-1 overflow-x-auto border-b border-slate-200">
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
