import { z } from 'zod'
import { auditAddress, auditRole } from '@/lib/audit-text'
import { exportAuditLogs } from '@/lib/data/audit'
import { EXPORT_FORMATS, exportResponse, type ExportColumn } from '@/lib/export'
import { MESSAGES } from '@/lib/i18n/messages'
import { authRoute } from '@/lib/safe-action'
import { auditFilterSchema } from '@/lib/validations/audit'

type Row = Awaited<ReturnType<typeof exportAuditLogs>>[number]

const json = (v: unknown) => (v === null || v === undefined ? null : JSON.stringify(v))

/** The audit page's words for an action and a kind of record (auditLog.verb / .entity), as a cell: capitalised; the stored code when none. */
const { verb: VERBS, entity: ENTITIES, localIp } = MESSAGES.id.auditLog
const cell = (labels: Record<string, string>, key: string) => {
  const text = Object.hasOwn(labels, key) ? labels[key] : key
  return text.charAt(0).toUpperCase() + text.slice(1)
}

const columns: ExportColumn<Row>[] = [
  { header: 'ID', value: (r) => String(r.id) },
  { header: 'Waktu', value: (r) => r.createdAt, width: 20, numFmt: 'dd/mm/yyyy hh:mm:ss' },
  { header: 'Pengguna', value: (r) => r.username, width: 16 },
  { header: 'Peran', value: (r) => auditRole(r.role, 'id'), width: 24 },
  { header: 'Tindakan', value: (r) => cell(VERBS, r.action), width: 22 },
  { header: 'Entitas', value: (r) => cell(ENTITIES, r.entity), width: 26 },
  { header: 'ID data', value: (r) => r.entityId, width: 28 },
  { header: 'Sebelum', value: (r) => json(r.before), width: 60 },
  { header: 'Sesudah', value: (r) => json(r.after), width: 60 },
  // loopback and background jobs are the same machine: one word for both, as on the page (auditAddress)
  { header: 'Alamat IP', value: (r) => { const a = auditAddress(r.ip); return a === 'local' ? localIp : a }, width: 18 },
]

/** The audit trail under the current filters, as .xlsx or .csv (admin only). */
export const GET = authRoute('audit.read', async (req, user) => {
  const params = Object.fromEntries(new URL(req.url).searchParams)
  const format = z.enum(EXPORT_FORMATS).catch('xlsx').parse(params.format)
  const rows = await exportAuditLogs({ user, filter: auditFilterSchema.parse(params) })
  return exportResponse(format, 'log-audit', columns, rows, 'Log audit')
})
