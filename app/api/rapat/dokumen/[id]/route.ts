import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { getDocumentFile } from '@/lib/data/meetings'
import { authRoute } from '@/lib/safe-action'
import { contentDisposition } from '@/lib/meetings/http'
import { AppError } from '@/lib/errors'

/**
 * Download a meeting document, only for users who may read its meeting (others get 404, as if it
 * did not exist). Sent as an attachment with its checked type and nosniff, never rendered inline.
 */
export const GET = authRoute<{ params: Promise<{ id: string }> }>('meetings.read', async (_req, user, ctx) => {
  const { id } = await ctx.params
  if (!/^[A-Za-z0-9_-]{1,40}$/.test(id)) throw new AppError('NOT_FOUND')
  const doc = await getDocumentFile({ user, id })
  if (!doc) throw new AppError('NOT_FOUND')
  let bytes: Uint8Array | null = doc.content ? new Uint8Array(doc.content) : null
  if (!bytes && doc.storagePath && process.env.MEETING_FILES_DIR && /^[a-f0-9]{64}$/.test(doc.storagePath)) {
    bytes = new Uint8Array(await readFile(path.join(process.env.MEETING_FILES_DIR, doc.storagePath)).catch(() => Buffer.alloc(0)))
  }
  if (!bytes || bytes.length === 0) throw new AppError('NOT_FOUND')
  return new Response(bytes as BodyInit, {
    headers: {
      'content-type': doc.mimeType,
      'content-length': String(bytes.length),
      'content-disposition': contentDisposition(doc.filename),
      'x-content-type-options': 'nosniff',
      'cache-control': 'private, no-store',
    },
  })
})
