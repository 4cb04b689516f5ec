import { describe, expect, it } from 'vitest'
import { commentsToGive, evaluateRules, fieldsToFix, missingValues, ratio, submissionErrors, withDerived, type Rule, type RuleIndicator } from './rules'

const indicators: RuleIndicator[] = [
  { code: 'KOP_TERDAFTAR', aggregation: 'SUM', numeratorCode: null, denominatorCode: null, decimals: 0 },
  { code: 'KOP_AKTIF', aggregation: 'SUM', numeratorCode: null, denominatorCode: null, decimals: 0 },
  { code: 'KOP_AKTIF_PCT', aggregation: 'RATIO', numeratorCode: 'KOP_AKTIF', denominatorCode: 'KOP_TERDAFTAR', decimals: 2 },
]

const base = { indicatorCode: null, otherIndicatorCode: null, min: null, max: null, thresholdPercent: null }
const rules: Rule[] = [
  { ...base, code: 'AKTIF_LE_TERDAFTAR', kind: 'LESS_OR_EQUAL', severity: 'ERROR', indicatorCode: 'KOP_AKTIF', otherIndicatorCode: 'KOP_TERDAFTAR', message: 'Aktif melebihi terdaftar.', messageEn: 'Active exceeds registered.' },
  { ...base, code: 'PCT_0_100', kind: 'RANGE', severity: 'ERROR', indicatorCode: 'KOP_AKTIF_PCT', min: 0, max: 100, message: 'Persentase di luar 0–100.', messageEn: 'Percentage outside 0–100.' },
  { ...base, code: 'NON_NEGATIVE', kind: 'RANGE', severity: 'ERROR', min: 0, message: 'Tidak boleh negatif.', messageEn: 'Must not be negative.' },
  { ...base, code: 'CHANGE_50', kind: 'MAX_CHANGE', severity: 'WARNING', indicatorCode: 'KOP_TERDAFTAR', thresholdPercent: 50, message: 'Berubah {change} (> {threshold}).', messageEn: 'Changed {change}.' },
]

describe('ratio', () => {
  it('recomputes the percentage from its parts (296 of 347 → 85,30%)', () => {
    expect(ratio(296, 347)).toBe(85.3)
    expect(ratio(346, 447)).toBe(77.4)
    expect(ratio(1, 0)).toBeNull()
    expect(ratio(null, 5)).toBeNull()
  })
  it('derives ratio indicators from the entered values', () => {
    expect(withDerived(indicators, { KOP_TERDAFTAR: 347, KOP_AKTIF: 296 }).KOP_AKTIF_PCT).toBe(85.3)
  })
})

