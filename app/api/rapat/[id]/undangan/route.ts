import { meetingFileName } from '@/lib/meetings/files'
import { getMeeting } from '@/lib/data/meetings'
import { contentDisposition } from '@/lib/meetings/http'
import { invitationIcs } from '@/lib/meetings/exports'
import { authRoute } from '@/lib/safe-action'
import { publicBaseUrl } from '@/lib/env'
import { AppError } from '@/lib/errors'

/** The meeting as an .ics invitation, for users who may read it (others get 404). */
export const GET = authRoute<{ params: Promise<{ id: string }> }>('meetings.read', async (req, user, ctx) => {
  const { id } = await ctx.params
  const meeting = /^[A-Za-z0-9_-]{1,40}$/.test(id) ? await getMeeting({ user, id }) : null
  if (!meeting) throw new AppError('NOT_FOUND')
  const ics = invitationIcs(meeting, publicBaseUrl(new URL(req.url).origin))
  // named like the notulen and the briefing pack, so the meeting's files sort and read together in a download folder
  const name = meetingFileName('Undangan', meeting, 'ics')
  return new Response(ics, {
    headers: { 'content-type': 'text/calendar; charset=utf-8', 'content-disposition': contentDisposition(name), 'cache-control': 'private, no-store' },
  })
})
