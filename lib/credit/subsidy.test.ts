import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  reconciliationSchedule,
  annuityInstalment, repaymentSchedule, subsidyCommittedAfter, subsidyForClaimMonth, subsidySchedule,
  type LoanTerms, type PeriodStatus,
} from './subsidy'

// The worked case of the design: Rp25.000.000 over 24 months, annuity, BPR Jatim at 12%, borrower 3%
const worked: LoanTerms = {
  plafond: 25_000_000, tenorMonths: 24, contractDate: '2024-01-15', method: 'ANNUITY',
  bankRates: [{ from: '2024-01-01', rate: 0.12 }], borrowerRate: 0.03,
}

// Month-by-month ledger of the worked case, computed apart from this module with exact decimals (Python
// `decimal`) under the same rules: instalment 1,176,837; interest = balance × 1% half up; principal = the rest
const WORKED_OPENING = [
  25_000_000, 24_073_163, 23_137_058, 22_191_592, 21_236_671, 20_272_201, 19_298_086, 18_314_230, 17_320_535, 16_316_903,
  15_303_235, 14_279_430, 13_245_387, 12_201_004, 11_146_177, 10_080_802, 9_004_773, 7_917_984, 6_820_327, 5_711_693,
  4_591_973, 3_461_056, 2_318_830, 1_165_181,
]
// Days of each period (15th to 15th; Feb 2024 has 29, Feb 2025 has 28)
const WORKED_DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
// opening × 0.09 × days / 360, half up
const WORKED_SUBSIDY = [
  193_750, 174_530, 179_312, 166_437, 164_584, 152_042, 149_560, 141_935, 129_904, 126_456, 114_774, 110_666,
  102_652, 85_407, 86_383, 75_606, 69_787, 59_385, 52_858, 44_266, 34_440, 26_823, 17_391, 9_030,
]
const WORKED_TOTAL = 2_467_978

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0)

describe('annuity instalment', () => {
  it('is P·r / (1 − (1 + r)^−n), and P / n without interest', () => {
    // 25,000,000 × 0.01 / (1 − 1.01^−24) = 250,000 / (1 − 0.787566127) = 250,000 / 0.212433873 = 1,176,836.806
    expect(annuityInstalment(25_000_000, 0.01, 24)).toBeCloseTo(1_176_836.806, 3)
    expect(annuityInstalment(1_200_000, 0, 12)).toBe(100_000)
  })
})

