/** The UI languages: Bahasa Indonesia first, English second. The choice lives in a cookie. */
export const LOCALES = ['id', 'en'] as const
export type AppLocale = (typeof LOCALES)[number]
export const DEFAULT_LOCALE: AppLocale = 'id'
export const LOCALE_COOKIE = 'NEXT_LOCALE'

export function isLocale(v: unknown): v is AppLocale {
  return typeof v === 'string' && (LOCALES as readonly string[]).includes(v)
}
