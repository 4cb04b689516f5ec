import { describe, expect, it } from 'vitest'
import { countDays, paceOf } from './pace'

describe('countDays', () => {
  it('counts calendar days inclusive', () => {
    expect(countDays('2026-01-01', '2026-01-01', false)).toBe(1)
    expect(countDays('2026-01-01', '2026-12-31', false)).toBe(365)
    expect(countDays('2026-01-02', '2026-01-01', false)).toBe(0)
  })
  it('counts Monday to Friday for working days', () => {
    // Monday 5 January 2026 to Sunday 11 January: five working days
    expect(countDays('2026-01-05', '2026-01-11', true)).toBe(5)
    // a Saturday alone has none
    expect(countDays('2026-01-10', '2026-01-10', true)).toBe(0)
    // 100 working days from Monday 3 March 2025 end on Friday 18 July 2025
    expect(countDays('2025-03-03', '2025-07-18', true)).toBe(100)
  })
})

describe('paceOf', () => {
  const t = { startDate: '2025-03-03', deadline: '2025-07-18', workingDays: true, targetValue: 10 }
  it('expects a share of the target proportional to the working days elapsed', () => {
    // 50 working days in: 5 of 10 expected
    const p = paceOf(t, 5, '2025-05-09')
    expect(p.elapsedDays).toBe(50)
    expect(p.expected).toBe(5)
    expect(p.status).toBe('ON_TRACK')
    expect(p.daysLeft).toBe(50)
    expect(paceOf(t, 4, '2025-05-09').status).toBe('BEHIND')
  })
  it('is done at the target, missed after the deadline without it, not started before the start', () => {
    expect(paceOf(t, 10, '2025-04-01').status).toBe('DONE')
    expect(paceOf(t, 9, '2025-07-21').status).toBe('MISSED')
    expect(paceOf(t, 9, '2025-07-21').daysLeft).toBe(0)
    // on the deadline itself: no day left after today, but not passed (behind, not missed)
    expect(paceOf(t, 9, '2025-07-18')).toMatchObject({ daysLeft: 0, dueToday: true, status: 'BEHIND' })
    expect(paceOf(t, 9, '2025-07-21').dueToday).toBe(false)
    expect(paceOf(t, 0, '2025-03-01').status).toBe('NOT_STARTED')
    expect(paceOf(t, 0, '2025-03-01').daysLeft).toBe(100)
  })
  it('caps the bar at 100 %', () => {
    expect(paceOf(t, 12, '2025-04-01').percent).toBe(100)
  })
})
