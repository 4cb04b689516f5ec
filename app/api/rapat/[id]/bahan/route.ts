import { meetingFileName } from '@/lib/meetings/files'
import { getBriefing } from '@/lib/data/meetings'
import { contentDisposition } from '@/lib/meetings/http'
import { briefingPdf } from '@/lib/meetings/exports'
import { authRoute } from '@/lib/safe-action'
import { AppError } from '@/lib/errors'

/**
 * The briefing pack of a meeting the user may read, as a PDF (the printable page's figures, from the
 * same functions as the dashboards). A meeting outside the user's scope is a 404.
 */
export const GET = authRoute<{ params: Promise<{ id: string }> }>('meetings.read', async (_req, user, ctx) => {
  const { id } = await ctx.params
  const briefing = /^[A-Za-z0-9_-]{1,40}$/.test(id) ? await getBriefing({ user, id }) : null
  if (!briefing) throw new AppError('NOT_FOUND')
  const { meeting } = briefing
  const name = meetingFileName('Bahan rapat', meeting, 'pdf')
  const body = await briefingPdf(briefing)
  return new Response(new Uint8Array(body), {
    headers: { 'content-type': 'application/pdf', 'content-disposition': contentDisposition(name), 'x-content-type-options': 'nosniff', 'cache-control': 'private, no-store' },
  })
})
