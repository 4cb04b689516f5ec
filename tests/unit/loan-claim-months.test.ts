import { describe, expect, it } from 'vitest'
import { loanClaimMonths } from '@/lib/credit/claim-months'
import { subsidySchedule } from '@/lib/credit/subsidy'

/** The form's warning of claimed months before a save must name the months the loan's schedule will claim. */
describe('loanClaimMonths: the months a loan is claimed in, as its schedule claims them', () => {
  it('agrees with the subsidy schedule, month ends and year ends included', () => {
    for (const [contractDate, tenorMonths] of [['2026-01-15', 12], ['2026-01-31', 6], ['2025-12-10', 24], ['2024-02-29', 13], ['2026-11-30', 1]] as const) {
      const schedule = subsidySchedule({ plafond: 10_000_000, tenorMonths, contractDate, method: 'ANNUITY', bankRates: [{ from: '2020-01-01', rate: 0.12 }], borrowerRate: 0.03 })
      expect(loanClaimMonths(contractDate, tenorMonths), contractDate).toEqual(schedule.map((r) => r.claimMonth))
    }
  })

  it('has none for what cannot be read', () => {
    expect(loanClaimMonths(null, 12)).toEqual([])
    expect(loanClaimMonths('15/01/2026', 12)).toEqual([])
    expect(loanClaimMonths('2026-01-15', Number.NaN)).toEqual([])
    expect(loanClaimMonths('2026-01-15', 0)).toEqual([])
  })
})
