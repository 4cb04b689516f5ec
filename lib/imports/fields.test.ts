import { describe, expect, it } from 'vitest'
import { autoMap, CellProblem, cellText, editableText, fieldLabel, shownHeading, shownValue, type FieldDef } from './fields'
import { MSME_FIELDS } from './kinds/msmes'
import { looksLikeEnglishGrouping, parseDecimalText } from '@/lib/parse'
import { money } from '@/lib/validations/registers-common'

const field = (type: FieldDef['type']): FieldDef => ({ key: 'x', label: 'X', type, help: '', examples: [] })

describe('shownValue: a stored value as a change or a refusal shows it', () => {
  it('formats Rupiah, numbers and dates for Indonesia, and leaves other texts as they are', () => {
    expect(shownValue(field('money'), '1234567.89')).toBe('Rp1.234.567,89')
    expect(shownValue(field('money'), '500000000')).toBe('Rp500.000.000')
    expect(shownValue(field('money'), '-2500000')).toBe('-Rp2.500.000')
    expect(shownValue(field('number'), '43950')).toBe('43.950')
    expect(shownValue(field('number'), '85.3')).toBe('85,3')
    expect(shownValue(field('date'), '2026-03-15')).toBe('15 Maret 2026')
    expect(shownValue(field('date'), '2026-03-15', 'en')).toBe('15 March 2026')
    expect(shownValue(field('digits'), '0120000000001')).toBe('0120000000001')
    expect(shownValue(field('money'), '')).toBe('')
    expect(shownValue(undefined, '1234567.89')).toBe('1234567.89')
  })

  it('keeps a text as typed (a phone\'s leading zero), and shows a code as a person reads it: an option\'s label, Ya / Tidak, a region\'s name', () => {
    expect(shownValue(field('text'), '081234567890')).toBe('081234567890')
    expect(shownValue(field('text'), '0012')).toBe('0012')
    const type: FieldDef = { ...field('enum'), options: [{ value: 'SIMPAN_PINJAM', label: 'Simpan Pinjam', labelEn: 'Savings and loan' }] }
    expect(shownValue(type, 'SIMPAN_PINJAM')).toBe('Simpan Pinjam')
    expect(shownValue(type, 'SIMPAN_PINJAM', 'en')).toBe('Savings and loan')
    expect(shownValue(type, 'LAIN')).toBe('LAIN')
    expect(shownValue(field('bool'), 'ya')).toBe('Ya')
    expect(shownValue(field('bool'), 'tidak')).toBe('Tidak')
    expect(shownValue(field('bool'), 'ya', 'en')).toBe('Yes')
    const names = new Map([['35.17', 'Kabupaten Jombang'], ['35.17.01', 'Bandar Kedung Mulyo']])
    expect(shownValue(field('regency'), '35.17', 'id', names)).toBe('Kabupaten Jombang (35.17)')
    expect(shownValue(field('district'), '35.17.01', 'id', names)).toBe('Bandar Kedung Mulyo (35.17.01)')
    // a code not found stays a code
    expect(shownValue(field('regency'), '35.99', 'id', names)).toBe('35.99')
    expect(shownValue(field('regency'), '35.17')).toBe('35.17')
  })

  it('writes numbers the English way in English', () => {
    expect(shownValue(field('number'), '100000', 'en')).toBe('100,000')
    expect(shownValue(field('money'), '1234567.89', 'en')).toBe('Rp1,234,567.89')
  })
})

describe('fieldLabel: a field as the interface names it', () => {
  it('gives the English label in English, the template\'s Indonesian heading otherwise (or when it has no English)', () => {
    const phone: FieldDef = { ...field('text'), label: 'Telepon', labelEn: 'Phone' }
    expect(fieldLabel(phone, 'en')).toBe('Phone')
    expect(fieldLabel(phone, 'id')).toBe('Telepon')
    expect(fieldLabel({ label: 'NIB' }, 'en')).toBe('NIB')
  })
})