describe('worked case: Rp25.000.000, 24 months, annuity 12%, borrower 3%, contract 15 January 2024', () => {
  const schedule = repaymentSchedule(worked)
  const subsidy = subsidySchedule(worked)

  it('month 1: balance 25,000,000, 31 days, subsidy 193,750', () => {
    // Monthly rate 12% / 12 = 1%. Instalment 1,176,836.806 (see above) → half up 1,176,837.
    // Interest 25,000,000 × 1% = 250,000; principal 1,176,837 − 250,000 = 926,837.
    // 15 Jan → 15 Feb 2024 = 31 days; subsidy 25,000,000 × (0.12 − 0.03) × 31/360 = 193,750 exactly.
    expect(schedule[0]).toEqual({
      period: 1, start: '2024-01-15', end: '2024-02-15', days: 31, openingBalance: 25_000_000, bankRate: 0.12,
      instalment: 1_176_837, principal: 926_837, interest: 250_000, closingBalance: 24_073_163,
    })
    expect(subsidy[0]).toEqual({
      period: 1, dueDate: '2024-02-15', claimMonth: '2024-02', days: 31, openingBalance: 25_000_000,
      rateDifference: 0.09, subsidy: 193_750, reason: 'DUE',
    })
  })

  it('month 12: balance 14,279,430, 31 days, subsidy 110,666', () => {
    // Exact annuity: B_k = P·(1.01^24 − 1.01^(k−1)) / (1.01^24 − 1)
    //   B_12 = 25,000,000 × (1.269734649 − 1.115668347) / 0.269734649 = 14,279,431.91
    // The bank collects 1,176,837, i.e. 0.1944 more than the exact instalment, and that extra principal compounds:
    //   0.1944 × (1.01^11 − 1) / 0.01 = 0.1944 × 11.5668 = 2.25 → 14,279,429.66;
    //   the half-up rounding of the 11 interest amounts accounts for the remaining +0.34, and the ledger
    //   (WORKED_OPENING, built month by month) has 14,279,430.
    // 15 Dec 2024 → 15 Jan 2025 = 31 days; subsidy 14,279,430 × 0.09 × 31/360 = 14,279,430 × 0.00775
    //   = 110,665.58 → 110,666 (the exact-annuity balance gives 110,665.60, the same Rupiah).
    // Interest 14,279,430 × 1% = 142,794.30 → 142,794; principal 1,176,837 − 142,794 = 1,034,043.
    expect(schedule[11]).toMatchObject({
      period: 12, start: '2024-12-15', end: '2025-01-15', days: 31, openingBalance: 14_279_430,
      instalment: 1_176_837, interest: 142_794, principal: 1_034_043, closingBalance: 13_245_387,
    })
    expect(subsidy[11]).toMatchObject({ dueDate: '2025-01-15', claimMonth: '2025-01', days: 31, openingBalance: 14_279_430, subsidy: 110_666 })
  })

  it('month 24: balance 1,165,181, 31 days, subsidy 9,030; the last instalment absorbs the rounding', () => {
    // Exact annuity: B_24 = P·(1.01^24 − 1.01^23) / (1.01^24 − 1) = A / 1.01 = 1,165,184.96
    // Extra principal 0.1944 × (1.01^23 − 1) / 0.01 = 0.1944 × 25.716 = 5.00 → 1,165,179.96; with the
    //   interest rounding the ledger has 1,165,181.
    // 15 Dec 2025 → 15 Jan 2026 = 31 days; subsidy 1,165,181 × 0.00775 = 9,030.15 → 9,030
    //   (exact-annuity balance: 9,030.18 → 9,030).
    // Last instalment: principal = the whole 1,165,181, interest 11,651.81 → 11,652, total 1,176,833
    //   (4 Rupiah less than the others: the rounding absorbed).
    expect(schedule[23]).toMatchObject({
      period: 24, start: '2025-12-15', end: '2026-01-15', days: 31, openingBalance: 1_165_181,
      instalment: 1_176_833, interest: 11_652, principal: 1_165_181, closingBalance: 0,
    })
    expect(subsidy[23]).toMatchObject({ dueDate: '2026-01-15', claimMonth: '2026-01', days: 31, openingBalance: 1_165_181, subsidy: 9_030 })
  })

  it('matches the independent ledger in every month and ends at exactly 0', () => {
    expect(schedule.map((r) => r.openingBalance)).toEqual(WORKED_OPENING)
    expect(schedule.map((r) => r.days)).toEqual(WORKED_DAYS)
    expect(subsidy.map((r) => r.subsidy)).toEqual(WORKED_SUBSIDY)
    expect(sum(subsidy.map((r) => r.subsidy))).toBe(WORKED_TOTAL)
    expect(schedule.slice(0, 23).every((r) => r.instalment === 1_176_837)).toBe(true)
    expect(sum(schedule.map((r) => r.principal))).toBe(25_000_000)
    expect(schedule.at(-1)?.closingBalance).toBe(0)
  })

  it('stays within a few Rupiah of the exact annuity balance (cross-check of the rounding drift)', () => {
    const closedForm = (k: number) => (25_000_000 * (1.01 ** 24 - 1.01 ** (k - 1))) / (1.01 ** 24 - 1)
    for (const row of schedule) expect(Math.abs(row.openingBalance - closedForm(row.period))).toBeLessThan(6)
  })
})

