'use client'

import Link from 'next/link'
import { usePathname } from 'next/navigation'
import { Banknote, Building2, ClipboardList, FileUp, GraduationCap, History, Home, ListChecks, Settings, Store, Target, UserCog, Users } from 'lucide-react'
import clsx from 'clsx'
import { isActive, type NavIcon } from '@/lib/navigation'

const ICONS: Record<NavIcon, typeof Home> = {
  home: Home,
  building: Building2,
  store: Store,
  'graduation-cap': GraduationCap,
  target: Target,
  banknote: Banknote,
  clipboard: ClipboardList,
  users: Users,
  'list-checks': ListChecks,
  'user-cog': UserCog,
  settings: Settings,
  history: History,
  upload: FileUp,
}

export type NavLinkItem = { href: string; label: string; icon: NavIcon }

/** The sidebar links; the current section is highlighted and announced with aria-current. */
export function NavLinks({ items, onNavigate }: { items: NavLinkItem[]; onNavigate?: () => void }) {
  const pathname = usePathname()
  return (
    <ul className="space-y-1">
      {items.map((item) => {
        const Icon = ICONS[item.icon]
        const active = isActive(item.href, pathname)
        return (
          <li key={item.href}>
            <Link
              href={item.href}
              onClick={onNavigate}
              aria-current={active ? 'page' : undefined}
              className={clsx(
                'flex items-center gap-3 rounded-md px-3 py-2 text-sm font-medium transition-colors',
                active ? 'bg-brand-600 text-white' : 'text-slate-700 hover:bg-brand-50 hover:text-brand-700',
              )}
            >
              <Icon aria-hidden className="size-4 shrink-0" />
              {item.label}
            </Link>
          </li>
        )
      })}
    </ul>
  )
}
