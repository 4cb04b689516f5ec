import { getStatusThresholds } from '@/lib/data/settings'
import { getMonthlySeries, getRegencyRanking } from '@/lib/data/credit'
import { getOverdueSummary } from '@/lib/data/meetings'
import { getClaimPipeline, getCreditBreakdown, getOverview, resolveDashboardFilter, type BreakdownRow, type ClaimPipelineRow } from '@/lib/data/dashboard'
import { kbliSectionName } from '@/lib/credit/kbli'
import { overviewCards, type OverviewCard } from '@/lib/dashboard/overview'
import { exportResponse, type ExportColumn, type XlsxOptions } from '@/lib/export'
import { formatDate } from '@/lib/format'
import { authRoute } from '@/lib/safe-action'
import { DASHBOARD_DATASETS, dashboardFilterSchema, type DashboardDataset } from '@/lib/validations/dashboard'
import { AppError } from '@/lib/errors'

const RUPIAH = '#,##0'
const PERCENT = '0.00'
/** a month as a real date cell that Excel and LibreOffice show in Indonesian ("Januari 2026") and sort as time */
const MONTH = '[$-421]mmmm yyyy'
const monthCell = (month: string) => new Date(`${month}-01T00:00:00Z`)

const CARD_NAMES: Record<OverviewCard['key'], string> = {
  realisation: 'Realisasi kredit (% target)',
  absorption: 'Serapan subsidi (% pagu)',
  beneficiaries: 'Penerima manfaat (UMK)',
  activeCoops: 'Koperasi aktif (%)',
  healthyKsp: 'KSP sehat',
  completeness: 'Kelengkapan laporan triwulan (%)',
}
const STATUS_NAMES = { ON_TRACK: 'Sesuai laju', WATCH: 'Perlu perhatian', BEHIND: 'Tertinggal' } as const
const SCALE_NAMES: Record<string, string> = { MIKRO: 'Mikro', KECIL: 'Kecil', MENENGAH: 'Menengah', BESAR: 'Besar' }

/**
 * A dashboard chart's figures as .xlsx, read again with the page's filters and the user's scope (a
 * bank officer gets its bank's, a district officer its regency or the province): the overview's cards,
 * the monthly series, the regency ranking, and credit by bank, KBLI section or scale. Numbers stay numbers.
 */
