import type { Metadata } from 'next'
import { getLocale, getTranslations } from 'next-intl/server'
import { ChangePasswordForm } from '@/components/auth/change-password-form'
import { SignOutEverywhereForm } from '@/components/auth/sign-out-everywhere-form'
import { PageHeader } from '@/components/ui/page-header'
import { db } from '@/lib/db'
import { ROLE_LABELS } from '@/lib/permissions'
import { requireUser } from '@/lib/session'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('account'))('title') }
}

export default async function AccountPage() {
  const user = await requireUser()
  const [t, locale] = await Promise.all([getTranslations('account'), getLocale()])
  const scope = user.regencyCode
    ? (await db.regency.findUnique({ where: { code: user.regencyCode }, select: { name: true } }))?.name
    : user.bankId
      ? (await db.bank.findUnique({ where: { id: user.bankId }, select: { name: true } }))?.name
      : null
  return (
    <>
      <PageHeader title={t('title')} />
      <div className="grid gap-6 lg:grid-cols-2">
        <section className="rounded-lg border border-slate-200 bg-white p-5">
          <dl className="space-y-3 text-sm">
            <div><dt className="text-slate-500">{user.username}</dt><dd className="text-base font-medium">{user.name}</dd></div>
            <div><dt className="text-slate-500">{t('role')}</dt><dd>{ROLE_LABELS[user.role][locale === 'en' ? 'en' : 'id']}</dd></div>
            {scope && <div><dt className="text-slate-500">{t('scope')}</dt><dd>{scope}</dd></div>}
          </dl>
        </section>
        <section className="rounded-lg border border-slate-200 bg-white p-5">
          <h2 className="mb-3 text-base font-semibold">{t('changePassword')}</h2>
          <ChangePasswordForm />
        </section>
        <section className="rounded-lg border border-slate-200 bg-white p-5">
          <h2 className="mb-3 text-base font-semibold">{t('sessions')}</h2>
          <SignOutEverywhereForm />
        </section>
      </div>
    </>
  )
}
