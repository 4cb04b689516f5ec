import { describe, expect, it } from 'vitest'
import { currentQuarter, defaultDeadline, isDueInQuarter, isOnTime, isPastDeadline, previousQuarter, quarterEndDate, quarterLabel, quarterStarted } from './periods'

describe('reporting periods', () => {
  it('puts the default deadline 15 days after the quarter ends', () => {
    expect(quarterEndDate(2026, 3)).toBe('2026-09-30')
    expect(defaultDeadline(2026, 3)).toBe('2026-10-15')
    expect(defaultDeadline(2026, 4)).toBe('2027-01-15')
    expect(defaultDeadline(2025, 1)).toBe('2025-04-15')
  })

  it('is on time until the end of the deadline day in WIB', () => {
    expect(isOnTime(new Date('2026-10-15T16:59:59Z'), '2026-10-15')).toBe(true) // 23.59 WIB
    expect(isOnTime(new Date('2026-10-15T17:00:00Z'), '2026-10-15')).toBe(false) // 16 Oct 00.00 WIB
    expect(isPastDeadline('2026-10-15', new Date('2026-11-21T00:00:00Z'))).toBe(true)
    expect(isPastDeadline('2027-01-15', new Date('2026-11-21T00:00:00Z'))).toBe(false)
  })

  it('knows which forms fall due in which quarter', () => {
    expect([1, 2, 3, 4].map((q) => isDueInQuarter('SEMESTER', q))).toEqual([false, true, false, true])
    expect([1, 2, 3, 4].map((q) => isDueInQuarter('YEARLY', q))).toEqual([false, false, false, true])
    expect(isDueInQuarter('QUARTERLY', 1)).toBe(true)
  })

  it('walks back across the year and reads the quarter in WIB', () => {
    expect(previousQuarter(2026, 1)).toEqual({ year: 2025, quarter: 4 })
    expect(previousQuarter(2026, 3)).toEqual({ year: 2026, quarter: 2 })
    expect(currentQuarter(new Date('2026-09-30T18:00:00Z'))).toEqual({ year: 2026, quarter: 4 }) // 1 Oct 01.00 WIB
    expect(quarterStarted(2026, 4, new Date('2026-11-21T00:00:00Z'))).toBe(true)
    expect(quarterStarted(2027, 1, new Date('2026-11-21T00:00:00Z'))).toBe(false)
    expect(quarterLabel(3)).toBe('Triwulan III')
  })
})
