/**
 * Whether a reporting deadline falls on a day the offices are closed. The agency's rule is a fixed day,
 * 15 days after the quarter ends (README › Deadlines; docs/domain say nothing of a working-day shift),
 * so such a deadline is kept as set, and the admin is told: a report sent on the next working day is
 * late. Pure: the caller reads the holidays (lib/reporting/deadline-holidays.ts) and passes them in.
 * The notes are Indonesian server text, their English in lib/i18n/server-messages.en.json.
 */
import { isWeekend } from '@/lib/working-days'

export const DEADLINE_ON_SATURDAY = 'Perhatian: batas waktu ini hari Sabtu, bukan hari kerja; laporan yang dikirim pada hari kerja berikutnya tercatat terlambat.'
export const DEADLINE_ON_SUNDAY = 'Perhatian: batas waktu ini hari Minggu, bukan hari kerja; laporan yang dikirim pada hari kerja berikutnya tercatat terlambat.'
export const deadlineOnHoliday = (name: string) =>
  `Perhatian: batas waktu ini hari libur (${name}), bukan hari kerja; laporan yang dikirim pada hari kerja berikutnya tercatat terlambat.`

/**
 * The note for a deadline (`YYYY-MM-DD`) that is not a working day, or null. `holidays`: the holiday
 * calendar's names by date; a holiday is named even on a weekend (it says more than the weekday).
 */
export function deadlineDayNote(deadline: string, holidays: ReadonlyMap<string, string>): string | null {
  const holiday = holidays.get(deadline)
  if (holiday !== undefined) return deadlineOnHoliday(holiday)
  if (!isWeekend(deadline)) return null
  return new Date(`${deadline}T00:00:00Z`).getUTCDay() === 6 ? DEADLINE_ON_SATURDAY : DEADLINE_ON_SUNDAY
}
