import 'server-only'
import { readDb } from '@/lib/db'
import { env } from '@/lib/env'
import { ActionError } from '@/lib/errors'

export type RegionOption = { code: string; name: string }

/** The kabupaten/kota of the agency's province (AGENCY_PROVINCE_CODE), by code. */
export async function agencyRegencies(): Promise<RegionOption[]> {
  return readDb.regency.findMany({ where: { provinceCode: env().AGENCY_PROVINCE_CODE }, select: { code: true, name: true }, orderBy: { code: 'asc' } })
}

/** Kecamatan of one regency. */
export async function districtsOf(regencyCode: string): Promise<RegionOption[]> {
  return readDb.district.findMany({ where: { regencyCode }, select: { code: true, name: true }, orderBy: { code: 'asc' } })
}

/** Desa/kelurahan of one district. */
export async function villagesOf(districtCode: string): Promise<RegionOption[]> {
  return readDb.village.findMany({ where: { districtCode }, select: { code: true, name: true }, orderBy: { code: 'asc' } })
}

/**
 * Refuse a location the form could not honestly have produced: the regency must lie in the agency's
 * province, the district in that regency and the village in that district (the form's dependent
 * selects are a convenience; a server action is a public endpoint).
 */
export async function assertLocation(input: { regencyCode: string; districtCode: string | null; villageCode: string | null }): Promise<void> {
  const [regency, district, village] = await Promise.all([
    readDb.regency.findFirst({ where: { code: input.regencyCode, provinceCode: env().AGENCY_PROVINCE_CODE }, select: { code: true } }),
    input.districtCode ? readDb.district.findUnique({ where: { code: input.districtCode }, select: { regencyCode: true } }) : null,
    input.villageCode ? readDb.village.findUnique({ where: { code: input.villageCode }, select: { districtCode: true } }) : null,
  ])
  if (!regency) throw new ActionError('Kabupaten/kota di luar provinsi ini.', { regencyCode: ['Pilih kabupaten/kota di provinsi ini.'] })
  if (input.districtCode && district?.regencyCode !== input.regencyCode) {
    throw new ActionError('Kecamatan tidak berada di kabupaten/kota yang dipilih.', { districtCode: ['Pilih kecamatan di kabupaten/kota yang dipilih.'] })
  }
  if (input.villageCode && (!input.districtCode || village?.districtCode !== input.districtCode)) {
    throw new ActionError('Desa/kelurahan tidak berada di kecamatan yang dipilih.', { villageCode: ['Pilih desa/kelurahan di kecamatan yang dipilih.'] })
  }
}

/** The districts and villages a form shows for a saved location (edit forms start filled in). */
export async function locationChoices(regencyCode: string | null, districtCode: string | null) {
  const [districts, villages] = await Promise.all([regencyCode ? districtsOf(regencyCode) : [], districtCode ? villagesOf(districtCode) : []])
  return { districts, villages }
}
