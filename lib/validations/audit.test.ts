import { describe, expect, it } from 'vitest'
import { auditFilterSchema } from './audit'

describe('auditFilterSchema', () => {
  it('keeps a record id with dots (region codes, seed ids), refuses one with other punctuation', () => {
    expect(auditFilterSchema.parse({ record: '35.17' }).record).toBe('35.17')
    expect(auditFilterSchema.parse({ record: 'KOP_TERDAFTAR:2027' }).record).toBe('KOP_TERDAFTAR:2027')
    expect(auditFilterSchema.parse({ record: "x' OR 1=1" }).record).toBeUndefined()
    expect(auditFilterSchema.parse({ record: 'a/b' }).record).toBeUndefined()
  })
  it('drops an impossible date instead of failing the page', () => {
    expect(auditFilterSchema.parse({ from: '2026-02-30', to: '2026-03-01' })).toEqual({ to: '2026-03-01' })
  })
})
