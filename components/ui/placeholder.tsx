import { getTranslations } from 'next-intl/server'
import { Construction } from 'lucide-react'
import { PageHeader } from './page-header'

/** A page whose content has not been built yet, labelled as such (never a fake figure). */
export async function Placeholder({ title, issue }: { title: string; issue: number }) {
  const t = await getTranslations('placeholder')
  return (
    <>
      <PageHeader title={title} />
      <section className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center" data-placeholder>
        <Construction aria-hidden className="mx-auto mb-3 size-8 text-slate-400" />
        <h2 className="text-base font-semibold text-slate-800">{t('title')}</h2>
        <p className="mt-1 text-sm text-slate-600">{t('body', { page: title, issue: `#${issue}` })}</p>
      </section>
    </>
  )
}
