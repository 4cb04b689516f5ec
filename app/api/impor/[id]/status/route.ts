import { importProgress } from '@/lib/imports/service'
import { authRoute } from '@/lib/safe-action'

/** The import's state and its job's progress, polled by the progress bar (the user may leave and come back). */
export const GET = authRoute('imports.use', async (_req, user, ctx: { params: Promise<{ id: string }> }) => {
  const progress = await importProgress(user, (await ctx.params).id)
  return Response.json(progress, { headers: { 'Cache-Control': 'no-store' } })
})
