import { notFound } from 'next/navigation'
import { readDb } from '@/lib/db'
import { layoutSearchParams } from '@/lib/request-search'
import { requirePermission } from '@/lib/session'
import { dashboardFilterSchema } from '@/lib/validations/dashboard'

/**
 * The checks above the loading skeleton, so they answer real statuses: a role without reports gets a
 * 403, an indicator that does not exist a 404.
 */
export default async function IndicatorLayout({ children }: { children: React.ReactNode }) {
  await requirePermission('reports.read')
  const { indicator } = dashboardFilterSchema.parse(await layoutSearchParams())
  // the page reads the indicator by its code alone (lib/data/reporting.ts#getIndicatorRealisation)
  if (indicator && !(await readDb.indicator.findUnique({ where: { code: indicator }, select: { code: true } }))) notFound()
  return children
}
