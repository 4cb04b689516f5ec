import { db } from '@/lib/db'
import { ownImport } from '@/lib/imports/service'
import { IGNORED, type SheetInfo } from '@/lib/imports/pipeline'
import { rejectedXlsx } from '@/lib/imports/template'
import { authRoute, readerLocale } from '@/lib/safe-action'

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/** The rejected rows of an import as .xlsx, the user's columns plus "Kesalahan" ("Errors" in English), to correct and upload again. */
export const GET = authRoute('imports.use', async (_req, user, ctx: { params: Promise<{ id: string }> }) => {
  const { imp, kind } = await ownImport(user, (await ctx.params).id)
  const sheet = (imp.sheets as SheetInfo[]).find((s) => s.name === imp.sheetName)
  const rows = await db.importRow.findMany({
    where: { importId: imp.id, outcome: 'INVALID' }, orderBy: { rowNumber: 'asc' }, take: 100_000,
    select: { rowNumber: true, values: true, errors: true },
  })
  const body = await rejectedXlsx(kind.fields, sheet?.headings ?? [], (imp.mapping ?? {}) as Record<string, string | null>, rows.map((r) => {
    const { [IGNORED]: ignored, ...values } = r.values as Record<string, string> & { [IGNORED]?: Record<string, string> }
    return { rowNumber: r.rowNumber, values, ignored, errors: (r.errors ?? []) as { column: string; message: string; messageEn?: string }[] }
  }), await readerLocale())
  // full NIKs and phone numbers: never kept by a browser or proxy cache (as every export, lib/export.ts)
  return new Response(new Uint8Array(body), { headers: { 'Content-Type': XLSX, 'Content-Disposition': `attachment; filename="impor-ditolak-${imp.id}.xlsx"`, 'Cache-Control': 'no-store' } })
})
