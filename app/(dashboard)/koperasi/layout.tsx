import { ClientMessages } from '@/components/i18n/client-messages'
import { requirePermission } from '@/lib/session'

/**
 * The permission check above every loading skeleton of the register, so a role without it gets a real
 * 403. The list's skeleton lives in the (daftar) group, not here: a skeleton at this level would also
 * wrap the record pages and stream their 404 as a 200 (their record is read in [id]/layout.tsx).
 */
export default async function CooperativesLayout({ children }: { children: React.ReactNode }) {
  await requirePermission('cooperatives.read')
  return <ClientMessages section="koperasi">{children}</ClientMessages>
}
