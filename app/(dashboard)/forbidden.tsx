import { getTranslations } from 'next-intl/server'
import { ShieldAlert } from 'lucide-react'
import { ErrorPage } from '@/components/ui/error-page'

/** forbidden() in a dashboard page: rendered inside the layout's <main id="isi">, so a section, not a second main. */
export default async function DashboardForbidden() {
  const t = await getTranslations('forbidden')
  return <ErrorPage inShell icon={<ShieldAlert aria-hidden className="mx-auto mb-3 size-10 text-red-500" />} title={t('title')} body={t('body')} back={t('back')} />
}
