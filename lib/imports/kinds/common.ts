import 'server-only'
import { parseDecimalText } from '@/lib/parse'
import type { RegionIndex } from '../regions'

/** A stored value as the form shows it: dates `YYYY-MM-DD`, Decimals as plain decimal text, empty as ''. */
export function formValue(value: unknown): string {
  if (value === null || value === undefined) return ''
  if (value instanceof Date) return value.toISOString().slice(0, 10)
  if (typeof value === 'boolean') return value ? 'ya' : 'tidak'
  if (typeof value === 'object' && value.constructor?.name === 'Decimal') return parseDecimalText(value.toString()) ?? value.toString()
  if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value)) return parseDecimalText(value) ?? value
  return String(value)
}

/** The location of a row: a regency of this province, the district in it, the village in the district. */
export function locationChecks(input: { regencyCode: string; districtCode: string | null; villageCode: string | null }, regions: RegionIndex): Record<string, string> {
  const errors: Record<string, string> = {}
  if (!regions.regencies.has(input.regencyCode)) errors.regencyCode = 'Kabupaten/kota di luar provinsi ini.'
  else if (input.districtCode && regions.districtRegency.get(input.districtCode) !== input.regencyCode) errors.districtCode = 'Kecamatan tidak berada di kabupaten/kota ini.'
  else if (input.villageCode && (!input.districtCode || regions.villageDistrict.get(input.villageCode) !== input.districtCode)) errors.villageCode = 'Desa/kelurahan tidak berada di kecamatan ini.'
  return errors
}