describe('loan contracted mid-month', () => {
  // Rp10.000.000, 6 months, annuity 12%, contract 20 March 2024.
  // Instalment 10,000,000 × 0.01 / (1 − 1.01^−6) = 1,725,483.68 → 1,725,484.
  const terms: LoanTerms = { ...worked, plafond: 10_000_000, tenorMonths: 6, contractDate: '2024-03-20' }

  it('attributes each period wholly to the calendar month of its due date', () => {
    const rows = subsidySchedule(terms)
    // Period 1 covers 12 days of March and 19 of April; it falls due 20 April and is claimed in April:
    //   10,000,000 × 0.09 × 31/360 = 77,500.
    // Period 2: balance 10,000,000 − (1,725,484 − 100,000) = 8,374,516; 20 Apr → 20 May = 30 days;
    //   8,374,516 × 0.09 × 30/360 = 62,808.87 → 62,809, claimed in May.
    expect(rows.slice(0, 2)).toEqual([
      { period: 1, dueDate: '2024-04-20', claimMonth: '2024-04', days: 31, openingBalance: 10_000_000, rateDifference: 0.09, subsidy: 77_500, reason: 'DUE' },
      { period: 2, dueDate: '2024-05-20', claimMonth: '2024-05', days: 30, openingBalance: 8_374_516, rateDifference: 0.09, subsidy: 62_809, reason: 'DUE' },
    ])
    expect(rows.map((r) => r.claimMonth)).toEqual(['2024-04', '2024-05', '2024-06', '2024-07', '2024-08', '2024-09'])
    expect(subsidyForClaimMonth(terms, '2024-03')).toBe(0)
    expect(subsidyForClaimMonth(terms, '2024-04')).toBe(77_500)
    expect(subsidyForClaimMonth(terms, '2024-05')).toBe(62_809)
  })
})

describe('maturity', () => {
  it('has no period after the last one, and a claim month after maturity gets 0', () => {
    expect(subsidySchedule(worked)).toHaveLength(24)
    expect(subsidyForClaimMonth(worked, '2026-01')).toBe(9_030) // the last period, due 15 Jan 2026
    expect(subsidyForClaimMonth(worked, '2026-02')).toBe(0)
    expect(subsidyForClaimMonth(worked, '2030-12')).toBe(0)
    expect(subsidyForClaimMonth(worked, '2024-01')).toBe(0) // nothing falls due in the contract month
  })

  it('refuses a status reported for a period beyond the tenor', () => {
    const rows = subsidySchedule(worked, [{ period: 25, instalmentPaid: true, collectibility: 1 }])
    expect(rows).toHaveLength(25)
    // Period 25 would run 15 Jan → 15 Feb 2026 (31 days); the scheduled balance then is 0 anyway
    expect(rows[24]).toEqual({
      period: 25, dueDate: '2026-02-15', claimMonth: '2026-02', days: 31, openingBalance: 0, rateDifference: 0.09, subsidy: 0, reason: 'AFTER_MATURITY',
    })
    expect(subsidyForClaimMonth(worked, '2026-02', [{ period: 25, instalmentPaid: true, collectibility: 1 }])).toBe(0)
  })
})

describe('collectibility and missed instalments', () => {
  it('pays nothing in a period at collectibility 5, and leaves the others alone', () => {
    // Period 3 would have been 23,137,058 × 0.09 × 31/360 = 179,312.20 → 179,312
    const rows = subsidySchedule(worked, [
      { period: 2, instalmentPaid: true, collectibility: 2 },
      { period: 3, instalmentPaid: true, collectibility: 5 },
    ])
    expect(rows[2]).toMatchObject({ period: 3, openingBalance: 23_137_058, subsidy: 0, reason: 'COLLECTIBILITY_5' })
    expect(rows.map((r) => r.subsidy)).toEqual(WORKED_SUBSIDY.map((s, i) => (i === 2 ? 0 : s)))
    expect(rows[1]).toMatchObject({ subsidy: 174_530, reason: 'DUE' }) // collectibility 2 still earns the subsidy
    expect(subsidyForClaimMonth(worked, '2024-04', [{ period: 3, instalmentPaid: true, collectibility: 5 }])).toBe(0)
  })

  it('pays nothing in a period without an instalment', () => {
    // Period 5 would have been 21,236,671 × 0.09 × 31/360 = 164,584.20 → 164,584
    const statuses: PeriodStatus[] = [
      { period: 5, instalmentPaid: false, collectibility: 2 },
      { period: 6, instalmentPaid: false, collectibility: 5 }, // both apply: collectibility 5 is reported
    ]
    const rows = subsidySchedule(worked, statuses)
    expect(rows[4]).toMatchObject({ period: 5, subsidy: 0, reason: 'NO_INSTALMENT' })
    expect(rows[5]).toMatchObject({ period: 6, subsidy: 0, reason: 'COLLECTIBILITY_5' })
    expect(sum(rows.map((r) => r.subsidy))).toBe(WORKED_TOTAL - 164_584 - 152_042)
  })
})

