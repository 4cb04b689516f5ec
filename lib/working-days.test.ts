import { describe, expect, it } from 'vitest'
import { addWorkingDays, countDays, countWorkingDays, isWeekend } from './working-days'
import { paceOf } from './activities/pace'

// the SKB 3 Menteri 2026 days around Idul Fitri 1447 H (cuti bersama 18, 20, 23, 24 March; Nyepi 19; Idul Fitri 21–22, a weekend)
const LEBARAN_2026 = ['2026-03-18', '2026-03-19', '2026-03-20', '2026-03-21', '2026-03-22', '2026-03-23', '2026-03-24']
// the year's end: cuti bersama Natal (Thursday 24 Dec), Natal (Friday 25 Dec), Tahun Baru 2027 (Friday 1 Jan)
const YEAR_END = ['2026-12-24', '2026-12-25', '2027-01-01']

describe('countWorkingDays', () => {
  it('counts Monday to Friday without holidays', () => {
    expect(countWorkingDays('2026-01-05', '2026-01-11')).toBe(5)
    expect(countWorkingDays('2026-01-10', '2026-01-10')).toBe(0) // a Saturday
    expect(countWorkingDays('2026-01-02', '2026-01-01')).toBe(0) // an empty range
    expect(countWorkingDays('2025-03-03', '2025-07-18')).toBe(100)
  })
  it('subtracts the holidays that fall on weekdays, and only those', () => {
    // March 2026 has 22 weekdays; 18, 19, 20, 23, 24 are off; 21–22 (Idul Fitri) are a Saturday and a Sunday
    expect(countWorkingDays('2026-03-01', '2026-03-31', LEBARAN_2026)).toBe(17)
    expect(countWorkingDays('2026-03-21', '2026-03-22', LEBARAN_2026)).toBe(0)
    // a holiday outside the range or listed twice takes nothing more
    expect(countWorkingDays('2026-03-01', '2026-03-17', [...LEBARAN_2026, '2026-03-18'])).toBe(12)
  })
  it('counts a range across years with the holidays of both', () => {
    // Monday 21 Dec 2026 to Friday 8 Jan 2027: 15 weekdays, 3 of them holidays
    expect(countWorkingDays('2026-12-21', '2027-01-08', YEAR_END)).toBe(12)
    expect(countWorkingDays('2026-12-21', '2027-01-08')).toBe(15)
  })
  it('finds the day n working days on', () => {
    expect(addWorkingDays('2025-03-03', 100)).toBe('2025-07-18')
    // "100 hari kerja" from Monday 14 Sept 2026 over the year-end holidays (and 17, 25 Aug already past)
    expect(addWorkingDays('2026-09-14', 100, YEAR_END)).toBe('2027-02-03')
    expect(countWorkingDays('2026-09-14', '2027-02-03', YEAR_END)).toBe(100)
    expect(addWorkingDays('2026-03-17', 2, LEBARAN_2026)).toBe('2026-03-25')
  })
  it('knows the weekend', () => {
    expect(isWeekend('2026-03-21')).toBe(true)
    expect(isWeekend('2026-03-23')).toBe(false)
  })
})

describe('countDays', () => {
  it('ignores holidays for calendar days', () => {
    expect(countDays('2026-03-01', '2026-03-31', false, LEBARAN_2026)).toBe(31)
    expect(countDays('2026-03-01', '2026-03-31', true, LEBARAN_2026)).toBe(17)
  })
})

describe('pace with the holiday calendar', () => {
  it('takes holidays off the window, the days elapsed and the days left', () => {
    const t = { startDate: '2026-12-21', deadline: '2027-01-08', workingDays: true, targetValue: 12 }
    // on Monday 28 Dec: 21–23 Dec worked (3), 24–25 off, 28 worked → 4 of 12 days elapsed, 8 left
    const p = paceOf(t, 4, '2026-12-28', YEAR_END)
    expect(p).toMatchObject({ totalDays: 12, elapsedDays: 4, daysLeft: 8, expected: 4, status: 'ON_TRACK' })
    // without the calendar the same day would expect more
    expect(paceOf(t, 4, '2026-12-28')).toMatchObject({ totalDays: 15, elapsedDays: 6, expected: 4, daysLeft: 9 })
    expect(paceOf(t, 3, '2026-12-28', YEAR_END).status).toBe('BEHIND')
  })
})
