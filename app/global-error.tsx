'use client'

import { LOCALE_COOKIE } from '@/lib/i18n/config'
import { ErrorContent } from './error-content'
import './globals.css'

/** The UI language from its cookie (not httpOnly): the root layout, and with it the i18n provider, is what failed. */
function cookieLocale(): string {
  if (typeof document === 'undefined') return 'id'
  return document.cookie.split('; ').find((c) => c.startsWith(`${LOCALE_COOKIE}=`))?.slice(LOCALE_COOKIE.length + 1) === 'en' ? 'en' : 'id'
}

/** The root layout itself failed: this replaces it, so it renders its own <html> and <body>. */
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const locale = cookieLocale()
  return (
    <html lang={locale}>
      <body className="min-h-screen bg-slate-50 font-sans text-slate-900 antialiased">
        <ErrorContent locale={locale} digest={error.digest} reset={reset} inShell={false} />
      </body>
    </html>
  )
}
