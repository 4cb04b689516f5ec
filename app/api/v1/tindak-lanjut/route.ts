import { apiRoute, methodNotAllowed, parseQuery } from '@/lib/api/route'
import { actionsAnswer } from '@/lib/api/reads'
import { syncQuery } from '@/lib/api/schemas'

/** Follow-up actions of the meetings in the client's scope, for incremental sync (cursor, updated_since). */
export const GET = apiRoute('meetings.read', async ({ principal, query }) => Response.json(await actionsAnswer(principal, parseQuery(query, syncQuery))))

const refused = methodNotAllowed('GET')
export { refused as POST, refused as PUT, refused as PATCH, refused as DELETE }