describe('rate change mid-term: 12% to 10% from 1 July 2024', () => {
  const terms: LoanTerms = { ...worked, bankRates: [{ from: '2024-01-01', rate: 0.12 }, { from: '2024-07-01', rate: 0.1 }] }
  const schedule = repaymentSchedule(terms)
  const rows = subsidySchedule(terms)

  it('applies the new rate from the first period starting on or after the change', () => {
    // Period 6 runs 15 Jun → 15 Jul: it started before 1 July, so it keeps 12% (9 points):
    //   20,272,201 × 0.09 × 30/360 = 152,041.51 → 152,042 (as in the worked case)
    // Period 7 starts 15 July: 10%, 7 points; its opening balance is unchanged, 19,298,086:
    //   19,298,086 × 0.07 × 31/360 = 116,324.57 → 116,325
    expect(rows.slice(0, 6).map((r) => r.subsidy)).toEqual(WORKED_SUBSIDY.slice(0, 6))
    expect(rows.slice(0, 6).every((r) => r.rateDifference === 0.09)).toBe(true)
    expect(rows.slice(6).every((r) => r.rateDifference === 0.07)).toBe(true)
    expect(rows[6]).toMatchObject({ period: 7, openingBalance: 19_298_086, days: 31, subsidy: 116_325 })
  })

  it('re-amortises the remaining balance over the remaining months and still ends at 0', () => {
    // 19,298,086 over 18 months at 10%/12: 19,298,086 × 0.0083333 / (1 − 1.0083333^−18) = 1,158,986.69 → 1,158,987
    // Interest 19,298,086 × 0.10/12 = 160,817.38 → 160,817; principal 998,170.
    expect(schedule[5]).toMatchObject({ bankRate: 0.12, instalment: 1_176_837 })
    expect(schedule[6]).toMatchObject({ bankRate: 0.1, instalment: 1_158_987, interest: 160_817, principal: 998_170, closingBalance: 18_299_916 })
    // Last period (independent ledger): 1,149,403 + interest 9,578 = 1,158,981
    expect(schedule[23]).toMatchObject({ openingBalance: 1_149_403, principal: 1_149_403, interest: 9_578, instalment: 1_158_981, closingBalance: 0 })
    expect(schedule.slice(6, 23).every((r) => r.instalment === 1_158_987)).toBe(true)
    expect(sum(schedule.map((r) => r.principal))).toBe(25_000_000)
    // Independent ledger total: 6 periods at 9 points + 18 at 7 points
    expect(sum(rows.map((r) => r.subsidy))).toBe(
      sum([193_750, 174_530, 179_312, 166_437, 164_584, 152_042,
        116_325, 110_308, 100_878, 98_124, 88_989, 85_735, 79_464, 66_062, 66_763, 58_387, 53_850, 45_786, 40_721, 34_074, 26_489, 20_614, 13_354, 6_928]),
    )
  })
})

