import { kindFor, templateData } from '@/lib/imports/service'
import { templateCsv, templateXlsx } from '@/lib/imports/template'
import { authRoute, readerLocale } from '@/lib/safe-action'

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/**
 * The kind's template: .xlsx (header, examples, explanation sheet, drop-down lists) or `?format=csv`; its lists
 * and examples from the database for this user (the bank's programmes, the quarter open now).
 */
export const GET = authRoute('imports.use', async (req, user, ctx: { params: Promise<{ jenis: string }> }) => {
  const kind = kindFor(user, (await ctx.params).jenis)
  const name = `templat-impor-${kind.kind}`
  // made for this user (their bank's programmes, their regencies): not cached, as every export (lib/export.ts)
  const noStore = { 'Cache-Control': 'no-store' }
  const { regencyNames, extras } = await templateData(user, kind)
  if (new URL(req.url).searchParams.get('format') === 'csv') {
    return new Response(templateCsv(kind, extras), { headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="${name}.csv"`, ...noStore } })
  }
  // the explanation sheet in the downloader's language; the Data sheet's headings stay Indonesian (what the import reads)
  const body = await templateXlsx(kind, regencyNames, extras, await readerLocale())
  return new Response(new Uint8Array(body), { headers: { 'Content-Type': XLSX, 'Content-Disposition': `attachment; filename="${name}.xlsx"`, ...noStore } })
})
