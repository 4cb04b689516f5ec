import { rateChangesOf } from '@/lib/credit/rate-change'
import { serverText } from '@/lib/i18n/server-text'
import { authRoute, readerLocale } from '@/lib/safe-action'

/**
 * A programme's rate changes (queued, running, the last finished one), polled by the programme page's progress
 * bar while one is being computed. An admin's: the permission that may start one.
 */
export const GET = authRoute('credit.configure', async (_req, _user, ctx: { params: Promise<{ id: string }> }) => {
  const lang = await readerLocale()
  const changes = await rateChangesOf((await ctx.params).id)
  return Response.json(changes.map((c) => ({ ...c, error: c.error && serverText(c.error, lang) })), { headers: { 'Cache-Control': 'no-store' } })
})
