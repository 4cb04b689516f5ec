import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { dateInputText, dateTimeInputText, parseTimeInput, excelSerialDate, isIsoDate, isIsoMonth, isoDateField, isoDateInRange, normalizePhone, parseDateInput, parseDateText, parseDecimalText, parseNumberInput, parseRupiah, parseWholeNumber, rupiahField, searchWords, digitsQuery, foldSearch, foldedSearchWords, SEARCH_FOLD } from '@/lib/parse'

describe('parseRupiah: whole Rupiah, one meaning per amount', () => {
  it('reads 1.234.567, 1234567 and Rp1.234.567 as the same amount', () => {
    for (const text of ['1.234.567', '1234567', 'Rp1.234.567', 'Rp 1.234.567', 'rp1234567', ' 1.234.567 ', '1.234.567,00', '1\u00a0234\u00a0567', 'Rp 1.234.567,-', 'Rp1.234.567,--', '1234567,-']) {
      expect(parseRupiah(text), text).toEqual({ ok: true, value: 1_234_567 })
    }
    expect(parseRupiah(45_834)).toEqual({ ok: true, value: 45_834 })
    expect(parseRupiah('43.950')).toEqual({ ok: true, value: 43_950 })
  })

  it('refuses a fraction of a Rupiah instead of stripping the dot or rounding', () => {
    expect(parseRupiah('0.01')).toEqual({ ok: false, problem: 'FRACTION' })
    expect(parseRupiah('0,01')).toEqual({ ok: false, problem: 'FRACTION' })
    expect(parseRupiah('130431,996')).toEqual({ ok: false, problem: 'FRACTION' })
    expect(parseRupiah('1.500.000,50')).toEqual({ ok: false, problem: 'FRACTION' })
    expect(parseRupiah(130_431.996)).toEqual({ ok: false, problem: 'FRACTION' })
  })

  it('refuses the empty, the unreadable, the negative and the oversized', () => {
    expect(parseRupiah('')).toEqual({ ok: false, problem: 'EMPTY' })
    expect(parseRupiah(null)).toEqual({ ok: false, problem: 'EMPTY' })
    for (const text of ['abc', '1.23.4', '12e3', '١٢٣', 'Rp', '--5', '5-', ',-', 'Rp,-', '1.234,5,-']) expect(parseRupiah(text), text).toEqual({ ok: false, problem: 'NOT_A_NUMBER' })
    expect(parseRupiah('-5.000')).toEqual({ ok: false, problem: 'NEGATIVE' })
    expect(parseRupiah('99.999.999.999.999.999')).toEqual({ ok: false, problem: 'TOO_LARGE' })
    expect(parseRupiah(1e21)).toEqual({ ok: false, problem: 'TOO_LARGE' })
  })

  it('refuses English thousands grouping, which the Indonesian reading would take for sen (25,000 is not Rp25)', () => {
    for (const text of ['25,000', '1,500', '1,234,567', 'Rp1,500,000', 'Rp 15,000,000', '999,000.50']) expect(parseRupiah(text), text).toEqual({ ok: false, problem: 'GROUPING' })
    // a comma before one or two digits is sen, as before
    expect(parseRupiah('25,00')).toEqual({ ok: true, value: 25 })
    expect(parseRupiah('1,5')).toEqual({ ok: false, problem: 'FRACTION' })
    expect(rupiahField('Anggaran').safeParse('25,000').error?.issues[0].message).toBe('Anggaran: tulis ribuan dengan titik, mis. 25.000 (koma hanya untuk sen).')
  })

  it('refuses it in the registers’ amounts with sen too', async () => {
    const { money } = await import('@/lib/validations/registers-common')
    expect(money('Modal sendiri').safeParse('25,000').error?.issues[0].message).toBe('Modal sendiri: tulis ribuan dengan titik, mis. 25.000 (koma hanya untuk sen).')
    expect(money('Modal sendiri').safeParse('25.000,50').data).toBe('25000.5')
  })

  it('gives the field its message through zod', () => {
    const field = rupiahField('Jumlah pembayaran')
    expect(field.safeParse('Rp1.234.567').data).toBe(1_234_567)
    expect(field.safeParse('0.01').error?.issues[0].message).toBe('Jumlah pembayaran harus dalam Rupiah bulat, tanpa sen.')
    expect(field.safeParse('sejuta').error?.issues[0].message).toBe('Jumlah pembayaran harus angka Rupiah, mis. 1.500.000.')
  })
})

