import 'server-only'
import type { Prisma } from '@/lib/generated/prisma/client'
import { readDb } from '@/lib/db'
import { AppError } from '@/lib/errors'
import { can } from '@/lib/permissions'
import type { SessionUser } from '@/lib/session-user'
import { countWorkingDays } from '@/lib/working-days'

/**
 * The agency's holiday calendar (libur nasional and cuti bersama): the admin's list under Pengaturan ›
 * Hari libur, and the days every working-day count subtracts (lib/working-days.ts).
 */

function assertAdmin(user: SessionUser) {
  if (!can(user.role, 'config.manage')) throw new AppError('FORBIDDEN')
}

const iso = (d: Date) => d.toISOString().slice(0, 10)

/**
 * The holiday dates (YYYY-MM-DD) from `from` to `to` inclusive, for a working-day count. Not scoped: the
 * calendar is the same for every user and holds nothing personal. Empty range → no query.
 */
export async function holidayDates(from: string, to: string): Promise<string[]> {
  if (to < from) return []
  const rows = await readDb.publicHoliday.findMany({
    where: { date: { gte: new Date(`${from}T00:00:00Z`), lte: new Date(`${to}T00:00:00Z`) } },
    select: { date: true },
    orderBy: { date: 'asc' },
  })
  return rows.map((r) => iso(r.date))
}

export const holidaySelect = { id: true, date: true, name: true, kind: true, source: true, version: true } satisfies Prisma.PublicHolidaySelect

export type HolidayRow = { id: string; date: string; name: string; kind: 'NATIONAL_HOLIDAY' | 'CUTI_BERSAMA'; source: string | null; version: number }

const toRow = (h: Prisma.PublicHolidayGetPayload<{ select: typeof holidaySelect }>): HolidayRow => ({ ...h, date: iso(h.date) })

/**
 * One year's calendar for the admin: the holidays by date, the years that have any (the year filter), and
 * the year's working days (Monday–Friday minus its weekday holidays), counted by the same function as
 * the targets.
 */
export async function findHolidays({ user, year }: { user: SessionUser; year: number }) {
  assertAdmin(user)
  const from = `${year}-01-01`
  const to = `${year}-12-31`
  const [rows, years] = await Promise.all([
    readDb.publicHoliday.findMany({ where: { date: { gte: new Date(`${from}T00:00:00Z`), lte: new Date(`${to}T00:00:00Z`) } }, select: holidaySelect, orderBy: { date: 'asc' } }),
    readDb.$queryRaw<{ year: number }[]>`SELECT DISTINCT extract(year FROM date)::int AS year FROM public_holidays ORDER BY year`,
  ])
  const holidays = rows.map(toRow)
  return {
    holidays,
    years: years.map((y) => y.year),
    workingDays: countWorkingDays(from, to, holidays.map((h) => h.date)),
    weekdays: countWorkingDays(from, to),
  }
}

/** One holiday for its edit form; null when unknown. */
export async function getHoliday({ user, id }: { user: SessionUser; id: string }): Promise<HolidayRow | null> {
  assertAdmin(user)
  const h = await readDb.publicHoliday.findUnique({ where: { id }, select: holidaySelect })
  return h ? toRow(h) : null
}
