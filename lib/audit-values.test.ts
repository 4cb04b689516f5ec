import { describe, expect, it } from 'vitest'
import { auditChanges } from './audit-text'
import { auditFieldsInOrder } from './audit-values'

/** An object's keys as PostgreSQL's jsonb returns them: shorter keys first, then by their bytes. */
const asJsonb = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0)))

describe('auditFieldsInOrder', () => {
  it("lists a cooperative's fields in its form's order, not as jsonb keeps them (by length)", () => {
    const created = asJsonb({
      nik: '3517000000009997', legalEntityNumber: null, legalEntityDate: null, name: 'Koperasi Uji', type: 'SIMPAN_PINJAM', form: 'PRIMER', pattern: 'KONVENSIONAL',
      groupName: null, regencyCode: '35.17', districtCode: '35.17.01', villageCode: '35.17.01.2001', address: 'Jl. Uji', membersMale: 40, membersFemale: 1250,
      managers: 3, employees: 2, active: true, healthOutcome: null,
    })
    // the walk's list: NIK koperasi, Bentuk, Nama, Jenis, Aktif, Alamat, Pola, … Desa before Kecamatan, the two member counts apart
    expect(auditChanges(null, created).map((c) => c.field).slice(0, 4)).toEqual(['nik', 'form', 'name', 'type'])
    expect(auditFieldsInOrder('Cooperative', auditChanges(null, created)).map((c) => c.field)).toEqual([
      'nik', 'name', 'type', 'groupName', 'form', 'pattern', 'legalEntityNumber', 'legalEntityDate', 'active', 'regencyCode', 'districtCode',
      'villageCode', 'address', 'membersMale', 'membersFemale', 'managers', 'employees', 'healthOutcome',
    ])
  })

  it("lists an MSME's and a book year's in their forms' order", () => {
    const msme = asJsonb({ nib: '9351799990001', businessName: 'Keripik', ownerName: 'Siti', ownerNik: '3517••••••••0001', regencyCode: '35.78', districtCode: null, businessCapital: '250000000', annualSales: '2500000000', computedScale: 'KECIL', recordedScale: 'MIKRO' })
    expect(auditFieldsInOrder('Msme', auditChanges(null, msme)).map((c) => c.field)).toEqual([
      'nib', 'businessName', 'ownerName', 'ownerNik', 'businessCapital', 'annualSales', 'recordedScale', 'computedScale', 'regencyCode', 'districtCode',
    ])
    const year = asJsonb({ cooperativeId: 'k1', year: 2024, ownCapital: '1', externalCapital: '2', assets: '3', businessVolume: '4', netSurplus: '5', ratHeld: true, ratDate: null })
    expect(auditFieldsInOrder('CooperativeYear', auditChanges(null, year)).map((c) => c.field)).toEqual(['cooperativeId', 'year', 'ownCapital', 'externalCapital', 'assets', 'businessVolume', 'netSurplus', 'ratHeld', 'ratDate'])
  })

  it('orders another kind of record by the field catalogue, a field it does not know last, in the order stored', () => {
    const changes = ['zeta', 'endsAt', 'alpha', 'title', 'startsAt'].map((field) => ({ field, before: null, after: 1 }))
    expect(auditFieldsInOrder('Meeting', changes).map((c) => c.field)).toEqual(['title', 'startsAt', 'endsAt', 'zeta', 'alpha'])
  })
})
