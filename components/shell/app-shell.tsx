import { getLocale, getTranslations } from 'next-intl/server'
import { getAgency } from '@/lib/agency'
import { NAV_ITEMS } from '@/lib/navigation'
import { can } from '@/lib/permissions'
import type { SessionUser } from '@/lib/session-user'
import { UserMenu } from './user-menu'
import { NavLinks, type NavLinkItem } from './nav-links'
import { MobileNav } from './mobile-nav'
import { LanguageSwitch } from './language-switch'
import { PrintLetterhead } from './print-letterhead'
import { PrintOpensDetails } from './print-opens-details'
import { NotificationBell } from '@/components/notifications/bell'
import { Announcer } from '@/components/ui/announcer'
import { UnsavedChangesGuard } from '@/components/ui/unsaved-changes-guard'

/**
 * The signed-in frame: a sidebar on wide screens (a drawer on phones), a header with the notification
 * bell, the language switch, the user and sign-out. The menu holds only what the user's role may open.
 */
export async function AppShell({ children, user }: { children: React.ReactNode; user: SessionUser }) {
  // the agency's own name (AGENCY_NAME, else with its province), as on printed letterheads
  const [t, agency, locale] = await Promise.all([getTranslations(), getAgency(), getLocale()])
  const items: NavLinkItem[] = NAV_ITEMS.filter((i) => can(user.role, i.permission)).map((i) => ({ href: i.href, icon: i.icon, label: t(`nav.${i.key}`) }))
  return (
    <div className="flex min-h-screen">
      <a href="#isi" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:p-2">
        {t('common.skipToContent')}
      </a>
      <aside className="no-print hidden w-64 shrink-0 border-r border-slate-200 bg-white lg:flex lg:flex-col">
        <div className="border-b border-slate-200 px-5 py-4">
          <p className="text-xl font-bold text-brand-700">{t('app.name')}</p>
          <p className="text-xs text-slate-500">{t('app.tagline')}</p>
        </div>
        <nav aria-label={t('nav.main')} className="flex-1 overflow-y-auto p-3">
          <NavLinks items={items} />
        </nav>
        <p className="border-t border-slate-200 px-5 py-3 text-xs text-slate-500">{agency.custom || locale !== 'en' ? agency.name : `${t('app.agency')}, ${agency.province}`}</p>
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="no-print sticky top-0 z-30 flex items-center justify-between gap-3 border-b border-slate-200 bg-white/95 px-4 py-3 backdrop-blur lg:px-6">
          <div className="flex items-center gap-3">
            <MobileNav items={items} labels={{ open: t('nav.menu'), close: t('nav.closeMenu'), title: t('nav.main') }} />
            {/* on the narrowest phones the bell needs the room: the name shows from 420 px */}
            <span className="hidden text-lg font-bold text-brand-700 min-[420px]:inline lg:hidden">{t('app.name')}</span>
          </div>
          <div className="flex items-center gap-1 sm:gap-3">
            <NotificationBell user={user} />
            <LanguageSwitch />
            <UserMenu user={user} />
          </div>
        </header>
        <main id="isi" className="flex-1 px-4 py-6 lg:px-8">
          <PrintLetterhead user={user} />
          <PrintOpensDetails />
          {children}
        </main>
        {/* in the content column: the spacer it adds while a notice shows lengthens the page below <main> */}
        <Announcer closeLabel={t('common.closeNotice')} />
        {/* asks before a link leaves a form marked data-unsaved-guard with changes not saved */}
        <UnsavedChangesGuard message={t('common.unsavedChanges')} />
      </div>
    </div>
  )
}
