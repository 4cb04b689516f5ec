import { z } from 'zod'
import { auditExport } from '@/lib/audit'
import { exportMeetings } from '@/lib/data/meetings'
import { jakartaDate, jakartaTime } from '@/lib/dates'
import { EXPORT_FORMATS, exportResponse, filteredName, type ExportColumn } from '@/lib/export'
import { MEETING_STATUS_LABEL, MEETING_TYPE_LABEL } from '@/lib/meetings/labels'
import { can } from '@/lib/permissions'
import { authRoute } from '@/lib/safe-action'
import { meetingFilterSchema } from '@/lib/validations/meetings'
import { AppError } from '@/lib/errors'

type Row = Awaited<ReturnType<typeof exportMeetings>>[number]

const columns: ExportColumn<Row>[] = [
  { header: 'Tanggal mulai', value: (r) => new Date(`${jakartaDate(r.startsAt)}T00:00:00Z`), numFmt: 'dd/mm/yyyy', width: 14 },
  { header: 'Jam mulai (WIB)', value: (r) => jakartaTime(r.startsAt, 'id') },
  { header: 'Tanggal selesai', value: (r) => new Date(`${jakartaDate(r.endsAt)}T00:00:00Z`), numFmt: 'dd/mm/yyyy', width: 14 },
  { header: 'Jenis', value: (r) => MEETING_TYPE_LABEL[r.type], width: 14 },
  { header: 'Judul', value: (r) => r.title, width: 50 },
  { header: 'Penyelenggara', value: (r) => r.organiser, width: 32 },
  { header: 'Tempat', value: (r) => r.venue, width: 28 },
  { header: 'Kota', value: (r) => r.city, width: 18 },
  { header: 'Tuan rumah', value: (r) => r.hostRegency?.name, width: 24 },
  { header: 'Status', value: (r) => MEETING_STATUS_LABEL[r.status] },
  { header: 'Peserta', value: (r) => r._count.participants, numFmt: '#,##0' },
  { header: 'Tindak lanjut', value: (r) => r._count.actions, numFmt: '#,##0' },
  { header: 'Tindak lanjut terbuka', value: (r) => r.openActions, numFmt: '#,##0' },
  { header: 'Tindak lanjut terlambat', value: (r) => r.overdueActions, numFmt: '#,##0' },
]

/** The meeting list under the current filters and the user's scope, as .xlsx or .csv (audited). */
export const GET = authRoute('meetings.read', async (req, user) => {
  if (!can(user.role, 'export.read')) throw new AppError('FORBIDDEN')
  const params = Object.fromEntries(new URL(req.url).searchParams)
  const format = z.enum(EXPORT_FORMATS).catch('xlsx').parse(params.format)
  const filter = meetingFilterSchema.parse(params)
  const rows = await exportMeetings({ user, filter })
  await auditExport(user, { entity: 'Meeting', after: { format, filter, rows: rows.length } })
  return exportResponse(format, filteredName('rapat', [filter.year, filter.month, filter.type, filter.status, filter.regency]), columns, rows, 'Rapat')
})
