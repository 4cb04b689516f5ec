import { z } from 'zod'
import { auditExport } from '@/lib/audit'
import { exportActivities } from '@/lib/data/activities'
import { EXPORT_FORMATS, dateRangePart, exportResponse, filteredName, type ExportColumn } from '@/lib/export'
import { can } from '@/lib/permissions'
import { authRoute } from '@/lib/safe-action'
import { activityFilterSchema } from '@/lib/validations/activities'
import { AppError } from '@/lib/errors'

type Row = Awaited<ReturnType<typeof exportActivities>>[number]

const KIND = { TRAINING: 'Pelatihan', CERTIFICATION: 'Sertifikasi kompetensi', CAPITAL_ASSISTANCE: 'Bantuan permodalan', FINANCING_FACILITATION: 'Fasilitasi pembiayaan', MENTORING: 'Pendampingan', SUPERVISION: 'Pengawasan/pemeriksaan', OTHER: 'Lainnya' } as const
const SOURCE = { APBD_PROVINCE: 'APBD provinsi', APBD_REGENCY: 'APBD kabupaten/kota', APBN: 'APBN', DAK: 'DAK', OTHER: 'Lainnya' } as const

const columns: ExportColumn<Row>[] = [
  { header: 'Nama kegiatan', value: (r) => r.title, width: 44 },
  { header: 'Jenis', value: (r) => KIND[r.kind], width: 22 },
  { header: 'Tanggal mulai', value: (r) => r.startDate, numFmt: 'dd/mm/yyyy', width: 14 },
  { header: 'Tanggal selesai', value: (r) => r.endDate, numFmt: 'dd/mm/yyyy', width: 14 },
  { header: 'Kode kab/kota', value: (r) => r.regency?.code },
  { header: 'Kabupaten/kota', value: (r) => r.regency?.name ?? 'Tingkat provinsi', width: 26 },
  { header: 'Sumber anggaran', value: (r) => (r.budgetSource ? SOURCE[r.budgetSource] : null), width: 18 },
  { header: 'Nilai anggaran (Rp)', value: (r) => (r.budgetAmount === null ? null : Number(r.budgetAmount)), numFmt: '#,##0', width: 18 },
  { header: 'Jumlah penerima', value: (r) => r._count.beneficiaries, numFmt: '#,##0' },
  { header: 'Keterangan', value: (r) => r.notes, width: 30 },
]

/** The activities list under the current filters and the user's scope, as .xlsx or .csv. */
export const GET = authRoute('export.read', async (req, user) => {
  if (!can(user.role, 'activities.read')) throw new AppError('FORBIDDEN')
  const params = Object.fromEntries(new URL(req.url).searchParams)
  const format = z.enum(EXPORT_FORMATS).catch('xlsx').parse(params.format)
  const filter = activityFilterSchema.parse(params)
  const rows = await exportActivities({ user, filter })
  await auditExport(user, { entity: 'Activity', after: { format, filter, rows: rows.length } })
  return exportResponse(format, filteredName('kegiatan-pembinaan', [filter.regency, filter.kind, filter.source, dateRangePart(filter.from, filter.to), filter.q]), columns, rows, 'Kegiatan')
})
