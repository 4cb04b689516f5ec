import { ratePercent } from '@/lib/format'
import { CLAIM_REASON_TEXT, shownClaimReason } from '@/lib/credit/claim-reasons'
import { exportClaimLines } from '@/lib/data/claims'
import { exportResponse, type ExportColumn } from '@/lib/export'
import { authRoute } from '@/lib/safe-action'
import { auditExport } from '@/lib/audit'
import { AppError } from '@/lib/errors'

/** a rate to the four decimals it is stored with: 14.00, 10.125 (not rounded to 10.13) */
const RATE_FORMAT = '0.00##'

type Line = NonNullable<Awaited<ReturnType<typeof exportClaimLines>>>['lines'][number]
const num = (v: { toString(): string } | null) => (v === null ? null : Number(v))

const columns: ExportColumn<Line>[] = [
  { header: 'No. rekening', value: (l) => l.disbursement.accountNumber, width: 16 },
  { header: 'Nama usaha', value: (l) => l.disbursement.msme.businessName, width: 30 },
  { header: 'Kabupaten/kota', value: (l) => l.disbursement.regency.name, width: 22 },
  { header: 'Diklaim bank (Rp)', value: (l) => num(l.claimedAmount), width: 16, numFmt: '#,##0' },
  { header: 'Perhitungan Dinas (Rp)', value: (l) => num(l.computedAmount), width: 16, numFmt: '#,##0' },
  { header: 'Selisih (Rp)', value: (l) => Number(l.claimedAmount) - Number(l.computedAmount), width: 14, numFmt: '#,##0' },
  { header: 'Disetujui (Rp)', value: (l) => num(l.approvedAmount), width: 16, numFmt: '#,##0' },
  { header: 'Saldo menurut bank (Rp)', value: (l) => num(l.claimedBalance), width: 16, numFmt: '#,##0' },
  { header: 'Hari menurut bank', value: (l) => l.claimedDays },
  { header: 'Bunga menurut bank (%)', value: (l) => (l.claimedRate === null ? null : ratePercent(l.claimedRate)), numFmt: RATE_FORMAT },
  { header: 'Kode alasan', value: (l) => shownClaimReason(l), width: 18 },
  { header: 'Alasan', value: (l) => { const r = shownClaimReason(l); return r ? CLAIM_REASON_TEXT[r].id : null }, width: 60 },
  { header: 'Catatan verifikasi', value: (l) => l.note, width: 30 },
]

/** A claim's lines with both figures and the reason they differ, as .xlsx; the bank its own claims, the agency all. */
export const GET = authRoute('claims.read', async (_req, user, ctx: { params: Promise<{ id: string }> }) => {
  const { id } = await ctx.params
  const data = await exportClaimLines({ user, id })
  if (!data) throw new AppError('NOT_FOUND')
  const month = data.claim.month.toISOString().slice(0, 7)
  await auditExport(user, { entity: 'SubsidyClaim', entityId: id, after: { format: 'xlsx', month, rows: data.lines.length } })
  return exportResponse('xlsx', `klaim-${data.claim.bank.shortName.replace(/\W+/g, '-')}-${month}`, columns, data.lines, 'Baris klaim')
})
