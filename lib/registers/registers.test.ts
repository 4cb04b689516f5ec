import { describe, expect, it } from 'vitest'
import { computeScale, isScaleMismatch, scaleBy, SCALE_LIMITS, toCents } from './scale'
import { maskNik, nikRegencyCode } from './nik'
import { healthOutcome } from './health'

describe('PP 7/2021 scale by business capital (new registrations)', () => {
  const cap = (v: string) => computeScale({ businessCapital: v, annualSales: '0', newRegistration: true })
  it.each([
    ['0', 'MIKRO'],
    ['1000000000', 'MIKRO'],
    ['1000000000.00', 'MIKRO'],
    ['1000000000.01', 'KECIL'],
    ['1000000001', 'KECIL'],
    ['5000000000', 'KECIL'],
    ['5000000001', 'MENENGAH'],
    ['10000000000', 'MENENGAH'],
    ['10000000001', 'BESAR'],
    ['999999999999999', 'BESAR'],
  ])('capital Rp%s is %s', (v, scale) => expect(cap(v)).toBe(scale))
})

describe('PP 7/2021 scale by annual sales (existing businesses)', () => {
  const sales = (v: string) => computeScale({ businessCapital: '99999999999', annualSales: v, newRegistration: false })
  it.each([
    ['0', 'MIKRO'],
    ['2000000000', 'MIKRO'],
    ['2000000001', 'KECIL'],
    ['15000000000', 'KECIL'],
    ['15000000001', 'MENENGAH'],
    ['50000000000', 'MENENGAH'],
    ['50000000001', 'BESAR'],
  ])('sales Rp%s is %s', (v, scale) => expect(sales(v)).toBe(scale))

  it('ignores capital for an existing business and sales for a new one', () => {
    expect(computeScale({ businessCapital: '20000000000', annualSales: '100', newRegistration: false })).toBe('MIKRO')
    expect(computeScale({ businessCapital: '100', annualSales: '100000000000', newRegistration: true })).toBe('MIKRO')
  })

  it('accepts Decimal-like objects, numbers and bigints exactly', () => {
    expect(scaleBy({ toString: () => '1000000000.00' }, SCALE_LIMITS.capital)).toBe('MIKRO')
    expect(scaleBy(BigInt('1000000001'), SCALE_LIMITS.capital)).toBe('KECIL')
    expect(scaleBy(1_000_000_000, SCALE_LIMITS.capital)).toBe('MIKRO')
    expect(toCents('12.5')).toBe(BigInt(1250))
    expect(() => toCents('1e9')).toThrow()
  })

  it('flags a recorded scale that contradicts the computed one, not a missing one', () => {
    expect(isScaleMismatch('MIKRO', 'KECIL')).toBe(true)
    expect(isScaleMismatch('KECIL', 'KECIL')).toBe(false)
    expect(isScaleMismatch(null, 'KECIL')).toBe(false)
  })
})

describe('owner NIK masking', () => {
  it('keeps the first 4 and last 4 digits', () => {
    expect(maskNik('3517014501900001')).toBe('3517••••••••0001')
    expect(maskNik('3517014501900001')).toHaveLength(16)
  })
  it('never shows a short or empty value', () => {
    expect(maskNik('12345678')).toBe('••••••••')
    expect(maskNik(null)).toBe('–')
    expect(maskNik('')).toBe('–')
  })
  it('reads the regency code from the first four digits', () => {
    expect(nikRegencyCode('3517014501900001')).toBe('35.17')
  })
})

describe('health assessment outcome (bands 80 / 66 / 51)', () => {
  const bands = { sehat: 80, cukupSehat: 66, dalamPengawasan: 51 }
  it.each([
    [100, 'SEHAT'], [80, 'SEHAT'], [79.99, 'CUKUP_SEHAT'], [66, 'CUKUP_SEHAT'], [65.99, 'DALAM_PENGAWASAN'],
    [51, 'DALAM_PENGAWASAN'], [50.99, 'DALAM_PENGAWASAN_KHUSUS'], [0, 'DALAM_PENGAWASAN_KHUSUS'],
  ])('total %s is %s', (total, outcome) => expect(healthOutcome(total, bands)).toBe(outcome))
})
