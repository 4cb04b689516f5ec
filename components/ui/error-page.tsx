import Link from 'next/link'
import type { ReactNode } from 'react'

/**
 * The 403 and 404 pages' body. `inShell`: rendered inside the dashboard layout, whose `<main id="isi">`
 * is already the page's one main landmark, so this is a labelled section; the root pages (an unknown
 * URL, a refusal in a layout) have no main around them and render their own.
 */
export function ErrorPage({ icon, title, body, back, inShell }: { icon: ReactNode; title: string; body: string; back: string; inShell: boolean }) {
  const content = (
    <div className="max-w-md text-center">
      {icon}
      <h1 id="error-page-title" className="text-xl font-semibold">{title}</h1>
      <p className="mt-2 text-sm text-slate-600">{body}</p>
      <Link href="/" className="mt-4 inline-block text-sm font-medium text-brand-700 underline">{back}</Link>
    </div>
  )
  const className = 'flex min-h-[60vh] items-center justify-center p-6'
  return inShell
    ? <section aria-labelledby="error-page-title" className={className}>{content}</section>
    : <main className={className}>{content}</main>
}
