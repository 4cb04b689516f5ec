import { meetingFileName } from '@/lib/meetings/files'
import { getMeeting } from '@/lib/data/meetings'
import { contentDisposition } from '@/lib/meetings/http'
import { attendanceSheetPdf } from '@/lib/meetings/exports'
import { authRoute } from '@/lib/safe-action'
import { AppError } from '@/lib/errors'

/** The attendance sheet (daftar hadir) to be signed, as PDF, of a meeting the user may read. Others get 404. */
export const GET = authRoute<{ params: Promise<{ id: string }> }>('meetings.read', async (_req, user, ctx) => {
  const { id } = await ctx.params
  const meeting = /^[A-Za-z0-9_-]{1,40}$/.test(id) ? await getMeeting({ user, id }) : null
  if (!meeting) throw new AppError('NOT_FOUND')
  const body = await attendanceSheetPdf(meeting)
  return new Response(new Uint8Array(body), {
    headers: { 'content-type': 'application/pdf', 'content-disposition': contentDisposition(meetingFileName('Daftar hadir', meeting, 'pdf')), 'x-content-type-options': 'nosniff', 'cache-control': 'private, no-store' },
  })
})
