import Link from 'next/link'
import { getLocale, getTranslations } from 'next-intl/server'
import { LogOut, UserRound } from 'lucide-react'
import { signOutAction } from '@/lib/actions/auth'
import { ROLE_LABELS } from '@/lib/permissions'
import type { SessionUser } from '@/lib/session-user'

/** Who is signed in (name and role), a link to the account page, and sign-out. */
export async function UserMenu({ user }: { user: SessionUser }) {
  const [t, locale] = await Promise.all([getTranslations('header'), getLocale()])
  const role = ROLE_LABELS[user.role][locale === 'en' ? 'en' : 'id']
  return (
    <div className="flex items-center gap-2">
      <Link href="/akun" className="flex items-center gap-2 rounded-md px-2 py-1 hover:bg-slate-100" title={t('account')}>
        <UserRound aria-hidden className="size-5 text-slate-500" />
        <span className="hidden text-right leading-tight sm:block">
          <span className="block text-sm font-medium text-slate-900" data-testid="current-user">{user.name}</span>
          <span className="block text-xs text-slate-500">{role}</span>
        </span>
      </Link>
      <form action={signOutAction}>
        <button type="submit" className="inline-flex items-center gap-1 rounded-md px-2 py-1.5 text-sm text-slate-700 hover:bg-slate-100" title={t('signOut')}>
          <LogOut aria-hidden className="size-4" />
          <span className="hidden md:inline">{t('signOut')}</span>
        </button>
      </form>
    </div>
  )
}
