import 'server-only'
import type { Prisma } from '@/lib/generated/prisma/client'
import type { readDb } from '@/lib/db'

/**
 * The holiday calendar's names on the given days (deadlines), by date: one indexed read on the unique
 * date. Not scoped: the calendar is the same for everyone and holds nothing personal.
 */
export async function holidaysOn(client: Prisma.TransactionClient | typeof readDb, dates: string[]): Promise<Map<string, string>> {
  if (dates.length === 0) return new Map()
  const rows = await client.publicHoliday.findMany({
    where: { date: { in: dates.map((d) => new Date(`${d}T00:00:00Z`)) } },
    select: { date: true, name: true },
  })
  return new Map(rows.map((r) => [r.date.toISOString().slice(0, 10), r.name]))
}