describe('evaluateRules', () => {
  it('finds nothing in a consistent report', () => {
    expect(evaluateRules({ indicators, rules, values: { KOP_TERDAFTAR: 347, KOP_AKTIF: 296 }, previous: { KOP_TERDAFTAR: 340 } })).toEqual([])
  })

  it('says only the refusal for a negative value, not its change from the previous quarter (a walk saw "changed -142%")', () => {
    const f = evaluateRules({ indicators, rules, values: { KOP_TERDAFTAR: -5 }, previous: { KOP_TERDAFTAR: 12 } })
    expect(f.map((x) => [x.ruleCode, x.indicatorCode])).toEqual([['NON_NEGATIVE', 'KOP_TERDAFTAR']])
    // a valid value far from the previous one still gets its warning
    expect(evaluateRules({ indicators, rules, values: { KOP_TERDAFTAR: 50 }, previous: { KOP_TERDAFTAR: 12 } }).map((x) => x.ruleCode)).toEqual(['CHANGE_50'])
  })

  it('flags active above registered, and the derived percentage above 100, as errors', () => {
    const f = evaluateRules({ indicators, rules, values: { KOP_TERDAFTAR: 100, KOP_AKTIF: 120 } })
    expect(f.map((x) => [x.ruleCode, x.indicatorCode, x.severity])).toEqual([
      ['AKTIF_LE_TERDAFTAR', 'KOP_AKTIF', 'ERROR'],
      ['PCT_0_100', 'KOP_AKTIF_PCT', 'ERROR'],
    ])
  })

  it('counts a share above 100% as the value that makes it: one field to fix, not two', () => {
    const f = evaluateRules({ indicators, rules, values: { KOP_TERDAFTAR: 100, KOP_AKTIF: 120 } })
    expect([...fieldsToFix(indicators, f, [])]).toEqual(['KOP_AKTIF'])
    // alone (no rule on its inputs), the share's error is counted once, as its numerator
    expect([...fieldsToFix(indicators, f.filter((x) => x.indicatorCode === 'KOP_AKTIF_PCT'), [])]).toEqual(['KOP_AKTIF'])
    // beside an unreadable registered count: still the one field per value
    expect([...fieldsToFix(indicators, f, ['KOP_TERDAFTAR'])].sort()).toEqual(['KOP_AKTIF', 'KOP_TERDAFTAR'])
    // a warning on the share is answered in its own comment box
    const warning = { ...f[1], severity: 'WARNING' as const, resolved: false }
    expect([...fieldsToFix(indicators, [warning], [])]).toEqual(['KOP_AKTIF_PCT'])
    expect([...fieldsToFix(indicators, [{ ...warning, resolved: true }], [])]).toEqual([])
  })

  it('asks a comment for a warning on a value not itself to fix: the boxes marked are the ones counted', () => {
    const change = (code: string) => ({ ...base, code: `CHANGE_${code}`, kind: 'MAX_CHANGE' as const, severity: 'WARNING' as const, indicatorCode: code, thresholdPercent: 50, message: 'Berubah {change}.', messageEn: 'Changed {change}.' })
    const withWarnings = [...rules.filter((r) => r.code !== 'CHANGE_50'), change('KOP_TERDAFTAR'), change('KOP_AKTIF')]
    // the walk's report: registered 600 (+73%, a warning), active 650 (above registered, an error, and +116%, a warning)
    const f = evaluateRules({ indicators, rules: withWarnings, values: { KOP_TERDAFTAR: 600, KOP_AKTIF: 650 }, previous: { KOP_TERDAFTAR: 347, KOP_AKTIF: 301 } })
    const toFix = fieldsToFix(indicators, f.filter((x) => x.severity === 'ERROR'), [])
    expect([...toFix]).toEqual(['KOP_AKTIF'])
    // one comment to give (registered's): active's value is fixed first
    expect([...commentsToGive(f, toFix)]).toEqual(['KOP_TERDAFTAR'])
    // once active is below registered, its own warning asks for its comment too; a comment given settles it
    const fixed = evaluateRules({ indicators, rules: withWarnings, values: { KOP_TERDAFTAR: 600, KOP_AKTIF: 500 }, previous: { KOP_TERDAFTAR: 347, KOP_AKTIF: 301 }, comments: { KOP_TERDAFTAR: 'Pemutakhiran register' } })
    expect([...commentsToGive(fixed, fieldsToFix(indicators, fixed.filter((x) => x.severity === 'ERROR'), []))]).toEqual(['KOP_AKTIF'])
  })

  it('flags negative counts on every indicator when the rule names none', () => {
    const f = evaluateRules({ indicators, rules, values: { KOP_TERDAFTAR: -1, KOP_AKTIF: -3 } })
    expect(f.filter((x) => x.ruleCode === 'NON_NEGATIVE').map((x) => x.indicatorCode).sort()).toEqual(['KOP_AKTIF', 'KOP_TERDAFTAR'])
  })

  it('warns on a change above the threshold, resolved once commented', () => {
    const values = { KOP_TERDAFTAR: 600, KOP_AKTIF: 300 }
    const [w] = evaluateRules({ indicators, rules, values, previous: { KOP_TERDAFTAR: 347 } })
    expect(w).toMatchObject({ ruleCode: 'CHANGE_50', severity: 'WARNING', resolved: false, message: 'Berubah +73% (> 50%).' })
    // a fall says so: the sign shows the way
    expect(evaluateRules({ indicators, rules, values: { KOP_TERDAFTAR: 100, KOP_AKTIF: 50 }, previous: { KOP_TERDAFTAR: 347 } })[0].message).toBe('Berubah -71% (> 50%).')
    const [c] = evaluateRules({ indicators, rules, values, previous: { KOP_TERDAFTAR: 347 }, comments: { KOP_TERDAFTAR: 'Pendataan ulang ODS' } })
    expect(c.resolved).toBe(true)
  })

  it('does not compare with a missing or zero previous value', () => {
    expect(evaluateRules({ indicators, rules, values: { KOP_TERDAFTAR: 600, KOP_AKTIF: 300 }, previous: { KOP_TERDAFTAR: 0 } })).toEqual([])
  })

  it('skips rules on indicators the report does not hold', () => {
    const only = indicators.slice(0, 1)
    expect(evaluateRules({ indicators: only, rules, values: { KOP_TERDAFTAR: 5 } })).toEqual([])
  })
})

describe('submissionErrors', () => {
  it('asks for missing values and comments on warnings, keyed by field', () => {
    const values = { KOP_TERDAFTAR: 600, KOP_AKTIF: null }
    expect(missingValues(indicators, values)).toEqual(['KOP_AKTIF'])
    const findings = evaluateRules({ indicators, rules, values, previous: { KOP_TERDAFTAR: 347 } })
    const errors = submissionErrors(indicators, findings, values)
    expect(Object.keys(errors).sort()).toEqual(['comments.KOP_TERDAFTAR', 'values.KOP_AKTIF'])
  })

  it('is empty for a complete, consistent report', () => {
    const values = { KOP_TERDAFTAR: 347, KOP_AKTIF: 296 }
    expect(submissionErrors(indicators, evaluateRules({ indicators, rules, values }), values)).toEqual({})
  })
})

import { parseDecimalInput, reportEntrySchema } from '@/lib/validations/reporting'

describe('parseDecimalInput', () => {
  it('reads Indonesian figures', () => {
    expect(parseDecimalInput('43.950')).toBe(43950)
    expect(parseDecimalInput('85,30')).toBe(85.3)
    expect(parseDecimalInput('Rp451.803.000,00')).toBe(451803000)
    expect(parseDecimalInput('1234.5')).toBe(1234.5)
    expect(parseDecimalInput(' ')).toBeNull()
    expect(parseDecimalInput('abc')).toBeNaN()
  })
  it('turns a flat form into values and comments, with a field error for a bad figure', () => {
    const ok = reportEntrySchema.parse({ year: '2026', quarter: '3', version: '0', intent: 'save', 'values.KOP_AKTIF': '296', 'comments.KOP_AKTIF': ' naik ', 'values.KOP_TERDAFTAR': '' })
    expect(ok.values).toEqual({ KOP_AKTIF: 296, KOP_TERDAFTAR: null })
    expect(ok.comments).toEqual({ KOP_AKTIF: 'naik' })
    const bad = reportEntrySchema.safeParse({ year: '2026', quarter: '3', version: '0', intent: 'save', 'values.KOP_AKTIF': '12x' })
    expect(bad.success).toBe(false)
    expect(bad.error?.issues[0].path).toEqual(['values.KOP_AKTIF'])
  })
})
