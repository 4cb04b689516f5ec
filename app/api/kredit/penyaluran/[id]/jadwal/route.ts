import { ratePercent } from '@/lib/format'
import { getLoanSchedule, type LoanScheduleRow } from '@/lib/data/disbursements'
import { exportResponse, type ExportColumn } from '@/lib/export'
import { authRoute } from '@/lib/safe-action'
import type { SubsidyReason } from '@/lib/credit/subsidy'
import { AppError } from '@/lib/errors'

/** a rate to the four decimals it is stored with: 14.00, 10.125 (not rounded to 10.13) */
const RATE_FORMAT = '0.00##'

const STATE: Record<LoanScheduleRow['state'], string> = { NOT_DUE: 'Belum jatuh tempo', NOT_REPORTED: 'Belum dilaporkan', PAID: 'Dibayar', UNPAID: 'Tidak dibayar' }
/** Why a period's subsidy is what it is, in the words of the loan's page (the codes are not for the reader). */
const REASON: Record<SubsidyReason, string> = { DUE: 'Disubsidi', NO_INSTALMENT: 'Tanpa angsuran', COLLECTIBILITY_5: 'Macet (kolektibilitas 5)', AFTER_MATURITY: 'Lewat jatuh tempo', NO_RATE_DIFFERENCE: 'Tanpa selisih bunga' }

const columns: ExportColumn<LoanScheduleRow>[] = [
  { header: 'Periode', value: (r) => r.period },
  { header: 'Mulai', value: (r) => new Date(`${r.start}T00:00:00Z`), width: 12, numFmt: 'dd/mm/yyyy' },
  { header: 'Jatuh tempo', value: (r) => new Date(`${r.end}T00:00:00Z`), width: 12, numFmt: 'dd/mm/yyyy' },
  { header: 'Hari', value: (r) => r.days },
  { header: 'Saldo awal (Rp)', value: (r) => r.openingBalance, width: 16, numFmt: '#,##0' },
  { header: 'Angsuran debitur (Rp)', value: (r) => r.borrowerInstalment, width: 16, numFmt: '#,##0' },
  { header: 'Pokok (Rp)', value: (r) => r.principal, width: 14, numFmt: '#,##0' },
  { header: 'Bunga debitur (Rp)', value: (r) => r.borrowerInterest, width: 14, numFmt: '#,##0' },
  { header: 'Bunga bank (%/tahun)', value: (r) => ratePercent(r.bankRate), numFmt: RATE_FORMAT },
  { header: 'Bunga debitur (%/tahun)', value: (r) => ratePercent(r.borrowerRate), numFmt: RATE_FORMAT },
  { header: 'Selisih bunga (%/tahun)', value: (r) => ratePercent(r.rateDifference), numFmt: RATE_FORMAT },
  { header: 'Subsidi (Rp)', value: (r) => r.subsidy, width: 14, numFmt: '#,##0' },
  { header: 'Status angsuran', value: (r) => STATE[r.state], width: 18 },
  { header: 'Kolektibilitas', value: (r) => r.collectibility },
  { header: 'Alasan subsidi', value: (r) => REASON[r.reason as SubsidyReason] ?? r.reason, width: 24 },
]

/** One loan's schedule, as the bank reconciles it, in the role's scope (404 outside it). */
export const GET = authRoute('credit.read', async (_req, user, ctx: { params: Promise<{ id: string }> }) => {
  const { id } = await ctx.params
  const schedule = await getLoanSchedule({ user, id })
  if (!schedule) throw new AppError('NOT_FOUND')
  return exportResponse('xlsx', `jadwal-${schedule.loan.accountNumber.replace(/[^A-Za-z0-9-]/g, '_')}`, columns, schedule.rows, 'Jadwal')
})
