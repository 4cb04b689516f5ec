import { describe, expect, it } from 'vitest'
import { can, PERMISSIONS, type Permission } from './permissions'
import { bankScope, inRegencyScope, regencyScope } from './scope'

describe('permissions', () => {
  it('leadership may read everything it needs and write nothing', () => {
    const writes: Permission[] = ['cooperatives.write', 'msmes.write', 'msmes.revealNik', 'credit.configure', 'disbursements.write', 'claims.submit', 'claims.verify', 'reports.write', 'reports.review', 'meetings.write', 'meetings.progress', 'users.manage', 'config.manage']
    for (const p of writes) expect(can('LEADERSHIP', p), p).toBe(false)
    for (const p of ['dashboard.read', 'cooperatives.read', 'msmes.read', 'credit.read', 'reports.read', 'meetings.read'] as Permission[]) expect(can('LEADERSHIP', p), p).toBe(true)
  })
  it('only admins manage users and read the audit trail', () => {
    for (const role of ['DISTRICT_OFFICER', 'LEADERSHIP', 'BANK_OFFICER'] as const) {
      expect(can(role, 'users.manage')).toBe(false)
      expect(can(role, 'audit.read')).toBe(false)
    }
    expect(can('ADMIN', 'users.manage')).toBe(true)
  })
  it('bank officers do not open the registers', () => {
    expect(can('BANK_OFFICER', 'cooperatives.read')).toBe(false)
    expect(can('BANK_OFFICER', 'msmes.read')).toBe(false)
    expect(can('BANK_OFFICER', 'claims.submit')).toBe(true)
  })
  it('only admins manage meetings; owners (district, bank) update progress on follow-ups; everyone reads', () => {
    for (const role of ['DISTRICT_OFFICER', 'LEADERSHIP', 'BANK_OFFICER'] as const) expect(can(role, 'meetings.write')).toBe(false)
    expect(can('DISTRICT_OFFICER', 'meetings.progress')).toBe(true)
    expect(can('BANK_OFFICER', 'meetings.progress')).toBe(true)
    expect(PERMISSIONS['meetings.read']).toHaveLength(4)
  })
  it('every role may change its own password', () => {
    for (const role of PERMISSIONS['account.self']) expect(can(role, 'account.self')).toBe(true)
    expect(PERMISSIONS['account.self']).toHaveLength(4)
  })
})

describe('scope', () => {
  it('binds a district officer to its regency and leaves the province to the others', () => {
    expect(regencyScope({ role: 'DISTRICT_OFFICER', regencyCode: '35.17' })).toEqual({ regencyCode: '35.17' })
    expect(regencyScope({ role: 'ADMIN', regencyCode: null })).toEqual({})
    expect(regencyScope({ role: 'LEADERSHIP', regencyCode: null })).toEqual({})
    expect(inRegencyScope({ role: 'DISTRICT_OFFICER', regencyCode: '35.17' }, '35.73')).toBe(false)
    expect(inRegencyScope({ role: 'DISTRICT_OFFICER', regencyCode: '35.17' }, '35.17')).toBe(true)
    expect(inRegencyScope({ role: 'ADMIN', regencyCode: null }, '35.73')).toBe(true)
  })
  it('binds a bank officer to its bank', () => {
    expect(bankScope({ role: 'BANK_OFFICER', bankId: 'b1' })).toEqual({ bankId: 'b1' })
    expect(bankScope({ role: 'ADMIN', bankId: null })).toEqual({})
  })
  it('refuses an officer without its binding rather than showing everything', () => {
    expect(() => regencyScope({ role: 'DISTRICT_OFFICER', regencyCode: null })).toThrow()
    expect(() => bankScope({ role: 'BANK_OFFICER', bankId: null })).toThrow()
  })
})
