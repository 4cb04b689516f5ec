/** Calendar days as the agencies live them: in Western Indonesia Time (UTC+7, no daylight saving). */
export const WIB_OFFSET_MS = 7 * 3_600_000

/** Today's date in Jakarta, YYYY-MM-DD. */
export function jakartaToday(now = Date.now()): string {
  return new Date(now + WIB_OFFSET_MS).toISOString().slice(0, 10)
}

/** This year in Jakarta, read from the clock at each call (never once at module load: a process runs for months). */
export function jakartaYear(now = Date.now()): number {
  return Number(jakartaToday(now).slice(0, 4))
}

/** The last calendar month that has ended in Jakarta, YYYY-MM. */
export function lastEndedMonth(now = Date.now()): string {
  const d = new Date(now + WIB_OFFSET_MS)
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 1, 1)).toISOString().slice(0, 7)
}

/**
 * The months a claim may be for: those of the programme's year (or, before one is chosen, of the years of
 * the programmes offered) that have ended by `lastEnded`, newest first. A list, not the native month
 * input, which Firefox and Safari show as a bare text box expecting `2026-10`.
 */
export function claimableMonths(years: number[], lastEnded: string): string[] {
  const months: string[] = []
  for (const year of [...new Set(years)].sort((a, b) => b - a)) {
    for (let m = 12; m >= 1; m--) {
      const month = `${year}-${String(m).padStart(2, '0')}`
      if (month <= lastEnded) months.push(month)
    }
  }
  return months
}

/**
 * A `datetime-local` value typed in Jakarta (`2024-09-18T09:00`) as the instant it names. Null when
 * malformed or not a real calendar time.
 */
export function jakartaLocalToDate(local: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local)
  if (!m) return null
  const [y, mo, d, h, mi] = m.slice(1).map(Number)
  const ms = Date.UTC(y, mo - 1, d, h, mi) - WIB_OFFSET_MS
  const back = new Date(ms + WIB_OFFSET_MS)
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d || back.getUTCHours() !== h || back.getUTCMinutes() !== mi) return null
  return new Date(ms)
}

/** An instant as the `datetime-local` value a Jakarta user sees (`2024-09-18T09:00`). */
export function toJakartaLocal(value: Date): string {
  return new Date(value.getTime() + WIB_OFFSET_MS).toISOString().slice(0, 16)
}

/** The Jakarta calendar day of an instant, YYYY-MM-DD. */
export function jakartaDate(value: Date): string {
  return new Date(value.getTime() + WIB_OFFSET_MS).toISOString().slice(0, 10)
}

/** Clock time in Jakarta, `09.00` (Indonesian) or `09:00`; with `seconds`, `09.00.05`. */
export function jakartaTime(value: Date, locale: 'id' | 'en' = 'id', { seconds = false }: { seconds?: boolean } = {}): string {
  const hm = new Date(value.getTime() + WIB_OFFSET_MS).toISOString().slice(11, seconds ? 19 : 16)
  return locale === 'id' ? hm.replaceAll(':', '.') : hm
}

/**
 * An instant as its wall-clock time in Jakarta, carried in a Date's UTC fields: for a spreadsheet, which has
 * no time zone and shows a date cell's UTC reading (a 10.00 WIB submission must read 10:00, not 03:00).
 */
export function jakartaWallClock(value: Date): Date {
  return new Date(value.getTime() + WIB_OFFSET_MS)
}

/** The first day after the month `month` falls in (a claim's month, stored as its first day): `2026-10-01` → `2026-11-01`. */
export function dayAfterMonth(month: Date): string {
  return new Date(Date.UTC(month.getUTCFullYear(), month.getUTCMonth() + 1, 1)).toISOString().slice(0, 10)
}
