'use client'

import { useActionState } from 'react'
import { useTranslations } from 'next-intl'
import { markAllNotificationsRead, markNotificationRead } from '@/lib/actions/notifications'
import { buttonClass } from '@/components/ui/button'
import { FormMessage } from '@/components/ui/form-message'

/** The notification's title as a button: marks it read and opens what it is about (underlined like a link: a phone has no hover to show it opens). */
export function OpenNotification({ id, title, unread }: { id: string; title: string; unread: boolean }) {
  const [state, action, pending] = useActionState(markNotificationRead, undefined)
  return (
    <form action={action}>
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="open" value="1" />
      <button type="submit" disabled={pending} className={`text-left text-sm text-brand-700 underline decoration-brand-500/50 underline-offset-2 hover:decoration-brand-700 ${unread ? 'font-semibold' : 'font-medium'}`}>
        {title}
      </button>
      {state && !state.ok && <FormMessage state={state} />}
    </form>
  )
}

/** "Tandai sudah dibaca" without leaving the list. */
export function MarkNotificationRead({ id, title }: { id: string; title: string }) {
  const t = useTranslations('notifications')
  const [state, action, pending] = useActionState(markNotificationRead, undefined)
  return (
    <form action={action}>
      <input type="hidden" name="id" value={id} />
      <button type="submit" disabled={pending} className={buttonClass('ghost', 'sm')} aria-label={t('markReadOf', { title })}>
        {t('markRead')}
      </button>
      {state && !state.ok && <FormMessage state={state} />}
    </form>
  )
}

/** Marks every notification the page showed as read (those newer than `upTo` stay unread). */
export function MarkAllNotificationsRead({ upTo }: { upTo: string }) {
  const t = useTranslations('notifications')
  const [state, action, pending] = useActionState(markAllNotificationsRead, undefined)
  return (
    <form action={action} className="flex flex-col items-end gap-2">
      <input type="hidden" name="upTo" value={upTo} />
      <button type="submit" disabled={pending} className={buttonClass('secondary')}>
        {t('markAll')}
      </button>
      <FormMessage state={state} />
    </form>
  )
}
