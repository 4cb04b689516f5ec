import { getTranslations } from 'next-intl/server'
import { SearchX } from 'lucide-react'
import { ErrorPage } from '@/components/ui/error-page'

/** An unknown URL (outside every layout): its own main landmark. In the dashboard: app/(dashboard)/not-found.tsx. */
export default async function NotFound() {
  const [t, f] = await Promise.all([getTranslations('notFound'), getTranslations('forbidden')])
  return <ErrorPage inShell={false} icon={<SearchX aria-hidden className="mx-auto mb-3 size-10 text-slate-400" />} title={t('title')} body={t('body')} back={f('back')} />
}
