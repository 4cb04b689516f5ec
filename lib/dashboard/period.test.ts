import { describe, expect, it } from 'vitest'
import { effectiveAsOf, jakartaToday, reportingQuarter, resolveAsOf, sameDateLastYear, yearElapsed } from './period'

describe('dashboard dates', () => {
  it('counts the year elapsed to the end of the as-of day, capped to the year', () => {
    expect(yearElapsed(2024, '2024-08-31')).toBeCloseTo(244 / 366, 10)
    expect(yearElapsed(2023, '2023-12-31')).toBe(1)
    expect(yearElapsed(2023, '2024-03-01')).toBe(1)
    expect(yearElapsed(2023, '2022-12-01')).toBe(0)
    expect(yearElapsed(2025, '2025-01-01')).toBeCloseTo(1 / 365, 10)
  })

  it('finds the same date last year, 29 February becoming 28 February', () => {
    expect(sameDateLastYear('2024-08-31')).toBe('2023-08-31')
    expect(sameDateLastYear('2024-02-29')).toBe('2023-02-28')
    expect(sameDateLastYear('2026-11-21')).toBe('2025-11-21')
    expect(sameDateLastYear('2025-01-01')).toBe('2024-01-01')
  })

  it('reads figures as of today in Jakarta, never after the programme year', () => {
    const now = new Date('2026-11-20T18:30:00Z') // 21 November 01.30 WIB
    expect(jakartaToday(now)).toBe('2026-11-21')
    expect(effectiveAsOf(2026, undefined, now)).toBe('2026-11-21')
    expect(effectiveAsOf(2024, undefined, now)).toBe('2024-12-31')
    expect(effectiveAsOf(2024, '2024-08-31', now)).toBe('2024-08-31')
  })

  it('reads an asked day not yet come as today, one before the programme year as the default, and says which', () => {
    const now = new Date('2026-12-07T05:00:00Z') // 7 December 2026, 12.00 WIB
    // the walk's request: 1 January 2027 for Prokesra 2026 is today's figures, not a final year-end
    expect(resolveAsOf(2026, '2027-01-01', now)).toEqual({ asOf: '2026-12-07', adjusted: 'future' })
    expect(resolveAsOf(2026, '2026-12-31', now)).toEqual({ asOf: '2026-12-07', adjusted: 'future' })
    expect(resolveAsOf(2026, '2025-06-30', now)).toEqual({ asOf: '2026-12-07', adjusted: 'before_programme_year' })
    expect(resolveAsOf(2024, '2023-06-30', now)).toEqual({ asOf: '2024-12-31', adjusted: 'before_programme_year' })
    // as asked: a day of the year already come, and one after a past programme year (December's subsidy is paid in January)
    expect(resolveAsOf(2026, '2026-08-31', now)).toEqual({ asOf: '2026-08-31', adjusted: null })
    expect(resolveAsOf(2025, '2026-01-15', now)).toEqual({ asOf: '2026-01-15', adjusted: null })
    expect(resolveAsOf(2026, '2026-12-07', now)).toEqual({ asOf: '2026-12-07', adjusted: null })
    // nothing asked: the default, nothing to explain
    expect(resolveAsOf(2026, undefined, now)).toEqual({ asOf: '2026-12-07', adjusted: null })
    expect(resolveAsOf(2024, undefined, now)).toEqual({ asOf: '2024-12-31', adjusted: null })
    // next year's programme: a day before its year is read at today, which is the very day asked when it is today
    expect(resolveAsOf(2027, '2026-12-07', now)).toEqual({ asOf: '2026-12-07', adjusted: null })
    expect(resolveAsOf(2027, '2027-03-01', now)).toEqual({ asOf: '2026-12-07', adjusted: 'future' })
  })

  it('reports on the last quarter that has ended', () => {
    expect(reportingQuarter('2026-11-21')).toEqual({ year: 2026, quarter: 3 })
    expect(reportingQuarter('2024-08-31')).toEqual({ year: 2024, quarter: 2 })
    expect(reportingQuarter('2026-02-10')).toEqual({ year: 2025, quarter: 4 })
    expect(reportingQuarter('2023-12-31')).toEqual({ year: 2023, quarter: 3 })
  })
})
