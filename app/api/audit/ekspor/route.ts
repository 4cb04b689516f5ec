import { z } from 'zod'
import { exportAuditLogs } from '@/lib/data/audit'
import { EXPORT_FORMATS, exportResponse, type ExportColumn } from '@/lib/export'
import { authRoute } from '@/lib/safe-action'
import { auditFilterSchema } from '@/lib/validations/audit'

type Row = Awaited<ReturnType<typeof exportAuditLogs>>[number]

const json = (v: unknown) => (v === null || v === undefined ? null : JSON.stringify(v))

const columns: ExportColumn<Row>[] = [
  { header: 'ID', value: (r) => String(r.id) },
  { header: 'Waktu', value: (r) => r.createdAt, width: 20, numFmt: 'dd/mm/yyyy hh:mm:ss' },
  { header: 'Pengguna', value: (r) => r.username, width: 16 },
  { header: 'Peran', value: (r) => r.role, width: 18 },
  { header: 'Tindakan', value: (r) => r.action, width: 16 },
  { header: 'Entitas', value: (r) => r.entity, width: 16 },
  { header: 'ID data', value: (r) => r.entityId, width: 28 },
  { header: 'Sebelum', value: (r) => json(r.before), width: 60 },
  { header: 'Sesudah', value: (r) => json(r.after), width: 60 },
  { header: 'Alamat IP', value: (r) => r.ip, width: 16 },
]

/** The audit trail under the current filters, as .xlsx or .csv (admin only). */
export const GET = authRoute('audit.read', async (req, user) => {
  const params = Object.fromEntries(new URL(req.url).searchParams)
  const format = z.enum(EXPORT_FORMATS).catch('xlsx').parse(params.format)
  const rows = await exportAuditLogs({ user, filter: auditFilterSchema.parse(params) })
  return exportResponse(format, 'log-audit', columns, rows, 'Log audit')
})
