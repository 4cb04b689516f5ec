import { apiRoute, methodNotAllowed, parseScopedQuery } from '@/lib/api/route'
import { msmePage } from '@/lib/api/registers'
import { msmeQuery } from '@/lib/api/schemas'

/** MSMEs in the client's scope (owner NIK always masked), for incremental sync. */
export const GET = apiRoute('msmes.read', async ({ principal, query }) => Response.json(await msmePage(principal, await parseScopedQuery(principal, query, msmeQuery))))

const refused = methodNotAllowed('GET')
export { refused as POST, refused as PUT, refused as PATCH, refused as DELETE }
