import { cookies } from 'next/headers'
import { getRequestConfig } from 'next-intl/server'
import { DEFAULT_LOCALE, LOCALE_COOKIE, isLocale } from './config'
import { MESSAGES } from './messages'

// No locale in the URL (links stay shareable between colleagues who read different languages):
// the language comes from the user's cookie, Indonesian by default.
export default getRequestConfig(async () => {
  const chosen = (await cookies()).get(LOCALE_COOKIE)?.value
  const locale = isLocale(chosen) ? chosen : DEFAULT_LOCALE
  return {
    locale,
    timeZone: 'Asia/Jakarta',
    messages: MESSAGES[locale],
  }
})
