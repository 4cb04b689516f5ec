import type { Metadata } from 'next'
import Link from 'next/link'
import { getTranslations } from 'next-intl/server'
import { BankForm } from '@/components/config/bank-form'
import { requirePermission } from '@/lib/session'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('config.banks'))('newTitle') }
}

/** A new partner bank; it joins programmes from its own page once saved. */
export default async function NewBankPage() {
  await requirePermission('config.manage')
  const t = await getTranslations('config.banks')
  return (
    <section aria-labelledby="bank-title" className="space-y-4">
      <Link href="/pengaturan/bank" className="text-sm text-brand-700 hover:underline">← {t('back')}</Link>
      <h2 id="bank-title" className="text-lg font-semibold text-slate-900">{t('newTitle')}</h2>
      <BankForm initial={{ id: '', version: 0, code: '', name: '', shortName: '', active: true }} />
    </section>
  )
}
