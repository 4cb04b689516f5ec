import { getCompleteness } from '@/lib/data/reporting'
import { exportResponse, type ExportColumn } from '@/lib/export'
import { currentQuarter, quarterLabel } from '@/lib/reporting/periods'
import { authRoute } from '@/lib/safe-action'
import { reportingFilterSchema } from '@/lib/validations/reporting'

const STATUS = { NOT_STARTED: 'Belum mulai', DRAFT: 'Draf', SUBMITTED: 'Dikirim', RETURNED: 'Dikembalikan', APPROVED: 'Disetujui' } as const
const TIMELINESS = { ON_TIME: 'Tepat waktu', LATE: 'Terlambat', OVERDUE: 'Lewat batas', PENDING: 'Belum jatuh tempo', NOT_REQUIRED: 'Tidak diwajibkan' } as const

type Row = { regency: string; code: string; quarter: number; status: keyof typeof STATUS; timeliness: keyof typeof TIMELINESS; firstSubmittedAt: Date | null }

/** The completeness grid of a year, one row per regency and quarter (.xlsx), within the user's scope. */
export const GET = authRoute('reports.read', async (req, user) => {
  const params = Object.fromEntries(new URL(req.url).searchParams)
  const year = reportingFilterSchema.parse(params).tahun ?? currentQuarter(new Date()).year // this year in Jakarta, as the page's default
  const data = await getCompleteness({ user, year })
  const rows: Row[] = data.regencies.flatMap((r) => r.quarters.map((q) => ({ regency: r.name, code: r.code, quarter: q.quarter, status: q.status, timeliness: q.timeliness, firstSubmittedAt: q.firstSubmittedAt })))
  const columns: ExportColumn<Row>[] = [
    { header: 'Kode', value: (r) => r.code, width: 8 },
    { header: 'Kabupaten/kota', value: (r) => r.regency, width: 28 },
    { header: 'Triwulan', value: (r) => `${quarterLabel(r.quarter)} ${year}`, width: 18 },
    { header: 'Status', value: (r) => STATUS[r.status], width: 14 },
    { header: 'Ketepatan', value: (r) => TIMELINESS[r.timeliness], width: 18 },
    { header: 'Dikirim pertama', value: (r) => r.firstSubmittedAt, width: 20, numFmt: 'dd/mm/yyyy hh:mm' },
  ]
  return exportResponse('xlsx', `kelengkapan-laporan-${year}`, columns, rows, `Kelengkapan ${year}`)
})