describe('flat method', () => {
  it('repays the same principal each month with interest on the original plafond', () => {
    // Rp12.000.000, 12 months, flat 12%: principal 1,000,000, interest 12,000,000 × 1% = 120,000 every month.
    // The subsidy runs on the declining balance: period 1 12,000,000 × 0.09 × 31/360 = 93,000;
    //   period 2 (15 Feb → 15 Mar 2024, 29 days) 11,000,000 × 0.09 × 29/360 = 79,750;
    //   period 12 (15 Dec → 15 Jan, 31 days) 1,000,000 × 0.09 × 31/360 = 7,750.
    const terms: LoanTerms = { ...worked, plafond: 12_000_000, tenorMonths: 12, method: 'FLAT' }
    const schedule = repaymentSchedule(terms)
    expect(schedule.every((r) => r.principal === 1_000_000 && r.interest === 120_000 && r.instalment === 1_120_000)).toBe(true)
    expect(schedule.map((r) => r.openingBalance)).toEqual([12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1].map((m) => m * 1_000_000))
    expect(schedule.at(-1)?.closingBalance).toBe(0)
    const rows = subsidySchedule(terms)
    expect([rows[0].subsidy, rows[1].subsidy, rows[11].subsidy]).toEqual([93_000, 79_750, 7_750])
  })

  it('lets the last instalment absorb an uneven split', () => {
    // 10,000,000 / 3 = 3,333,333.33 → 3,333,333 twice, then the 3,333,334 left; interest 100,000 each month
    const schedule = repaymentSchedule({ ...worked, plafond: 10_000_000, tenorMonths: 3, method: 'FLAT' })
    expect(schedule.map((r) => r.principal)).toEqual([3_333_333, 3_333_333, 3_333_334])
    expect(schedule.map((r) => r.instalment)).toEqual([3_433_333, 3_433_333, 3_433_334])
    expect(schedule.at(-1)?.closingBalance).toBe(0)
  })
})

describe('contract on the 31st', () => {
  it('clamps the due date to the month end, counting each period from the contract date', () => {
    const rows = repaymentSchedule({ ...worked, tenorMonths: 3, contractDate: '2024-01-31' })
    // 31 Jan → 29 Feb 2024 (leap year) = 29 days; 29 Feb → 31 Mar = 31 days; 31 Mar → 30 Apr = 30 days
    expect(rows.map((r) => [r.start, r.end, r.days])).toEqual([
      ['2024-01-31', '2024-02-29', 29], ['2024-02-29', '2024-03-31', 31], ['2024-03-31', '2024-04-30', 30],
    ])
    // 25,000,000 × 0.09 × 29/360 = 181,250, claimed in February
    expect(subsidySchedule({ ...worked, tenorMonths: 3, contractDate: '2024-01-31' })[0]).toMatchObject({ claimMonth: '2024-02', subsidy: 181_250 })
    // Not a leap year: 31 Jan → 28 Feb 2023 = 28 days
    expect(repaymentSchedule({ ...worked, tenorMonths: 1, contractDate: '2023-01-31', bankRates: [{ from: '2023-01-01', rate: 0.12 }] })[0])
      .toMatchObject({ end: '2023-02-28', days: 28 })
  })
})

describe('subsidy still committed', () => {
  it('sums the subsidy of periods falling due after the date', () => {
    // After 31 Dec 2024: periods 12–24 (period 11 fell due 15 Dec 2024, period 12 falls due 15 Jan 2025)
    //   110,666 + 102,652 + 85,407 + 86,383 + 75,606 + 69,787 + 59,385 + 52,858 + 44,266 + 34,440 + 26,823
    //   + 17,391 + 9,030 = 774,694
    expect(subsidyCommittedAfter(worked, '2024-12-31')).toBe(774_694)
    expect(subsidyCommittedAfter(worked, '2024-12-31')).toBe(
      sum(subsidySchedule(worked).filter((r) => r.dueDate > '2024-12-31').map((r) => r.subsidy)),
    )
    expect(subsidyCommittedAfter(worked, '2023-12-31')).toBe(WORKED_TOTAL)
    expect(subsidyCommittedAfter(worked, '2026-01-14')).toBe(9_030)
    expect(subsidyCommittedAfter(worked, '2026-01-15')).toBe(0) // strictly after: the last due date itself is not committed
  })
})

