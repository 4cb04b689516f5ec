import { createTranslator } from 'next-intl'
import { describe, expect, it } from 'vitest'
import { MESSAGES } from '@/lib/i18n/messages'

/** The import screens' counted sentences: singular and plural in English, one form in Indonesian, the figures as formatted. */
const t = (locale: 'id' | 'en') => createTranslator({ locale, messages: MESSAGES[locale], namespace: 'imports' })

describe('import messages with a count', () => {
  it('says "1 invalid row" and "2 invalid rows"', () => {
    expect(t('en')('allBlocked', { invalid: '1', count: 1 })).toMatch(/^The file has 1 invalid row\. /)
    expect(t('en')('allBlocked', { invalid: '1,200', count: 1200 })).toMatch(/^The file has 1,200 invalid rows\. /)
    expect(t('id')('allBlocked', { invalid: '1.200', count: 1200 })).toMatch(/^Berkas memuat 1.200 baris tidak valid\. /)
  })
  it('counts new records and changes each in its own number', () => {
    expect(t('en')('commitBody', { create: '1', createCount: 1, update: '0', updateCount: 0 })).toBe('1 new record and 0 changes will be saved and written to the audit log.')
    expect(t('en')('commitBody', { create: '2', createCount: 2, update: '1', updateCount: 1 })).toBe('2 new records and 1 change will be saved and written to the audit log.')
    expect(t('id')('commitBody', { create: '2', createCount: 2, update: '1', updateCount: 1 })).toBe('2 data baru dan 1 perubahan akan disimpan dan dicatat di log audit.')
  })
  it('counts rows in the progress and in why nothing is imported', () => {
    expect(t('en')('progress', { done: '1', total: '1', count: 1 })).toBe('1 of 1 row')
    expect(t('en')('progressUnknown', { done: '5', count: 5 })).toBe('5 rows')
    expect(t('en')('nothingUnchangedRefused', { invalid: '1', count: 1 })).toContain('and 1 row was refused')
    expect(t('en')('nothingAllRefused', { invalid: '3', count: 3 })).toContain('every row was refused (3 rows)')
    expect(t('id')('nothingUnchangedRefused', { invalid: '1', count: 1 })).toBe('Tidak ada yang diimpor: baris yang valid sudah sama dengan data tersimpan, dan 1 baris ditolak. Unduh baris yang ditolak untuk diperbaiki, lalu unggah lagi.')
  })
})
