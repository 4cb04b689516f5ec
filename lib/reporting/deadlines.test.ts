import { describe, expect, it } from 'vitest'
import { hasFullEnglish, serverText } from '@/lib/i18n/server-text'
import { DEADLINE_ON_SATURDAY, DEADLINE_ON_SUNDAY, deadlineDayNote, deadlineOnHoliday } from '@/lib/reporting/deadlines'
import { defaultDeadline } from '@/lib/reporting/periods'

const none = new Map<string, string>()

describe('deadline on a day the offices are closed', () => {
  it('notes a Saturday, a Sunday and a holiday of the calendar; a working day has no note', () => {
    // the default Triwulan IV 2027 deadline, 15 January 2028, is a Saturday
    expect(defaultDeadline(2027, 4)).toBe('2028-01-15')
    expect(deadlineDayNote('2028-01-15', none)).toBe(DEADLINE_ON_SATURDAY)
    expect(deadlineDayNote('2027-07-17', none)).toBe(DEADLINE_ON_SATURDAY)
    expect(deadlineDayNote('2027-07-18', none)).toBe(DEADLINE_ON_SUNDAY)
    // the default Triwulan I 2027 deadline, a Thursday, once a holiday is entered on it
    expect(deadlineDayNote(defaultDeadline(2027, 1), none)).toBeNull()
    expect(deadlineDayNote('2027-04-15', new Map([['2027-04-15', 'Libur uji']]))).toBe(deadlineOnHoliday('Libur uji'))
    // a holiday on a weekend is named (it says more than the weekday)
    expect(deadlineDayNote('2028-01-15', new Map([['2028-01-15', 'Libur uji']]))).toBe(deadlineOnHoliday('Libur uji'))
  })

  it('has the English of every note', () => {
    for (const note of [DEADLINE_ON_SATURDAY, DEADLINE_ON_SUNDAY, deadlineOnHoliday('{}')]) expect(hasFullEnglish(note), note).toBe(true)
    expect(serverText(DEADLINE_ON_SATURDAY, 'en')).toMatch(/^Note: this deadline is a Saturday, not a working day/)
    expect(serverText(`Batas waktu Triwulan II 2027 menjadi 17 Juli 2027. ${DEADLINE_ON_SATURDAY}`, 'en'))
      .toBe('The deadline for Quarter II 2027 is now 17 July 2027. Note: this deadline is a Saturday, not a working day; a report sent on the next working day is recorded as late.')
    expect(serverText(deadlineOnHoliday('Hari Buruh Internasional'), 'en')).toBe('Note: this deadline is a holiday (Hari Buruh Internasional), not a working day; a report sent on the next working day is recorded as late.')
  })
})
