import { notFound } from 'next/navigation'
import { getDashboardRegency } from '@/lib/data/dashboard'
import { orRefused } from '@/lib/dashboard/guard'
import { requirePermission } from '@/lib/session'
import { gateDashboardFilter } from '@/lib/dashboard/gate'
import { isRegencyCode } from '@/lib/parse'

/**
 * The regency check runs here, above the page's loading skeleton: once the skeleton has streamed the
 * response is already 200, so a district officer opening another regency must be refused before it
 * (a real 403, not a 403 page inside a 200).
 */
export default async function RegencyLayout({ children, params }: { children: React.ReactNode; params: Promise<{ code: string }> }) {
  const user = await requirePermission('dashboard.read')
  const { code } = await params
  if (!isRegencyCode(code)) notFound()
  if (!(await orRefused(getDashboardRegency({ user, code })))) notFound()
  // and the programme of the URL, as the page resolves it
  await gateDashboardFilter({ regency: code })
  return children
}
