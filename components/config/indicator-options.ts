import type { IndicatorFormValues } from './indicator-form'
import { activityMeasureValue } from '@/lib/validations/config'

/** The form's values of a stored indicator (dates as `YYYY-MM-DD`, numbers as text). */
export function indicatorFormValues(i: {
  version: number; code: string; name: string; nameEn: string; definition: string | null; definitionEn: string | null; source: string | null; sourceEn: string | null; formCode: string; unit: string; aggregation: string; timeAggregation: string
  numeratorCode: string | null; denominatorCode: string | null; decimals: number; sortOrder: number; activeFrom: Date | null; activeTo: Date | null; active: boolean
  activityMeasure: { activityKind: string; beneficiaryType: string } | null
}): IndicatorFormValues {
  const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : '')
  return {
    version: i.version, code: i.code, name: i.name, nameEn: i.nameEn, definition: i.definition ?? '', definitionEn: i.definitionEn ?? '', source: i.source ?? '', sourceEn: i.sourceEn ?? '', formCode: i.formCode, unit: i.unit, aggregation: i.aggregation,
    timeAggregation: i.timeAggregation, numeratorCode: i.numeratorCode ?? '', denominatorCode: i.denominatorCode ?? '',
    decimals: String(i.decimals), sortOrder: String(i.sortOrder), activeFrom: day(i.activeFrom), activeTo: day(i.activeTo), active: i.active,
    activityMeasure: activityMeasureValue(i.activityMeasure),
  }
}

export const NEW_INDICATOR: IndicatorFormValues = {
  version: 0, code: '', name: '', nameEn: '', definition: '', definitionEn: '', source: '', sourceEn: '', formCode: '', unit: 'COUNT', aggregation: 'SUM', timeAggregation: 'FLOW',
  numeratorCode: '', denominatorCode: '', decimals: '0', sortOrder: '10', activeFrom: '', activeTo: '', active: true, activityMeasure: '',
}
