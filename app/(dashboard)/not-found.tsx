import { getTranslations } from 'next-intl/server'
import { SearchX } from 'lucide-react'
import { ErrorPage } from '@/components/ui/error-page'

/** notFound() in a dashboard page: rendered inside the layout's <main id="isi">, so a section, not a second main. */
export default async function DashboardNotFound() {
  const [t, f] = await Promise.all([getTranslations('notFound'), getTranslations('forbidden')])
  return <ErrorPage inShell icon={<SearchX aria-hidden className="mx-auto mb-3 size-10 text-slate-400" />} title={t('title')} body={t('body')} back={f('back')} />
}
