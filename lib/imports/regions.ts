import 'server-only'
import type { Prisma } from '@/lib/generated/prisma/client'
import { env } from '@/lib/env'
import { headingKey } from './fields'

/**
 * The Kemendagri regions an import checks its rows against, loaded once per job (a few thousand codes),
 * so 100,000 rows cost no query each: a regency given by name or code, its districts and villages, and
 * every regency code in the country (an owner NIK's first four digits).
 */
export type RegionIndex = {
  regencies: Map<string, string>
  /** name key (without "Kabupaten"/"Kota") → codes with that name */
  regencyByName: Map<string, { code: string; name: string }[]>
  districtRegency: Map<string, string>
  districtByName: Map<string, string[]>
  villageDistrict: Map<string, string>
  /** `district code|name key` → village codes with that name in that district */
  villageByName: Map<string, string[]>
  allRegencyCodes: Set<string>
}

const PREFIX = /^(kabupaten|kab|kota|kotamadya|kotaadministrasi|kotaadm)/

export async function loadRegions(client: Prisma.TransactionClient): Promise<RegionIndex> {
  const province = env().AGENCY_PROVINCE_CODE
  const [regencies, all, districts, villages] = await Promise.all([
    client.regency.findMany({ where: { provinceCode: province }, select: { code: true, name: true } }),
    client.regency.findMany({ select: { code: true } }),
    client.district.findMany({ where: { regency: { provinceCode: province } }, select: { code: true, name: true, regencyCode: true } }),
    client.village.findMany({ where: { district: { regency: { provinceCode: province } } }, select: { code: true, name: true, districtCode: true } }),
  ])
  const index: RegionIndex = {
    regencies: new Map(regencies.map((r) => [r.code, r.name])),
    regencyByName: new Map(),
    districtRegency: new Map(districts.map((d) => [d.code, d.regencyCode])),
    districtByName: new Map(),
    villageDistrict: new Map(villages.map((v) => [v.code, v.districtCode])),
    villageByName: new Map(),
    allRegencyCodes: new Set(all.map((r) => r.code)),
  }
  for (const r of regencies) {
    const k = headingKey(r.name).replace(PREFIX, '')
    index.regencyByName.set(k, [...(index.regencyByName.get(k) ?? []), r])
  }
  for (const d of districts) {
    const k = `${d.regencyCode}|${headingKey(d.name)}`
    index.districtByName.set(k, [...(index.districtByName.get(k) ?? []), d.code])
  }
  for (const v of villages) {
    const k = `${v.districtCode}|${headingKey(v.name)}`
    index.villageByName.set(k, [...(index.villageByName.get(k) ?? []), v.code])
  }
  return index
}

const dotted = (digits: string, groups: number[]) => {
  const parts: string[] = []
  let i = 0
  for (const g of groups) { parts.push(digits.slice(i, i + g)); i += g }
  return parts.join('.')
}

/** A regency by code (`35.17`, `3517`) or by name (`Jombang`, `Kab. Jombang`, `Kota Malang`); an ambiguous name is refused with its candidates. */
export function resolveRegency(text: string, index: RegionIndex): { code: string } | { error: string } | null {
  const t = text.trim()
  if (!t) return null
  const digits = t.replace(/[\s.]/g, '')
  if (/^\d{4}$/.test(digits)) return { code: dotted(digits, [2, 2]) }
  const full = headingKey(t)
  const exact = [...index.regencies].filter(([, name]) => headingKey(name) === full || headingKey(name.replace(/^Kabupaten/, 'Kab')) === full)
  if (exact.length === 1) return { code: exact[0][0] }
  const candidates = index.regencyByName.get(full.replace(PREFIX, '')) ?? []
  if (candidates.length === 1) return { code: candidates[0].code }
  if (candidates.length > 1) {
    return { error: `"${t}" cocok dengan beberapa wilayah: ${candidates.map((c) => `${c.name} (${c.code})`).join(', ')}; tulis nama lengkap atau kodenya.` }
  }
  return { error: `Kabupaten/kota "${t}" tidak dikenal di provinsi ini; gunakan kode Kemendagri (mis. 35.17) atau nama lengkapnya.` }
}

/** A district by code (`35.17.01`, `351701`) or by its name inside the row's regency. */
export function resolveDistrict(text: string, regencyCode: string | null, index: RegionIndex): { code: string } | { error: string } | null {
  const t = text.trim()
  if (!t) return null
  const digits = t.replace(/[\s.]/g, '')
  if (/^\d{6}$/.test(digits)) return { code: dotted(digits, [2, 2, 2]) }
  const codes = regencyCode ? (index.districtByName.get(`${regencyCode}|${headingKey(t.replace(/^kec(amatan)?\.?\s*/i, ''))}`) ?? []) : []
  if (codes.length === 1) return { code: codes[0] }
  return { error: `Kecamatan "${t}" tidak dikenal di kabupaten/kota ini; gunakan kode Kemendagri (mis. 35.17.01).` }
}

/**
 * A village by code (`35.17.01.2001`, `3517012001`) or by its name inside the row's district (`Cukir`, `Desa Cukir`,
 * `Kel. Jombang`), as the form lets an officer pick it: a name the district holds twice is refused with its codes.
 */
export function resolveVillage(text: string, districtCode: string | null, index: RegionIndex): { code: string } | { error: string } | null {
  const t = text.trim()
  if (!t) return null
  const digits = t.replace(/[\s.]/g, '')
  if (/^\d{10}$/.test(digits)) return { code: dotted(digits, [2, 2, 2, 4]) }
  const codes = districtCode ? (index.villageByName.get(`${districtCode}|${headingKey(t.replace(/^(desa|kel(urahan)?)\.?\s*/i, ''))}`) ?? []) : []
  if (codes.length === 1) return { code: codes[0] }
  if (codes.length > 1) return { error: `Desa/kelurahan "${t}" ada ${codes.length} di kecamatan ini (${codes.join(', ')}); gunakan kodenya.` }
  return { error: `Desa/kelurahan "${t}" tidak dikenal di kecamatan ini; gunakan kode Kemendagri 10 digit (mis. 35.17.01.2001) atau nama desa/kelurahannya.` }
}
