import Link from 'next/link'
import { getTranslations } from 'next-intl/server'
import { SearchX } from 'lucide-react'

export default async function NotFound() {
  const [t, f] = await Promise.all([getTranslations('notFound'), getTranslations('forbidden')])
  return (
    <main className="flex min-h-[60vh] items-center justify-center p-6">
      <div className="max-w-md text-center">
        <SearchX aria-hidden className="mx-auto mb-3 size-10 text-slate-400" />
        <h1 className="text-xl font-semibold">{t('title')}</h1>
        <p className="mt-2 text-sm text-slate-600">{t('body')}</p>
        <Link href="/" className="mt-4 inline-block text-sm font-medium text-brand-700 underline">{f('back')}</Link>
      </div>
    </main>
  )
}
