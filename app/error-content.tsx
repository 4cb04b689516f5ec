'use client'

import { startTransition } from 'react'
import { useRouter } from 'next/navigation'
import { TriangleAlert } from 'lucide-react'
import { Button } from '@/components/ui/button'
import id from '@/lib/i18n/messages/id/errors.json'
import en from '@/lib/i18n/messages/en/errors.json'

/**
 * The body of the error boundaries (app/error.tsx, app/(dashboard)/error.tsx, app/global-error.tsx), laid out
 * like the 403 and 404 pages (components/ui/error-page.tsx) plus a retry. A client component outside any
 * section's message list, and global-error outside every provider: the texts come straight from the errors
 * catalogue of the locale the caller gives. A plain <a> home, not next/link: after an error the router may
 * itself be what failed, and a full load starts clean.
 */
export function ErrorContent({ locale, digest, reset, inShell }: { locale: string; digest?: string; reset: () => void; inShell: boolean }) {
  const t = (locale === 'en' ? en : id).errorBoundary
  const router = useRouter()
  // a page that failed on the server renders again only when fetched again: refresh, then clear the boundary
  const retry = () => startTransition(() => {
    router.refresh()
    reset()
  })
  const content = (
    <div className="max-w-md text-center">
      <TriangleAlert aria-hidden className="mx-auto mb-3 size-10 text-amber-500" />
      <h1 id="error-page-title" className="text-xl font-semibold">{t.title}</h1>
      <p className="mt-2 text-sm text-slate-600">{t.body}</p>
      <div className="mt-4 flex items-center justify-center gap-4">
        <Button type="button" onClick={retry}>{t.retry}</Button>
        {/* a full load, on purpose (see above) */}
        {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
        <a href="/" className="text-sm font-medium text-brand-700 underline">{t.back}</a>
      </div>
      {digest && <p className="mt-4 font-mono text-xs text-slate-500">{t.reference.replace('{digest}', digest)}</p>}
    </div>
  )
  const className = 'flex min-h-[60vh] items-center justify-center p-6'
  return inShell
    ? <section aria-labelledby="error-page-title" className={className}>{content}</section>
    : <main className={className}>{content}</main>
}
