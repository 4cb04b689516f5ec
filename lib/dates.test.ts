import { describe, expect, it } from 'vitest'
import { claimableMonths, lastEndedMonth } from './dates'

describe('claimableMonths: the ended months of the programmes’ years, newest first', () => {
  it('stops at the last ended month and leaves a year not yet begun empty', () => {
    expect(claimableMonths([2026], '2026-03')).toEqual(['2026-03', '2026-02', '2026-01'])
    expect(claimableMonths([2027], '2026-11')).toEqual([])
  })
  it('lists each year once, the newest year first', () => {
    const months = claimableMonths([2025, 2026, 2025], '2026-02')
    expect(months.slice(0, 3)).toEqual(['2026-02', '2026-01', '2025-12'])
    expect(months).toHaveLength(14)
    expect(months.at(-1)).toBe('2025-01')
  })
  it('takes the month that ended in Jakarta, not in UTC', () => {
    // 1 December 2026 at 00:30 WIB is still 30 November in UTC: November has ended in Jakarta
    expect(lastEndedMonth(Date.parse('2026-11-30T17:30:00Z'))).toBe('2026-11')
    expect(lastEndedMonth(Date.parse('2026-11-30T16:30:00Z'))).toBe('2026-10')
  })
})
