import { getIndicatorRealisation, type RealisationLine } from '@/lib/data/reporting'
import { exportResponse, type ExportColumn } from '@/lib/export'
import { currentQuarter, quarterLabel, QUARTERS } from '@/lib/reporting/periods'
import { authRoute } from '@/lib/safe-action'
import { reportingFilterSchema } from '@/lib/validations/reporting'
import { AppError } from '@/lib/errors'

/**
 * Realisation against target of one indicator and year (.xlsx): the province roll-up first, then each
 * regency in the user's scope; figures as numbers (a ratio's numerator and denominator alongside).
 */
export const GET = authRoute('reports.read', async (req, user) => {
  const params = Object.fromEntries(new URL(req.url).searchParams)
  const filter = reportingFilterSchema.parse(params)
  const year = filter.tahun ?? currentQuarter(new Date()).year // this year in Jakarta, as the page's default
  const data = await getIndicatorRealisation({ user, indicatorCode: filter.indikator ?? 'KOP_AKTIF_PCT', year })
  if (!data) throw new AppError('NOT_FOUND')
  const ratio = data.indicator.aggregation === 'RATIO'
  const numFmt = data.indicator.unit === 'PERCENT' ? '0.00' : '#,##0'
  const columns: ExportColumn<RealisationLine>[] = [
    { header: 'Kode', value: (l) => l.code ?? 'PROV', width: 8 },
    { header: 'Wilayah', value: (l) => (l.code ? l.name : 'Provinsi (gabungan)'), width: 28 },
    ...QUARTERS.flatMap((q): ExportColumn<RealisationLine>[] => [
      { header: `${quarterLabel(q)} ${year}`, value: (l) => l.quarters[q].value, width: 16, numFmt },
      ...(ratio ? [
        { header: `${quarterLabel(q)} pembilang`, value: (l: RealisationLine) => l.quarters[q].numerator, width: 14, numFmt: '#,##0' },
        { header: `${quarterLabel(q)} penyebut`, value: (l: RealisationLine) => l.quarters[q].denominator, width: 14, numFmt: '#,##0' },
      ] : []),
    ]),
    { header: `Realisasi ${year}`, value: (l) => l.year.value, width: 18, numFmt },
    { header: `Target ${year}`, value: (l) => l.year.target, width: 18, numFmt },
    { header: 'Capaian (%)', value: (l) => l.year.achievement, width: 14, numFmt: '0.00' },
  ]
  return exportResponse('xlsx', `realisasi-${data.indicator.code.toLowerCase()}-${year}`, columns, [data.province, ...data.regencies], data.indicator.name.slice(0, 31))
})
