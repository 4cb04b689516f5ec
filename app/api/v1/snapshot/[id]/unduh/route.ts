import { AppError } from '@/lib/errors'
import { ApiProblem, apiRoute } from '@/lib/api/route'
import { CONTENT_TYPES, findSnapshot, snapshotStream, type SnapshotFormat } from '@/lib/api/snapshots'

/** A READY snapshot's file, streamed chunk by chunk; 409 while it is still being written. */
export const GET = apiRoute<{ id: string }>(['cooperatives.read', 'msmes.read'], async ({ principal, params }) => {
  const s = await findSnapshot(principal, params.id)
  if (!s) throw new AppError('NOT_FOUND')
  if (s.status !== 'READY') throw new ApiProblem('conflict', { detail: s.status === 'FAILED' ? `Snapshot gagal dibuat: ${s.error ?? ''}` : 'Snapshot belum selesai dibuat; periksa statusnya lagi nanti.' })
  const format = s.format as SnapshotFormat
  const name = `${s.register}-${s.asOf?.toISOString().slice(0, 10) ?? 'snapshot'}.${format}`
  return new Response(snapshotStream(s.id), {
    headers: {
      'content-type': CONTENT_TYPES[format],
      'content-disposition': `attachment; filename="${name}"`,
      ...(s.bytes !== null && { 'content-length': String(s.bytes) }),
      ...(s.sha256 && { etag: `"${s.sha256}"` }),
      'cache-control': 'no-store',
    },
  })
})
