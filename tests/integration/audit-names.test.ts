/**
 * The audit page's names, on the real database: the records its rows are about and the records their fields
 * point at (a follow-up's meeting and bank, a target grid's indicator and regencies, a programme allocation's
 * regencies) read by lib/data/audit.ts findAuditLogs, and shown by lib/audit-values.ts as names, not ids.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { db } from '@/lib/db'
import { signInAs } from '../support/session-mock'
import { createUser } from '../support/factories'
import { getCurrentUser } from '@/lib/session'
import { findAuditLogs } from '@/lib/data/audit'
import { auditValue } from '@/lib/audit-values'
import { auditSubject } from '@/lib/audit-text'
import { seedReportingCatalogue } from '@/prisma/seed/reporting'

let admin: Awaited<ReturnType<typeof createUser>>

beforeAll(async () => {
  await seedReportingCatalogue(db)
  admin = await createUser('ADMIN')
})

describe('the audit page names what its rows point at', () => {
  it('reads a follow-up’s meeting and bank, a target grid’s indicator and regencies, by name', async () => {
    const bank = await db.bank.findUniqueOrThrow({ where: { code: 'BPRJATIM' }, select: { id: true, shortName: true } })
    const regency = await db.regency.findUniqueOrThrow({ where: { code: '35.17' }, select: { name: true } })
    const indicator = await db.indicator.findFirstOrThrow({ select: { code: true, name: true, nameEn: true } })
    const meeting = await db.meeting.create({ data: { title: 'Rakor UJI audit', type: 'RAKOR', startsAt: new Date('2026-12-20T02:00:00Z'), endsAt: new Date('2026-12-20T04:00:00Z'), organiser: 'Dinas' }, select: { id: true } })
    const record = `audit-names-${Date.now()}`
    const grid = `${indicator.code}:2027`
    await db.auditLog.createMany({
      data: [
        { userId: admin.id, username: admin.username, role: 'ADMIN', action: 'CREATE', entity: 'ActionItem', entityId: record, after: { meetingId: meeting.id, ownerBankId: bank.id, ownerRegencyCode: '35.17', status: 'OPEN' } },
        { userId: admin.id, username: admin.username, role: 'ADMIN', action: 'UPDATE', entity: 'TargetGrid', entityId: grid, before: { targets: [] }, after: { targets: [{ value: 380, quarter: 0, regencyCode: '35.17' }] } },
      ],
    })
    signInAs(admin)
    const user = (await getCurrentUser())!
    const page = await findAuditLogs({ user, filter: { user: admin.id }, lang: 'en' })
    expect(page.rows).toHaveLength(2)
    expect(auditValue('ActionItem', 'meetingId', meeting.id, 'en', page.refs)).toBe('Rakor UJI audit')
    expect(auditValue('ActionItem', 'ownerBankId', bank.id, 'en', page.refs)).toBe(bank.shortName)
    expect(auditValue('ActionItem', 'ownerRegencyCode', '35.17', 'en', page.refs)).toBe(regency.name)
    expect(auditValue('TargetGrid', 'targets', [{ value: 380, quarter: 0, regencyCode: '35.17' }], 'en', page.refs)).toContain(regency.name)
    // the grid's sentence names its indicator and year, in the reader's language
    expect(page.records.get(`TargetGrid:${grid}`)?.name).toBe(`${indicator.nameEn || indicator.name} 2027`)
    const inIndonesian = await findAuditLogs({ user, filter: { user: admin.id } })
    expect(inIndonesian.records.get(`TargetGrid:${grid}`)?.name).toBe(`${indicator.name} 2027`)
  })

  it('names a setting and a quarter’s deadline by what they are, in the reader’s language', async () => {
    const other = await createUser('ADMIN')
    await db.auditLog.createMany({
      data: [
        { userId: other.id, username: other.username, role: 'ADMIN', action: 'UPDATE', entity: 'Setting', entityId: 'dashboard.thresholds', before: { onTrack: 90 }, after: { onTrack: 95 } },
        { userId: other.id, username: other.username, role: 'ADMIN', action: 'UPDATE', entity: 'Setting', entityId: 'reporting.firstPeriod', before: '2026-1', after: '2026-2' },
        { userId: other.id, username: other.username, role: 'ADMIN', action: 'UPDATE', entity: 'ReportingPeriod', entityId: '2027-2', before: { deadline: '2027-07-15' }, after: { deadline: '2027-07-16' } },
      ],
    })
    signInAs(admin)
    const user = (await getCurrentUser())!
    const names = async (lang: 'id' | 'en') => {
      const { records } = await findAuditLogs({ user, filter: { user: other.id }, lang })
      return ['Setting:dashboard.thresholds', 'Setting:reporting.firstPeriod', 'ReportingPeriod:2027-2'].map((k) => records.get(k)?.name)
    }
    expect(await names('id')).toEqual(['Ambang status', 'Awal pelaporan', 'Triwulan II 2027'])
    expect(await names('en')).toEqual(['Status thresholds', 'Reporting starts', 'Quarter II 2027'])
  })

  it('names an indicator’s reporting form by the form’s name, in the reader’s language', async () => {
    const other = await createUser('ADMIN')
    const [from, to] = await db.reportForm.findMany({ select: { code: true, name: true, nameEn: true }, orderBy: { code: 'asc' }, take: 2 })
    const indicator = await db.indicator.findFirstOrThrow({ select: { code: true } })
    await db.auditLog.create({ data: { userId: other.id, username: other.username, role: 'ADMIN', action: 'UPDATE', entity: 'Indicator', entityId: indicator.code, before: { formCode: from.code }, after: { formCode: to.code } } })
    signInAs(admin)
    const user = (await getCurrentUser())!
    const id = await findAuditLogs({ user, filter: { user: other.id } })
    expect(auditValue('Indicator', 'formCode', to.code, 'id', id.refs)).toBe(to.name)
    const en = await findAuditLogs({ user, filter: { user: other.id }, lang: 'en' })
    expect(auditValue('Indicator', 'formCode', from.code, 'en', en.refs)).toBe(from.nameEn || from.name)
  })

  it('names a meeting’s participant, agenda item and outcome with their meeting, also on a row that holds only what changed', async () => {
    const other = await createUser('ADMIN')
    const meeting = await db.meeting.create({ data: { title: 'Rakor UJI peserta', type: 'RAKOR', startsAt: new Date('2026-12-21T02:00:00Z'), endsAt: new Date('2026-12-21T04:00:00Z'), organiser: 'Dinas' }, select: { id: true } })
    const participant = await db.meetingParticipant.create({ data: { meetingId: meeting.id, name: 'Sri Wahyuni, S.E.', agency: 'Dinas' }, select: { id: true } })
    const agenda = await db.agendaItem.create({ data: { meetingId: meeting.id, title: 'Evaluasi penyaluran', position: 1 }, select: { id: true } })
    const outcome = await db.meetingOutcome.create({ data: { meetingId: meeting.id, agendaItemId: agenda.id, kind: 'DECISION', text: 'Percepat verifikasi klaim' }, select: { id: true } })
    await db.auditLog.createMany({
      data: [
        { userId: other.id, username: other.username, role: 'ADMIN', action: 'UPDATE', entity: 'MeetingParticipant', entityId: participant.id, before: { attendance: 'PLANNED' }, after: { attendance: 'ABSENT' } },
        { userId: other.id, username: other.username, role: 'ADMIN', action: 'UPDATE', entity: 'AgendaItem', entityId: agenda.id, before: { position: 1 }, after: { position: 2 } },
        { userId: other.id, username: other.username, role: 'ADMIN', action: 'UPDATE', entity: 'MeetingOutcome', entityId: outcome.id, before: { kind: 'DECISION' }, after: { kind: 'RECOMMENDATION' } },
      ],
    })
    signInAs(admin)
    const { records } = await findAuditLogs({ user: (await getCurrentUser())!, filter: { user: other.id } })
    expect(auditSubject(records.get(`MeetingParticipant:${participant.id}`), { attendance: 'PLANNED' }, { attendance: 'ABSENT' }).name).toBe('Sri Wahyuni, S.E. · Rakor UJI peserta')
    expect(auditSubject(records.get(`AgendaItem:${agenda.id}`), { position: 1 }, { position: 2 }).name).toBe('Evaluasi penyaluran · Rakor UJI peserta')
    expect(auditSubject(records.get(`MeetingOutcome:${outcome.id}`), null, null).name).toBe('Percepat verifikasi klaim · Rakor UJI peserta')
  })

  it('names a programme target by its name, not its id', async () => {
    const other = await createUser('ADMIN')
    const target = await db.programmeTarget.create({
      data: { name: '10 KSP sehat (uji audit)', measure: 'HEALTHY_KSP', targetValue: 10, startDate: new Date('2026-01-01'), deadline: new Date('2026-12-31') },
      select: { id: true, name: true },
    })
    await db.auditLog.create({ data: { userId: other.id, username: other.username, role: 'ADMIN', action: 'UPDATE', entity: 'ProgrammeTarget', entityId: target.id, before: { target: 10 }, after: { target: 12 } } })
    signInAs(admin)
    const { records } = await findAuditLogs({ user: (await getCurrentUser())!, filter: { user: other.id } })
    expect(records.get(`ProgrammeTarget:${target.id}`)?.name).toBe(target.name)
  })

  it('offers API clients in the actor filter, and filters by one (their writes carry the client’s id)', async () => {
    const client = await db.apiClient.create({
      data: { name: 'UJI klien audit', owner: 'UJI', role: 'LEADERSHIP', tokenHash: `${Date.now()}`.padEnd(64, '0'), tokenPrefix: 'uji', expiresAt: new Date('2030-01-01T00:00:00Z'), createdById: admin.id },
      select: { id: true, name: true },
    })
    await db.auditLog.create({ data: { userId: client.id, username: `api:${client.name}`, role: 'LEADERSHIP', action: 'EXPORT', entity: 'Msme' } })
    signInAs(admin)
    const user = (await getCurrentUser())!
    const page = await findAuditLogs({ user, filter: { user: client.id } })
    expect(page.clients).toContainEqual({ id: client.id, name: 'UJI klien audit' })
    expect(page.rows.map((r) => r.username)).toEqual(['api:UJI klien audit'])
  })
})

describe('a cooperative’s history', () => {
  it('holds its book years’ and health assessments’ rows (created, changed, deleted), not another cooperative’s, and names it with none of its own', async () => {
    const [mine, other] = await Promise.all([
      db.cooperative.create({ data: { nik: '3517000000009101', name: 'KSP Riwayat Lengkap', type: 'SIMPAN_PINJAM', regencyCode: '35.17' }, select: { id: true } }),
      db.cooperative.create({ data: { nik: '3517000000009102', name: 'KSP Riwayat Tetangga', type: 'SIMPAN_PINJAM', regencyCode: '35.17' }, select: { id: true } }),
    ])
    const row = (entity: string, entityId: string, action: string, snapshot: { before?: object; after?: object }) =>
      ({ userId: admin.id, username: admin.username, role: 'ADMIN', action, entity, entityId, ...snapshot })
    await db.auditLog.createMany({
      data: [
        row('CooperativeYear', 'y-mine', 'CREATE', { after: { cooperativeId: mine.id, year: 2024 } }),
        row('CooperativeYear', 'y-mine', 'UPDATE', { before: { cooperativeId: mine.id, year: 2024 }, after: { cooperativeId: mine.id, year: 2024, members: 12 } }),
        row('CooperativeYear', 'y-gone', 'DELETE', { before: { cooperativeId: mine.id, year: 2023 } }),
        row('HealthAssessment', 'h-mine', 'CREATE', { after: { cooperativeId: mine.id } }),
        row('CooperativeYear', 'y-other', 'CREATE', { after: { cooperativeId: other.id, year: 2024 } }),
        // an MSME that is a member points at the cooperative but is a register of its own
        row('Msme', 'm-member', 'CREATE', { after: { cooperativeId: mine.id } }),
      ],
    })
    signInAs(admin)
    const user = (await getCurrentUser())!
    const page = await findAuditLogs({ user, filter: { entity: 'Cooperative', record: mine.id } })
    expect(page.rows.map((r) => `${r.entity}:${r.entityId}:${r.action}`).sort()).toEqual([
      'CooperativeYear:y-gone:DELETE', 'CooperativeYear:y-mine:CREATE', 'CooperativeYear:y-mine:UPDATE', 'HealthAssessment:h-mine:CREATE',
    ])
    expect(page.total).toBe(4)
    expect(page.records.get(`Cooperative:${mine.id}`)?.name).toBe('KSP Riwayat Lengkap')
    // any other record's history is its own rows only
    const year = await findAuditLogs({ user, filter: { entity: 'CooperativeYear', record: 'y-mine' } })
    expect(year.rows.map((r) => r.action).sort()).toEqual(['CREATE', 'UPDATE'])
  })
})

describe('a book year in the trail', () => {
  it('is named by its cooperative and year, in the reader’s language; a deleted one by its snapshot, in one query for the page', async () => {
    const coop = await db.cooperative.create({ data: { nik: '3517000000009103', name: 'KSP Tahun Buku', type: 'SIMPAN_PINJAM', regencyCode: '35.17' }, select: { id: true } })
    const [live, older] = await Promise.all([2024, 2023].map((year) => db.cooperativeYear.create({ data: { cooperativeId: coop.id, year }, select: { id: true } })))
    const other = await createUser('ADMIN')
    const row = (entityId: string, action: string, snapshot: { before?: object; after?: object }) =>
      ({ userId: other.id, username: other.username, role: 'ADMIN', action, entity: 'CooperativeYear', entityId, ...snapshot })
    await db.auditLog.createMany({
      data: [
        row(live.id, 'CREATE', { after: { cooperativeId: coop.id, year: 2024, assets: '1000' } }),
        row(older.id, 'CREATE', { after: { cooperativeId: coop.id, year: 2023 } }),
        // deleted since: no row to read, its snapshot names it
        row('y-deleted', 'DELETE', { before: { cooperativeId: coop.id, year: 2022 } }),
      ],
    })
    signInAs(admin)
    const user = (await getCurrentUser())!
    const id = await findAuditLogs({ user, filter: { user: other.id } })
    expect([live.id, older.id, 'y-deleted'].map((y) => id.records.get(`CooperativeYear:${y}`)?.name))
      .toEqual(['KSP Tahun Buku · tahun buku 2024', 'KSP Tahun Buku · tahun buku 2023', 'KSP Tahun Buku · tahun buku 2022'])
    // the row's sentence names it (a book year's snapshot holds no name of its own), as a cooperative's does
    expect(auditSubject(id.records.get(`CooperativeYear:${live.id}`), null, { cooperativeId: coop.id, year: 2024 }).name).toBe('KSP Tahun Buku · tahun buku 2024')
    const en = await findAuditLogs({ user, filter: { user: other.id }, lang: 'en' })
    expect(en.records.get(`CooperativeYear:${live.id}`)?.name).toBe('KSP Tahun Buku · book year 2024')
    // its own history (the "Riwayat" link of its row) is headed by that name, not its id
    const history = await findAuditLogs({ user, filter: { entity: 'CooperativeYear', record: older.id } })
    expect(history.records.get(`CooperativeYear:${older.id}`)?.name).toBe('KSP Tahun Buku · tahun buku 2023')
    // within a cooperative's history, its years are named too
    const parts = await findAuditLogs({ user, filter: { entity: 'Cooperative', record: coop.id } })
    expect(parts.rows.map((r) => parts.records.get(`${r.entity}:${r.entityId}`)?.name).sort())
      .toEqual(['KSP Tahun Buku · tahun buku 2022', 'KSP Tahun Buku · tahun buku 2023', 'KSP Tahun Buku · tahun buku 2024'])
  })
})
