import { requirePermission } from '@/lib/session'

/** The permission check above the loading skeleton, so a role without reports gets a real 403. */
export default async function IndicatorLayout({ children }: { children: React.ReactNode }) {
  await requirePermission('reports.read')
  return children
}
