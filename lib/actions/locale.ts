'use server'

import { cookies } from 'next/headers'
import { revalidatePath } from 'next/cache'
import { LOCALE_COOKIE, isLocale } from '@/lib/i18n/config'
import { isFormData } from '@/lib/safe-action'

/** Remember the chosen UI language for a year. Open to everyone: it reads and writes no data. */
export async function setLocale(formData: FormData): Promise<void> {
  const locale = isFormData(formData) ? formData.get('locale') : null
  if (!isLocale(locale)) return
  ;(await cookies()).set(LOCALE_COOKIE, locale, { path: '/', maxAge: 60 * 60 * 24 * 365, sameSite: 'lax' })
  revalidatePath('/', 'layout')
}
