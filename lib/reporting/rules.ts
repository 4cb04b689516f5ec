/**
 * Validation of a quarterly report's values against the configurable rules (table
 * `validation_rules`). Pure and synchronous, so the entry form shows the same findings inline as
 * the server enforces on submission, and unit tests cover every rule kind without a database.
 *
 * - ERROR findings block submission (active ≤ registered, a percentage within 0–100, no negatives).
 * - WARNING findings (a change of more than 50% from the previous quarter) need a comment on the value.
 * - Every value of the report must be filled before submission; drafts may be incomplete.
 */
import { formatPercent } from '@/lib/format'

/**
 * The reports whose values a later quarter shows as "Triwulan lalu" and compares with (a change rule): those sent to
 * the agency. A draft's or a returned report's values are still being typed or corrected: a walk saw an unsent
 * draft's 352 shown as last quarter's, and the change warnings judged against it.
 */
export const COMPARED_REPORT_STATUSES = ['SUBMITTED', 'APPROVED'] as const

export type RuleIndicator = {
  code: string
  aggregation: 'SUM' | 'RATIO' | 'PROVINCE'
  numeratorCode: string | null
  denominatorCode: string | null
  decimals: number
}

export type Rule = {
  code: string
  kind: 'LESS_OR_EQUAL' | 'RANGE' | 'MAX_CHANGE'
  severity: 'ERROR' | 'WARNING'
  /** null: every indicator of the report (RANGE and MAX_CHANGE) */
  indicatorCode: string | null
  otherIndicatorCode: string | null
  min: number | null
  max: number | null
  thresholdPercent: number | null
  message: string
  messageEn: string
}

export type Finding = {
  ruleCode: string
  severity: 'ERROR' | 'WARNING'
  indicatorCode: string
  message: string
  messageEn: string
  /** a warning with a comment is resolved; an error never is */
  resolved: boolean
}

export type Values = Record<string, number | null | undefined>

/** Whether the officer types this value (RATIO indicators are computed from two others). */
export function isEntered(indicator: Pick<RuleIndicator, 'aggregation'>): boolean {
  return indicator.aggregation !== 'RATIO'
}

/** numerator ÷ denominator × 100, rounded to the indicator's decimals; null when either is missing or the denominator is 0. */
export function ratio(numerator: number | null | undefined, denominator: number | null | undefined, decimals = 2): number | null {
  if (numerator == null || denominator == null || denominator === 0) return null
  const f = 10 ** decimals
  return Math.round((numerator * 100 * f) / denominator) / f
}

/** The entered values plus each RATIO indicator recomputed from its numerator and denominator. */
export function withDerived(indicators: RuleIndicator[], values: Values): Values {
  const out: Values = { ...values }
  for (const i of indicators) {
    if (i.aggregation === 'RATIO' && i.numeratorCode && i.denominatorCode) out[i.code] = ratio(values[i.numeratorCode], values[i.denominatorCode], i.decimals)
  }
  return out
}

function fill(template: string, vars: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => vars[k] ?? m)
}

/** Evaluate every active rule against the report's values; one finding per rule and indicator that breaks it. */
export function evaluateRules({
  indicators, rules, values, previous = {}, comments = {},
}: {
  indicators: RuleIndicator[]
  rules: Rule[]
  values: Values
  previous?: Values
  comments?: Record<string, string | null | undefined>
}): Finding[] {
  const codes = new Set(indicators.map((i) => i.code))
  const current = withDerived(indicators, values)
  const prior = withDerived(indicators, previous)
  const findings: Finding[] = []
  const push = (rule: Rule, indicatorCode: string, vars: Record<string, string> = {}) => {
    const resolved = rule.severity === 'WARNING' && Boolean(comments[indicatorCode]?.trim())
    findings.push({ ruleCode: rule.code, severity: rule.severity, indicatorCode, message: fill(rule.message, vars), messageEn: fill(rule.messageEn, vars), resolved })
  }
  for (const rule of rules) {
    if (rule.indicatorCode && !codes.has(rule.indicatorCode)) continue
    const targets = rule.indicatorCode ? [rule.indicatorCode] : [...codes]
    for (const code of targets) {
      const v = current[code]
      if (v == null) continue
      if (rule.kind === 'RANGE') {
        if ((rule.min != null && v < rule.min) || (rule.max != null && v > rule.max)) push(rule, code)
      } else if (rule.kind === 'LESS_OR_EQUAL') {
        const other = rule.otherIndicatorCode ? current[rule.otherIndicatorCode] : null
        if (other != null && v > other) push(rule, code)
      } else if (rule.kind === 'MAX_CHANGE') {
        const p = prior[code]
        if (p == null || p === 0 || rule.thresholdPercent == null) continue
        const change = (Math.abs(v - p) / Math.abs(p)) * 100
        if (change > rule.thresholdPercent) {
          // signed, so that the message says which way (+247% up, -99% down): "Berubah 99%" read the same either way
          push(rule, code, { change: `${v > p ? '+' : '-'}${formatPercent(change, { decimals: 0 })}`, threshold: formatPercent(rule.thresholdPercent, { decimals: 0 }) })
        }
      }
    }
  }
  // a value outside its allowed range (a negative count) is refused: a change percentage worked out from it ("changed
  // -142%") is noise beside the refusal, as it is for an unreadable value; it comes back once the value is valid
  const outOfRange = new Set(findings.filter((f) => f.severity === 'ERROR' && rules.some((r) => r.code === f.ruleCode && r.kind === 'RANGE')).map((f) => f.indicatorCode))
  return findings.filter((f) => !(outOfRange.has(f.indicatorCode) && rules.some((r) => r.code === f.ruleCode && r.kind === 'MAX_CHANGE')))
}

