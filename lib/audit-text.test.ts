import { describe, expect, it } from 'vitest'
import { auditAddress, auditAmount, auditChanges, auditHref, auditImport, auditRole, inSentence, snapshotName } from './audit-text'

describe('the audit trail as people read it', () => {
  it('lists the fields an update changed, without bookkeeping', () => {
    const before = { id: 'k1', name: 'KSP Lama', phone: '0812', version: 1, updatedAt: '2026-01-01' }
    const after = { id: 'k1', name: 'KSP Baru', phone: '0812', version: 2, updatedAt: '2026-02-01' }
    expect(auditChanges(before, after)).toEqual([{ field: 'name', before: 'KSP Lama', after: 'KSP Baru' }])
  })

  it('a creation lists what it set; a deletion what it had', () => {
    expect(auditChanges(null, { id: 'x', title: 'Rakor' }).map((c) => c.field)).toEqual(['title'])
    expect(auditChanges({ id: 'x', name: 'Peserta' }, null)).toEqual([{ field: 'name', before: 'Peserta', after: null }])
  })

  it('links a record, or the whole a part belongs to', () => {
    expect(auditHref('Cooperative', 'k1', null)).toBe('/koperasi/k1')
    expect(auditHref('HealthAssessment', 'h1', { cooperativeId: 'k1' })).toBe('/koperasi/k1')
    expect(auditHref('MeetingParticipant', 'p1', { meetingId: 'm1' })).toBe('/rapat/m1')
    expect(auditHref('LoanMonth', 'd1#2026-10', null)).toBe('/kredit/penyaluran/d1')
    expect(auditHref('QuarterlyReport', 'r1', null, { regencyCode: '35.17', year: 2026, quarter: 4 })).toBe('/laporan-triwulan/35.17/2026/4')
    expect(auditHref('Unknown', 'u1', null)).toBeNull()
  })

  it('names a record from its snapshot and reads the amount a money step moved', () => {
    expect(snapshotName({ businessName: 'Keripik Bu Sri' })).toBe('Keripik Bu Sri')
    expect(auditAmount('APPROVE', { approved: '1056852310' })).toBe(1_056_852_310)
    expect(auditAmount('PAY', { payment: { amount: '500000' } })).toBe(500_000)
    expect(auditAmount('UPDATE', { approved: 1 })).toBeNull()
  })

  it('shows this machine one way: a loopback address and a job outside any request alike', () => {
    for (const ip of ['::1', '127.0.0.1', '::ffff:127.0.0.1', 'local']) expect(auditAddress(ip), ip).toBe('local')
    expect(auditAddress('203.0.113.7')).toBe('203.0.113.7')
    expect(auditAddress('unknown')).toBeNull()
    expect(auditAddress(null)).toBeNull()
  })

  it('reads what an import took in, for a sentence without "mengimpor impor data"', () => {
    const after = { kind: 'umkm', fileName: 'umkm.xlsx', mode: 'VALID', total: 4, create: 2, update: 1, unchanged: 0, invalid: 1 }
    expect(auditImport('IMPORT', after)).toEqual({ kind: 'umkm', fileName: 'umkm.xlsx', rows: 3 })
    expect(auditImport('IMPORT', { fileName: 'x.csv' })).toBeNull()
    expect(auditImport('UPDATE', after)).toBeNull()
    expect(inSentence('Penyaluran kredit')).toBe('penyaluran kredit')
    expect(inSentence('UMKM')).toBe('UMKM')
    expect(inSentence('MSMEs')).toBe('MSMEs')
  })

  it('names a role as the rest of the app does, in the reader’s language', () => {
    expect(auditRole('DISTRICT_OFFICER', 'id')).toBe('Petugas Kabupaten/Kota')
    expect(auditRole('ADMIN', 'en')).toBe('Provincial agency admin')
    expect(auditRole('SYSTEM', 'id')).toBe('SYSTEM')
  })
})
