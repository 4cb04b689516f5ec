import { describe, expect, it } from 'vitest'
import { looksLikeEnglishGrouping } from '@/lib/parse'
import { decimalsProblem, ENGLISH_GROUPING, NOT_A_NUMBER, NOT_A_WHOLE_NUMBER, NOT_WHOLE, reportEntrySchema, reportValueRowSchema, TOO_LARGE, valueProblem } from './reporting'

const entry = (value: string) => ({ year: '2026', quarter: '3', version: '0', intent: 'save', 'values.KSP_SEHAT': value })

describe('looksLikeEnglishGrouping: thousands the English way', () => {
  it('recognises a comma before groups of exactly three digits', () => {
    for (const t of ['5,120', '12,500', '999,000', '1,234,567', '5,120.50', '-5,120', ' 43,950 ', 'Rp1,500,000']) expect(looksLikeEnglishGrouping(t), t).toBe(true)
  })
  it('leaves Indonesian figures and decimals alone', () => {
    for (const t of ['5,12', '5,1', '5.120', '43.950', '85,30', '0,500', '1234,567', '5,1200', '', null, undefined]) expect(looksLikeEnglishGrouping(t), String(t)).toBe(false)
  })
})

describe('valueProblem: a report value against its indicator', () => {
  it('refuses a fraction for a count (0 decimals), never rounding it', () => {
    expect(valueProblem('10,5', 0)).toBe(NOT_WHOLE)
    expect(valueProblem('10.5', 0)).toBe(NOT_WHOLE)
    expect(valueProblem('10', 0)).toBeNull()
    expect(valueProblem('43.950', 0)).toBeNull()
    expect(valueProblem('', 0)).toBeNull()
  })
  it('allows up to the indicator\'s decimals, and never more than the two the column stores', () => {
    expect(valueProblem('85,30', 2)).toBeNull()
    expect(valueProblem('85,3', 1)).toBeNull()
    expect(valueProblem('85,35', 1)).toBe('Paling banyak 1 angka desimal.')
    expect(valueProblem('85,3051', 2)).toBe('Paling banyak 2 angka desimal.')
    expect(valueProblem('85,3051', 4)).toBe('Paling banyak 2 angka desimal.')
  })
  it('refuses English thousands grouping whatever the decimals, with how to write it', () => {
    for (const d of [undefined, 0, 2, 4]) {
      expect(valueProblem('1,234,567', d)).toBe(ENGLISH_GROUPING)
      expect(valueProblem('5,120.50', d)).toBe(ENGLISH_GROUPING)
    }
    for (const d of [undefined, 0]) expect(valueProblem('5,120', d)).toBe(ENGLISH_GROUPING)
    expect(valueProblem('5,12', 2)).toBeNull()
  })
  it('says both readings of one comma before three digits when the indicator keeps decimals', () => {
    // 85,305 on a percentage of two decimals: a third decimal as likely as English grouping
    expect(valueProblem('85,305', 2)).toBe('Paling banyak 2 angka desimal; ribuan ditulis dengan titik (5.120).')
    expect(valueProblem(' 5,120 ', 1)).toBe('Paling banyak 1 angka desimal; ribuan ditulis dengan titik (5.120).')
    expect(valueProblem('85,305', 4)).toBe('Paling banyak 2 angka desimal; ribuan ditulis dengan titik (5.120).')
  })
  it('still refuses what is not a number', () => {
    expect(valueProblem('12x')).toBe(NOT_A_NUMBER)
    expect(valueProblem('99999999999999999999999')).toBe(TOO_LARGE)
    expect(valueProblem('99.999.999.999.999.999')).toBe(TOO_LARGE)
    // a count's example is a whole number: `85,30` would then be refused as not whole (a walk's find)
    expect(valueProblem('12x', 0)).toBe(NOT_A_WHOLE_NUMBER)
    expect(valueProblem('12x', 2)).toBe(NOT_A_NUMBER)
  })
})

describe('decimalsProblem: on the figure, for the action and the import', () => {
  it('judges the figure as typed, exactly', () => {
    expect(decimalsProblem(10.5, 0)).toBe(NOT_WHOLE)
    expect(decimalsProblem(85.3, 2)).toBeNull()
    expect(decimalsProblem(0.1 + 0.2, 2)).toBe('Paling banyak 2 angka desimal.')
    expect(decimalsProblem(99_999_999_999_999.99, 2)).toBeNull()
    expect(decimalsProblem(451_803_000, 0)).toBeNull()
    expect(decimalsProblem(null, 0)).toBeNull()
  })
})

describe('the schemas read the text and keep the figure as typed', () => {
  it('refuses English grouping in the form and the import', () => {
    const form = reportEntrySchema.safeParse(entry('5,120'))
    expect(form.success).toBe(false)
    expect(form.error?.issues[0]).toMatchObject({ path: ['values.KSP_SEHAT'], message: ENGLISH_GROUPING })
    const row = reportValueRowSchema.safeParse({ regencyCode: '35.17', year: '2026', quarter: '3', indicatorCode: 'KSP_SEHAT', value: '12,500' })
    expect(row.success).toBe(false)
    expect(row.error?.issues[0].message).toBe(ENGLISH_GROUPING)
  })
  it('does not round a fraction away before the indicator\'s decimals are checked', () => {
    expect(reportEntrySchema.parse(entry('10,54')).values.KSP_SEHAT).toBe(10.54)
    expect(reportEntrySchema.parse(entry('10,5041')).values.KSP_SEHAT).toBe(10.5041)
    expect(reportValueRowSchema.parse({ regencyCode: '35.17', year: '2026', quarter: '3', indicatorCode: 'KSP_SEHAT', value: '10,5' }).value).toBe(10.5)
  })
})
