import { AppError } from '@/lib/errors'
import { apiRoute, idempotentWrite, methodNotAllowed, readJson } from '@/lib/api/route'
import { snapshotIn } from '@/lib/api/schemas'
import { mayRequestSnapshot, requestSnapshot, snapshotAnswer } from '@/lib/api/snapshots'

/**
 * An admin or province-wide read client asks for a snapshot of a register (NDJSON or CSV); a background
 * job writes it (lib/api/snapshots.ts). Answers 202 with the status URL. Requires an Idempotency-Key.
 */
export const POST = apiRoute(['cooperatives.read', 'msmes.read'], async (r) => {
  const { data, raw } = await readJson(r.req, snapshotIn)
  if (!mayRequestSnapshot(r.principal)) throw new AppError('FORBIDDEN')
  return idempotentWrite(r, raw, async (tx) => {
    const s = await requestSnapshot(tx, r.principal.clientId, data.register, data.format)
    return { status: 202, body: snapshotAnswer(s) }
  })
})

const refused = methodNotAllowed('POST')
export { refused as GET, refused as PUT, refused as PATCH, refused as DELETE, refused as HEAD }
