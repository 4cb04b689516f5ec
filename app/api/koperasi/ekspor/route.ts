import { z } from 'zod'
import { auditExport } from '@/lib/audit'
import { exportCooperatives } from '@/lib/data/cooperatives'
import { EXPORT_FORMATS, exportResponse, filteredName, type ExportColumn } from '@/lib/export'
import { FORM_LABEL, OUTCOME_LABEL, PATTERN_LABEL, TYPE_LABEL } from '@/lib/registers/labels'
import { can } from '@/lib/permissions'
import { authRoute } from '@/lib/safe-action'
import { cooperativeFilterSchema } from '@/lib/validations/cooperatives'
import { AppError } from '@/lib/errors'

type Row = Awaited<ReturnType<typeof exportCooperatives>>[number]

const columns: ExportColumn<Row>[] = [
  { header: 'NIK koperasi', value: (r) => r.nik, width: 20 },
  { header: 'Nama', value: (r) => r.name, width: 44 },
  { header: 'Jenis', value: (r) => TYPE_LABEL[r.type], width: 14 },
  { header: 'Bentuk', value: (r) => FORM_LABEL[r.form] },
  { header: 'Pola', value: (r) => PATTERN_LABEL[r.pattern] },
  { header: 'Kelompok', value: (r) => r.groupName },
  { header: 'Nomor badan hukum', value: (r) => r.legalEntityNumber, width: 26 },
  { header: 'Tanggal badan hukum', value: (r) => r.legalEntityDate, numFmt: 'dd/mm/yyyy', width: 14 },
  { header: 'Kode kab/kota', value: (r) => r.regency.code },
  { header: 'Kabupaten/kota', value: (r) => r.regency.name, width: 26 },
  { header: 'Kecamatan', value: (r) => r.district?.name, width: 20 },
  { header: 'Desa/kelurahan', value: (r) => r.village?.name, width: 20 },
  { header: 'Alamat', value: (r) => r.address, width: 30 },
  { header: 'Anggota laki-laki', value: (r) => r.membersMale, numFmt: '#,##0' },
  { header: 'Anggota perempuan', value: (r) => r.membersFemale, numFmt: '#,##0' },
  { header: 'Pengurus', value: (r) => r.managers },
  { header: 'Karyawan', value: (r) => r.employees },
  { header: 'Status', value: (r) => (r.active ? 'Aktif' : 'Tidak aktif') },
  { header: 'Kesehatan terakhir', value: (r) => (r.healthOutcome ? OUTCOME_LABEL[r.healthOutcome] : 'Belum dinilai'), width: 22 },
]

/** The cooperatives list under the current filters and the user's scope, as .xlsx or .csv. */
export const GET = authRoute('export.read', async (req, user) => {
  // export.read alone is not enough: the bank officer may export its own data, not the registers
  if (!can(user.role, 'cooperatives.read')) throw new AppError('FORBIDDEN')
  const params = Object.fromEntries(new URL(req.url).searchParams)
  const format = z.enum(EXPORT_FORMATS).catch('xlsx').parse(params.format)
  const filter = cooperativeFilterSchema.parse(params)
  const rows = await exportCooperatives({ user, filter })
  await auditExport(user, { entity: 'Cooperative', after: { format, filter, rows: rows.length } })
  return exportResponse(format, filteredName('koperasi', [filter.regency, filter.type, filter.status, filter.health, filter.q]), columns, rows, 'Koperasi')
})
