import { getLocale, getTranslations } from 'next-intl/server'
import clsx from 'clsx'
import { setLocale } from '@/lib/actions/locale'
import { LOCALES } from '@/lib/i18n/config'

/** Two buttons (ID / EN) posting to a server action: works without JavaScript too. */
export async function LanguageSwitch() {
  const [locale, t] = await Promise.all([getLocale(), getTranslations('language')])
  return (
    <form action={setLocale} className="flex items-center gap-1" aria-label={t('label')}>
      {LOCALES.map((l) => (
        <button
          key={l}
          type="submit"
          name="locale"
          value={l}
          lang={l}
          title={t(l)}
          aria-pressed={locale === l}
          className={clsx(
            'rounded px-2 py-1 text-xs font-semibold uppercase',
            locale === l ? 'bg-brand-600 text-white' : 'text-slate-600 hover:bg-slate-100',
          )}
        >
          {l}
        </button>
      ))}
    </form>
  )
}
