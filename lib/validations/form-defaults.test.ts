import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { FORM_PARSE } from './form-defaults'

const messages = (schema: z.ZodType, value: unknown) => {
  const parsed = schema.safeParse(value, FORM_PARSE)
  return parsed.success ? [] : parsed.error.issues.map((i) => i.message)
}

describe('the Indonesian defaults of a form’s checks without a message of their own', () => {
  it('names a missing hidden id or version as the edit forms do, any other missing field as required', () => {
    const schema = z.object({ id: z.string(), cooperativeId: z.string(), version: z.coerce.number().int(), inspectedOn: z.string() })
    const parsed = schema.safeParse({ version: 'x' }, FORM_PARSE)
    expect(parsed.success).toBe(false)
    expect(Object.fromEntries(parsed.error!.issues.map((i) => [i.path.join('.'), i.message]))).toEqual({
      id: 'Data tidak dikenal.', cooperativeId: 'Data tidak dikenal.', version: 'Versi tidak valid.', inspectedOn: 'Wajib diisi.',
    })
  })

  it('writes a length limit as the app writes numbers, and keeps a schema’s own message', () => {
    expect(messages(z.string().max(10_000), 'x'.repeat(10_001))).toEqual(['Paling banyak 10.000 karakter.'])
    expect(messages(z.string().min(3), 'ab')).toEqual(['Paling sedikit 3 karakter.'])
    expect(messages(z.string().min(1), '')).toEqual(['Wajib diisi.'])
    expect(messages(z.string().max(5, 'Nama terlalu panjang.'), 'abcdefg')).toEqual(['Nama terlalu panjang.'])
    expect(messages(z.enum(['A', 'B']), 'C')).toEqual(['Pilihan tidak dikenal.'])
  })
})