export const GET = authRoute<{ params: Promise<{ dataset: string }> }>('export.read', async (req, user, ctx) => {
  const { dataset } = await ctx.params
  if (!(DASHBOARD_DATASETS as readonly string[]).includes(dataset)) throw new AppError('NOT_FOUND')
  const params = dashboardFilterSchema.parse(Object.fromEntries(new URL(req.url).searchParams))
  // a refusal (another regency: 403; a programme out of scope: 404) is answered by authRoute
  const { program, filter } = await resolveDashboardFilter({ user, params })
  if (!program || !filter) throw new AppError('NOT_FOUND')
  const base = `${dataset}-${program.code.toLowerCase()}${filter.regencyCode ? `-${filter.regencyCode}` : ''}`
  // the file is named after the figures' as-of day (exportResponse appends it), not the day it was downloaded
  const respond = <R>(columns: ExportColumn<R>[], rows: R[], sheet: string, opts?: XlsxOptions) => exportResponse('xlsx', base, columns, rows, sheet, filter.asOf, opts)
  switch (dataset as DashboardDataset) {
    case 'ringkasan': {
      const [overview, thresholds, overdue] = await Promise.all([getOverview({ user, filter }), getStatusThresholds(), getOverdueSummary({ user, asOf: filter.asOf, regencyCode: filter.regencyCode })])
      const s = overview.summary
      // `unit`: how the row's figures read (a count, Rupiah or a percentage), for their cells' format
      type Row = { name: string; unit: 'count' | 'rupiah' | 'percent'; value: number | null; target: number | null; pct: number | null; lastYear: number | null; change: number | null; status: string | null }
      const rows: Row[] = [
        { name: 'Kredit disalurkan (Rp)', unit: 'rupiah', value: s.disbursed, target: s.creditTarget, pct: s.realisationPct, lastYear: overview.lastYear?.disbursed ?? null, change: overview.lastYear ? s.disbursed - overview.lastYear.disbursed : null, status: null },
        { name: 'Subsidi dibayar (Rp)', unit: 'rupiah', value: s.subsidyPaid, target: s.subsidyCeiling, pct: s.absorptionPct, lastYear: overview.lastYear?.subsidyPaid ?? null, change: overview.lastYear ? s.subsidyPaid - overview.lastYear.subsidyPaid : null, status: null },
        ...overviewCards(overview, program.year, thresholds).map((c): Row => ({
          // a district's completeness card is the province's (every regency's reports), and says so
          name: c.key === 'completeness' && filter.regencyCode ? 'Kelengkapan laporan triwulan se-provinsi (%)' : CARD_NAMES[c.key],
          unit: c.unit === 'PERCENT' ? 'percent' : 'count', value: c.available ? c.value : null, target: c.target, pct: null, lastYear: c.lastYear, change: c.change, status: c.status ? STATUS_NAMES[c.status] : c.available ? null : c.notRequired ? 'Tidak diwajibkan' : 'Belum ada data',
        })),
        // the same card as the overview's "Tindak lanjut rapat terlambat" (lib/data/meetings.ts getOverdueSummary)
        ...(overdue ? [{ name: 'Tindak lanjut rapat terlambat', unit: 'count', value: overdue.overdue, target: null, pct: null, lastYear: overdue.lastYear, change: overdue.change, status: `${overdue.open} tindak lanjut dari rapat yang sudah berlangsung terbuka` } satisfies Row] : []),
        { name: 'Proyeksi akhir tahun (Rp)', unit: 'rupiah', value: s.projection.value, target: s.creditTarget, pct: s.projection.pct, lastYear: null, change: null, status: s.projection.method },
      ]
      const byUnit = (r: Row) => (r.unit === 'percent' ? PERCENT : RUPIAH)
      const columns: ExportColumn<Row>[] = [
        { header: 'Angka', value: (r) => r.name, width: 40 },
        { header: `Nilai per ${formatDate(filter.asOf)}`, value: (r) => r.value, width: 22, rowNumFmt: byUnit },
        { header: 'Target', value: (r) => r.target, width: 22, rowNumFmt: byUnit },
        { header: 'Capaian (%)', value: (r) => r.pct, width: 14, numFmt: PERCENT },
        { header: overview.lastYear ? `Tahun lalu (${formatDate(overview.lastYear.asOf)})` : 'Tahun lalu', value: (r) => r.lastYear, width: 22, rowNumFmt: byUnit },
        { header: 'Perubahan', value: (r) => r.change, width: 18, rowNumFmt: byUnit },
        { header: 'Status / keterangan', value: (r) => r.status, width: 40 },
      ]
      return respond(columns, rows, 'Ringkasan')
    }
    case 'bulanan': {
      const series = await getMonthlySeries({ user, filter })
      type Row = (typeof series)[number]
      const columns: ExportColumn<Row>[] = [
        { header: 'Bulan', value: (r) => monthCell(`${program.year}-${String(r.month).padStart(2, '0')}`), width: 16, numFmt: MONTH },
        { header: 'Penyaluran (Rp)', value: (r) => r.disbursed, width: 20, numFmt: RUPIAH },
        { header: 'Realisasi kumulatif (Rp)', value: (r) => r.cumulative, width: 22, numFmt: RUPIAH },
        { header: 'Laju target (Rp)', value: (r) => r.targetPace, width: 20, numFmt: RUPIAH },
        { header: 'Subsidi jatuh tempo (Rp)', value: (r) => r.subsidyDue, width: 22, numFmt: RUPIAH },
        { header: 'Subsidi dibayar (Rp)', value: (r) => r.subsidyPaid, width: 20, numFmt: RUPIAH },
        { header: 'Subsidi dibayar kumulatif (Rp)', value: (r) => r.subsidyPaidCumulative, width: 26, numFmt: RUPIAH },
        { header: 'Pagu subsidi (Rp)', value: (r) => r.subsidyCeiling, width: 20, numFmt: RUPIAH },
      ]
      return respond(columns, series, 'Bulanan')
    }
    case 'kabupaten': {
      const ranking = await getRegencyRanking({ user, filter: { programId: filter.programId, bankId: filter.bankId, asOf: filter.asOf } })
      type Row = (typeof ranking)[number]
      const columns: ExportColumn<Row>[] = [
        { header: 'Kode', value: (r) => r.regencyCode, width: 8 },
        { header: 'Kabupaten/kota', value: (r) => r.name, width: 28 },
        { header: 'Alokasi (Rp)', value: (r) => r.target, width: 20, numFmt: RUPIAH },
        { header: 'Penyaluran (Rp)', value: (r) => r.disbursed, width: 20, numFmt: RUPIAH },
        { header: 'Realisasi (%)', value: (r) => r.realisationPct, width: 14, numFmt: PERCENT },
        { header: 'Rekening', value: (r) => r.loans, width: 12, numFmt: RUPIAH },
        { header: 'Penerima', value: (r) => r.beneficiaries, width: 12, numFmt: RUPIAH },
      ]
      return respond(columns, ranking, 'Kabupaten')
    }
    case 'klaim': {
      const { months, total } = await getClaimPipeline({ user, filter })
      const columns: ExportColumn<ClaimPipelineRow>[] = [
        { header: 'Bulan klaim', value: (r) => (r.month ? monthCell(r.month) : 'Jumlah'), width: 16, numFmt: MONTH },
        { header: 'Klaim', value: (r) => r.claims, width: 10, numFmt: RUPIAH },
        { header: 'Terbuka', value: (r) => r.open, width: 10, numFmt: RUPIAH },
        { header: 'Diklaim (Rp)', value: (r) => r.claimed, width: 20, numFmt: RUPIAH },
        // an empty cell while nothing of the month is approved yet, as the dashboard's "–"
        { header: 'Disetujui (Rp)', value: (r) => r.approved, width: 20, numFmt: RUPIAH },
        { header: 'Dibayar (Rp)', value: (r) => r.paid, width: 20, numFmt: RUPIAH },
        { header: 'Disetujui belum dibayar (Rp)', value: (r) => r.unpaid, width: 24, numFmt: RUPIAH },
      ]
      // the total row stays out of the filter's range: sorting by an amount would otherwise move it in among the months
      return respond(columns, total ? [...months, total] : months, 'Klaim', { totalRows: total ? 1 : 0 })
    }
    case 'bank':
    case 'kbli':
    case 'skala': {
      const by = dataset === 'skala' ? 'scale' : dataset === 'kbli' ? 'kbli' : 'bank'
      const rows = await getCreditBreakdown({ user, filter, by })
      const name = (r: BreakdownRow) => (by === 'kbli' ? kbliSectionName(r.key === '?' ? null : r.key) : by === 'scale' ? (SCALE_NAMES[r.key] ?? r.key) : r.label)
      const columns: ExportColumn<BreakdownRow>[] = [
        { header: by === 'kbli' ? 'Seksi KBLI' : by === 'scale' ? 'Skala' : 'Bank', value: (r) => (by === 'bank' ? r.label : r.key), width: 12 },
        { header: 'Nama', value: name, width: 40 },
        { header: 'Rekening', value: (r) => r.loans, width: 12, numFmt: RUPIAH },
        { header: 'Penerima', value: (r) => r.beneficiaries, width: 12, numFmt: RUPIAH },
        { header: 'Penyaluran (Rp)', value: (r) => r.disbursed, width: 20, numFmt: RUPIAH },
        { header: 'Porsi (%)', value: (r) => r.sharePct, width: 12, numFmt: PERCENT },
      ]
      return respond(columns, rows, by === 'kbli' ? 'KBLI' : by === 'scale' ? 'Skala' : 'Bank')
    }
  }
})
