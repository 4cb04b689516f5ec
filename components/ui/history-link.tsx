import { getTranslations } from 'next-intl/server'
import { History } from 'lucide-react'
import { LinkButton } from '@/components/ui/button'
import { can } from '@/lib/permissions'
import type { SessionUser } from '@/lib/session-user'

/** Where a record's own history is read: the audit log narrowed to it. */
export const historyHref = (entity: string, id: string) => `/audit?${new URLSearchParams({ entity, record: id })}`

/**
 * "Riwayat": a record's own history in the audit log (who changed what, when), for the roles that
 * read the audit log; the audit page checks the same permission.
 */
export async function HistoryLink({ user, entity, id }: { user: SessionUser; entity: string; id: string }) {
  if (!can(user.role, 'audit.read')) return null
  const t = await getTranslations('auditLog')
  return (
    <LinkButton href={historyHref(entity, id)} variant="ghost" data-testid="history-link">
      <History aria-hidden className="size-4" />{t('history')}
    </LinkButton>
  )
}
