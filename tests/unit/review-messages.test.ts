import { createTranslator } from 'next-intl'
import { describe, expect, it } from 'vitest'
import { MESSAGES } from '@/lib/i18n/messages'

/** The review panel's return confirmation, with the count of notes the reviewer wrote on values. */
const t = (locale: 'id' | 'en') => createTranslator({ locale, messages: MESSAGES[locale], namespace: 'reporting.review' })

describe('return confirmation: the notes written on values, counted', () => {
  // "1 catatan per nilai" read as "one note for each value" (a walk's find): the notes are on the values written on
  it('says the notes were written on values, not one per value', () => {
    expect(t('id')('returnConfirmBody', { notes: 1, reason: 'x' })).toContain('kembali ke petugas kabupaten/kota bersama 1 catatan pada nilai yang Anda tulis;')
    expect(t('id')('returnConfirmBody', { notes: 3, reason: 'x' })).toContain(' bersama 3 catatan pada nilai yang Anda tulis;')
    expect(t('en')('returnConfirmBody', { notes: 1, reason: 'x' })).toContain('goes back to the district officer with the note you wrote on a value;')
    expect(t('en')('returnConfirmBody', { notes: 3, reason: 'x' })).toContain('goes back to the district officer with the 3 notes you wrote on values;')
    for (const locale of ['id', 'en'] as const) expect(t(locale)('returnConfirmBody', { notes: 0, reason: 'x' })).not.toMatch(/catatan|note/)
  })
})
