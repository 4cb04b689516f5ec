/**
 * Kemendagri regions from the `idn-area-data` package (38 provinces, 514 regencies, ~7,300 districts,
 * ~83,800 villages): official codes, never typed by hand. Bulk inserts through unnest(), idempotent.
 */
import { getDistricts, getProvinces, getRegencies, getVillages } from 'idn-area-data'
import type { PrismaClient } from '../../lib/generated/prisma/client'

/**
 * `KABUPATEN JOMBANG` → `Kabupaten Jombang` (the package writes names in capitals). The apostrophe of
 * Madurese names is `"` in 24 of the package's villages (`RA"AS`) and `'` in the others: one form, `Ra'as`.
 */
export function titleCase(name: string): string {
  return name
    .replaceAll('"', "'")
    .toLowerCase()
    .replace(/(^|[\s\-(/.])(\p{L})/gu, (_, sep: string, ch: string) => sep + ch.toUpperCase())
    .replace(/\bDki\b/g, 'DKI')
    .replace(/\bDi\b/g, 'DI')
}

const CHUNK = 10_000

async function insert(db: PrismaClient, table: 'provinces' | 'regencies' | 'districts' | 'villages', rows: [string, string, string?][]) {
  for (let i = 0; i < rows.length; i += CHUNK) {
    const part = rows.slice(i, i + CHUNK)
    const codes = part.map((r) => r[0])
    const names = part.map((r) => r[1])
    const parents = part.map((r) => r[2] ?? '')
    if (table === 'provinces') {
      await db.$executeRaw`INSERT INTO provinces (code, name) SELECT * FROM unnest(${codes}::text[], ${names}::text[]) ON CONFLICT (code) DO NOTHING`
    } else if (table === 'regencies') {
      await db.$executeRaw`INSERT INTO regencies (code, name, province_code) SELECT * FROM unnest(${codes}::text[], ${names}::text[], ${parents}::text[]) ON CONFLICT (code) DO NOTHING`
    } else if (table === 'districts') {
      await db.$executeRaw`INSERT INTO districts (code, name, regency_code) SELECT * FROM unnest(${codes}::text[], ${names}::text[], ${parents}::text[]) ON CONFLICT (code) DO NOTHING`
    } else {
      await db.$executeRaw`INSERT INTO villages (code, name, district_code) SELECT * FROM unnest(${codes}::text[], ${names}::text[], ${parents}::text[]) ON CONFLICT (code) DO NOTHING`
    }
  }
}

/** Load every province, regency, district and village (skips rows that exist). */
export async function seedRegions(db: PrismaClient): Promise<void> {
  const [provinces, regencies, districts, villages] = await Promise.all([getProvinces(), getRegencies(), getDistricts(), getVillages()])
  await insert(db, 'provinces', provinces.map((p) => [p.code, titleCase(p.name)]))
  await insert(db, 'regencies', regencies.map((r) => [r.code, titleCase(r.name), r.province_code]))
  await insert(db, 'districts', districts.map((d) => [d.code, titleCase(d.name), d.regency_code]))
  await insert(db, 'villages', villages.map((v) => [v.code, titleCase(v.name), v.district_code]))
}
