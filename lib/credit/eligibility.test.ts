import { describe, expect, it } from 'vitest'
import { eligibilityIssues } from './eligibility'

const program2024 = { year: 2024, maxPlafond: 25_000_000, maxTenorMonths: 24, eligibleScales: ['MIKRO', 'KECIL'] as ('MIKRO' | 'KECIL')[] }
const msme = { nib: '1234567890123', computedScale: 'MIKRO' as const }

describe('Prokesra eligibility', () => {
  it('accepts a loan at exactly the limits', () => {
    expect(eligibilityIssues({ program: program2024, msme, plafond: 25_000_000, tenorMonths: 24, contractDate: '2024-12-31' })).toEqual([])
  })
  it('names each broken rule with the figures', () => {
    const issues = eligibilityIssues({ program: program2024, msme: { nib: null, computedScale: 'MENENGAH' }, plafond: 25_000_001, tenorMonths: 36, contractDate: '2025-01-01' })
    expect(issues.map((i) => i.code)).toEqual(['PLAFOND_ABOVE_MAX', 'TENOR_ABOVE_MAX', 'SCALE_NOT_ELIGIBLE', 'OUTSIDE_PROGRAM_YEAR', 'NO_NIB'])
    expect(issues[0].message).toBe('Plafon melebihi batas program (Rp25.000.001 > Rp25.000.000).')
    expect(issues[1].message).toBe('Tenor melebihi batas program (36 > 24 bulan).')
  })
  it('uses the 2022 limit of Rp10 juta', () => {
    const p2022 = { ...program2024, year: 2022, maxPlafond: 10_000_000 }
    expect(eligibilityIssues({ program: p2022, msme, plafond: 10_000_001, tenorMonths: 12, contractDate: '2022-06-01' }).map((i) => i.code)).toEqual(['PLAFOND_ABOVE_MAX'])
  })
})
