import { describe, expect, it } from 'vitest'
import { auditAddress, auditAmount, auditChanges, auditHref, auditImport, auditRole, inSentence, isEvidence, snapshotName, auditSubject } from './audit-text'

describe('the audit trail as people read it', () => {
  it('lists the fields an update changed, without bookkeeping', () => {
    const before = { id: 'k1', name: 'KSP Lama', phone: '0812', version: 1, updatedAt: '2026-01-01' }
    const after = { id: 'k1', name: 'KSP Baru', phone: '0812', version: 2, updatedAt: '2026-02-01' }
    expect(auditChanges(before, after)).toEqual([{ field: 'name', before: 'KSP Lama', after: 'KSP Baru' }])
  })

  it('an amount read back as text and written as a number is the same amount: only the real change is listed', () => {
    const before = { maxPlafond: '50000000', borrowerRate: '0.03', subsidyCeiling: '16000000000', name: 'Prokesra 2023' }
    const after = { maxPlafond: 50_000_000, borrowerRate: 0.03, subsidyCeiling: 5_000_000_000, name: 'Prokesra 2023' }
    expect(auditChanges(before, after)).toEqual([{ field: 'subsidyCeiling', before: '16000000000', after: 5_000_000_000 }])
    // a code of digits typed as text on both sides is still compared as written
    expect(auditChanges({ nib: '0123' }, { nib: '123' })).toEqual([{ field: 'nib', before: '0123', after: '123' }])
  })

  it('an update changed only what its after holds: a field it left out is not shown as emptied', () => {
    expect(auditChanges({ dueDate: '2026-12-01', reason: null }, { reason: 'DUE' })).toEqual([{ field: 'reason', before: null, after: 'DUE' }])
  })

  it('shows of a keyed list only the items that changed: a report’s values by indicator, a target grid by place and period', () => {
    const values = (koperasi: number, note?: string) => [
      { indicatorCode: 'KOP_TERDAFTAR', value: koperasi, comment: null, ...(note ? { reviewNote: note } : {}) },
      { indicatorCode: 'KOP_AKTIF', value: 280, comment: null },
      { indicatorCode: 'UMKM_BINAAN', value: 1200, comment: 'naik' },
    ]
    expect(auditChanges({ values: values(355) }, { values: values(360) })).toEqual([
      { field: 'values', before: [{ indicatorCode: 'KOP_TERDAFTAR', value: 355, comment: null }], after: [{ indicatorCode: 'KOP_TERDAFTAR', value: 360, comment: null }] },
    ])
    // a reviewer's note on one value is that value's change
    expect(auditChanges({ values: values(355) }, { values: values(355, 'cek lagi') })[0].after).toEqual([{ indicatorCode: 'KOP_TERDAFTAR', value: 355, comment: null, reviewNote: 'cek lagi' }])
    // an indicator added: only it, on the after side
    expect(auditChanges({ values: values(355).slice(1) }, { values: values(355) })).toEqual([{ field: 'values', before: [], after: [values(355)[0]] }])
    const grid = (v: number) => [{ regencyCode: '35.17', quarter: 0, value: v }, { regencyCode: '35.07', quarter: 0, value: 10 }]
    expect(auditChanges({ targets: grid(380) }, { targets: grid(400) })).toEqual([{ field: 'targets', before: [grid(380)[0]], after: [grid(400)[0]] }])
    // a stored grid's values come back as text ("10"), the form's as numbers: the same value is not a change
    const stored = [{ regencyCode: '35.17', quarter: 0, value: '380' }, { value: '10', regencyCode: '35.07', quarter: 0 }]
    expect(auditChanges({ targets: stored }, { targets: grid(400) })).toEqual([{ field: 'targets', before: [stored[0]], after: [grid(400)[0]] }])
    // a key repeated: shown whole, nothing hidden
    const twice = [{ indicatorCode: 'A', value: 1 }, { indicatorCode: 'A', value: 2 }]
    expect(auditChanges({ values: twice }, { values: [twice[1]] })).toEqual([{ field: 'values', before: twice, after: [twice[1]] }])
    // a change of order only, or indicators added still empty, is no change (the row had read "– → …: –; …: –")
    expect(auditChanges({ values: values(355), status: 'DRAFT' }, { values: values(355).reverse(), status: 'SUBMITTED' })).toEqual([{ field: 'status', before: 'DRAFT', after: 'SUBMITTED' }])
    const blank = [{ indicatorCode: 'X', value: null, comment: null }, { indicatorCode: 'Y', value: null, comment: '' }]
    expect(auditChanges({ values: values(355) }, { values: [...values(355), ...blank] })).toEqual([])
    expect(auditChanges({ values: values(355) }, { values: [...values(355), ...blank, { indicatorCode: 'Z', value: 0, comment: null }] })).toEqual([{ field: 'values', before: [], after: [{ indicatorCode: 'Z', value: 0, comment: null }] }])
    // a list without keys (a meeting's tags) is shown whole
    expect(auditChanges({ tags: ['a', 'b'] }, { tags: ['a', 'c'] })).toEqual([{ field: 'tags', before: ['a', 'b'], after: ['a', 'c'] }])
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

describe('an audit row’s values as people read them', async () => {
  const { auditFieldLabel, auditRefIds, auditTargetGrid, auditValue } = await import('./audit-values')
  const { MESSAGES } = await import('@/lib/i18n/messages')
  const refs = new Map([
    ['meeting:m1', 'Rakor Desember'], ['bank:b1', 'BPR Jatim'], ['program:p1', 'Prokesra 2026'], ['regency:35.17', 'Kabupaten Jombang'],
    ['action:a1', 'Kirim data'], ['agenda:g1', 'Evaluasi penyaluran'], ['indicator:KOP_TERDAFTAR', 'Koperasi terdaftar'],
  ])

  it('shows a report’s values whole, each with the officer’s comment and the reviewer’s note', () => {
    const values = [
      ...Array.from({ length: 12 }, (_, i) => ({ indicatorCode: `X${String(i).padStart(2, '0')}_PANJANG_SEKALI`, value: '1000', comment: 'Sesuai data ODS kabupaten', reviewNote: null })),
      { indicatorCode: 'KOP_TERDAFTAR', value: '355', comment: null, reviewNote: 'Bandingkan dengan data ODS Desember.' },
    ]
    const shown = auditValue('QuarterlyReport', 'values', values, 'id', refs)
    expect(shown.endsWith('Koperasi terdaftar: 355 — Catatan pemeriksa: “Bandingkan dengan data ODS Desember.”')).toBe(true)
    expect(auditValue('QuarterlyReport', 'values', values.slice(-1), 'en', refs)).toBe("Koperasi terdaftar: 355 — Reviewer's note: “Bandingkan dengan data ODS Desember.”")
  })

  it('names a follow-up\'s evidence as such, and a document\'s size in KB as its page does', () => {
    expect(isEvidence('MeetingDocument', { actionId: 'a1', filename: 'hadir.pdf' })).toBe(true)
    expect(isEvidence('MeetingDocument', { actionId: null, filename: 'undangan.pdf' })).toBe(false)
    expect(isEvidence('Meeting', { actionId: 'a1' })).toBe(false)
    expect(isEvidence('MeetingDocument', null)).toBe(false)
    expect(auditValue('MeetingDocument', 'size', 21578, 'id', refs)).toBe('22 KB')
    expect(auditValue('MeetingDocument', 'size', 2_500_000, 'en', refs)).toBe('2,442 KB')
  })

  it('shows a stored code by the label the rest of the app gives it, in either language', () => {
    expect(auditValue('ActionItem', 'status', 'IN_PROGRESS', 'id', refs)).toBe(MESSAGES.id.meetings.actionStatus.IN_PROGRESS)
    expect(auditValue('ActionItem', 'status', 'DONE', 'en', refs)).toBe(MESSAGES.en.meetings.actionStatus.DONE)
    // a follow-up export's filter: the list's own choices, as the list names them (a walk read "Status: all")
    expect(auditValue('ActionItem', 'filter', { status: 'all' }, 'id', refs)).toBe('Status: Semua status')
    expect(auditValue('ActionItem', 'status', 'open', 'en', refs)).toBe(MESSAGES.en.meetings.actions.filters.open)
    expect(auditValue('Meeting', 'status', 'CANCELLED', 'id', refs)).toBe(MESSAGES.id.meetings.status.CANCELLED)
    expect(auditValue('Meeting', 'type', 'RAKOR', 'en', refs)).toBe(MESSAGES.en.meetings.typeLong.RAKOR)
    expect(auditValue('MeetingOutcome', 'kind', 'DECISION', 'id', refs)).toBe(MESSAGES.id.meetings.outcomeKind.DECISION)
    expect(auditValue('Activity', 'kind', 'TRAINING', 'id', refs)).toBe(MESSAGES.id.activities.kind.TRAINING)
    expect(auditValue('PublicHoliday', 'kind', 'CUTI_BERSAMA', 'en', refs)).toBe(MESSAGES.en.config.holidays.kind.CUTI_BERSAMA)
    expect(auditValue('User', 'role', 'DISTRICT_OFFICER', 'id', refs)).toBe('Petugas Kabupaten/Kota')
    expect(auditValue('ActionItem', 'reason', 'MEETING_CANCELLED', 'id', refs)).toBe(MESSAGES.id.auditLog.reason.MEETING_CANCELLED)
    // a code the app has no label for stays as stored, never blank
    expect(auditValue('Meeting', 'status', 'POSTPONED', 'id', refs)).toBe('POSTPONED')
  })

  it('names a linked record, and money as Rupiah', () => {
    expect(auditValue('ActionItem', 'meetingId', 'm1', 'id', refs)).toBe('Rakor Desember')
    expect(auditValue('MeetingParticipant', 'bankId', 'b1', 'id', refs)).toBe('BPR Jatim')
    expect(auditValue('MeetingOutcome', 'programId', 'p1', 'id', refs)).toBe('Prokesra 2026')
    expect(auditValue('ActionItem', 'ownerRegencyCode', '35.17', 'id', refs)).toBe('Kabupaten Jombang')
    expect(auditValue('Meeting', 'carriedActions', ['a1'], 'id', refs)).toBe('Kirim data')
    expect(auditValue('Meeting', 'previousMeetingId', 'gone', 'id', refs)).toBe('gone')
    expect(auditValue('Activity', 'budgetAmount', '12500000', 'id', refs).replace(/\s/g, '')).toBe('Rp12.500.000')
    expect(auditValue('ProgramAllocation', '35.17', 5_000_000, 'id', refs).replace(/\s/g, '')).toBe('Rp5.000.000')
    // cents as the record keeps them: an audit that rounds shows an amount never stored
    expect(auditValue('Msme', 'businessCapital', '25000000.5', 'id', refs)).toBe('Rp25.000.000,50')
    expect(auditValue('Msme', 'annualSales', '1234567.89', 'en', refs)).toBe('Rp1,234,567.89')
    expect(auditValue('Msme', 'businessCapital', '25000000.00', 'id', refs)).toBe('Rp25.000.000')
    // the field a reveal showed, by its name
    expect(auditValue('Msme', 'field', 'ownerNik', 'id', refs)).toBe('NIK pemilik')
    expect(auditValue('Msme', 'field', 'ownerNik', 'en', refs)).toBe('Owner NIK')
    expect(auditFieldLabel('ProgramAllocation', '35.17', 'id', refs)).toBe('Kabupaten Jombang')
  })

  it('labels fields by record where one name would mislead', () => {
    expect(auditFieldLabel('AgendaItem', 'position', 'id', refs)).toBe(MESSAGES.id.auditLog.fieldOf.AgendaItem.position)
    expect(auditFieldLabel('MeetingParticipant', 'position', 'en', refs)).toBe(MESSAGES.en.auditLog.field.position)
    expect(auditFieldLabel('ActionItem', 'ownerBankId', 'en', refs)).toBe(MESSAGES.en.auditLog.field.ownerBankId)
  })

  it('reads a progress note as its text and the status it moved, not JSON', () => {
    const note = { id: 'n1', note: 'Rekap UJI diterima lengkap.', statusTo: 'DONE', createdAt: '2026-12-04T20:26:08.842Z', statusFrom: 'IN_PROGRESS' }
    expect(auditValue('ActionItem', 'note', note, 'id', refs)).toBe(`“Rekap UJI diterima lengkap.” (${MESSAGES.id.meetings.actionStatus.IN_PROGRESS} → ${MESSAGES.id.meetings.actionStatus.DONE})`)
    expect(auditValue('ActionItem', 'note', { ...note, statusTo: 'IN_PROGRESS' }, 'en', refs)).toBe('“Rekap UJI diterima lengkap.”')
  })

  it('reads a target grid by place, period and value, and its key as indicator and year', () => {
    const cells = [{ value: 400, quarter: 0, regencyCode: null }, { value: '380', quarter: 2, regencyCode: '35.17' }]
    expect(auditValue('TargetGrid', 'targets', cells, 'id', refs))
      .toBe(`${MESSAGES.id.config.targets.province} · ${MESSAGES.id.config.targets.yearColumn}: 400; Kabupaten Jombang · Triwulan II: 380`)
    expect(auditValue('TargetGrid', 'targets', [], 'id', refs)).toBe('–')
    expect(auditTargetGrid('KOP_TERDAFTAR:2027')).toEqual({ indicatorCode: 'KOP_TERDAFTAR', year: 2027 })
    expect(auditHref('TargetGrid', 'KOP_TERDAFTAR:2027', null)).toBe('/pengaturan/target?indikator=KOP_TERDAFTAR&tahun=2027')
  })

  it('reads a part written whole field by field', () => {
    const joined = auditValue('CreditProgram', 'bankJoined', { bankId: 'b1', effectiveFrom: '2026-01-01', rate: 0.05 }, 'en', refs)
    expect(joined).toContain('Bank: BPR Jatim')
    expect(joined).not.toContain('{')
  })

  it('reads an export’s filter by names and a claim’s month as a month', () => {
    expect(auditValue('Activity', 'filter', { regency: '35.17', bank: 'b1' }, 'id', refs)).toBe('Kabupaten/kota: Kabupaten Jombang, Bank: BPR Jatim')
    expect(auditValue('Activity', 'filter', { regency: '35.17' }, 'en', refs)).toBe('Regency/city: Kabupaten Jombang')
    expect(auditValue('SubsidyClaim', 'month', '2026-10', 'id', refs)).toBe('Oktober 2026')
    expect(auditValue('SubsidyClaim', 'month', '2026-10', 'en', refs)).toBe('October 2026')
    expect(auditRefIds([{ entity: 'Activity', entityId: null, before: null, after: { filter: { regency: '35.78' } } }]).get('regency')).toEqual(new Set(['35.78']))
  })

  it('finds the records the rows point at, by kind, for one query each', () => {
    const found = auditRefIds([
      { entity: 'ActionItem', entityId: 'x', before: null, after: { meetingId: 'm1', ownerBankId: 'b1', agendaItemId: 'g1', ownerRegencyCode: null } },
      { entity: 'Meeting', entityId: 'm2', before: null, after: { hostRegencyCode: '35.17', carriedActions: ['a1', 'a2'] } },
      { entity: 'TargetGrid', entityId: 'KOP_TERDAFTAR:2027', before: { targets: [{ regencyCode: '35.18', quarter: 0, value: '1' }] }, after: { targets: [] } },
      { entity: 'ProgramAllocation', entityId: 'p1', before: [{ regencyCode: '35.01', creditTarget: '1' }], after: { '35.02': 5 } },
    ])
    expect(Object.fromEntries([...found].map(([k, v]) => [k, [...v].sort()]))).toEqual({
      meeting: ['m1'], bank: ['b1'], agenda: ['g1'], regency: ['35.01', '35.02', '35.17', '35.18'], action: ['a1', 'a2'], indicator: ['KOP_TERDAFTAR'],
    })
  })
})

describe('auditSubject', () => {
  it('names a record as it was named then, with its name now when renamed since', () => {
    const user = { name: 'Budi Santoso (budi)', plain: 'Budi Santoso' }
    expect(auditSubject(user, null, { name: 'Budi', role: 'ADMIN' })).toEqual({ name: 'Budi', now: 'Budi Santoso (budi)' })
    expect(auditSubject(user, { name: 'Budi' }, { name: 'Budi Santoso' })).toEqual({ name: 'Budi Santoso (budi)', now: null })
  })
  it('names by the record when its snapshot has no name, or the record has no name of its own (a claim, a report)', () => {
    expect(auditSubject({ name: 'Budi Santoso (budi)', plain: 'Budi Santoso' }, null, { role: 'ADMIN' })).toEqual({ name: 'Budi Santoso (budi)', now: null })
    expect(auditSubject({ name: 'BPR Jatim · Oktober 2026' }, null, { code: 'X' })).toEqual({ name: 'BPR Jatim · Oktober 2026', now: null })
  })
  it('names a deleted record by its snapshot', () => {
    expect(auditSubject(undefined, { businessName: 'Warung Sri' }, null)).toEqual({ name: 'Warung Sri', now: null })
    expect(auditSubject(undefined, null, null)).toEqual({ name: null, now: null })
  })
})
