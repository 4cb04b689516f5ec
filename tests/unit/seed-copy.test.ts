import { describe, expect, it } from 'vitest'
import { copyText } from '../../prisma/seed/copy'

/** The demo seed writes loans and their periods with COPY's text format: every value must survive it. */
describe('copyText (COPY text format)', () => {
  it('writes NULL as \\N and booleans as t/f', () => {
    expect(copyText(null)).toBe('\\N')
    expect(copyText(undefined)).toBe('\\N')
    expect(copyText(true)).toBe('t')
    expect(copyText(false)).toBe('f')
  })

  it('writes numbers, dates and arrays as PostgreSQL reads them', () => {
    expect(copyText(17_940_000_000)).toBe('17940000000')
    expect(copyText('0.120000')).toBe('0.120000')
    expect(copyText(new Date(Date.UTC(2024, 7, 31, 2)))).toBe('2024-08-31T02:00:00.000Z')
    expect(copyText('{}')).toBe('{}')
  })

  it('escapes the characters that separate values and rows', () => {
    expect(copyText('a\tb\nc\rd\\e')).toBe('a\\tb\\nc\\rd\\\\e')
    expect(copyText('Koperasi "Sejahtera" — Jombang')).toBe('Koperasi "Sejahtera" — Jombang')
  })
})
