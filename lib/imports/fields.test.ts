import { describe, expect, it } from 'vitest'
import { shownValue, type FieldDef } from './fields'

const field = (type: FieldDef['type']): FieldDef => ({ key: 'x', label: 'X', type, help: '', examples: [] })

describe('shownValue: a stored value as a change or a refusal shows it', () => {
  it('formats Rupiah, numbers and dates for Indonesia, and leaves other texts as they are', () => {
    expect(shownValue(field('money'), '1234567.89')).toBe('Rp1.234.567,89')
    expect(shownValue(field('money'), '500000000')).toBe('Rp500.000.000')
    expect(shownValue(field('money'), '-2500000')).toBe('-Rp2.500.000')
    expect(shownValue(field('number'), '43950')).toBe('43.950')
    expect(shownValue(field('number'), '85.3')).toBe('85,3')
    expect(shownValue(field('date'), '2026-03-15')).toBe('15 Maret 2026')
    expect(shownValue(field('date'), '2026-03-15', 'en')).toBe('15 March 2026')
    expect(shownValue(field('digits'), '0120000000001')).toBe('0120000000001')
    expect(shownValue(field('money'), '')).toBe('')
    expect(shownValue(undefined, '1234567.89')).toBe('1234567.89')
  })
})
