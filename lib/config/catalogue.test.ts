import { describe, expect, it } from 'vitest'
import { activeInQuarter, changedLockedFields, lockedFields, provinceTotalCheck, quarterBounds, quarterTargetsAboveYear, stockQuartersAboveYear } from './catalogue'

describe('indicator validity', () => {
  it('is in a quarter’s form when its window overlaps the quarter', () => {
    expect(quarterBounds(2027, 1)).toEqual({ start: '2027-01-01', end: '2027-03-31' })
    expect(activeInQuarter({ activeFrom: '2027-01-01', activeTo: null }, 2026, 4)).toBe(false)
    expect(activeInQuarter({ activeFrom: '2027-01-01', activeTo: null }, 2027, 1)).toBe(true)
    expect(activeInQuarter({ activeFrom: '2027-03-31', activeTo: null }, 2027, 1)).toBe(true)
    expect(activeInQuarter({ activeFrom: null, activeTo: '2026-10-01' }, 2026, 4)).toBe(true)
    expect(activeInQuarter({ activeFrom: null, activeTo: '2026-09-30' }, 2026, 4)).toBe(false)
    expect(activeInQuarter({ activeFrom: null, activeTo: null }, 2030, 2)).toBe(true)
  })

  it('names the locked fields an edit changes', () => {
    const before = { formCode: 'A', unit: 'COUNT', aggregation: 'SUM', timeAggregation: 'FLOW', numeratorCode: null, denominatorCode: null, decimals: 0 }
    expect(changedLockedFields(before, { ...before })).toEqual([])
    expect(changedLockedFields(before, { ...before, unit: 'PERCENT', decimals: 2 })).toEqual(['unit', 'decimals'])
  })
})

describe('province total check', () => {
  const cells = [
    { regencyCode: '35.17', quarter: 0, value: 0.1 },
    { regencyCode: '35.78', quarter: 0, value: 0.2 },
    { regencyCode: '35.78', quarter: 1, value: 99 },
    { regencyCode: null, quarter: 0, value: 0.3 },
  ]
  it('adds the regencies’ year targets exactly and compares them with the province’s', () => {
    expect(provinceTotalCheck('SUM', cells)).toEqual({ regencySum: 0.3, province: 0.3, difference: 0 })
    expect(provinceTotalCheck('SUM', [...cells, { regencyCode: '35.07', quarter: 0, value: 12.5 }]).difference).toBe(12.5)
  })
  it('has no check for a ratio, or without a province target', () => {
    expect(provinceTotalCheck('RATIO', cells).difference).toBeNull()
    expect(provinceTotalCheck('SUM', cells.filter((c) => c.regencyCode !== null)).difference).toBeNull()
  })
})

describe('quarter targets above the year', () => {
  const row = (regencyCode: string | null, year: number | null, quarters: number[]) => [
    ...(year === null ? [] : [{ regencyCode, quarter: 0, value: year }]),
    ...quarters.map((value, i) => ({ regencyCode, quarter: i + 1, value })),
  ]
  const flow = { aggregation: 'SUM', timeAggregation: 'FLOW' } as const
  it('names each summed flow row whose quarters add up to more than its year, in hundredths', () => {
    const cells = [...row('35.17', 40, [10, 20, 15]), ...row('35.78', 60, [15, 15, 15, 15]), ...row(null, 0.3, [0.1, 0.2]), ...row('35.07', null, [500])]
    expect(quarterTargetsAboveYear(flow, cells)).toEqual([{ regencyCode: '35.17', quarterSum: 45, year: 40 }])
    expect(quarterTargetsAboveYear(flow, row(null, 0.3, [0.1, 0.2, 0.01]))).toEqual([{ regencyCode: null, quarterSum: 0.31, year: 0.3 }])
  })
  it('has no sum for a stock, a ratio or a province-level figure', () => {
    expect(quarterTargetsAboveYear({ aggregation: 'SUM', timeAggregation: 'STOCK' }, row('35.17', 40, [45, 46, 47, 48]))).toEqual([])
    // a ratio's year is its parts' ratio: 40% in each quarter and 40% for the year
    expect(quarterTargetsAboveYear({ aggregation: 'RATIO', timeAggregation: 'FLOW' }, row('35.17', 40, [40, 40, 40, 40]))).toEqual([])
    expect(quarterTargetsAboveYear({ aggregation: 'PROVINCE', timeAggregation: 'FLOW' }, row(null, 60, [60, 61]))).toEqual([])
  })
  it('leaves a row the save does not change, judged against the stored grid (a grid stored before the rule stays editable)', () => {
    const stored = [...row('35.17', 50902, [12726, 12726, 12726, 12726]), ...row('35.07', 100, [25])]
    // another regency edited: the stored Jombang row stands
    expect(quarterTargetsAboveYear(flow, [...row('35.17', 50902, [12726, 12726, 12726, 12726]), ...row('35.07', 100, [30])], stored)).toEqual([])
    // Jombang's row changed and still above: judged
    expect(quarterTargetsAboveYear(flow, [...row('35.17', 50900, [12726, 12726, 12726, 12726]), ...row('35.07', 100, [25])], stored)).toEqual([{ regencyCode: '35.17', quarterSum: 50904, year: 50900 }])
  })
})

describe('locked fields', () => {
  it('locks the meaning of values once reported, the unit and sums once targeted', () => {
    expect(lockedFields({ reports: 1, targets: 0 })).toContain('decimals')
    expect(lockedFields({ reports: 0, targets: 3 })).toEqual(['formCode', 'unit', 'aggregation', 'timeAggregation'])
    expect(lockedFields({ reports: 0, targets: 0 })).toEqual([])
  })
})

describe('stockQuartersAboveYear: a warning for a stock\'s quarter target above its year target', () => {
  it('names the quarter above its row\'s year (1.012 typed for a year of 10), a flow never', () => {
    const cells = [
      { regencyCode: '35.17', quarter: 0, value: 10 }, { regencyCode: '35.17', quarter: 4, value: 1012 }, { regencyCode: '35.17', quarter: 3, value: 10 },
      { regencyCode: null, quarter: 0, value: 200 }, { regencyCode: null, quarter: 2, value: 150 },
      // a quarter without a year target in its row is not judged
      { regencyCode: '35.07', quarter: 1, value: 99 },
    ]
    expect(stockQuartersAboveYear('STOCK', cells)).toEqual([{ regencyCode: '35.17', quarter: 4, value: 1012, year: 10 }])
    expect(stockQuartersAboveYear('FLOW', cells)).toEqual([])
  })
})
