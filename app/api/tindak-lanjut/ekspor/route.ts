import { z } from 'zod'
import { auditExport } from '@/lib/audit'
import { exportActions } from '@/lib/data/meetings'
import { jakartaDate } from '@/lib/dates'
import { EXPORT_FORMATS, exportResponse, filteredName, type ExportColumn } from '@/lib/export'
import { ACTION_STATUS_LABEL, MEETING_TYPE_LABEL, OWNER_KIND_LABEL, actionOwnerName } from '@/lib/meetings/labels'
import { isOverdue } from '@/lib/meetings/rules'
import { can } from '@/lib/permissions'
import { authRoute } from '@/lib/safe-action'
import { actionFilterSchema } from '@/lib/validations/meetings'
import { AppError } from '@/lib/errors'

type Row = Awaited<ReturnType<typeof exportActions>>['rows'][number]

/**
 * The list's status choice in the file's name, in the file's language: the default (open and in progress) as
 * `belum-selesai`, one status by its label, every status as nothing (it had read `tindak-lanjut-terlambat-open-…`); the as-of day marked `per-`, so
 * that it is not taken for the download day that follows it.
 */
function statusInName(status: string | undefined): string | null {
  if (status === 'all') return null
  if (!status || status === 'open') return 'belum-selesai'
  return ACTION_STATUS_LABEL[status as keyof typeof ACTION_STATUS_LABEL] ?? null
}

/**
 * The follow-up list under the current filters and the user's scope, as .xlsx or .csv (audited):
 * what leadership takes into the next Rakor. "Terlambat" is judged at the list's as-of day.
 */
export const GET = authRoute('meetings.read', async (req, user) => {
  if (!can(user.role, 'export.read')) throw new AppError('FORBIDDEN')
  const params = Object.fromEntries(new URL(req.url).searchParams)
  const format = z.enum(EXPORT_FORMATS).catch('xlsx').parse(params.format)
  const filter = actionFilterSchema.parse(params)
  const { rows, asOf } = await exportActions({ user, filter })
  const columns: ExportColumn<Row>[] = [
    { header: 'Tindak lanjut', value: (r) => r.title, width: 50 },
    { header: 'Uraian', value: (r) => r.description, width: 40 },
    { header: 'Jenis penanggung jawab', value: (r) => OWNER_KIND_LABEL[r.ownerKind], width: 18 },
    { header: 'Penanggung jawab', value: (r) => actionOwnerName(r), width: 30 },
    { header: 'Tenggat', value: (r) => r.dueDate, numFmt: 'dd/mm/yyyy', width: 14 },
    { header: 'Status', value: (r) => ACTION_STATUS_LABEL[r.status], width: 14 },
    { header: `Terlambat per ${asOf.split('-').reverse().join('/')}`, value: (r) => (isOverdue(r, asOf) ? 'Ya' : 'Tidak'), width: 22 },
    { header: 'Catatan progres', value: (r) => r._count.notes, numFmt: '#,##0' },
    { header: 'Rapat', value: (r) => r.meeting.title, width: 44 },
    { header: 'Jenis rapat', value: (r) => MEETING_TYPE_LABEL[r.meeting.type], width: 14 },
    // a meeting starts at an instant: its day is the Jakarta day, as in the meetings export
    { header: 'Tanggal rapat', value: (r) => new Date(`${jakartaDate(r.meeting.startsAt)}T00:00:00Z`), numFmt: 'dd/mm/yyyy', width: 14 },
  ]
  await auditExport(user, { entity: 'ActionItem', after: { format, filter, asOf, rows: rows.length } })
  return exportResponse(format, filteredName('tindak-lanjut', [filter.overdue ? 'terlambat' : filter.due === 'soon' && 'jatuh-tempo', statusInName(filter.status), filter.ownerKind && OWNER_KIND_LABEL[filter.ownerKind], filter.regency, filter.asOf && `per-${filter.asOf}`]), columns, rows, 'Tindak lanjut')
})
