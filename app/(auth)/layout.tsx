import { getLocale, getTranslations } from 'next-intl/server'
import { getAgency } from '@/lib/agency'
import { ClientMessages } from '@/components/i18n/client-messages'
import { LanguageSwitch } from '@/components/shell/language-switch'

export const dynamic = 'force-dynamic'

/** The signed-out frame: the product's name, the language switch, one card. */
export default async function AuthLayout({ children }: { children: React.ReactNode }) {
  const [t, agency, locale] = await Promise.all([getTranslations('app'), getAgency(), getLocale()])
  return (
    <ClientMessages section="auth">
      <div className="flex min-h-screen flex-col bg-gradient-to-b from-brand-50 to-slate-50">
        <header className="flex items-center justify-between px-4 py-3 sm:px-8">
          <div>
            <p className="text-xl font-bold text-brand-700">{t('name')}</p>
            <p className="text-xs text-slate-500">{t('tagline')}</p>
          </div>
          <LanguageSwitch />
        </header>
        <main className="flex flex-1 items-start justify-center px-4 pt-8 sm:pt-16">{children}</main>
        <footer className="px-4 py-4 text-center text-xs text-slate-500">{agency.custom || locale !== 'en' ? agency.name : `${t('agency')}, ${agency.province}`}</footer>
      </div>
    </ClientMessages>
  )
}
