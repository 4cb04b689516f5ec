import 'server-only'
import { resolveDashboardFilter } from '@/lib/data/dashboard'
import { orRefused } from '@/lib/dashboard/guard'
import { layoutSearchParams } from '@/lib/request-search'
import { requirePermission } from '@/lib/session'
import { dashboardFilterSchema } from '@/lib/validations/dashboard'

/**
 * For the layout above a dashboard's loading skeleton: the programme, regency and bank of the URL are
 * resolved as the page will resolve them (the same request-cached scope), so a programme the user may
 * not see answers a real 404 and another regency a real 403, not an error page inside a 200.
 */
export async function gateDashboardFilter(fixed: { regency?: string } = {}): Promise<void> {
  const user = await requirePermission('dashboard.read')
  const params = dashboardFilterSchema.parse(await layoutSearchParams())
  await orRefused(resolveDashboardFilter({ user, params: { ...params, ...fixed } }))
}
