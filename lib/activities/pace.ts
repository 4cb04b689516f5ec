/**
 * Days left and pace of a time-bound programme target, from its window, its target value and the
 * progress counted from the records. Pure, so the page, the overview card and the tests agree.
 *
 * The formula (also in the README):
 * - days are calendar days, or Monday–Friday when the target says "hari kerja" (national holidays are
 *   not subtracted: the agency has no holiday calendar in Lumbung yet);
 * - `elapsed` = days from the start to today inclusive, capped to the window; `total` = days in the window;
 * - expected progress today = target × elapsed ÷ total;
 * - DONE when progress ≥ target; MISSED when the deadline has passed without it; NOT_STARTED before the
 *   start; BEHIND when progress < expected; ON_TRACK otherwise.
 */

export type PaceStatus = 'NOT_STARTED' | 'ON_TRACK' | 'BEHIND' | 'DONE' | 'MISSED'
export const PACE_STATUSES: readonly PaceStatus[] = ['NOT_STARTED', 'ON_TRACK', 'BEHIND', 'DONE', 'MISSED']

const DAY = 86_400_000
const toDay = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY

/** Days from `from` to `to` inclusive (0 when `to` is before `from`), counting only Monday–Friday if asked. */
export function countDays(from: string, to: string, workingDays: boolean): number {
  const a = toDay(from)
  const b = toDay(to)
  if (b < a) return 0
  const n = b - a + 1
  if (!workingDays) return n
  // whole weeks hold 5 working days; the remainder is walked (at most 6 days)
  const weeks = Math.floor(n / 7)
  let count = weeks * 5
  for (let d = a + weeks * 7; d <= b; d++) {
    const weekday = new Date(d * DAY).getUTCDay()
    if (weekday !== 0 && weekday !== 6) count++
  }
  return count
}

export type Pace = {
  status: PaceStatus
  /** days left after today up to the deadline inclusive (0 once it has passed) */
  daysLeft: number
  totalDays: number
  elapsedDays: number
  /** what the target expects by today, rounded down to a whole count */
  expected: number
  /** progress ÷ target × 100, capped at 100 for the bar (the number itself is shown as counted) */
  percent: number
}

/** The pace of a target on `today` (YYYY-MM-DD, Jakarta). */
export function paceOf(t: { startDate: string; deadline: string; workingDays: boolean; targetValue: number }, progress: number, today: string): Pace {
  const totalDays = countDays(t.startDate, t.deadline, t.workingDays)
  const elapsedEnd = today < t.deadline ? today : t.deadline
  const elapsedDays = today < t.startDate ? 0 : countDays(t.startDate, elapsedEnd, t.workingDays)
  const daysLeft = today >= t.deadline ? 0 : countDays(addDay(today < t.startDate ? dayBefore(t.startDate) : today), t.deadline, t.workingDays)
  const expected = totalDays === 0 ? t.targetValue : Math.floor((t.targetValue * elapsedDays) / totalDays)
  const percent = Math.min(100, t.targetValue > 0 ? (progress / t.targetValue) * 100 : 0)
  let status: PaceStatus
  if (progress >= t.targetValue) status = 'DONE'
  else if (today > t.deadline) status = 'MISSED'
  else if (today < t.startDate) status = 'NOT_STARTED'
  else if (progress < expected) status = 'BEHIND'
  else status = 'ON_TRACK'
  return { status, daysLeft, totalDays, elapsedDays, expected, percent }
}

function addDay(iso: string): string {
  return new Date((toDay(iso) + 1) * DAY).toISOString().slice(0, 10)
}
function dayBefore(iso: string): string {
  return new Date((toDay(iso) - 1) * DAY).toISOString().slice(0, 10)
}
