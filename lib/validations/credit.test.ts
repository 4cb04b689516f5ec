import { describe, expect, it } from 'vitest'
import { disbursementSchema } from './credit'

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
  })

  it('reads an amount written with a dash for no sen, and a tenor sent as a number (the API)', () => {
    expect(disbursementSchema.parse({ ...loan, plafond: 'Rp 10.000.000,-', tenorMonths: 12 })).toMatchObject({ plafond: 10_000_000, tenorMonths: 12 })
  })
})
