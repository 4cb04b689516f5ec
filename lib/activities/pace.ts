import { countDays } from '@/lib/working-days'

/**
 * Days left and pace of a time-bound programme target, from its window, its target value and the
 * progress counted from the records. Pure, so the page, the overview card and the tests agree.
 *
 * The formula (also in the README):
 * - days are calendar days, or working days when the target says "hari kerja": Monday–Friday minus the
 *   agency's holiday calendar (libur nasional and cuti bersama), counted by lib/working-days.ts;
 * - `elapsed` = days from the start to today inclusive, capped to the window; `total` = days in the window;
 * - expected progress today = target × elapsed ÷ total;
 * - DONE when progress ≥ target; MISSED when the deadline has passed without it; NOT_STARTED before the
 *   start; BEHIND when progress < expected; ON_TRACK otherwise.
 */

export type PaceStatus = 'NOT_STARTED' | 'ON_TRACK' | 'BEHIND' | 'DONE' | 'MISSED'
export const PACE_STATUSES: readonly PaceStatus[] = ['NOT_STARTED', 'ON_TRACK', 'BEHIND', 'DONE', 'MISSED']

const DAY = 86_400_000
const toDay = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY

export { countDays }

export type Pace = {
  status: PaceStatus
  /** days left after today up to the deadline inclusive (0 on the deadline and once it has passed) */
  daysLeft: number
  /** today is the deadline: the target can still be met today (0 days left, but not passed) */
  dueToday: boolean
  totalDays: number
  elapsedDays: number
  /** what the target expects by today, rounded down to a whole count */
  expected: number
  /** progress ÷ target × 100, capped at 100 for the bar (the number itself is shown as counted) */
  percent: number
}

/** The pace of a target on `today` (YYYY-MM-DD, Jakarta); `holidays` are the calendar's days (YYYY-MM-DD) in its window. */
export function paceOf(t: { startDate: string; deadline: string; workingDays: boolean; targetValue: number }, progress: number, today: string, holidays: readonly string[] = []): Pace {
  const totalDays = countDays(t.startDate, t.deadline, t.workingDays, holidays)
  const elapsedEnd = today < t.deadline ? today : t.deadline
  const elapsedDays = today < t.startDate ? 0 : countDays(t.startDate, elapsedEnd, t.workingDays, holidays)
  const daysLeft = today >= t.deadline ? 0 : countDays(addDay(today < t.startDate ? dayBefore(t.startDate) : today), t.deadline, t.workingDays, holidays)
  const expected = totalDays === 0 ? t.targetValue : Math.floor((t.targetValue * elapsedDays) / totalDays)
  const percent = Math.min(100, t.targetValue > 0 ? (progress / t.targetValue) * 100 : 0)
  let status: PaceStatus
  if (progress >= t.targetValue) status = 'DONE'
  else if (today > t.deadline) status = 'MISSED'
  else if (today < t.startDate) status = 'NOT_STARTED'
  else if (progress < expected) status = 'BEHIND'
  else status = 'ON_TRACK'
  return { status, daysLeft, dueToday: today === t.deadline, totalDays, elapsedDays, expected, percent }
}

function addDay(iso: string): string {
  return new Date((toDay(iso) + 1) * DAY).toISOString().slice(0, 10)
}
function dayBefore(iso: string): string {
  return new Date((toDay(iso) - 1) * DAY).toISOString().slice(0, 10)
}
