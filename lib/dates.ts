/** Calendar days as the agencies live them: in Western Indonesia Time (UTC+7, no daylight saving). */
const WIB_OFFSET_MS = 7 * 3_600_000

/** Today's date in Jakarta, YYYY-MM-DD. */
export function jakartaToday(now = Date.now()): string {
  return new Date(now + WIB_OFFSET_MS).toISOString().slice(0, 10)
}

/** The last calendar month that has ended in Jakarta, YYYY-MM. */
export function lastEndedMonth(now = Date.now()): string {
  const d = new Date(now + WIB_OFFSET_MS)
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 1, 1)).toISOString().slice(0, 7)
}
