import 'server-only'
import { cache } from 'react'
import { getCooperative } from '@/lib/data/cooperatives'
import { requirePermission } from '@/lib/session'

/** One read per request, shared by the layout (the 404 above the skeleton), the metadata and the page. */
export const load = cache(async (id: string) => {
  const user = await requirePermission('cooperatives.read')
  return { user, record: await getCooperative({ user, id }) }
})