describe('editableText: a refused row\'s text as a person types it again', () => {
  it('gives labels, Ya / Tidak and dd/mm/yyyy, which read back to the same text', () => {
    const gender: FieldDef = { ...field('enum'), options: [{ value: 'L', label: 'Laki-laki', aliases: ['Pria'] }, { value: 'P', label: 'Perempuan' }] }
    for (const [f, text, typed] of [[gender, 'L', 'Laki-laki'], [field('bool'), 'on', 'Ya'], [field('bool'), 'off', 'Tidak'], [field('date'), '2024-09-18', '18/09/2024'], [field('money'), 'Rp180.000.000', 'Rp180.000.000']] as const) {
      expect(editableText(f, text)).toBe(typed)
      expect(cellText(typed, f)).toBe(text)
    }
    // what the check could not read stays as it was typed
    expect(editableText(gender, 'X')).toBe('X')
    expect(editableText(field('date'), '31/02/2024')).toBe('31/02/2024')
    // a date-shaped text that is no date is not rearranged into another one (13 is no month, 31 February no day)
    expect(editableText(field('date'), '2024-13-01')).toBe('2024-13-01')
    expect(editableText(field('date'), '2024-02-31')).toBe('2024-02-31')
  })
})

describe('cellText: a yes/no column', () => {
  const bool = field('bool')
  it('reads the usual spellings of yes and no, in any case', () => {
    for (const typed of ['Ya', 'ya', 'YA', 'Iya', 'IYA', ' iya ', 'Y', 'Yes', 'TRUE', 'Benar', '1', '✓', '✔', 'Aktif', 'Sudah']) expect(cellText(typed, bool), typed).toBe('on')
    for (const typed of ['Tidak', 'TIDAK', 'Tdk', 'T', 't', 'No', 'N', 'False', 'Salah', 'Bukan', '0', '✗', 'Belum', 'Tidak Aktif', 'Non-aktif']) expect(cellText(typed, bool), typed).toBe('off')
    expect(cellText(1, bool)).toBe('on')
    expect(cellText(0, bool)).toBe('off')
    expect(cellText(true, bool)).toBe('on')
    expect(cellText(false, bool)).toBe('off')
  })
  it('keeps an empty cell empty (the stored value stays)', () => {
    for (const typed of [null, '', '   ', '-']) expect(cellText(typed, bool)).toBe('')
  })
  it('refuses anything else instead of reading it as "Tidak"', () => {
    for (const typed of ['Mungkin', 'Yaa', 'x', '?', '2', 'Kadang-kadang']) expect(() => cellText(typed, bool), typed).toThrow(new CellProblem('Isi Ya atau Tidak.'))
  })
})

describe('cellText: a choice', () => {
  const method: FieldDef = { ...field('enum'), label: 'Metode Angsuran', options: [{ value: 'ANNUITY', label: 'Anuitas' }, { value: 'FLAT', label: 'Flat' }] }
  it('reads a label or a value in any case, and names the labels for anything else', () => {
    expect(cellText('anuitas', method)).toBe('ANNUITY')
    expect(cellText('FLAT', method)).toBe('FLAT')
    expect(() => cellText('Bulanan', method)).toThrow(new CellProblem('Metode Angsuran harus salah satu dari: Anuitas, Flat.'))
  })
})

describe('cellText: a number cell', () => {
  it('reads a formula\'s cached result as Excel shows it, without its binary noise', () => {
    // =0,57*100 and =0,1+0,2 as Excel stores their results
    expect(cellText(0.57 * 100, field('number'))).toBe('57')
    expect(cellText(0.1 + 0.2, field('number'))).toBe('0,3')
    expect(cellText(1_500_000 * 1.1, field('money'))).toBe('1650000')
    // what a person typed stays as typed, fractions and large whole numbers included; a fraction with its decimal
    // comma, so that the one parser does not read a cell's 12,345 as the 12.345 (twelve thousand…) people type
    expect(cellText(12.345, field('number'))).toBe('12,3450') // not `12,345`, which the grouping check reads as English thousands
    expect(looksLikeEnglishGrouping(cellText(12.345, field('number')))).toBe(false)
    expect(cellText(1.5, field('number'))).toBe('1,5')
    expect(parseDecimalText(cellText(12.345, field('number')))).toBe('12.345')
    expect(parseDecimalText(cellText(-2.125, field('money')))).toBe('-2.125')
    expect(parseDecimalText(cellText(1234567.5, field('money')))).toBe('1234567.5')
    expect(cellText(9_007_199_254_740_991, field('money'))).toBe('9007199254740991')
    expect(cellText('1.234,5', field('number'))).toBe('1.234,5')
  })

  it('gives a number cell of sen to the register\'s amount field with a comma, which it reads (its `12.50` typed as text is refused as ambiguous)', () => {
    expect(cellText(12.5, field('money'))).toBe('12,5')
    expect(money('Aset').parse(cellText(12.5, field('money')))).toBe('12.5')
    expect(money('Aset').parse(cellText(999.99, field('money')))).toBe('999.99')
    expect(money('Aset').safeParse(cellText('12.50', field('money'))).success).toBe(false)
  })
})