describe('parseDecimalText and parseNumberInput: figures with a fraction', () => {
  it('reads thousands dots, decimal commas and plain decimal points', () => {
    expect(parseDecimalText('85,30')).toBe('85.3')
    expect(parseDecimalText('130431,996')).toBe('130431.996')
    expect(parseDecimalText('Rp451.803.000,00')).toBe('451803000')
    expect(parseDecimalText('1234.5')).toBe('1234.5')
    expect(parseDecimalText('0.01')).toBe('0.01')
    expect(parseDecimalText('0.010')).toBe('0.01') // a leading 0. is a decimal, never thousands
    expect(parseDecimalText('-2,5')).toBe('-2.5')
    expect(parseDecimalText('-0')).toBe('0')
    expect(parseNumberInput(' ')).toBeNull()
    expect(parseNumberInput('abc')).toBeNaN()
    expect(parseNumberInput('6,5')).toBe(6.5)
  })
})

describe('dates: real calendar days only', () => {
  it('accepts real dates and refuses impossible ones instead of rolling them over', () => {
    for (const d of ['2026-02-28', '2024-02-29', '2026-12-31', '1900-01-01', '2999-01-01']) expect(isIsoDate(d), d).toBe(true)
    for (const d of ['2026-02-31', '2026-02-30', '2025-02-29', '0000-00-00', '2026-13-01', '2026-00-10', '2026-1-5', '26-01-05', '2026-01-05T00:00', '', null, 20260105]) {
      expect(isIsoDate(d), String(d)).toBe(false)
    }
    expect(isoDateField('Tanggal bayar').safeParse('2026-02-31').error?.issues[0].message).toBe('Tanggal bayar tidak valid; gunakan tanggal yang ada di kalender.')
    // an empty field is missing, not invalid; one message per field
    expect(isoDateField('Tanggal bayar').safeParse(' ').error?.issues.map((i) => i.message)).toEqual(['Tanggal bayar harus diisi.'])
    expect(isoDateField('Tanggal bayar').safeParse('2026-02-28').data).toBe('2026-02-28')
    expect(isIsoMonth('2026-02')).toBe(true)
    expect(isIsoMonth('2026-13')).toBe(false)
    expect(isIsoMonth('0000-00')).toBe(false)
  })

  it('an empty or impossible date has one message: the year range adds none, and the form’s other fields are still checked', () => {
    const ranged = isoDateInRange('Tanggal')
    const form = z.object({ date: ranged, name: z.string().min(3, 'Nama minimal 3 karakter.') })
    expect(form.safeParse({ date: '', name: '' }).error?.issues.map((i) => i.message)).toEqual(['Tanggal harus diisi.', 'Nama minimal 3 karakter.'])
    expect(ranged.safeParse('').error?.issues.map((i) => i.message)).toEqual(['Tanggal harus diisi.'])
    expect(ranged.safeParse('2026-02-31').error?.issues.map((i) => i.message)).toEqual(['Tanggal tidak valid; gunakan tanggal yang ada di kalender.'])
    expect(ranged.safeParse('1999-12-31').error?.issues.map((i) => i.message)).toEqual(['Tanggal harus antara tahun 2000 dan 2100.'])
    expect(ranged.safeParse('2027-04-15').data).toBe('2027-04-15')
  })
})

describe('normalizePhone: one stored form for the ways people write Indonesian numbers', () => {
  it.each([
    ['0812-3456-7890', '081234567890'],
    ['+62 812 3456 7890', '081234567890'],
    ['0062 812.3456.7890', '081234567890'],
    ['(0341) 551234', '0341551234'],
    ['0812 3456 789', '08123456789'],
  ])('%s → %s', (raw, stored) => expect(normalizePhone(raw)).toBe(stored))

  it.each(['12345', '0812-ABCD-7890', '+1 415 555 0100', '0812345678901234', '00812345678'])('refuses %s', (raw) => expect(normalizePhone(raw)).toBeNull())
})

