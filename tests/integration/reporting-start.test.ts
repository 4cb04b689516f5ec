/**
 * The first quarter the agency requires reports for (lib/reporting/start.ts) on the real database. An agency
 * that starts in December must not see the year's earlier quarters as overdue for all 38 regencies, on its
 * dashboards and every district's home page, nor have them reminded. Each check is made first without the
 * start (the quarter is overdue), then with it, so that the test fails if the start is not read.
 */
import { beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { db } from '@/lib/db'
import { createTestUser, signInAs, submit } from '../support/session'
import { seedReportingCatalogue } from '@/prisma/seed/reporting'
import { saveReportingStart } from '@/lib/actions/config'
import { findReportInbox, findReportTasks, getCompleteness, getReport } from '@/lib/data/reporting'
import { REPORTING_START_KEY, getReportingStart } from '@/lib/reporting/start'
import { scanReminders } from '@/lib/reminders/scan'
import { overviewCards } from '@/lib/dashboard/overview'
import type { SessionUser } from '@/lib/session-user'
import { currentQuarter } from '@/lib/reporting/periods'

type TestUser = Awaited<ReturnType<typeof createTestUser>>
let admin: TestUser, otherAdmin: TestUser, officer: TestUser, leader: TestUser
const asUser = (u: TestUser): SessionUser => ({ ...u })

// 5 December 2026, 10.00 WIB: Triwulan III's deadline (15 October) passed 51 days ago, Triwulan IV has not ended
const NOW = new Date('2026-12-05T03:00:00Z')
const JOMBANG = '35.17'

/** Set the start straight in the table, as a save would leave it (null: every period required). */
async function setStart(start: { year: number; quarter: number } | null) {
  await db.setting.deleteMany({ where: { key: REPORTING_START_KEY } })
  if (start) await db.setting.create({ data: { key: REPORTING_START_KEY, value: start } })
}

beforeAll(async () => {
  await seedReportingCatalogue(db)
  admin = await createTestUser({ role: 'ADMIN' })
  otherAdmin = await createTestUser({ role: 'ADMIN' })
  officer = await createTestUser({ role: 'DISTRICT_OFFICER', regencyCode: JOMBANG })
  leader = await createTestUser({ role: 'LEADERSHIP' })
  // Jombang entered its Triwulan II 2026 report after the fact, long past its deadline (15 July)
  await db.quarterlyReport.create({ data: { regencyCode: JOMBANG, year: 2026, quarter: 2, status: 'SUBMITTED', firstSubmittedAt: new Date('2026-12-01T03:00:00Z'), submittedAt: new Date('2026-12-01T03:00:00Z') } })
})

beforeEach(async () => {
  await setStart(null)
  await db.notification.deleteMany()
})

describe('a period before the start is not required', () => {
  it('completeness: not judged, no rates; from the start on as before', async () => {
    const before = await getCompleteness({ user: asUser(leader), year: 2026, now: NOW })
    const q3 = before.quarters.find((q) => q.quarter === 3)!
    expect(q3).toMatchObject({ required: true, pastDeadline: true, completeness: 0, timeliness: 0 })
    const jombang = () => before.regencies.find((r) => r.code === JOMBANG)!
    expect(jombang().quarters.map((q) => q.timeliness)).toEqual(['OVERDUE', 'LATE', 'OVERDUE', 'PENDING'])

    await setStart({ year: 2026, quarter: 4 })
    const after = await getCompleteness({ user: asUser(leader), year: 2026, now: NOW })
    expect(after.quarters.map((q) => q.required)).toEqual([false, false, false, true])
    for (const q of after.quarters.slice(0, 3)) expect(q).toMatchObject({ completeness: null, timeliness: null, pastDeadline: false })
    // the report sent for Triwulan II is kept and counted as received, but not judged late
    expect(after.quarters[1]).toMatchObject({ submitted: 1, awaiting: 1, regencies: 38 })
    const jombangAfter = after.regencies.find((r) => r.code === JOMBANG)!
    expect(jombangAfter.quarters.map((q) => [q.status, q.timeliness])).toEqual([
      ['NOT_STARTED', 'NOT_REQUIRED'], ['SUBMITTED', 'NOT_REQUIRED'], ['NOT_STARTED', 'NOT_REQUIRED'], ['NOT_STARTED', 'PENDING'],
    ])
    // every regency, not only the one with a report
    expect(after.regencies.every((r) => r.quarters[2].timeliness === 'NOT_REQUIRED')).toBe(true)
    // the year before the start: nothing required
    expect((await getCompleteness({ user: asUser(leader), year: 2025, now: NOW })).quarters.every((q) => !q.required)).toBe(true)
  })

  it('the district officer owes no earlier quarter on its home page', async () => {
    expect((await findReportTasks({ user: asUser(officer), now: NOW })).map((t) => [t.quarter, t.late])).toEqual([[3, true], [4, false]])
    await setStart({ year: 2026, quarter: 4 })
    expect(await findReportTasks({ user: asUser(officer), now: NOW })).toEqual([{ year: 2026, quarter: 4, deadline: '2027-01-15', status: 'NOT_STARTED', late: false }])
  })

  it('no reminder for a quarter before the start', async () => {
    const late = () => db.notification.count({ where: { userId: officer.id, kind: 'REPORT_LATE' } })
    await scanReminders({ now: NOW })
    expect(await late()).toBe(1) // Triwulan III, without a start
    await db.notification.deleteMany()
    await setStart({ year: 2026, quarter: 4 })
    await scanReminders({ now: NOW })
    expect(await late()).toBe(0)
  })

  it('one report, the inbox and the overview card say so', async () => {
    await setStart({ year: 2026, quarter: 3 })
    const q2 = (await getReport({ user: asUser(admin), regencyCode: JOMBANG, year: 2026, quarter: 2 }))!
    const q3 = (await getReport({ user: asUser(admin), regencyCode: JOMBANG, year: 2026, quarter: 3 }))!
    expect([q2.required, q3.required]).toEqual([false, true])
    expect((await findReportInbox({ user: asUser(admin) })).map((r) => [r.quarter, r.required, r.onTime])).toEqual([[2, false, false]])
    // the overview's completeness card: a quarter not required is no figure, not a red 0 %
    const completeness = await getCompleteness({ user: asUser(leader), year: 2026, now: NOW })
    const summary = { asOf: '2026-12-05', realisationPct: 0, disbursed: 0, creditTarget: 0, absorptionPct: 0, subsidyPaid: 0, subsidyCeiling: 0, beneficiaries: 0, beneficiaryTarget: 0 }
    const card = (quarter: number) => overviewCards({ summary, lastYear: null, registers: null, reporting: { year: 2026, quarter, current: completeness.quarters[quarter - 1], lastYear: null } } as never, 2026).find((c) => c.key === 'completeness')!
    // Triwulan II has a report (Jombang's), so before the start it would have been a figure: 1 of 38
    expect(card(2)).toMatchObject({ value: null, available: false, status: null, notRequired: true })
    await setStart(null)
    const all = await getCompleteness({ user: asUser(leader), year: 2026, now: NOW })
    expect(overviewCards({ summary, lastYear: null, registers: null, reporting: { year: 2026, quarter: 2, current: all.quarters[1], lastYear: null } } as never, 2026).find((c) => c.key === 'completeness')).toMatchObject({ value: 2.63, available: true })
  })
})

describe('a start stored malformed (by hand)', () => {
  it('means every period, in SQL as in JavaScript, and breaks no query', async () => {
    for (const value of [{ year: 2026.5, quarter: 4 }, { year: '2026', quarter: 4 }, { year: 2026, quarter: 5 }, { year: 2026 }, 'x', []]) {
      await db.setting.deleteMany({ where: { key: REPORTING_START_KEY } })
      await db.setting.create({ data: { key: REPORTING_START_KEY, value } })
      const c = await getCompleteness({ user: asUser(leader), year: 2026, now: NOW })
      expect(c.quarters.every((q) => q.required && !q.startSet), JSON.stringify(value)).toBe(true)
      expect((await getReport({ user: asUser(admin), regencyCode: JOMBANG, year: 2026, quarter: 2 }))!.required).toBe(true)
    }
  })
})

describe('with a start set, a required quarter nobody has started', () => {
  it('is a 0 % completeness card, not "no report recorded"', async () => {
    const summary = { asOf: '2026-12-05', realisationPct: 0, disbursed: 0, creditTarget: 0, absorptionPct: 0, subsidyPaid: 0, subsidyCeiling: 0, beneficiaries: 0, beneficiaryTarget: 0 }
    const card = async () => {
      const c = await getCompleteness({ user: asUser(leader), year: 2026, now: NOW })
      return overviewCards({ summary, lastYear: null, registers: null, reporting: { year: 2026, quarter: 4, current: c.quarters[3], lastYear: null } } as never, 2026).find((k) => k.key === 'completeness')!
    }
    // no start: a quarter without a single report row predates the system's use
    expect(await card()).toMatchObject({ available: false })
    await setStart({ year: 2026, quarter: 3 })
    expect(await card()).toMatchObject({ available: true, value: 0, notRequired: false })
  })
})

describe('saving the start', () => {
  it('an admin sets it with the version seen, audited; a stale save is refused; clearing makes every period required', async () => {
    signInAs(admin)
    expect(await getReportingStart(db)).toEqual({ start: null, version: 0, updatedAt: null })
    const saved = await submit(saveReportingStart, { version: 0, start: '2026-4' })
    // Jombang's Triwulan II report, already sent, is no longer judged: said
    expect(saved.state).toMatchObject({ ok: true, message: 'Pelaporan diwajibkan mulai Triwulan IV 2026; triwulan sebelumnya tidak dinilai terlambat dan tidak diingatkan. 1 laporan yang sudah dikirim tidak lagi dinilai ketepatan waktunya.' })
    expect(await getReportingStart(db)).toMatchObject({ start: { year: 2026, quarter: 4 }, version: 1 })
    expect(await db.auditLog.count({ where: { entity: 'Setting', entityId: REPORTING_START_KEY, action: 'CREATE', userId: admin.id } })).toBe(1)

    signInAs(otherAdmin)
    const stale = await submit(saveReportingStart, { version: 0, start: '2025-1' })
    expect(stale.state?.ok).toBeFalsy()
    expect(stale.state?.message).toMatch(/^Awal pelaporan sudah diubah oleh /)
    expect((await getReportingStart(db)).start).toEqual({ year: 2026, quarter: 4 })

    const cleared = await submit(saveReportingStart, { version: 1, start: '' })
    expect(cleared.state).toMatchObject({ ok: true, message: 'Semua triwulan diwajibkan dan dinilai ketepatan waktunya. 1 laporan yang sudah dikirim kini dinilai ketepatan waktunya.' })
    expect(await getReportingStart(db)).toMatchObject({ start: null, version: 2 })
    expect((await getCompleteness({ user: asUser(leader), year: 2026, now: NOW })).quarters.every((q) => q.required)).toBe(true)
    const audit = await db.auditLog.findFirstOrThrow({ where: { entity: 'Setting', entityId: REPORTING_START_KEY, action: 'UPDATE' }, select: { before: true, after: true, userId: true } })
    expect(audit).toEqual({ before: { year: 2026, quarter: 4 }, after: {}, userId: otherAdmin.id })
  })

  it('two saves at once from the same version: exactly one lands, the other is told who changed it', async () => {
    await db.setting.deleteMany({ where: { key: REPORTING_START_KEY } })
    signInAs(admin)
    for (const version of [0, 1]) {
      // the first round races two creations (version 0), the second two updates of the row the first made
      const results = await Promise.all(['2026-3', '2026-4'].map((start) => submit(saveReportingStart, { version, start })))
      expect(results.filter((r) => r.state?.ok)).toHaveLength(1)
      expect(results.find((r) => !r.state?.ok)?.state?.message).toMatch(/^Awal pelaporan sudah diubah oleh /)
      expect((await getReportingStart(db)).version).toBe(version + 1)
    }
  })

  it('refuses a start more than a year ahead or not in the list, on the field, and any role but admin', async () => {
    signInAs(admin)
    const version = (await getReportingStart(db)).version
    // at most the last quarter of next year, by the real clock (the action reads it)
    const latest = currentQuarter(new Date()).year + 1
    const far = await submit(saveReportingStart, { version, start: `${latest + 1}-1` })
    expect(far.state?.errors?.start).toEqual([`Awal pelaporan paling lambat Triwulan IV ${latest}.`])
    for (const start of ['2026-5', '26-4', '2026', '1999-4', '2026-4; DROP TABLE settings']) {
      expect((await submit(saveReportingStart, { version, start })).state?.errors?.start, start).toEqual(['Pilih triwulan awal pelaporan dari daftar.'])
    }
    for (const who of [officer, leader]) {
      signInAs(who)
      expect((await submit(saveReportingStart, { version, start: '2026-1' })).state?.message).toBe('Anda tidak berwenang melakukan tindakan ini.')
    }
    expect((await getReportingStart(db)).version).toBe(version)
  })
})
