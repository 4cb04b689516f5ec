import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { serverText } from '@/lib/i18n/server-text'
import { count, filterPage, filterText, money, nibField, nikField, PAGE_BEYOND_ANY, pastDate, searchWasCut } from './registers-common'
import { auditFilterSchema } from './audit'
import { userFilterSchema } from './users'

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

describe('money', () => {
  it('refuses one to three digits, a dot and one or two digits (`12.50`, `1.5`: Rp12,50 saved where 12.500 was meant), naming both readings', () => {
    expect(issues(money('Aset'), '12.50')).toEqual(['Aset: “12.50” tidak jelas — sen ditulis dengan koma (12,50), ribuan dengan titik setiap tiga angka (12.500).'])
    expect(issues(money('Aset'), '1.5')).toEqual(['Aset: “1.5” tidak jelas — sen ditulis dengan koma (1,5), ribuan dengan titik setiap tiga angka (1.500).'])
    expect(issues(money('Modal sendiri'), 'Rp 999.99')).toEqual(['Modal sendiri: “999.99” tidak jelas — sen ditulis dengan koma (999,99), ribuan dengan titik setiap tiga angka (999.990).'])
    // in English the readings stay as the field takes them (not turned into 12.50 and 12,500)
    expect(serverText(issues(money('Aset'), '12.50')[0], 'en')).toBe('Assets: “12.50” is unclear — cents are typed after a comma (12,50), thousands with a dot every three digits (12.500).')
  })

  it('still reads grouping, a decimal comma, and a dot after four or more digits as the one parser does (lib/parse.ts)', () => {
    expect(money('Aset').parse('12.500')).toBe('12500')
    expect(money('Aset').parse('12,50')).toBe('12.5')
    expect(money('Aset').parse('1.500.000,50')).toBe('1500000.5')
    expect(money('Aset').parse('1500000.50')).toBe('1500000.5')
    expect(money('Aset').parse('1500.5')).toBe('1500.5')
    expect(money('Aset').parse('0.50')).toBe('0.5')
    expect(money('Aset').parse('Rp 25.000.000')).toBe('25000000')
    expect(money('Aset').parse('')).toBe('0')
  })

  it('says a negative amount cannot be negative, not that it is no amount', () => {
    expect(issues(money('Modal luar'), '-500000')).toEqual(['Modal luar tidak boleh negatif.'])
    expect(issues(money('Omzet tahunan'), '-100.000')).toEqual(['Omzet tahunan tidak boleh negatif.'])
    expect(issues(money('Omzet tahunan'), 'seratus')).toEqual(['Omzet tahunan harus angka rupiah, mis. 1.500.000.'])
  })
})

describe('pastDate', () => {
  it('says a date before 1900 is too early, not that it is no date', () => {
    expect(issues(pastDate('Tanggal badan hukum'), '1850-01-01')).toEqual(['Tanggal badan hukum paling awal 1 Januari 1900.'])
    expect(issues(pastDate('Tanggal badan hukum'), '2026-02-31')).toEqual(['Tanggal badan hukum harus tanggal yang valid.'])
    // empty is asked for, not called an invalid date (an inspection's empty date had said "harus tanggal yang valid")
    expect(issues(pastDate('Tanggal pemeriksaan'), '')).toEqual(['Isi tanggal pemeriksaan.'])
    expect(issues(pastDate('Tanggal pemeriksaan'), '  ')).toEqual(['Isi tanggal pemeriksaan.'])
    expect(pastDate('Tanggal badan hukum').parse('1900-01-01')).toEqual(new Date('1900-01-01T00:00:00Z'))
  })
})

describe('filterPage', () => {
  it('reads a page number too large to ask for as a page past every list, like any page past the end, not as page 1', () => {
    expect(filterPage.parse('811')).toBe(811)
    expect(filterPage.parse('99999999999')).toBe(PAGE_BEYOND_ANY)
    expect(filterPage.parse('999999999999999999999999')).toBe(PAGE_BEYOND_ANY)
    expect(filterPage.parse(String(PAGE_BEYOND_ANY))).toBe(PAGE_BEYOND_ANY)
    for (const none of ['0', '-3', 'abc', '1.5', '', undefined, ['2', '3']]) expect(filterPage.parse(none), String(none)).toBeUndefined()
    // the users', loans', claims' and audit lists read their page with it too
    expect(userFilterSchema.parse({ page: '99999999999' }).page).toBe(PAGE_BEYOND_ANY)
    expect(auditFilterSchema.parse({ page: '99999999999' }).page).toBe(PAGE_BEYOND_ANY)
  })
})
