import { ClientMessages } from '@/components/i18n/client-messages'
import { requirePermission } from '@/lib/session'

/** Every activity page needs the read permission first (a role without it gets the 403 page). */
export default async function ActivitiesLayout({ children }: { children: React.ReactNode }) {
  await requirePermission('activities.read')
  return <ClientMessages section="kegiatan">{children}</ClientMessages>
}
