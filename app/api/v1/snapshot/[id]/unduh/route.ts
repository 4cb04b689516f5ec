import { AppError } from '@/lib/errors'
import { auditExport } from '@/lib/audit'
import { jakartaDate } from '@/lib/dates'
import { ApiProblem, apiRoute, methodNotAllowed } from '@/lib/api/route'
import { CONTENT_TYPES, findSnapshot, snapshotStream, type SnapshotFormat } from '@/lib/api/snapshots'

/** Does `If-None-Match` (a list of entity tags, or `*`) name this ETag? Weak comparison (RFC 9110 §13.1.2). */
function matches(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false
  if (ifNoneMatch.trim() === '*') return true
  const bare = (t: string) => t.trim().replace(/^W\//, '')
  return ifNoneMatch.split(',').some((t) => bare(t) === etag)
}

/**
 * A READY snapshot's file, streamed chunk by chunk (never whole in memory); 409 while it is still being
 * written. Its ETag is the file's SHA-256: a client that already holds it (If-None-Match) gets 304 and no
 * body. A download is audited as the pages' exports are (EXPORT, naming the client, the register and rows).
 */
export const GET = apiRoute<{ id: string }>(['cooperatives.read', 'msmes.read'], async ({ req, principal, params }) => {
  const s = await findSnapshot(principal, params.id)
  if (!s) throw new AppError('NOT_FOUND')
  if (s.status !== 'READY') throw new ApiProblem('conflict', { detail: s.status === 'FAILED' ? `Snapshot gagal dibuat: ${s.error ?? ''}` : 'Snapshot belum selesai dibuat; periksa statusnya lagi nanti.' })
  const format = s.format as SnapshotFormat
  const etag = s.sha256 ? `"${s.sha256}"` : null
  if (etag && matches(req.headers.get('if-none-match'), etag)) {
    // nothing leaves the server: no audit row
    return new Response(null, { status: 304, headers: { etag, 'cache-control': 'no-store' } })
  }
  // the day of `as_of` as the agency lives it (WIB), as everywhere else in the app
  const name = `${s.register}-${s.asOf ? jakartaDate(s.asOf) : 'snapshot'}.${format}`
  await auditExport(principal, {
    entity: s.register === 'koperasi' ? 'Cooperative' : 'Msme',
    // no entityId, as the pages' exports: the row is the register's, not one record's (the trail would link it).
    // The client is the row's user (`api:<name>`); the fields are ones the audit page has labels for.
    after: { format, rows: s.rows, asOf: s.asOf?.toISOString() ?? null, fileName: name, fileHash: s.sha256, reference: s.id },
  })
  return new Response(snapshotStream(s.id), {
    headers: {
      'content-type': CONTENT_TYPES[format],
      'content-disposition': `attachment; filename="${name}"`,
      ...(s.bytes !== null && { 'content-length': String(s.bytes) }),
      ...(etag && { etag }),
      'cache-control': 'no-store',
    },
  })
})

const refused = methodNotAllowed('GET')
export { refused as POST, refused as PUT, refused as PATCH, refused as DELETE }
