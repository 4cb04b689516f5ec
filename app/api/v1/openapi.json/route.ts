import { methodNotAllowed } from '@/lib/api/route'
import { openApiDocument } from '@/lib/api/openapi'

/** The OpenAPI 3.1 document of /api/v1: public, it describes the interface and holds no data. */
export function GET(): Response {
  return Response.json(openApiDocument(), { headers: { 'cache-control': 'public, max-age=300' } })
}

const refused = methodNotAllowed('GET')
export { refused as POST, refused as PUT, refused as PATCH, refused as DELETE }