describe('parseWholeNumber: counts are whole', () => {
  it('reads thousands and refuses fractions', () => {
    expect(parseWholeNumber('1.250')).toBe(1250)
    expect(parseWholeNumber('12')).toBe(12)
    expect(parseWholeNumber('')).toBeNull()
    expect(parseWholeNumber('6,5')).toBeNaN()
    expect(parseWholeNumber('6.5')).toBeNaN()
    expect(parseWholeNumber('abc')).toBeNaN()
  })
})

describe('parseDateInput: day first, as Indonesia writes dates', () => {
  it('reads 31/10/2026, 1-3-2026, 31.10.2026 and ISO', () => {
    expect(parseDateInput('31/10/2026')).toBe('2026-10-31')
    expect(parseDateInput('1-3-2026')).toBe('2026-03-01')
    expect(parseDateInput('31.10.2026')).toBe('2026-10-31')
    expect(parseDateInput('2026-10-31')).toBe('2026-10-31')
    expect(dateInputText('2026-03-01')).toBe('01/03/2026')
  })
  it('reads eight digits as day, month and year (a phone keypad has no slash), and refuses impossible ones', () => {
    expect(parseDateInput('15122026')).toBe('2026-12-15')
    expect(parseDateInput(' 01032026 ')).toBe('2026-03-01')
    expect(parseDateInput('31022026')).toBeNull()
    expect(parseDateInput('20261215')).toBeNull()
    // a spreadsheet's eight digits stay a number, not a date
    expect(parseDateText('15122026')).toBeNull()
  })
  it('refuses days that do not exist and month-first US dates beyond 12', () => {
    expect(parseDateInput('31/02/2026')).toBeNull()
    expect(parseDateInput('10/31/2026')).toBeNull()
    expect(parseDateInput('kemarin')).toBeNull()
  })
})

describe('parseDateText: dates as spreadsheets and people write them', () => {
  it('reads every common spelling of 18 September 2024 as the same day', () => {
    for (const text of ['2024-09-18', '18/09/2024', '18-9-2024', '18.09.2024', '18 September 2024', '18 Sep 2024', '18 sept 2024', '18-Sep-2024', ' 18  september 2024 ', '45553', '2024-09-18T00:00:00']) {
      expect(parseDateText(text), text).toBe('2024-09-18')
    }
    expect(parseDateText(45553)).toBe('2024-09-18')
    expect(parseDateText(new Date(Date.UTC(2024, 8, 18)))).toBe('2024-09-18')
    expect(parseDateText('17 Agustus 1945')).toBe('1945-08-17')
    expect(parseDateText('1 Mei 2025')).toBe('2025-05-01')
    expect(parseDateText('5 Desember 2026')).toBe('2026-12-05')
  })

  it('reads day before month, always (Indonesian order)', () => {
    expect(parseDateText('03/04/2025')).toBe('2025-04-03')
  })

  it('refuses impossible days and anything else instead of rolling over', () => {
    for (const text of ['31/02/2024', '2026-02-30', '29 Februari 2025', '00/01/2024', '18 Septober 2024', 'kemarin', '', '18/09/24']) {
      expect(parseDateText(text), text).toBeNull()
    }
    expect(parseDateText(29.5 * Number.NaN)).toBeNull()
    expect(parseDateText(null)).toBeNull()
  })

  it('follows Excel serial numbers, including its phantom 29 February 1900', () => {
    expect(excelSerialDate(1)).toBe('1900-01-01')
    expect(excelSerialDate(59)).toBe('1900-02-28')
    expect(excelSerialDate(60)).toBeNull()
    expect(excelSerialDate(61)).toBe('1900-03-01')
    expect(excelSerialDate(45658)).toBe('2025-01-01')
    expect(excelSerialDate(45553.75)).toBe('2024-09-18')
    expect(excelSerialDate(0)).toBeNull()
  })
})

