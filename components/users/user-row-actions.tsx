'use client'

import { useTranslations } from 'next-intl'
import { ConfirmAction } from '@/components/ui/confirm-action'
import { deactivateUser, reactivateUser, resetPassword } from '@/lib/actions/users'
import { TemporaryPasswordDialog } from './temporary-password-dialog'

/** Deactivate/reactivate and reset password, each behind a confirmation; a new temporary password opens in a dialog. */
/** `stacked`: one button under another (the table's narrow column); else side by side, wrapping (a phone's card) */
export function UserRowActions({ id, version, username, active, self, stacked = false }: { id: string; version: number; username: string; active: boolean; self: boolean; stacked?: boolean }) {
  const t = useTranslations('users')
  // the version the admin saw: each step is refused, naming who and when, once another admin has changed the account
  const fields = { id, version: String(version) }
  return (
    <div className={stacked ? 'flex flex-col items-start gap-1.5' : 'flex flex-wrap gap-2'}>
      {active ? (
        !self && (
          <ConfirmAction action={deactivateUser} fields={fields} label={t('deactivate')} variant="danger" title={t('deactivateTitle', { username })} body={t('deactivateBody')} />
        )
      ) : (
        <ConfirmAction action={reactivateUser} fields={fields} label={t('reactivate')} title={t('reactivateTitle', { username })} body={t('reactivateBody')} />
      )}
      {/* keyed by the account's state: a deactivation (or reactivation) forgets a temporary password shown before, which
          the row had still offered to show on an inactive account */}
      <ConfirmAction
        key={active ? 'active' : 'inactive'}
        action={resetPassword}
        fields={fields}
        label={t('resetPassword')}
        title={t('resetTitle', { username })}
        body={t('resetBody')}
        renderResult={(s) =>
          s.ok && s.data?.temporaryPassword ? (
            <TemporaryPasswordDialog key={s.data.temporaryPassword} username={s.data.username ?? username} password={s.data.temporaryPassword} message={s.message} />
          ) : (
            // wraps in the row instead of widening the table
            <span role="status" className="max-w-48 whitespace-normal text-xs text-red-700">{s.message}</span>
          )
        }
      />
    </div>
  )
}
