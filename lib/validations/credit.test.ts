import { describe, expect, it } from 'vitest'
import { disbursementSchema, programEditSchema, programSchema } from './credit'

const loan = { programId: 'p', accountNumber: 'BPR-2025-000123', nib: '1234567890123', ownerNik: '3517011234560001', contractDate: '2026-01-15', plafond: '10.000.000', tenorMonths: '12', method: 'FLAT' }
const messages = (input: Record<string, unknown>) =>
  Object.fromEntries((disbursementSchema.safeParse(input).error?.issues ?? []).map((i) => [i.path.join('.'), i.message]))

describe('the disbursement form’s fields', () => {
  it('says "fill it in" once for an empty account number and an empty tenor', () => {
    const r = disbursementSchema.safeParse({ ...loan, accountNumber: '', tenorMonths: '' })
    expect(r.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['accountNumber', 'Isi nomor rekening.'],
      ['tenorMonths', 'Isi tenor (bulan).'],
    ])
  })

  it('keeps the rules for what is typed', () => {
    expect(messages({ ...loan, accountNumber: 'AB' })).toEqual({ accountNumber: 'Nomor rekening minimal 3 karakter.' })
    expect(messages({ ...loan, tenorMonths: 'dua belas' })).toEqual({ tenorMonths: 'Tenor harus berupa angka.' })
    expect(messages({ ...loan, tenorMonths: '0' })).toEqual({ tenorMonths: 'Tenor minimal 1 bulan.' })
    expect(messages({ ...loan, tenorMonths: '1.5' })).toEqual({ tenorMonths: 'Tenor dalam bulan penuh.' })
    // the one parser (lib/parse.ts), not Number(): an exponent or a hex text is not a tenor (Number() read 100 and 24)
    expect(messages({ ...loan, tenorMonths: '1e2' })).toEqual({ tenorMonths: 'Tenor harus berupa angka.' })
    expect(messages({ ...loan, tenorMonths: '0x18' })).toEqual({ tenorMonths: 'Tenor harus berupa angka.' })
  })

  it('reads a tenor written with a decimal comma as the parser does', () => {
    expect(disbursementSchema.parse({ ...loan, tenorMonths: '12,0' })).toMatchObject({ tenorMonths: 12 })
  })

  it('reads an amount written with a dash for no sen, and a tenor sent as a number (the API)', () => {
    expect(disbursementSchema.parse({ ...loan, plafond: 'Rp 10.000.000,-', tenorMonths: 12 })).toMatchObject({ plafond: 10_000_000, tenorMonths: 12 })
  })
})

describe('the programme form’s numbers', () => {
  const programme = {
    scheme: 'PROKESRA', name: 'Prokesra 2027', year: '2027', creditTarget: '200.000.000.000', beneficiaryTarget: '8.000', subsidyCeiling: '31.040.000.000',
    borrowerRate: '3', bankRate: '14', maxPlafond: '25.000.000', maxTenorMonths: '24', bankId: 'b',
  }
  const problems = (input: Record<string, unknown>) =>
    Object.fromEntries((programSchema.safeParse(input).error?.issues ?? []).map((i) => [i.path.join('.'), i.message]))

  it('names each bound, not "must be a number", for a figure out of range', () => {
    expect(problems({ ...programme, maxTenorMonths: '121' })).toEqual({ maxTenorMonths: 'Tenor maksimal paling lama 120 bulan.' })
    expect(problems({ ...programme, maxTenorMonths: '0' })).toEqual({ maxTenorMonths: 'Tenor maksimal minimal 1 bulan.' })
    expect(problems({ ...programme, maxTenorMonths: '12,5' })).toEqual({ maxTenorMonths: 'Tenor maksimal dalam bulan penuh.' })
    expect(problems({ ...programme, maxTenorMonths: 'dua' })).toEqual({ maxTenorMonths: 'Tenor maksimal harus berupa angka.' })
    expect(problems({ ...programme, year: '1999' })).toEqual({ year: 'Tahun tidak valid.' })
    expect(problems({ ...programme, beneficiaryTarget: '-1' })).toEqual({ beneficiaryTarget: 'Target penerima tidak boleh negatif.' })
  })

  it('says the bank rate must exceed the borrower rate beside the other fields’ errors, not only once they are right', () => {
    expect(problems({ ...programme, bankRate: '2', name: '', maxTenorMonths: '121' })).toEqual({
      bankRate: 'Bunga bank harus lebih tinggi dari bunga debitur (selisihnya yang disubsidi).',
      name: expect.any(String),
      maxTenorMonths: 'Tenor maksimal paling lama 120 bulan.',
    })
    // an unreadable rate is said as such, without the comparison
    expect(Object.keys(problems({ ...programme, bankRate: 'empat belas' }))).toEqual(['bankRate'])
    expect(problems({ ...programme, bankRate: '3' })).toEqual({ bankRate: 'Bunga bank harus lebih tinggi dari bunga debitur (selisihnya yang disubsidi).' })
  })

  it('refuses an empty required number instead of reading it as 0', () => {
    expect(problems({ ...programme, beneficiaryTarget: '', maxTenorMonths: '  ', year: '' })).toEqual({
      beneficiaryTarget: 'Isi target penerima.',
      maxTenorMonths: 'Isi tenor maksimal (bulan).',
      year: 'Isi tahun program.',
    })
    expect(problems({ ...programme, beneficiaryTarget: undefined })).toEqual({ beneficiaryTarget: 'Isi target penerima.' })
  })

  it('reads figures written the Indonesian way, and 0 beneficiaries when typed', () => {
    expect(programSchema.parse(programme)).toMatchObject({ beneficiaryTarget: 8000, maxTenorMonths: 24, year: 2027, creditTarget: 200_000_000_000 })
    expect(programSchema.parse({ ...programme, beneficiaryTarget: '0' })).toMatchObject({ beneficiaryTarget: 0 })
  })

  it('edits with the same fields and rules, from a version', () => {
    const settings = Object.fromEntries(Object.entries(programme).filter(([k]) => k !== 'bankId' && k !== 'bankRate'))
    expect(programEditSchema.safeParse({ ...settings, id: 'p', version: '3' }).success).toBe(true)
    expect(programEditSchema.safeParse({ ...settings, id: 'p', version: '3', maxTenorMonths: '121' }).error?.issues[0].message).toBe('Tenor maksimal paling lama 120 bulan.')
    expect(programEditSchema.safeParse({ ...settings, id: 'p' }).success).toBe(false)
  })
})
