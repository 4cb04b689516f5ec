import { apiRoute, methodNotAllowed, parseQuery } from '@/lib/api/route'
import { claimQuery } from '@/lib/api/schemas'
import { claimAnswer } from '@/lib/api/claims'

/** A claim's verification result line by line (a page at a time) and its payments; another bank's claim is 404. */
export const GET = apiRoute<{ id: string }>('claims.read', async ({ principal, params, query }) => Response.json(await claimAnswer(principal, params.id, parseQuery(query, claimQuery))))

const refused = methodNotAllowed('GET')
export { refused as POST, refused as PUT, refused as PATCH, refused as DELETE }
