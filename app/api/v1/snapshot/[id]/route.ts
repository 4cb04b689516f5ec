import { AppError } from '@/lib/errors'
import { apiRoute, methodNotAllowed } from '@/lib/api/route'
import { findSnapshot, snapshotAnswer } from '@/lib/api/snapshots'

/** A snapshot's status (the client's own; an admin client's: any). */
export const GET = apiRoute<{ id: string }>(['cooperatives.read', 'msmes.read'], async ({ principal, params }) => {
  const s = await findSnapshot(principal, params.id)
  if (!s) throw new AppError('NOT_FOUND')
  return Response.json(snapshotAnswer(s), { headers: { 'cache-control': 'no-store' } })
})

const refused = methodNotAllowed('GET')
export { refused as POST, refused as PUT, refused as PATCH, refused as DELETE }