describe('invalid input', () => {
  it('is refused with an Indonesian message', () => {
    expect(() => repaymentSchedule({ ...worked, tenorMonths: 0 })).toThrow('Tenor harus lebih dari 0 bulan')
    expect(() => repaymentSchedule({ ...worked, tenorMonths: 1.5 })).toThrow('Tenor harus dalam bulan bulat')
    expect(() => repaymentSchedule({ ...worked, plafond: -1_000_000 })).toThrow('Plafon harus lebih dari Rp0')
    expect(() => repaymentSchedule({ ...worked, plafond: 1_000_000.5 })).toThrow('Plafon harus dalam Rupiah bulat')
    expect(() => repaymentSchedule({ ...worked, borrowerRate: 0.13 })).toThrow('Suku bunga debitur tidak boleh melebihi suku bunga bank')
    expect(() => repaymentSchedule({ ...worked, bankRates: [{ from: '2024-02-01', rate: 0.12 }] }))
      .toThrow('Tidak ada suku bunga bank yang berlaku pada tanggal akad 2024-01-15')
    expect(() => repaymentSchedule({ ...worked, bankRates: [] })).toThrow('Suku bunga bank belum diisi')
    expect(() => repaymentSchedule({ ...worked, bankRates: [{ from: '2024-01-01', rate: 12 }] })).toThrow('Suku bunga bank harus antara 0 dan 1')
    expect(() => repaymentSchedule({ ...worked, contractDate: '2024-02-30' })).toThrow('Tanggal akad tidak valid')
    expect(() => repaymentSchedule({ ...worked, contractDate: '15/01/2024' })).toThrow('Tanggal akad tidak valid')
    expect(() => subsidyForClaimMonth(worked, '2024-13')).toThrow('Bulan klaim harus berformat YYYY-MM')
    expect(() => subsidySchedule(worked, [
      { period: 2, instalmentPaid: true, collectibility: 1 }, { period: 2, instalmentPaid: false, collectibility: 1 },
    ])).toThrow('Status periode 2 tercatat lebih dari sekali')
  })

  it('never pays a negative subsidy when a later rate cut takes the bank rate to or below the borrower rate', () => {
    // 12% until period 2, 2% from period 3 (difference −1 point), 3% from period 5 (difference 0)
    const terms: LoanTerms = {
      ...worked, tenorMonths: 6,
      bankRates: [{ from: '2024-01-01', rate: 0.12 }, { from: '2024-03-15', rate: 0.02 }, { from: '2024-05-15', rate: 0.03 }],
    }
    const rows = subsidySchedule(terms)
    expect(rows[0]).toMatchObject({ subsidy: 193_750, reason: 'DUE' })
    expect(rows.slice(2).map((r) => [r.rateDifference, r.subsidy, r.reason])).toEqual([
      [-0.01, 0, 'NO_RATE_DIFFERENCE'], [-0.01, 0, 'NO_RATE_DIFFERENCE'], [0, 0, 'NO_RATE_DIFFERENCE'], [0, 0, 'NO_RATE_DIFFERENCE'],
    ])
    expect(repaymentSchedule(terms).at(-1)?.closingBalance).toBe(0)
  })
})

