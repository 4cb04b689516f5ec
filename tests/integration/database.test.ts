import { describe, expect, it } from 'vitest'
import { db } from '@/lib/db'
import { GET as health } from '@/app/api/health/route'

describe('database harness', () => {
  it('runs against a migrated, empty, throwaway database', async () => {
    expect(process.env.DATABASE_URL).toMatch(/lumbung_test_template_\d+_[0-9a-f]{8}$/)
    expect(await db.user.count()).toBe(0)
    const migrations = await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM _prisma_migrations WHERE finished_at IS NOT NULL`
    expect(migrations[0].n).toBeGreaterThan(0)
  })

  it('keeps rows written in this file only', async () => {
    await db.user.create({ data: { username: 'tes', name: 'Tes', role: 'ADMIN', passwordHash: 'x' } })
    expect(await db.user.count()).toBe(1)
  })
})

describe('GET /api/health', () => {
  it('answers 200 with the database round-trip time', async () => {
    const res = await health()
    expect(res.status).toBe(200)
    const body = await res.json()
    expect(body.database.status).toBe('ok')
    expect(typeof body.database.roundTripMs).toBe('number')
  })
})
