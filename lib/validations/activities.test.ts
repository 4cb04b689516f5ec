import { describe, expect, it } from 'vitest'
import { moneyInput } from '@/lib/registers/form-values'
import { createActivitySchema, updateActivitySchema } from './activities'

const base = { kind: 'TRAINING', title: 'Pelatihan manajer KSP', startDate: '2026-05-10', endDate: '', regencyCode: '', budgetSource: 'APBN', budgetAmount: '12.500.000', notes: '' }
const fieldErrors = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((r.error?.issues ?? []).map((i) => [String(i.path[0]), i.message]))

describe('activity schema: every field error in one round', () => {
  it('reports an end date before the start together with an invalid budget', () => {
    const errors = fieldErrors(createActivitySchema.safeParse({ ...base, endDate: '2026-05-01', budgetAmount: '12,5x' }))
    expect(Object.keys(errors).sort()).toEqual(['budgetAmount', 'endDate'])
    expect(errors.endDate).toMatch(/sebelum tanggal mulai/)
  })
  it('reports a budget without its source together with a wrong title', () => {
    const errors = fieldErrors(updateActivitySchema.safeParse({ ...base, id: 'x', version: '1', title: 'a', budgetSource: '' }))
    expect(errors.budgetSource).toMatch(/sumber anggaran/)
    expect(errors.title).toBeTruthy()
  })
  it('does not compare dates when the start date itself is wrong (one message for it, none invented)', () => {
    const errors = fieldErrors(createActivitySchema.safeParse({ ...base, startDate: '2026-13-45', endDate: '2026-05-01' }))
    expect(Object.keys(errors)).toEqual(['startDate'])
  })
  it('accepts a valid activity and parses its budget', () => {
    const r = createActivitySchema.safeParse({ ...base, endDate: '2026-05-12' })
    expect(r.success && r.data.budgetAmount).toBe(12_500_000)
  })
})

describe('activity edit form: the stored budget comes back as typed', () => {
  it('shows 12500000 as 12.500.000, which saves again as the same amount', () => {
    // a Prisma Decimal as the edit page reads it: only its toString() is used
    const shown = moneyInput({ toString: () => '12500000' })
    expect(shown).toBe('12.500.000')
    const r = createActivitySchema.safeParse({ ...base, budgetAmount: shown })
    expect(r.success && r.data.budgetAmount).toBe(12_500_000)
  })
})
