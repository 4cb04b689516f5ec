import { exportUsers } from '@/lib/data/users'
import { EXPORT_FORMATS, exportResponse, filteredName, type ExportColumn } from '@/lib/export'
import { ROLE_LABELS } from '@/lib/permissions'
import { authRoute } from '@/lib/safe-action'
import { auditExport } from '@/lib/audit'
import { userFilterSchema } from '@/lib/validations/users'
import { z } from 'zod'

type Row = Awaited<ReturnType<typeof exportUsers>>[number]

const columns: ExportColumn<Row>[] = [
  { header: 'Nama pengguna', value: (r) => r.username, width: 18 },
  { header: 'Nama', value: (r) => r.name, width: 28 },
  { header: 'Email', value: (r) => r.email, width: 28 },
  { header: 'Peran', value: (r) => ROLE_LABELS[r.role].id, width: 24 },
  { header: 'Kabupaten/kota', value: (r) => r.regency?.name, width: 24 },
  { header: 'Bank mitra', value: (r) => r.bank?.shortName, width: 16 },
  { header: 'Aktif', value: (r) => (r.active ? 'Ya' : 'Tidak') },
  { header: 'Terakhir masuk', value: (r) => r.lastSignInAt, width: 20, numFmt: 'dd/mm/yyyy hh:mm' },
  { header: 'Dibuat', value: (r) => r.createdAt, width: 20, numFmt: 'dd/mm/yyyy hh:mm' },
]

/** The users list under the current filters, as .xlsx or .csv (admin only). */
export const GET = authRoute('users.manage', async (req, user) => {
  const params = Object.fromEntries(new URL(req.url).searchParams)
  const format = z.enum(EXPORT_FORMATS).catch('xlsx').parse(params.format)
  const filter = userFilterSchema.parse(params)
  const rows = await exportUsers({ user, filter })
  await auditExport(user, { entity: 'User', after: { format, filter, rows: rows.length } })
  return exportResponse(format, filteredName('pengguna', [filter.role, filter.status, filter.regency, filter.q]), columns, rows, 'Pengguna')
})
