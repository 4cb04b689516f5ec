import { describe, expect, it } from 'vitest'
import { DEFAULT_HEALTH_TEMPLATE, healthOutcome, healthTotal, type HealthTemplate } from './health'

// An agency template with unequal weights and its own bands, worked by hand:
// total = 0,30 × tata kelola + 0,20 × profil risiko + 0,30 × kinerja keuangan + 0,20 × permodalan
const agency: HealthTemplate = {
  weights: { governance: 30, riskProfile: 20, financial: 30, capital: 20 },
  bands: { sehat: 81, cukupSehat: 66, dalamPengawasan: 51 },
  sources: { weights: '', bands: '' },
}

describe('health template: score and outcome, one hand-worked case per band', () => {
  it.each([
    // 0,3·90 + 0,2·80 + 0,3·85 + 0,2·70 = 27 + 16 + 25,5 + 14 = 82,5
    [{ governance: 90, riskProfile: 80, financial: 85, capital: 70 }, 82.5, 'SEHAT'],
    // 0,3·80 + 0,2·90 + 0,3·75 + 0,2·80 = 24 + 18 + 22,5 + 16 = 80,5: Sehat under the defaults' 80, not under 81
    [{ governance: 80, riskProfile: 90, financial: 75, capital: 80 }, 80.5, 'CUKUP_SEHAT'],
    // 0,3·60 + 0,2·55 + 0,3·62 + 0,2·50 = 18 + 11 + 18,6 + 10 = 57,6
    [{ governance: 60, riskProfile: 55, financial: 62, capital: 50 }, 57.6, 'DALAM_PENGAWASAN'],
    // 0,3·40 + 0,2·65 + 0,3·45 + 0,2·30 = 12 + 13 + 13,5 + 6 = 44,5
    [{ governance: 40, riskProfile: 65, financial: 45, capital: 30 }, 44.5, 'DALAM_PENGAWASAN_KHUSUS'],
  ] as const)('%o → %s, %s', (scores, total, outcome) => {
    expect(healthTotal(scores, agency)).toBe(total)
    expect(healthOutcome(total, agency)).toBe(outcome)
  })

  it('a total on a band’s lower bound belongs to that band', () => {
    expect(healthOutcome(81, agency)).toBe('SEHAT')
    expect(healthOutcome(80.99, agency)).toBe('CUKUP_SEHAT')
    expect(healthOutcome(80.5, DEFAULT_HEALTH_TEMPLATE)).toBe('SEHAT')
  })

  it('marks where every default weight and band comes from', () => {
    expect(DEFAULT_HEALTH_TEMPLATE.sources.weights).toMatch(/perlu dikonfirmasi/)
    expect(DEFAULT_HEALTH_TEMPLATE.sources.bands).toMatch(/Permenkop 9\/2020/)
  })
})
