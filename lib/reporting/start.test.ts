import { describe, expect, it } from 'vitest'
import { firstReportingQuarter, isRequiredPeriod, parseReportingStart } from './start'
import { periodOrdinal } from './periods'

describe('the first required reporting quarter', () => {
  it('orders periods across years', () => {
    expect(periodOrdinal(2026, 4)).toBeLessThan(periodOrdinal(2027, 1))
    expect(periodOrdinal(2027, 1) - periodOrdinal(2026, 4)).toBe(1)
  })

  it('requires the start and after, not before; every period without a start', () => {
    const start = { year: 2026, quarter: 4 }
    expect([[2026, 3], [2026, 4], [2027, 1], [2025, 4]].map(([y, q]) => isRequiredPeriod(start, y, q))).toEqual([false, true, true, false])
    expect(isRequiredPeriod(null, 2001, 1)).toBe(true)
  })

  it('starts a new deployment at the first quarter whose report is not yet overdue', () => {
    expect(firstReportingQuarter('2026-12-05')).toEqual({ year: 2026, quarter: 4 }) // Triwulan III was due 15 October
    expect(firstReportingQuarter('2027-01-05')).toEqual({ year: 2026, quarter: 4 }) // Triwulan IV is due 15 January
    expect(firstReportingQuarter('2027-01-15')).toEqual({ year: 2026, quarter: 4 })
    expect(firstReportingQuarter('2027-01-16')).toEqual({ year: 2027, quarter: 1 })
    expect(firstReportingQuarter('2026-07-01')).toEqual({ year: 2026, quarter: 2 })
  })

  it('reads the stored value defensively: a cleared {} or anything malformed is no start', () => {
    expect(parseReportingStart({ year: 2026, quarter: 4 })).toEqual({ year: 2026, quarter: 4 })
    for (const v of [{}, null, undefined, [], 'x', { year: 2026 }, { year: 2026, quarter: 5 }, { year: '2026', quarter: 4 }, { year: 2026.5, quarter: 1 }]) {
      expect(parseReportingStart(v as never)).toBeNull()
    }
  })
})
