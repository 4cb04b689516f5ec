import { describe, expect, it } from 'vitest'
import { isKbliCode, KBLI_SECTIONS, kbliDivisions, kbliSection, kbliSectionName } from './kbli'

describe('KBLI 2020 sections', () => {
  it('maps the demo data codes to their sections', () => {
    expect(kbliSection('01131')).toBe('A') // padi
    expect(kbliSection('10792')).toBe('C') // roti dan kue
    expect(kbliSection('13121')).toBe('C')
    expect(kbliSection('14111')).toBe('C')
    expect(kbliSection('45201')).toBe('G') // bengkel mobil
    expect(kbliSection('47111')).toBe('G') // toko kelontong
    expect(kbliSection('56102')).toBe('I') // warung makan
    expect(kbliSection('96011')).toBe('S') // binatu
  })

  it('covers the section boundaries', () => {
    expect(kbliSection('03')).toBe('A')
    expect(kbliSection('05')).toBe('B')
    expect(kbliSection('33')).toBe('C')
    expect(kbliSection('35')).toBe('D')
    expect(kbliSection('43')).toBe('F')
    expect(kbliSection('68')).toBe('L')
    expect(kbliSection('84')).toBe('O')
    expect(kbliSection('85')).toBe('P')
    expect(kbliSection('99')).toBe('U')
  })

  it('returns null for unassigned divisions and malformed codes', () => {
    for (const code of ['00', '04', '34', '40', '44', '48', '54', '57', '67', '76', '83', '89', '', 'ab123', '7'] as const) expect(kbliSection(code)).toBeNull()
    expect(kbliSection(null)).toBeNull()
    expect(kbliSectionName(null)).toBe('Tidak diketahui')
  })

  it('has 21 sections A–U whose divisions never overlap', () => {
    expect(KBLI_SECTIONS.map((s) => s.code).join('')).toBe('ABCDEFGHIJKLMNOPQRSTU')
    const divisions = kbliDivisions().map((d) => d.division)
    expect(new Set(divisions).size).toBe(divisions.length)
    expect(divisions).toHaveLength(88)
    for (const d of kbliDivisions()) expect(kbliSection(d.division)).toBe(d.section)
  })
})

describe('isKbliCode: a 5-digit code of an assigned KBLI 2020 division', () => {
  it('accepts real activities and refuses codes no division has', () => {
    for (const code of ['10792', '47111', '56101', '99000', '98100']) expect(isKbliCode(code)).toBe(true)
    for (const code of ['99999', '97999', '00000', '04100', '34000', '89000', '1079', 'abcde']) expect(isKbliCode(code)).toBe(false)
  })
})
