import { getTranslations } from 'next-intl/server'
import { ShieldAlert } from 'lucide-react'
import { ErrorPage } from '@/components/ui/error-page'

/** A refusal outside the dashboard's pages (no main around it): its own main landmark. In the dashboard: app/(dashboard)/forbidden.tsx. */
export default async function Forbidden() {
  const t = await getTranslations('forbidden')
  return <ErrorPage inShell={false} icon={<ShieldAlert aria-hidden className="mx-auto mb-3 size-10 text-red-500" />} title={t('title')} body={t('body')} back={t('back')} />
}
