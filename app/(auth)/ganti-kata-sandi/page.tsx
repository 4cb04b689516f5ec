import { redirect } from 'next/navigation'
import { getTranslations } from 'next-intl/server'
import { ChangePasswordForm } from '@/components/auth/change-password-form'
import { signOutAction } from '@/lib/actions/auth'
import { requireUser } from '@/lib/session'

/** The forced change after a temporary password; nothing else opens until it is done. */
export default async function ForcedPasswordChangePage() {
  const user = await requireUser({ allowPasswordChange: true })
  if (!user.mustChangePassword) redirect('/akun')
  const [t, tn] = await Promise.all([getTranslations('account'), getTranslations('header')])
  return (
    <div className="w-full max-w-md rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
      <h1 className="text-xl font-semibold text-slate-900">{t('forcedTitle')}</h1>
      <p className="mb-4 mt-1 text-sm text-slate-600">{t('forcedBody')}</p>
      <ChangePasswordForm />
      {/* someone signed in with another's temporary password, or on a shared computer, can still leave */}
      <form action={signOutAction} className="mt-4 border-t border-slate-200 pt-4 text-center">
        <button type="submit" className="text-sm font-medium text-slate-700 underline">{tn('signOut')}</button>
      </form>
    </div>
  )
}
