import { describe, expect, it } from 'vitest'
import { unsavedNote } from './history'
import type { Summary } from './pipeline'

const counts = (create: number, update: number, invalid: number) => ({ total: create + update + invalid, create, update, unchanged: 0, invalid }) as Summary

describe('unsavedNote: one note per state of an import never written', () => {
  it('says a dry run with refused rows alike whatever its status badge, and names the difference: something to save or nothing', () => {
    // the same status "Ada baris tidak valid" had read "Hasil uji coba" or "Direncanakan, belum disimpan"
    expect(unsavedNote('CHECKED', counts(1, 0, 3), true)).toBe('notSavedYet')
    expect(unsavedNote('CHECKED', counts(0, 0, 3), true)).toBe('nothingToSave')
    expect(unsavedNote('CHECKED', counts(2, 1, 0), true)).toBe('notSavedYet')
  })

  it('says a dropped dry run saved nothing, and has no note for an import written', () => {
    expect(unsavedNote('CANCELLED', counts(5, 0, 0), true)).toBe('notSaved')
    expect(unsavedNote('FAILED', counts(0, 0, 2), true)).toBe('notSaved')
    expect(unsavedNote('DONE', counts(5, 0, 0), false)).toBeNull()
    expect(unsavedNote('CHECKING', null, true)).toBeNull()
  })
})
