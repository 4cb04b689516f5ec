import { apiRoute, methodNotAllowed, parseScopedQuery } from '@/lib/api/route'
import { cooperativePage } from '@/lib/api/registers'
import { cooperativeQuery } from '@/lib/api/schemas'

/** Cooperatives in the client's scope, for incremental sync (cursor, updated_since, tombstones). */
export const GET = apiRoute('cooperatives.read', async ({ principal, query }) => Response.json(await cooperativePage(principal, await parseScopedQuery(principal, query, cooperativeQuery))))

const refused = methodNotAllowed('GET')
export { refused as POST, refused as PUT, refused as PATCH, refused as DELETE }