describe('properties', () => {
  const day = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2040-12-31T00:00:00Z'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10))
  const percent = fc.integer({ min: 0, max: 3_000 }).map((bp) => bp / 10_000) // 0–30% in basis points
  const terms = fc.record({
    plafond: fc.integer({ min: 1, max: 50_000_000_000 }),
    tenorMonths: fc.integer({ min: 1, max: 120 }),
    contractDate: day,
    method: fc.constantFrom<'ANNUITY' | 'FLAT'>('ANNUITY', 'FLAT'),
    firstRate: percent,
    borrowerShare: fc.double({ min: 0, max: 1, noNaN: true }),
    changes: fc.array(fc.record({ afterMonths: fc.integer({ min: 0, max: 130 }), rate: percent }), { maxLength: 3 }),
  }).map(({ firstRate, borrowerShare, changes, contractDate, ...rest }): LoanTerms => {
    const c = new Date(`${contractDate}T00:00:00Z`)
    const shifted = changes.map(({ afterMonths, rate }) => {
      const d = new Date(Date.UTC(c.getUTCFullYear(), c.getUTCMonth() + afterMonths, 1 + (afterMonths % 28)))
      return { from: d.toISOString().slice(0, 10), rate }
    })
    const bankRates = [{ from: contractDate, rate: firstRate }, ...shifted.filter((r) => r.from > contractDate)]
      .filter((r, i, all) => all.findIndex((o) => o.from === r.from) === i)
    return { ...rest, contractDate, bankRates, borrowerRate: Math.floor(firstRate * borrowerShare * 10_000) / 10_000 }
  })

  it('repays exactly the plafond, ends at 0, and never pays a negative subsidy', () => {
    fc.assert(fc.property(terms, (t) => {
      const schedule = repaymentSchedule(t)
      expect(schedule).toHaveLength(t.tenorMonths)
      expect(sum(schedule.map((r) => r.principal))).toBe(t.plafond)
      expect(schedule.at(-1)?.closingBalance).toBe(0)
      for (const [i, r] of schedule.entries()) {
        expect(r.principal).toBeGreaterThanOrEqual(0)
        expect(r.interest).toBeGreaterThanOrEqual(0)
        expect(r.closingBalance).toBe(r.openingBalance - r.principal)
        expect(r.days).toBeGreaterThanOrEqual(28)
        expect(r.days).toBeLessThanOrEqual(31)
        if (i > 0) expect(r.start).toBe(schedule[i - 1].end)
      }
      const rows = subsidySchedule(t)
      for (const r of rows) {
        expect(Number.isInteger(r.subsidy)).toBe(true)
        expect(r.subsidy).toBeGreaterThanOrEqual(0)
      }
      // Each due date falls in its own calendar month, so the claim months partition the total
      const months = new Set(rows.map((r) => r.claimMonth))
      expect(months.size).toBe(rows.length)
      expect(subsidyCommittedAfter(t, '1999-12-31')).toBe(sum(rows.map((r) => r.subsidy)))
    }), { numRuns: 200 })
    // 200 random loans take a few seconds; the default 5 s harness limit is too tight on a busy CI machine
  }, 60_000)
})

