import { requirePermission } from '@/lib/session'

/** The permission check above the list's loading skeleton, so a role without the register gets a real 403. */
export default async function MsmesLayout({ children }: { children: React.ReactNode }) {
  await requirePermission('msmes.read')
  return children
}
