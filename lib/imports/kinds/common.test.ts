import { describe, expect, it } from 'vitest'
import type { FieldDef } from '../fields'
import { fieldValue, showOf } from './common'

const field = (key: string, type: FieldDef['type']): FieldDef => ({ key, label: key, type, help: '', examples: [] })

describe('fieldValue: a stored or checked value as a change compares and stores it', () => {
  it('keeps a text column\'s text as it is: a phone\'s or a KBLI\'s leading zero is part of it', () => {
    expect(fieldValue(field('phone', 'text'), '081234567890')).toBe('081234567890')
    expect(fieldValue(field('kbli', 'digits'), '01111')).toBe('01111')
    expect(fieldValue(field('regencyCode', 'regency'), '35.17')).toBe('35.17')
    // the same digits without the zero are another phone number: a change
    expect(fieldValue(field('phone', 'text'), '081234567890')).not.toBe(fieldValue(field('phone', 'text'), '81234567890'))
  })

  it('reads a Rupiah or a number in one spelling, whatever form it is stored in', () => {
    expect(fieldValue(field('businessCapital', 'money'), '25000000.00')).toBe('25000000')
    expect(fieldValue(field('businessCapital', 'money'), { constructor: { name: 'Decimal' }, toString: () => '25000000.50' })).toBe('25000000.5')
    expect(fieldValue(field('workers', 'number'), 4)).toBe('4')
    expect(fieldValue(field('iumkDate', 'date'), new Date('2024-09-18T00:00:00Z'))).toBe('2024-09-18')
    expect(fieldValue(field('active', 'bool'), true)).toBe('ya')
    expect(fieldValue(field('phone', 'text'), null)).toBe('')
  })

  it('a kind\'s show masks the owner NIK and keeps every other text', () => {
    const show = showOf([field('ownerNik', 'digits'), field('phone', 'text')], { field: 'ownerNik', with: (v) => `${v.slice(0, 4)}…` })
    expect(show('ownerNik', '3517014101850001')).toBe('3517…')
    expect(show('phone', '081234567890')).toBe('081234567890')
  })
})
