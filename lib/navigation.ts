/**
 * The sidebar's entries, in one place, each with the permission that shows it: a role sees only
 * what it may use (the pages check the same permission on the server).
 */
import type { Permission } from '@/lib/permissions'

export const NAV_ITEMS = [
  { key: 'home', href: '/', icon: 'home', permission: 'dashboard.read' },
  { key: 'cooperatives', href: '/koperasi', icon: 'building', permission: 'cooperatives.read' },
  { key: 'msmes', href: '/umkm', icon: 'store', permission: 'msmes.read' },
  { key: 'activities', href: '/kegiatan', icon: 'graduation-cap', permission: 'activities.read' },
  { key: 'programmeTargets', href: '/target-program', icon: 'target', permission: 'programmeTargets.read' },
  { key: 'credit', href: '/kredit', icon: 'banknote', permission: 'credit.read' },
  { key: 'quarterly', href: '/laporan-triwulan', icon: 'clipboard', permission: 'reports.read' },
  { key: 'meetings', href: '/rapat', icon: 'users', permission: 'meetings.read' },
  { key: 'followUps', href: '/tindak-lanjut', icon: 'list-checks', permission: 'meetings.read' },
  { key: 'imports', href: '/impor', icon: 'upload', permission: 'imports.use' },
  { key: 'settings', href: '/pengaturan', icon: 'settings', permission: 'config.manage' },
  { key: 'users', href: '/pengguna', icon: 'user-cog', permission: 'users.manage' },
  { key: 'audit', href: '/audit', icon: 'history', permission: 'audit.read' },
] as const satisfies readonly { key: string; href: string; icon: string; permission: Permission }[]

export type NavKey = (typeof NAV_ITEMS)[number]['key']
export type NavIcon = (typeof NAV_ITEMS)[number]['icon']

/** Whether `pathname` is inside the section at `href` (the home entry matches only itself). */
export function isActive(href: string, pathname: string): boolean {
  return href === '/' ? pathname === '/' : pathname === href || pathname.startsWith(`${href}/`)
}