describe('amortisation basis: the balance the subsidy is computed on', () => {
  // Rp20.000.000 for 12 months from 10 March 2026, bank 11%, borrower 3%: the difference 8% on the balance,
  // actual days / 360, each period rounded half up to whole Rupiah
  const loan = (amortisationBasis?: 'BORROWER_RATE' | 'BANK_RATE') => ({
    plafond: 20_000_000, tenorMonths: 12, contractDate: '2026-03-10', method: 'ANNUITY' as const,
    bankRates: [{ from: '2026-03-10', rate: 0.11 }], borrowerRate: 0.03, amortisationBasis,
  })
  // the same loan amortised by hand in floating point, no rounding anywhere: the reference the rounding is judged by
  function byHand(rate: number) {
    const r = rate / 12
    const instalment = (20_000_000 * r) / (1 - Math.pow(1 + r, -12))
    const days = [31, 30, 31, 30, 31, 31, 30, 31, 30, 31, 31, 28] // 10 Mar → 10 Apr … 10 Feb → 10 Mar 2027
    let balance = 20_000_000
    let total = 0
    for (const d of days) {
      total += (balance * 0.08 * d) / 360
      balance -= instalment - balance * r
    }
    return total
  }

  it('at the bank’s rate: Rp898.077 in all (unrounded Rp898.076,75)', () => {
    const rows = subsidySchedule(loan('BANK_RATE'))
    expect(rows.reduce((a, r) => a + r.subsidy, 0)).toBe(898_077)
    expect(byHand(0.11)).toBeCloseTo(898_076.75, 1)
    expect(subsidySchedule(loan()).map((r) => r.subsidy)).toEqual(rows.map((r) => r.subsidy)) // the default of older programmes
  })

  it('at the borrower’s rate: Rp887.370 in all, the balance falling as the borrower’s own instalment repays it', () => {
    const rows = subsidySchedule(loan('BORROWER_RATE'))
    // 12 periods each rounded half up: Rp887.370; the unrounded total is Rp887.368,47 (so ±Rp0,50 a period)
    expect(rows.reduce((a, r) => a + r.subsidy, 0)).toBe(887_370)
    expect(byHand(0.03)).toBeCloseTo(887_368.47, 1)
    expect(Math.abs(887_370 - byHand(0.03))).toBeLessThanOrEqual(12 * 0.5)
    // period 1: the whole plafond, 31 days: 20.000.000 × 8% × 31 / 360 = 137.777,8 → 137.778
    expect(rows[0]).toMatchObject({ openingBalance: 20_000_000, days: 31, subsidy: 137_778 })
    // period 2: the borrower's annuity at 3%/12 is Rp1.693.874; interest 50.000, so principal 1.643.874
    const schedule = repaymentSchedule(loan('BORROWER_RATE'))
    expect(schedule[0]).toMatchObject({ instalment: 1_693_874, interest: 50_000, principal: 1_643_874, closingBalance: 18_356_126 })
    expect(rows[1]).toMatchObject({ openingBalance: 18_356_126, days: 30, subsidy: 122_374 })
    expect(schedule.at(-1)!.closingBalance).toBe(0)
  })

  it('the borrower’s basis pays less, by about 1,2% on 12 months, 2,5% on 24 and 3,8% on 36', () => {
    for (const [tenor, share] of [[12, 0.012], [24, 0.025], [36, 0.038]] as const) {
      const total = (basis: 'BORROWER_RATE' | 'BANK_RATE') => subsidySchedule({ ...loan(basis), tenorMonths: tenor }).reduce((a, r) => a + r.subsidy, 0)
      const saved = 1 - total('BORROWER_RATE') / total('BANK_RATE')
      expect(saved).toBeGreaterThan(share - 0.003)
      expect(saved).toBeLessThan(share + 0.003)
    }
  })

  it('on the borrower’s basis a change of the bank’s rate changes the subsidy, not the balance', () => {
    const changed = { ...loan('BORROWER_RATE'), bankRates: [{ from: '2026-03-10', rate: 0.11 }, { from: '2026-09-10', rate: 0.09 }] }
    const before = subsidySchedule(loan('BORROWER_RATE'))
    const after = subsidySchedule(changed)
    expect(after.map((r) => r.openingBalance)).toEqual(before.map((r) => r.openingBalance))
    expect(after[6].rateDifference).toBeCloseTo(0.06, 10)
    expect(after[6].subsidy).toBeLessThan(before[6].subsidy)
  })
})

describe('reconciliation schedule', () => {
  it('shows the borrower’s instalment, principal and interest beside the bank rate and the difference', () => {
    const terms = { plafond: 20_000_000, tenorMonths: 12, contractDate: '2026-03-10', method: 'ANNUITY' as const, bankRates: [{ from: '2026-03-10', rate: 0.11 }], borrowerRate: 0.03 }
    const onBorrower = reconciliationSchedule({ ...terms, amortisationBasis: 'BORROWER_RATE' })
    expect(onBorrower[0]).toMatchObject({ openingBalance: 20_000_000, principal: 1_643_874, borrowerInterest: 50_000, borrowerInstalment: 1_693_874, bankRate: 0.11, borrowerRate: 0.03 })
    expect(onBorrower[0].rateDifference).toBeCloseTo(0.08, 10)
    // on the borrower's basis the borrower's instalment is the annuity itself, every period
    for (const r of onBorrower) expect(r.borrowerInstalment).toBe(r.instalment)
    expect(onBorrower.reduce((a, r) => a + r.principal, 0)).toBe(20_000_000)
    // on the bank's basis the principal follows the bank's table; the borrower still pays 3% interest on it
    const onBank = reconciliationSchedule(terms)
    expect(onBank[0]).toMatchObject({ principal: 1_584_300, borrowerInterest: 50_000, borrowerInstalment: 1_634_300 })
  })
})
