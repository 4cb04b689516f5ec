import { apiRoute, methodNotAllowed, parseQuery } from '@/lib/api/route'
import { meetingsAnswer } from '@/lib/api/reads'
import { syncQuery } from '@/lib/api/schemas'

/** Meetings in the client's scope with their decisions, for incremental sync (cursor, updated_since). */
export const GET = apiRoute('meetings.read', async ({ principal, query }) => Response.json(await meetingsAnswer(principal, parseQuery(query, syncQuery))))

const refused = methodNotAllowed('GET')
export { refused as POST, refused as PUT, refused as PATCH, refused as DELETE }