describe('parseTimeInput and dateTimeInputText: the day and time of a meeting as typed', () => {
  it('reads the ways a time of day is written, and refuses what is not one', () => {
    expect(parseTimeInput('09.00')).toBe('09:00')
    expect(parseTimeInput('9:30')).toBe('09:30')
    expect(parseTimeInput('0930')).toBe('09:30')
    expect(parseTimeInput('09,30')).toBe('09:30')
    expect(parseTimeInput(' 13 ')).toBe('13:00')
    expect(parseTimeInput('23.59')).toBe('23:59')
    for (const bad of ['24.00', '9.75', '9.5', 'jam 9', '', '12:00:00', '-1']) expect(parseTimeInput(bad)).toBeNull()
  })
  it('splits a stored value into the two fields, and a refused value back as it was typed', () => {
    expect(dateTimeInputText('2024-09-18T09:00')).toEqual({ day: '18/09/2024', time: '09.00' })
    expect(dateTimeInputText('2024-09-18T09:00', 'en')).toEqual({ day: '18/09/2024', time: '09:00' })
    expect(dateTimeInputText('31/02/2026 25.00')).toEqual({ day: '31/02/2026', time: '25.00' })
    expect(dateTimeInputText('')).toEqual({ day: '', time: '' })
    // one part left empty stays in its own field; a day written with spaces stays whole
    expect(dateTimeInputText(' 09.00')).toEqual({ day: '', time: '09.00' })
    expect(dateTimeInputText('18/09/2024 ')).toEqual({ day: '18/09/2024', time: '' })
    expect(dateTimeInputText('18 Sep 2024 9.00')).toEqual({ day: '18 Sep 2024', time: '9.00' })
  })
})

describe('searchWords and digitsQuery', () => {
  it('finds words in any order, and a number written in digit groups by its digits', () => {
    expect(searchWords('walk29  tebu')).toEqual(['walk29', 'tebu'])
    expect(searchWords('50%_x')).toEqual(['50\\%\\_x'])
    expect(digitsQuery('3517 0000 0000 0040')).toBe('3517000000000040')
    expect(digitsQuery('3517.0000.0000.0040')).toBe('3517000000000040')
    expect(digitsQuery(' 9351-7000-0044-5 ')).toBe('9351700000445')
    expect(digitsQuery('2024')).toBe('2024')
    // words, or a word and a year: searched as words
    expect(digitsQuery('koperasi 2024')).toBeNull()
    expect(digitsQuery('KSP-01')).toBeNull()
  })
})

describe('foldSearch and foldedSearchWords', () => {
  it('ignore capitals, accents and the styles of quotes and dashes, so typed ASCII meets a pasted name', () => {
    expect(foldSearch('Koperasi “Sumber Rejeki” Ngoro – Éka Jaya')).toBe('koperasi sumber rejeki ngoro - eka jaya')
    expect(foldSearch('"Sumber Rejeki"')).toBe(foldSearch('“Sumber Rejeki”'))
    expect(foldSearch('Warung Bu Ni’mah')).toBe(foldSearch("warung bu ni'mah"))
    expect(foldSearch('ÇÀFÉ Ñoño Øre Łódź')).toBe('cafe nono ore lodz')
    // an accent written as a combining mark (e + U+0301) as the precomposed letter
    expect(foldSearch('E\u0301ka')).toBe('eka')
    // everything else as it is (digits, other scripts, the LIKE escape added later)
    expect(foldSearch('KSP 01/2024 · 漢')).toBe('ksp 01/2024 · 漢')
    expect(foldedSearchWords('"Sumber  Rejeki" 50%')).toEqual(['sumber', 'rejeki', '50\\%'])
    // a word of quotes only is no word
    expect(foldedSearchWords('“ eka ”')).toEqual(['eka'])
    // the pairs line up one to one (translate() reads them by position); only the quotes go unpaired
    expect([...SEARCH_FOLD.to]).toHaveLength([...SEARCH_FOLD.from].length - [...'"“”„‟«»″\'‘’‚‛`´ʼ′'].length)
    expect(new Set(SEARCH_FOLD.from).size).toBe([...SEARCH_FOLD.from].length)
  })
})
