import { quarterLabel } from '@/lib/reporting/periods'

/**
 * A quarter on a realisation chart's axis, compact as each language writes it: `TW III` in Indonesian, `Q3` in
 * English (the Indonesian abbreviation means nothing to an English reader). The full names: quarterLabel.
 */
export function chartQuarter(quarter: number, locale: 'id' | 'en'): string {
  return locale === 'en' ? `Q${quarter}` : quarterLabel(quarter, 'id').replace(/^Triwulan/, 'TW')
}
