/**
 * The sidebar's entries, in one place. `issue` marks screens still to be built (shown as labelled
 * placeholders). Which roles see which entry is decided by permissions (see lib/permissions.ts).
 */
export const NAV_ITEMS = [
  { key: 'home', href: '/', icon: 'home' },
  { key: 'cooperatives', href: '/koperasi', icon: 'building' },
  { key: 'msmes', href: '/umkm', icon: 'store' },
  { key: 'credit', href: '/kredit', icon: 'banknote' },
  { key: 'quarterly', href: '/laporan-triwulan', icon: 'clipboard' },
  { key: 'meetings', href: '/rapat', icon: 'users' },
  { key: 'users', href: '/pengguna', icon: 'user-cog' },
] as const

export type NavKey = (typeof NAV_ITEMS)[number]['key']
export type NavIcon = (typeof NAV_ITEMS)[number]['icon']

/** Whether `pathname` is inside the section at `href` (the home entry matches only itself). */
export function isActive(href: string, pathname: string): boolean {
  return href === '/' ? pathname === '/' : pathname === href || pathname.startsWith(`${href}/`)
}
