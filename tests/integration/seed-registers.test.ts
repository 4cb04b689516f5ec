import { describe, expect, it } from 'vitest'
import { db } from '@/lib/db'
import { computeScale, isScaleMismatch } from '@/lib/registers/scale'
import { seedRegisters } from '@/prisma/seed/registers'
import type { PrismaClient } from '@/lib/generated/prisma/client'

const client = db as unknown as PrismaClient

async function counts(province: string) {
  const [row] = await db.$queryRaw<{ coops: number; msmes: number; years: number; assessments: number; inspections: number }[]>`
    SELECT (SELECT count(*)::int FROM cooperatives c JOIN regencies r ON r.code = c.regency_code WHERE r.province_code = ${province}) AS coops,
           (SELECT count(*)::int FROM msmes m JOIN regencies r ON r.code = m.regency_code WHERE r.province_code = ${province}) AS msmes,
           (SELECT count(*)::int FROM cooperative_years) AS years,
           (SELECT count(*)::int FROM health_assessments) AS assessments,
           (SELECT count(*)::int FROM inspections) AS inspections`
  return row
}

describe('demo registers seed', () => {
  it('fills every regency of Jawa Timur, is deterministic in size and idempotent', async () => {
    await seedRegisters(client, { provinceCode: '35' })
    const first = await counts('35')
    expect(first.coops).toBeGreaterThan(2900)
    expect(first.coops).toBeLessThan(3200)
    expect(first.msmes).toBeGreaterThan(19000)
    expect(first.msmes).toBeLessThan(21000)
    expect(first.years).toBe(first.coops * 3)
    expect(first.assessments).toBeGreaterThan(0)
    expect(first.inspections).toBeGreaterThan(0)
    const empty = await db.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM regencies r WHERE r.province_code = '35'
      AND (NOT EXISTS (SELECT 1 FROM cooperatives c WHERE c.regency_code = r.code) OR NOT EXISTS (SELECT 1 FROM msmes m WHERE m.regency_code = r.code))`
    expect(empty[0].n).toBe(0)
    expect(await db.cooperative.count({ where: { name: 'KUD Tani Makmur Jombang', regencyCode: '35.17' } })).toBe(1)
    await seedRegisters(client, { provinceCode: '35' })
    expect(await counts('35')).toEqual(first)
  })

  it('stores the same PP 7/2021 scale and mismatch flag as lib/registers/scale.ts computes', async () => {
    const rows = await db.msme.findMany({ select: { businessCapital: true, annualSales: true, newRegistration: true, recordedScale: true, computedScale: true, scaleMismatch: true, ownerNik: true, nib: true, kbli: true } })
    const wrong = rows.filter((r) => r.computedScale !== computeScale(r) || r.scaleMismatch !== isScaleMismatch(r.recordedScale, r.computedScale))
    expect(wrong).toEqual([])
    expect(new Set(rows.map((r) => r.computedScale))).toEqual(new Set(['MIKRO', 'KECIL', 'MENENGAH', 'BESAR']))
    expect(rows.some((r) => r.scaleMismatch)).toBe(true)
    expect(rows.every((r) => /^\d{16}$/.test(r.ownerNik) && /^\d{13}$/.test(r.nib) && /^\d{5}$/.test(r.kbli))).toBe(true)
    // the first four digits of every owner NIK name a real regency
    const badPrefix = await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM msmes m WHERE NOT EXISTS (SELECT 1 FROM regencies r WHERE replace(r.code, '.', '') = left(m.owner_nik, 4))`
    expect(badPrefix[0].n).toBe(0)
    // a cooperative's current outcome is its latest assessment's
    const stale = await db.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM cooperatives c
      LEFT JOIN LATERAL (SELECT outcome FROM health_assessments h WHERE h.cooperative_id = c.id ORDER BY assessed_on DESC, created_at DESC LIMIT 1) l ON true
      WHERE c.health_outcome IS DISTINCT FROM l.outcome`
    expect(stale[0].n).toBe(0)
  })

  it('reproduces Maluku Tenggara (seed 003): 347 cooperatives, 296 active (85,30%)', async () => {
    await seedRegisters(client, { provinceCode: '81' })
    const [malra] = await db.$queryRaw<{ total: number; active: number }[]>`
      SELECT count(*)::int AS total, count(*) FILTER (WHERE active)::int AS active FROM cooperatives WHERE regency_code = '81.02' AND deleted_at IS NULL`
    expect(malra).toEqual({ total: 347, active: 296 })
    expect(((malra.active / malra.total) * 100).toFixed(2)).toBe('85.30')
  })

  it('loads the nine kampung-priority cooperatives of DKI Jakarta (seed 001), all Konsumen', async () => {
    await seedRegisters(client, { provinceCode: '31' })
    const named = await db.cooperative.findMany({ where: { regencyCode: '31.72', nik: { startsWith: '317299' } }, select: { name: true, type: true } })
    expect(named).toHaveLength(9)
    expect(named.every((c) => c.type === 'KONSUMEN' && c.name.startsWith('Koperasi Konsumen '))).toBe(true)
    expect(named.map((c) => c.name)).toContain('Koperasi Konsumen Akuarium Bangkit Mandiri')
  })
})
