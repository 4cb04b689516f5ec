import 'server-only'
import { parseDecimalText } from '@/lib/parse'
import type { FieldDef } from '../fields'
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

/**
 * A stored amount as a row's form text (an update's cells left empty keep it): the decimal comma, `12,5`, as a
 * person types sen. The plain `12.5` is refused by the registers' amount field as a likely typo of `12.500`
 * (lib/validations/registers-common.ts money()), which would refuse a row for a figure it did not touch.
 */
export const moneyFormText = (value: unknown) => formValue(value).replace('.', ',')

/** Field types whose text is an identifier or a code: compared and shown exactly as stored (a phone's leading 0, a KBLI's). */
const TEXT_TYPES = new Set<FieldDef['type']>(['text', 'digits', 'enum', 'regency', 'district', 'village'])

/**
 * A stored or checked value of a field as text, comparable and readable: as formValue, except that a text
 * column keeps its text as it is. formValue reads any all-digit string as a number (the schemas give Rupiah as
 * a decimal string), which made a phone `081234567890` a change to `81234567890`, a KBLI `01111` one to `1111`.
 */
export function fieldValue(f: FieldDef | undefined, value: unknown): string {
  if (typeof value === 'string' && f && TEXT_TYPES.has(f.type)) return value
  return formValue(value)
}

/** A kind's `show` over its fields (fieldValue), with the owner NIK masked as every screen shows it. */
export function showOf(fields: FieldDef[], mask?: { field: string; with: (value: string) => string }) {
  const byKey = new Map(fields.map((f) => [f.key, f]))
  return (field: string, value: unknown): string =>
    mask && field === mask.field && value ? mask.with(String(value)) : fieldValue(byKey.get(field), value)
}

/** The location of a row: a regency of this province, the district in it, the village in the district. */
export function locationChecks(input: { regencyCode: string; districtCode: string | null; villageCode: string | null }, regions: RegionIndex): Record<string, string> {
  const errors: Record<string, string> = {}
  if (!regions.regencies.has(input.regencyCode)) errors.regencyCode = 'Kabupaten/kota di luar provinsi ini.'
  else if (input.districtCode && regions.districtRegency.get(input.districtCode) !== input.regencyCode) errors.districtCode = 'Kecamatan tidak berada di kabupaten/kota ini.'
  else if (input.villageCode && (!input.districtCode || regions.villageDistrict.get(input.villageCode) !== input.districtCode)) errors.villageCode = 'Desa/kelurahan tidak berada di kecamatan ini.'
  return errors
}
