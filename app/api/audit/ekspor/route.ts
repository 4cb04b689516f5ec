import { z } from 'zod'
import { auditRole } from '@/lib/audit-text'
import { exportAuditLogs } from '@/lib/data/audit'
import { EXPORT_FORMATS, dateRangePart, exportResponse, filteredName, type ExportColumn } from '@/lib/export'
import { MESSAGES } from '@/lib/i18n/messages'
import { authRoute } from '@/lib/safe-action'
import { auditExport } from '@/lib/audit'
import { auditFilterSchema } from '@/lib/validations/audit'

type Row = Awaited<ReturnType<typeof exportAuditLogs>>[number]

const json = (v: unknown) => (v === null || v === undefined ? null : JSON.stringify(v))

/** The audit page's words for an action and a kind of record (auditLog.verb / .entity), as a cell: capitalised; the stored code when none. */
const { verb: VERBS, entity: ENTITIES, entityVerb: ENTITY_VERBS } = MESSAGES.id.auditLog
/** an action's word for its kind of record where it has its own (a client API's DEACTIVATE revokes its token) */
const verbOf = (action: string, entity: string) => {
  const own = Object.hasOwn(ENTITY_VERBS, entity) ? (ENTITY_VERBS as Record<string, Record<string, string>>)[entity] : undefined
  return own && Object.hasOwn(own, action) ? cell(own, action) : cell(VERBS, action)
}
const cell = (labels: Record<string, string>, key: string) => {
  const text = Object.hasOwn(labels, key) ? labels[key] : key
  return text.charAt(0).toUpperCase() + text.slice(1)
}

const columns: ExportColumn<Row>[] = [
  { header: 'ID', value: (r) => Number(r.id), numFmt: '0' },
  { header: 'Waktu', value: (r) => r.createdAt, width: 20, numFmt: 'dd/mm/yyyy hh:mm:ss' },
  { header: 'Pengguna', value: (r) => r.username, width: 16 },
  { header: 'Peran', value: (r) => auditRole(r.role, 'id'), width: 24 },
  { header: 'Tindakan', value: (r) => verbOf(r.action, r.entity), width: 22 },
  { header: 'Entitas', value: (r) => cell(ENTITIES, r.entity), width: 26 },
  { header: 'ID data', value: (r) => r.entityId, width: 28 },
  { header: 'Data', value: (r) => r.subject, width: 36 },
  { header: 'Perubahan', value: (r) => r.changes, width: 60 },
  { header: 'Sebelum', value: (r) => json(r.before), width: 60 },
  { header: 'Sesudah', value: (r) => json(r.after), width: 60 },
  // the stored address as written (the page words loopback and a job's 'local' as one): the export is the
  // forensic copy, where a browser on the server and a background job must stay apart
  { header: 'Alamat IP', value: (r) => r.ip, width: 18 },
]

/** The audit trail under the current filters, as .xlsx or .csv (admin only). */
export const GET = authRoute('audit.read', async (req, user) => {
  const params = Object.fromEntries(new URL(req.url).searchParams)
  const format = z.enum(EXPORT_FORMATS).catch('xlsx').parse(params.format)
  const filter = auditFilterSchema.parse(params)
  const rows = await exportAuditLogs({ user, filter })
  await auditExport(user, { entity: 'AuditLog', after: { format, filter, rows: rows.length } })
  return exportResponse(format, filteredName('log-audit', [filter.entity && cell(ENTITIES, filter.entity), filter.record, filter.action && verbOf(filter.action, filter.entity ?? ''), dateRangePart(filter.from, filter.to)]), columns, rows, 'Log audit')
})
