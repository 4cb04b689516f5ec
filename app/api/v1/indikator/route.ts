import { apiRoute, methodNotAllowed, parseScopedQuery } from '@/lib/api/route'
import { indicatorsAnswer } from '@/lib/api/reads'
import { indicatorQuery } from '@/lib/api/schemas'

/** Indicators with the year's targets and the values of approved quarterly reports; a regency client sees its regency (another: 403). */
export const GET = apiRoute('reports.read', async ({ principal, query }) => Response.json(await indicatorsAnswer(principal, await parseScopedQuery(principal, query, indicatorQuery))))

const refused = methodNotAllowed('GET')
export { refused as POST, refused as PUT, refused as PATCH, refused as DELETE }
