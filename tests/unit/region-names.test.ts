import { describe, expect, it } from 'vitest'
import { titleCase } from '../../prisma/seed/regions'

describe('region names as the seed stores them', () => {
  it('writes capitals as a name is written, and a Madurese apostrophe as an apostrophe', () => {
    expect(titleCase('KABUPATEN JOMBANG')).toBe('Kabupaten Jombang')
    expect(titleCase('RA"AS')).toBe("Ra'as")
    expect(titleCase("SAWANG BA'U")).toBe("Sawang Ba'u")
    expect(titleCase('PROVINSI DKI JAKARTA')).toBe('Provinsi DKI Jakarta')
  })
})