/** The entered indicators still empty: each must be filled before submission. */
export function missingValues(indicators: RuleIndicator[], values: Values): string[] {
  return indicators.filter((i) => isEntered(i) && values[i.code] == null).map((i) => i.code)
}

/**
 * The fields the officer must change before a submission, each counted once: an error on a computed share
 * (a RATIO indicator, which has no input) counts as its numerator, one of the values that make it; a share above
 * 100% beside "active above registered" is then one field to fix, not two. A warning on a share is answered in the
 * share's own comment box: counted as the share.
 */
export function fieldsToFix(indicators: RuleIndicator[], findings: Finding[], others: Iterable<string>): Set<string> {
  const byCode = new Map(indicators.map((i) => [i.code, i]))
  const fields = new Set(others)
  const open = findings.filter((f) => f.severity === 'ERROR' || !f.resolved)
  const share = (f: Finding) => {
    const i = f.severity === 'ERROR' ? byCode.get(f.indicatorCode) : undefined
    return i && !isEntered(i) && i.numeratorCode && i.denominatorCode ? i : null
  }
  for (const f of open) if (!share(f)) fields.add(f.indicatorCode)
  for (const f of open) {
    const i = share(f)
    // already counted through one of its inputs: the share is fixed there
    if (i && !fields.has(i.numeratorCode!) && !fields.has(i.denominatorCode!)) fields.add(i.numeratorCode!)
  }
  return fields
}

/**
 * The comment boxes the officer must fill before sending: an open warning's, except on a value still to fix
 * (`toFix`, from fieldsToFix). That value changes first, and its warning may then go; asked for both, the form had
 * outlined two comment boxes beside a note counting one. The form counts and marks this one set.
 */
export function commentsToGive(findings: Finding[], toFix: ReadonlySet<string>): Set<string> {
  return new Set(findings.filter((f) => f.severity === 'WARNING' && !f.resolved && !toFix.has(f.indicatorCode)).map((f) => f.indicatorCode))
}

export const MISSING_MESSAGE = { id: 'Isi nilai ini sebelum mengirim laporan.', en: 'Fill in this value before submitting.' }
export const COMMENT_NEEDED = { id: 'Beri keterangan untuk peringatan ini.', en: 'Add a comment for this warning.' }

/**
 * What stops a submission, as field errors for the form: `values.CODE` for a missing value or a
 * broken rule, `comments.CODE` for a warning without a comment. Empty: the report may be submitted.
 */
export function submissionErrors(indicators: RuleIndicator[], findings: Finding[], values: Values, locale: 'id' | 'en' = 'id'): Record<string, string[]> {
  const errors: Record<string, string[]> = {}
  const add = (key: string, message: string) => (errors[key] ??= []).push(message)
  for (const code of missingValues(indicators, values)) add(`values.${code}`, MISSING_MESSAGE[locale])
  for (const f of findings) {
    const text = locale === 'en' ? f.messageEn : f.message
    if (f.severity === 'ERROR') add(`values.${f.indicatorCode}`, text)
    else if (!f.resolved) add(`comments.${f.indicatorCode}`, `${text} ${COMMENT_NEEDED[locale]}`)
  }
  return errors
}
