import { describe, expect, it } from 'vitest'
import { formWithPeriod } from './display'

describe('formWithPeriod', () => {
  it('names how often a form is reported, once', () => {
    expect(formWithPeriod('Laporan triwulan Dinas', 'triwulanan')).toBe('Laporan triwulan Dinas (triwulanan)')
    expect(formWithPeriod('Kinerja usaha mikro dan kecil (semesteran)', 'semesteran')).toBe('Kinerja usaha mikro dan kecil (semesteran)')
    expect(formWithPeriod('Micro and small business performance (half-yearly)', 'half-yearly')).toBe('Micro and small business performance (half-yearly)')
    expect(formWithPeriod('Micro and small business performance', 'half-yearly')).toBe('Micro and small business performance (half-yearly)')
    // "yearly" is in "half-yearly": only the name's own closing period counts
    expect(formWithPeriod('Rekap (half-yearly)', 'yearly')).toBe('Rekap (half-yearly) (yearly)')
  })
})
