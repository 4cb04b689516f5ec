/**
 * The one working-day count of Lumbung: Monday to Friday, minus the weekdays of the agency's holiday
 * calendar (libur nasional and cuti bersama, table `public_holidays`, Pengaturan › Hari libur). A holiday
 * on a Saturday or Sunday takes nothing off (the day was not a working day anyway). Pure: the caller
 * reads the holidays (lib/data/holidays.ts) and passes them as `YYYY-MM-DD` strings.
 */

const DAY = 86_400_000
const toDay = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY
const toIso = (day: number) => new Date(day * DAY).toISOString().slice(0, 10)

/** Saturday or Sunday. */
export function isWeekend(iso: string): boolean {
  const weekday = new Date(`${iso}T00:00:00Z`).getUTCDay()
  return weekday === 0 || weekday === 6
}

/** Monday–Friday days from `from` to `to` inclusive (0 when `to` is before `from`), minus the holidays among them. */
export function countWorkingDays(from: string, to: string, holidays: Iterable<string> = []): number {
  const a = toDay(from)
  const b = toDay(to)
  if (b < a) return 0
  const n = b - a + 1
  // whole weeks hold 5 weekdays; the remainder is walked (at most 6 days)
  const weeks = Math.floor(n / 7)
  let count = weeks * 5
  for (let d = a + weeks * 7; d <= b; d++) if (!isWeekend(toIso(d))) count++
  const seen = new Set<string>()
  for (const h of holidays) {
    if (seen.has(h)) continue
    seen.add(h)
    if (h >= from && h <= to && !isWeekend(h)) count--
  }
  return count
}

/** Days from `from` to `to` inclusive: calendar days, or working days (with the holidays) when asked. */
export function countDays(from: string, to: string, workingDays: boolean, holidays: Iterable<string> = []): number {
  if (!workingDays) {
    const n = toDay(to) - toDay(from) + 1
    return n > 0 ? n : 0
  }
  return countWorkingDays(from, to, holidays)
}

/** The day `n` working days after `from` counting `from` itself as the first when it is one (n ≥ 1). */
export function addWorkingDays(from: string, n: number, holidays: Iterable<string> = []): string {
  const off = new Set(holidays)
  let d = toDay(from)
  let left = n
  for (;;) {
    const iso = toIso(d)
    if (!isWeekend(iso) && !off.has(iso) && --left === 0) return iso
    d++
  }
}
