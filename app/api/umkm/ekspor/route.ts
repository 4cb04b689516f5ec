import { z } from 'zod'
import { auditExport } from '@/lib/audit'
import { cooperativeName } from '@/lib/data/cooperatives'
import { exportMsmes } from '@/lib/data/msmes'
import { EXPORT_FORMATS, exportResponse, filteredName, type ExportColumn } from '@/lib/export'
import { GENDER_LABEL, SCALE_LABEL } from '@/lib/registers/labels'
import { can } from '@/lib/permissions'
import { authRoute } from '@/lib/safe-action'
import { msmeFilterSchema } from '@/lib/validations/msmes'
import { AppError } from '@/lib/errors'

type Row = Awaited<ReturnType<typeof exportMsmes>>[number]

const RUPIAH = '"Rp"#,##0'
/** a figure entered with sen keeps them in the sheet (the whole-Rupiah format would show 1.500.000,50 as Rp1.500.001) */
const RUPIAH_SEN = '"Rp"#,##0.00'
const senFormat = (v: { toString(): string }) => (/\.\d*[1-9]/.test(v.toString()) ? RUPIAH_SEN : undefined)

const columns: ExportColumn<Row>[] = [
  { header: 'NIB', value: (r) => r.nib, width: 16 },
  { header: 'Nama usaha', value: (r) => r.businessName, width: 36 },
  { header: 'Nama pemilik', value: (r) => r.ownerName, width: 26 },
  // masked by the data layer: exports never carry the full NIK
  { header: 'NIK pemilik', value: (r) => r.ownerNik, width: 20 },
  { header: 'Jenis kelamin', value: (r) => GENDER_LABEL[r.ownerGender] },
  { header: 'KBLI', value: (r) => r.kbli },
  { header: 'Kode kab/kota', value: (r) => r.regency.code },
  { header: 'Kabupaten/kota', value: (r) => r.regency.name, width: 26 },
  { header: 'Kecamatan', value: (r) => r.district?.name, width: 20 },
  { header: 'Desa/kelurahan', value: (r) => r.village?.name, width: 20 },
  { header: 'Tenaga kerja', value: (r) => r.workers },
  { header: 'Modal usaha (Rp)', value: (r) => Number(r.businessCapital), numFmt: RUPIAH, rowNumFmt: (r) => senFormat(r.businessCapital), width: 20 },
  { header: 'Omzet tahunan (Rp)', value: (r) => Number(r.annualSales), numFmt: RUPIAH, rowNumFmt: (r) => senFormat(r.annualSales), width: 20 },
  { header: 'Skala tercatat', value: (r) => (r.recordedScale ? SCALE_LABEL[r.recordedScale] : null) },
  { header: 'Skala PP 7/2021', value: (r) => SCALE_LABEL[r.computedScale] },
  { header: 'Skala tidak sesuai', value: (r) => (r.scaleMismatch ? 'Ya' : 'Tidak') },
  { header: 'Nomor IUMK', value: (r) => r.iumkNumber, width: 20 },
  { header: 'Tanggal IUMK', value: (r) => r.iumkDate, numFmt: 'dd/mm/yyyy', width: 14 },
  { header: 'Koperasi', value: (r) => r.cooperative?.name, width: 36 },
]

/** The MSME list under the current filters and the user's scope (owner NIK masked), as .xlsx or .csv. */
export const GET = authRoute('export.read', async (req, user) => {
  if (!can(user.role, 'msmes.read')) throw new AppError('FORBIDDEN')
  const params = Object.fromEntries(new URL(req.url).searchParams)
  const format = z.enum(EXPORT_FORMATS).catch('xlsx').parse(params.format)
  const filter = msmeFilterSchema.parse(params)
  const rows = await exportMsmes({ user, filter })
  await auditExport(user, { entity: 'Msme', after: { format, filter, rows: rows.length } })
  // the members of one cooperative say so, with its name (a 3-row file had been named like the whole register); never
  // its id, and no name outside the user's scope (cooperativeName)
  const members = filter.koperasi ? ['anggota', await cooperativeName({ user, id: filter.koperasi })] : []
  return exportResponse(format, filteredName('umkm', [filter.regency, filter.scale, filter.mismatch && 'skala-tidak-sesuai', ...members, filter.q]), columns, rows, 'UMKM')
})
