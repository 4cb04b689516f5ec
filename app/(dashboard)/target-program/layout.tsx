import { ClientMessages } from '@/components/i18n/client-messages'
import { requirePermission } from '@/lib/session'

/** Every programme-target page needs the read permission first (a role without it gets the 403 page). */
export default async function ProgrammeTargetsLayout({ children }: { children: React.ReactNode }) {
  await requirePermission('programmeTargets.read')
  return <ClientMessages section="target-program">{children}</ClientMessages>
}
