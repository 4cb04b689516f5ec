import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { count, filterText, money, nibField, nikField, searchWasCut } from './registers-common'

const issues = (schema: z.ZodType, v: string) => {
  const r = schema.safeParse(v)
  return r.success ? [] : r.error.issues.map((i) => i.message)
}

describe('count', () => {
  it('reads Indonesian grouping and refuses English grouping as money() does, instead of saving 25', () => {
    expect(count('Jumlah anggota laki-laki').parse('25.000')).toBe(25000)
    expect(issues(count('Jumlah anggota laki-laki'), '25,000')).toEqual(['Jumlah anggota laki-laki: tulis ribuan dengan titik, mis. 25.000.'])
    expect(issues(count('Jumlah pengurus', 1000), '1,250,000')).toEqual(['Jumlah pengurus: tulis ribuan dengan titik, mis. 25.000.'])
    // the same kind of sentence as the money field's
    expect(issues(money('Aset'), '25,000')).toEqual(['Aset: tulis ribuan dengan titik, mis. 25.000 (koma hanya untuk sen).'])
    expect(issues(count('Jumlah karyawan'), '6,5')).toEqual(['Jumlah karyawan harus bilangan bulat 0 atau lebih.'])
  })

  it('refuses an empty count instead of saving 0 (a cleared field had turned 300 members into 0 without a word)', () => {
    expect(count('Jumlah anggota perempuan').parse('0')).toBe(0)
    for (const empty of ['', '   ', undefined]) {
      expect(count('Jumlah anggota perempuan').safeParse(empty).error?.issues.map((i) => i.message)).toEqual(['Jumlah anggota perempuan wajib diisi; tulis 0 bila tidak ada.'])
    }
  })
})

describe('filterText', () => {
  it('collapses inner spaces and cuts a long search instead of dropping it', () => {
    expect(filterText.parse('  Sri   Rahayu ')).toBe('Sri Rahayu')
    expect(filterText.parse('   ')).toBeUndefined()
    const long = `${'a'.repeat(99)}  bcd`
    expect(filterText.parse(long)).toBe(`${'a'.repeat(99)}`)
    expect(searchWasCut(long)).toBe(true)
    expect(searchWasCut('Sri   Rahayu')).toBe(false)
    expect(filterText.parse(undefined)).toBeUndefined()
    expect(filterText.parse(['a', 'b'])).toBeUndefined()
  })
})

describe('nikField', () => {
  const nik = nikField('Isi NIK.', 'NIK harus 16 digit angka.')
  it('reads a NIK pasted with spaces or dots as its 16 digits, and refuses a 17th digit rather than cutting it', () => {
    expect(nik.parse('3517 9927 0000 0001')).toBe('3517992700000001')
    expect(nik.parse(' 3517.9927.0000.0001 ')).toBe('3517992700000001')
    expect(nik.safeParse('35170000000000011').error?.issues[0].message).toBe('NIK harus 16 digit angka.')
    expect(nik.safeParse('   ').error?.issues[0].message).toBe('Isi NIK.')
  })
})

describe('nibField', () => {
  const nib = nibField('Isi NIB.', 'NIB harus 13 digit angka.')
  it('reads a NIB pasted with spaces, dots or dashes as its 13 digits, keeping its leading zero; a 14th digit is refused', () => {
    expect(nib.parse('9351 7000 0992 9')).toBe('9351700009929')
    expect(nib.parse('0120.0012.3456.7')).toBe('0120001234567')
    expect(nib.safeParse('93517000099291').error?.issues[0].message).toBe('NIB harus 13 digit angka.')
    expect(nib.safeParse('9351 7000 099').error?.issues[0].message).toBe('NIB harus 13 digit angka.')
    expect(nib.safeParse('').error?.issues[0].message).toBe('Isi NIB.')
  })
})
