import { describe, expect, it } from 'vitest'
import { auditAmount, auditChanges, auditHref, snapshotName } from './audit-text'

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
})