describe('cellText: a code as a number cell', () => {
  const code = (digits: number): FieldDef => ({ ...field('digits'), digits })
  it('gets back the one or two leading zeros Excel dropped, not more: a short code is refused for its length, not padded', () => {
    expect(cellText(1111, code(5))).toBe('01111')
    expect(cellText(120000000001, code(13))).toBe('0120000000001')
    expect(cellText(20000000001, code(13))).toBe('0020000000001')
    expect(() => cellText(93520260, { ...code(13), label: 'NIB' })).toThrow(new CellProblem('NIB harus 13 digit, di sini 8.'))
    expect(cellText(9120001234567, code(13))).toBe('9120001234567')
    // a NIK begins with its province's code: a 15-digit one is short, not missing a 0; said with the count found
    expect(() => cellText(351704001000100, { ...code(16), label: 'NIK Pemilik' })).toThrow(new CellProblem('NIK Pemilik harus 16 digit, di sini 15.'))
  })
})

describe('cellText: a code as a CSV saved by Excel writes it', () => {
  const code = (digits: number): FieldDef => ({ ...field('digits'), label: 'KBLI', digits })
  it('says a code shown in scientific notation lost its digits', () => {
    for (const typed of ['9,35170009901E+12', '3.51704E+15', '9E12']) {
      expect(() => cellText(typed, code(13)), typed).toThrow(new CellProblem(`KBLI tertulis dalam notasi ilmiah Excel (${typed}) sehingga digitnya hilang; format kolom sebagai Teks lalu ketik ulang.`))
    }
  })

  it('says a code one or two digits short may have lost its leading 0, any other wrong count with the count found', () => {
    expect(() => cellText('1130', code(5))).toThrow(new CellProblem('KBLI harus 5 digit, di sini 4. Bila kodenya diawali 0, Excel mungkin menghapusnya: format kolom sebagai Teks lalu ketik ulang.'))
    expect(() => cellText('120000000001', code(13))).toThrow(CellProblem)
    expect(cellText('01130', code(5))).toBe('01130')
    expect(cellText('0120-0000-00001', code(13))).toBe('0120000000001')
    expect(() => cellText('0812-3456', code(13))).toThrow(new CellProblem('KBLI harus 13 digit, di sini 8.'))
    expect(() => cellText('351704001000100', code(16))).toThrow(new CellProblem('KBLI harus 16 digit, di sini 15.'))
    expect(() => cellText('11', code(5))).toThrow(new CellProblem('KBLI harus 5 digit, di sini 2.'))
    // what is not digits only is the schema's to refuse, as typed
    expect(cellText('35170a', code(16))).toBe('35170a')
  })

  it('says a 16-digit code in a number cell may have been rounded (Excel keeps 15 digits), even when it still looks whole', () => {
    expect(() => cellText(3517999000000001, { ...code(16), label: 'NIK Koperasi' })).toThrow(new CellProblem('NIK Koperasi tersimpan sebagai angka di Excel, yang menyimpan 15 digit saja: digitnya mungkin dibulatkan. Format kolom sebagai Teks lalu ketik ulang.'))
  })
})

describe('autoMap: headings matched to fields', () => {
  it('matches a heading with its unit in brackets, as the app\'s own export writes it', () => {
    const m = autoMap(['NIB', 'Modal usaha (Rp)', 'Omzet tahunan (Rp)', 'Catatan (lain)'], MSME_FIELDS)
    expect(m).toEqual({ NIB: 'nib', 'Modal usaha (Rp)': 'businessCapital', 'Omzet tahunan (Rp)': 'annualSales', 'Catatan (lain)': null })
  })
})

describe('shownHeading: the heading given to a column without one, in the page\'s language', () => {
  it('says "Column M" on an English page, and leaves the file\'s own headings as they are', () => {
    expect(shownHeading('Kolom M', 'en')).toBe('Column M')
    expect(shownHeading('Kolom AB (2)', 'en')).toBe('Column AB (2)')
    expect(shownHeading('Kolom M', 'id')).toBe('Kolom M')
    expect(shownHeading('Kolom Keterangan', 'en')).toBe('Kolom Keterangan')
    expect(shownHeading('Keterangan', 'en')).toBe('Keterangan')
  })
})
