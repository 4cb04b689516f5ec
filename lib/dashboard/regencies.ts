import 'server-only'
import { listDashboardRegencies } from '@/lib/data/dashboard'
import { cachedFigures } from '@/lib/figure-cache'
import type { SessionUser } from '@/lib/session-user'

/**
 * The regencies of a dashboard's filter, from the snapshot-keyed cache (lib/figure-cache.ts): the same
 * 38 rows on every dashboard request, read once per database snapshot instead of once per request. The
 * list depends on the role and, for a district officer, its regency: both are in the key.
 */
export function dashboardRegencies(user: SessionUser) {
  return cachedFigures('dashboard-regencies', [user.role, user.role === 'DISTRICT_OFFICER' ? (user.regencyCode ?? null) : null], () => listDashboardRegencies({ user }))
}
