import { describe, expect, it } from 'vitest'
import { claimLineReason, CLAIM_LINE_REASONS, CLAIM_REASON_TEXT, correctedAtReview } from './claim-reasons'

const period = { subsidy: 122_374, reason: 'DUE', openingBalance: 18_356_126, days: 30, bankRate: 0.11, period: 2, tenor: 12 }
const base = { duplicate: false, inProgramme: true, agency: period, beforeFirstDue: false }

describe('why a claim line differs', () => {
  it('says nothing when the bank claimed exactly the computed amount', () => {
    expect(claimLineReason({ ...base, bank: { amount: 122_374 } })).toBeNull()
    expect(claimLineReason({ ...base, bank: { amount: 122_374, balance: 18_356_126, days: 30, rate: 0.11 } })).toBeNull()
  })

  it('names the figure of the bank that differs: balance, then days, then rate', () => {
    expect(claimLineReason({ ...base, bank: { amount: 122_771, balance: 18_415_700, days: 30, rate: 0.11 } })).toBe('BALANCE_DIFFERS')
    expect(claimLineReason({ ...base, bank: { amount: 126_453, balance: 18_356_126, days: 31, rate: 0.11 } })).toBe('DAYS_DIFFER')
    expect(claimLineReason({ ...base, bank: { amount: 137_671, balance: 18_356_126, days: 30, rate: 0.12 } })).toBe('RATE_DIFFERS')
    expect(claimLineReason({ ...base, bank: { amount: 130_000 } })).toBe('AMOUNT_DIFFERS')
  })

  it('explains a zero computation by the schedule: maturity, collectibility 5, unpaid instalment, not yet due', () => {
    expect(claimLineReason({ ...base, agency: null, bank: { amount: 50_000 } })).toBe('AFTER_MATURITY')
    expect(claimLineReason({ ...base, agency: null, beforeFirstDue: true, bank: { amount: 50_000 } })).toBe('NOT_DUE')
    expect(claimLineReason({ ...base, agency: { ...period, subsidy: 0, reason: 'COLLECTIBILITY_5' }, bank: { amount: 122_374 } })).toBe('COLLECTIBILITY_5')
    expect(claimLineReason({ ...base, agency: { ...period, subsidy: 0, reason: 'NO_INSTALMENT' }, bank: { amount: 122_374 } })).toBe('NO_INSTALMENT')
  })

  it('refuses another programme’s loan and a loan claimed twice for one month, even at the right amount', () => {
    expect(claimLineReason({ ...base, inProgramme: false, bank: { amount: 122_374 } })).toBe('NOT_IN_PROGRAMME')
    expect(claimLineReason({ ...base, duplicate: true, bank: { amount: 122_374 } })).toBe('DUPLICATE')
  })

  it('has a sentence in both languages for every reason', () => {
    for (const r of CLAIM_LINE_REASONS) expect(CLAIM_REASON_TEXT[r].id.length * CLAIM_REASON_TEXT[r].en.length).toBeGreaterThan(0)
  })
})

describe('correctedAtReview', () => {
  it('is a line approved below the lesser of computed and claimed, not one approved at it or not yet decided', () => {
    const line = (approved: number | null, claimed = 100, computed = 100) => ({ approvedAmount: approved, claimedAmount: claimed, computedAmount: computed })
    expect(correctedAtReview(line(0))).toBe(true)
    expect(correctedAtReview(line(100))).toBe(false)
    expect(correctedAtReview(line(null))).toBe(false)
    expect(correctedAtReview(line(80, 80, 100))).toBe(false) // the bank claimed less: approved at its claim
    expect(correctedAtReview(line(79, 80, 100))).toBe(true)
  })
})
