import { ratePercent } from '@/lib/format'
import { z } from 'zod'
import { exportDisbursements, listPrograms } from '@/lib/data/disbursements'
import { codeForId, EXPORT_FORMATS, dateRangePart, exportResponse, filteredName, type ExportColumn } from '@/lib/export'
import { MESSAGES } from '@/lib/i18n/messages'
import { authRoute } from '@/lib/safe-action'
import { auditExport } from '@/lib/audit'
import { disbursementFilterSchema } from '@/lib/validations/credit'

/** a rate to the four decimals it is stored with: 14.00, 10.125 (not rounded to 10.13) */
const RATE_FORMAT = '0.00##'

type Row = Awaited<ReturnType<typeof exportDisbursements>>[number]

/** A loan's status in the words the loan page shows (credit.loan*), in Indonesian as the export's headers. */
const { loanActive, loanPaidOff, loanWrittenOff } = MESSAGES.id.credit
const STATUS: Record<Row['status'], string> = { ACTIVE: loanActive, PAID_OFF: loanPaidOff, WRITTEN_OFF: loanWrittenOff }

const columns: ExportColumn<Row>[] = [
  { header: 'Program', value: (r) => r.program.name, width: 18 },
  { header: 'Bank', value: (r) => r.bank.shortName, width: 12 },
  { header: 'No. rekening', value: (r) => r.accountNumber, width: 16 },
  { header: 'NIB', value: (r) => r.msme.nib, width: 16 },
  { header: 'Nama usaha', value: (r) => r.msme.businessName, width: 30 },
  { header: 'Kode wilayah', value: (r) => r.regency.code },
  { header: 'Kabupaten/kota', value: (r) => r.regency.name, width: 24 },
  { header: 'Tanggal akad', value: (r) => r.contractDate, width: 14, numFmt: 'dd/mm/yyyy' },
  { header: 'Plafon (Rp)', value: (r) => Number(r.plafond), width: 16, numFmt: '#,##0' },
  { header: 'Tenor (bulan)', value: (r) => r.tenorMonths },
  { header: 'Bunga bank (%)', value: (r) => ratePercent(r.bankRate), numFmt: RATE_FORMAT },
  { header: 'Bunga debitur (%)', value: (r) => ratePercent(r.borrowerRate), numFmt: RATE_FORMAT },
  { header: 'Metode', value: (r) => (r.method === 'ANNUITY' ? 'Anuitas' : 'Flat') },
  { header: 'Kolektibilitas', value: (r) => r.collectibility },
  { header: 'Status', value: (r) => STATUS[r.status] },
  { header: 'Pengecualian', value: (r) => r.eligibilityIssues.join(', ') },
]

/** The disbursements under the current filters, scoped by role (regency, bank), as .xlsx or .csv. */
export const GET = authRoute('credit.read', async (req, user) => {
  const params = Object.fromEntries(new URL(req.url).searchParams)
  const format = z.enum(EXPORT_FORMATS).catch('xlsx').parse(params.format)
  const filter = disbursementFilterSchema.parse(params)
  const [rows, programs] = await Promise.all([exportDisbursements({ user, filter }), filter.program ? listPrograms({ user }) : []])
  await auditExport(user, { entity: 'Disbursement', after: { format, filter, rows: rows.length } })
  // the programme by its code (penyaluran-kredit-prokesra-2026-…), as the reader's programmes know it, not its internal id
  return exportResponse(format, filteredName('penyaluran-kredit', [codeForId(filter.program, programs), filter.regency, filter.collectibility, filter.flagged && 'ditandai', dateRangePart(filter.from, filter.to), filter.q]), columns, rows, 'Penyaluran')
})
