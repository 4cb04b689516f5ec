import { meetingFileName } from '@/lib/meetings/files'
import { getMeeting } from '@/lib/data/meetings'
import { contentDisposition } from '@/lib/meetings/http'
import { minutesDocx, minutesPdf } from '@/lib/meetings/exports'
import { authRoute } from '@/lib/safe-action'
import { AppError } from '@/lib/errors'

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'

/** The notulen of a meeting the user may read: `?format=docx` as Word, otherwise PDF. Others get 404. */
export const GET = authRoute<{ params: Promise<{ id: string }> }>('meetings.read', async (req, user, ctx) => {
  const { id } = await ctx.params
  const meeting = /^[A-Za-z0-9_-]{1,40}$/.test(id) ? await getMeeting({ user, id }) : null
  if (!meeting) throw new AppError('NOT_FOUND')
  const docx = new URL(req.url).searchParams.getAll('format').includes('docx')
  const name = meetingFileName('Notulen', meeting, docx ? 'docx' : 'pdf')
  const body = docx ? await minutesDocx(meeting) : await minutesPdf(meeting)
  return new Response(new Uint8Array(body), {
    headers: { 'content-type': docx ? DOCX : 'application/pdf', 'content-disposition': contentDisposition(name), 'x-content-type-options': 'nosniff', 'cache-control': 'private, no-store' },
  })
})
