import { describe, expect, it } from 'vitest'
import { hasPersonalField, shownSample } from '@/components/imports/sample'
import { maskNik } from '@/lib/registers/nik'

/** The mapping step shows each column's first value: the owner NIK there too only masked, as on every other screen. */
describe('import mapping samples', () => {
  const msme = { kindHasPersonal: hasPersonalField([{ key: 'name' }, { key: 'ownerNik' }]), initial: null }
  it('masks the owner NIK column with the app\'s one mask, matched or not yet matched', () => {
    expect(shownSample('3517999900000011', { ...msme, chosen: 'ownerNik' })).toBe(maskNik('3517999900000011'))
    expect(shownSample('3517999900000011', { ...msme, chosen: 'ownerNik' })).toBe('3517••••••••0011')
    expect(shownSample(' 3517999900000011 ', { ...msme, chosen: '' })).toBe('3517••••••••0011')
    expect(shownSample('35179999', { ...msme, chosen: '', initial: 'ownerNik' })).toBe('••••••••')
  })
  it('leaves every other sample alone, and the cooperative NIK (not a person\'s) of kinds without an owner', () => {
    expect(shownSample('Warung Bu Sri', { ...msme, chosen: 'name' })).toBe('Warung Bu Sri')
    expect(shownSample('081234567890', { ...msme, chosen: 'phone' })).toBe('081234567890')
    expect(shownSample('3517040010001000', { kindHasPersonal: hasPersonalField([{ key: 'nik' }]), chosen: 'nik', initial: 'nik' })).toBe('3517040010001000')
  })
})
