import { formatNumber } from '@/lib/format'
import type { RuleFormValues } from './rule-form'

/** A bound as the admin types it (`12,5`, `1.000`); empty when not set. */
const numText = (n: number | null) => (n === null ? '' : formatNumber(n, { decimals: Number.isInteger(n) ? 0 : 2 }))

/** The form's values of a stored rule (numbers as Indonesian text). */
export function ruleFormValues(r: {
  version: number; code: string; kind: string; severity: string; indicatorCode: string | null; otherIndicatorCode: string | null
  min: number | null; max: number | null; thresholdPercent: number | null; message: string; messageEn: string; active: boolean
}): RuleFormValues {
  return {
    version: r.version, code: r.code, kind: r.kind, severity: r.severity, indicatorCode: r.indicatorCode ?? '', otherIndicatorCode: r.otherIndicatorCode ?? '',
    min: numText(r.min), max: numText(r.max), thresholdPercent: numText(r.thresholdPercent), message: r.message, messageEn: r.messageEn, active: r.active,
  }
}

export const NEW_RULE: RuleFormValues = {
  version: 0, code: '', kind: 'RANGE', severity: 'ERROR', indicatorCode: '', otherIndicatorCode: '', min: '', max: '', thresholdPercent: '', message: '', messageEn: '', active: true,
}
