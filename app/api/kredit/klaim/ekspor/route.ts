import { z } from 'zod'
import { auditExport } from '@/lib/audit'
import { claimFilterOptions, exportClaims } from '@/lib/data/claims'
import { codeForId, EXPORT_FORMATS, exportResponse, filteredName, type ExportColumn } from '@/lib/export'
import { MESSAGES } from '@/lib/i18n/messages'
import { authRoute } from '@/lib/safe-action'
import { claimFilterSchema } from '@/lib/validations/claims'

type Row = Awaited<ReturnType<typeof exportClaims>>[number]

/** A claim's status in the words the list shows (credit.claimStatus_*), in Indonesian as the export's headers. */
const STATUS: Record<Row['status'], string> = {
  SUBMITTED: MESSAGES.id.credit.claimStatus_SUBMITTED,
  RETURNED: MESSAGES.id.credit.claimStatus_RETURNED,
  APPROVED: MESSAGES.id.credit.claimStatus_APPROVED,
  PAID: MESSAGES.id.credit.claimStatus_PAID,
}

const columns: ExportColumn<Row>[] = [
  // the month as a real date cell shown in Indonesian ("November 2026"), sorting as time (as the dashboard's exports)
  { header: 'Bulan klaim', value: (c) => c.month, numFmt: '[$-421]mmmm yyyy', width: 16 },
  { header: 'Kode program', value: (c) => c.program.code, width: 16 },
  { header: 'Program', value: (c) => c.program.name, width: 24 },
  { header: 'Bank', value: (c) => c.bank.shortName, width: 14 },
  { header: 'Status', value: (c) => STATUS[c.status], width: 14 },
  { header: 'Diajukan', value: (c) => c.submittedAt, numFmt: 'dd/mm/yyyy hh:mm', width: 17 },
  { header: 'Baris', value: (c) => c.lines, numFmt: '#,##0' },
  { header: 'Diklaim bank (Rp)', value: (c) => c.claimed, numFmt: '#,##0', width: 16 },
  { header: 'Perhitungan Dinas (Rp)', value: (c) => c.computed, numFmt: '#,##0', width: 16 },
  { header: 'Selisih (Rp)', value: (c) => c.claimed - c.computed, numFmt: '#,##0', width: 14 },
  { header: 'Disetujui (Rp)', value: (c) => c.approved, numFmt: '#,##0', width: 16 },
  { header: 'Dibayar (Rp)', value: (c) => c.paid, numFmt: '#,##0', width: 16 },
]

/**
 * The claims list under its filters and order, in the user's scope (a bank officer its own bank's: claimScope in
 * lib/data/claims.ts), as .xlsx or .csv, audited; named by the programme's code and the bank's short name, not their ids.
 */
export const GET = authRoute('claims.read', async (req, user) => {
  const params = Object.fromEntries(new URL(req.url).searchParams)
  const format = z.enum(EXPORT_FORMATS).catch('xlsx').parse(params.format)
  const filter = claimFilterSchema.parse(params)
  const [rows, options] = await Promise.all([exportClaims({ user, filter }), claimFilterOptions({ user })])
  await auditExport(user, { entity: 'SubsidyClaim', after: { format, filter, rows: rows.length } })
  const bank = codeForId(filter.bank, options.banks.map((b) => ({ id: b.id, code: b.shortName })))
  return exportResponse(format, filteredName('klaim-subsidi', [codeForId(filter.program, options.programs), filter.status && STATUS[filter.status], bank]), columns, rows, 'Klaim subsidi')
})
