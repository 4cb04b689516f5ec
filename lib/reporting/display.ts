/** An indicator's figure in its unit, Indonesian formats (lib/format.ts): `43.950`, `85,30%`, `Rp451.803.000`. */
import { formatNumber, formatPercent, formatRupiah, type Locale } from '@/lib/format'

export type Unit = 'COUNT' | 'PERCENT' | 'RUPIAH'

export function formatIndicatorValue(value: number | null | undefined, unit: Unit, decimals: number, locale: Locale = 'id'): string {
  if (value === null || value === undefined) return '–'
  if (unit === 'PERCENT') return formatPercent(value, { decimals, locale })
  if (unit === 'RUPIAH') return formatRupiah(value, { locale })
  return formatNumber(value, { decimals, locale })
}

/** The figure as typed into the entry form (no currency sign or percent): `43.950`, `85,3`. */
export function formatInputValue(value: number | null | undefined, decimals: number): string {
  if (value === null || value === undefined) return ''
  return new Intl.NumberFormat('id-ID', { maximumFractionDigits: Math.max(decimals, 2) }).format(value)
}

/**
 * A report form's name with how often it is reported, `Laporan triwulan (triwulanan)`, unless its name already
 * says so: the demo's "Kinerja usaha mikro dan kecil (semesteran)" had read "(semesteran) (semesteran)".
 */
export function formWithPeriod(name: string, period: string): string {
  return name.toLocaleLowerCase('id').endsWith(`(${period.toLocaleLowerCase('id')})`) ? name : `${name} (${period})`
}
