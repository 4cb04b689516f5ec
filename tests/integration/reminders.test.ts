/**
 * Reminders (lib/reminders) on the real database: which events make a notification and for whom, each
 * exactly once however many workers scan at the same time, a returned report notified in the return's
 * own transaction, e-mail through a real SMTP server started here (smtp-server), and a user only ever
 * reading and marking its own notifications.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { SMTPServer } from 'smtp-server'
import { signInAs } from '../support/session-mock'
import { createUser, form } from '../support/factories'
import { db } from '@/lib/db'
import { enqueue, runJobsUntilIdle } from '@/lib/jobs'
import { markAllNotificationsRead, markNotificationRead } from '@/lib/actions/notifications'
import { returnReport, reopenReport, approveReport, saveReport } from '@/lib/actions/reporting'
import { addProgress, setMeetingStatus } from '@/lib/actions/meetings'
import { countUnreadNotifications, findNotifications } from '@/lib/data/notifications'
import { MESSAGES } from '@/lib/safe-action'
import { REFUSAL_MESSAGES } from '@/lib/errors'
import { REMINDER_SCAN, ensureReminderSchedule } from '@/lib/reminders/jobs'
import { scanReminders } from '@/lib/reminders/scan'
import { jakartaToday } from '@/lib/dates'
import { settleNotifications } from '@/lib/reminders/settle'
import { writeReportValues } from '@/lib/reporting/writes'
import { notificationText } from '@/lib/reminders/texts'
import { seedReportingCatalogue } from '@/prisma/seed/reporting'
import type { NotificationKind } from '@/lib/generated/prisma/enums'

const ACTION_KINDS: NotificationKind[] = ['ACTION_DUE', 'ACTION_OVERDUE']
const REVIEW_KINDS: NotificationKind[] = ['REVIEW_REPORT', 'REVIEW_CLAIM']

// 10 October 2026, 10.00 WIB: Triwulan III 2026 is due on 15 October (in 5 days), Triwulan II's deadline
// (15 July) has passed, Triwulan IV has not ended
const NOW = new Date('2026-10-10T03:00:00Z')

type TestUser = Awaited<ReturnType<typeof createUser>>
let officer17: TestUser, officer78: TestUser, retired17: TestUser, admin: TestUser, admin2: TestUser, leader: TestUser, banker: TestUser, dkiBanker: TestUser

/** The event key of a report's latest return, as the scan writes it: the report and the moment it was returned. */
async function returnedKey(reportId: string) {
  const { reviewedAt } = await db.quarterlyReport.findUniqueOrThrow({ where: { id: reportId }, select: { reviewedAt: true } })
  return `report-returned:${reportId}:${reviewedAt!.toISOString().slice(0, 23)}`
}

async function notificationsOf(userId: string, kinds?: NotificationKind[]) {
  return db.notification.findMany({ where: { userId, ...(kinds && { kind: { in: kinds } }) }, select: { kind: true, eventKey: true, link: true, params: true }, orderBy: { eventKey: 'asc' } })
}

beforeAll(async () => {
  await seedReportingCatalogue(db)
  officer17 = await createUser('DISTRICT_OFFICER', { regencyCode: '35.17' })
  officer78 = await createUser('DISTRICT_OFFICER', { regencyCode: '35.78' })
  retired17 = await createUser('DISTRICT_OFFICER', { regencyCode: '35.17', active: false })
  admin = await createUser('ADMIN')
  admin2 = await createUser('ADMIN')
  leader = await createUser('LEADERSHIP')
  banker = await createUser('BANK_OFFICER', { bankCode: 'BPRJATIM' })
  dkiBanker = await createUser('BANK_OFFICER', { bankCode: 'BANKDKI' })
})

// every test starts from no notifications, reports, follow-ups, claims or scan jobs
beforeEach(async () => {
  await db.notification.deleteMany()
  await db.quarterlyReport.deleteMany()
  await db.actionItem.deleteMany()
  await db.meeting.deleteMany()
  await db.subsidyClaim.deleteMany()
  await db.creditProgram.deleteMany()
  await db.reportingPeriod.deleteMany()
  await db.job.deleteMany({ where: { kind: REMINDER_SCAN } })
})

describe('quarterly reports: due in 7 days, late, returned', () => {
  it('reminds the officers whose report is due or late, once, and not after it was sent', async () => {
    // Surabaya sent Triwulan III on time; Jombang has only a draft
    await db.quarterlyReport.create({ data: { regencyCode: '35.78', year: 2026, quarter: 3, status: 'SUBMITTED', submittedAt: new Date('2026-10-05'), firstSubmittedAt: new Date('2026-10-05') } })
    await db.quarterlyReport.create({ data: { regencyCode: '35.17', year: 2026, quarter: 3, status: 'DRAFT' } })
    await db.quarterlyReport.create({ data: { regencyCode: '35.78', year: 2026, quarter: 2, status: 'APPROVED', submittedAt: new Date('2026-07-10'), firstSubmittedAt: new Date('2026-07-10') } })

    const first = await scanReminders({ now: NOW })
    expect(first.reportDue).toBe(1)
    expect(first.reportLate).toBe(1)
    expect(await notificationsOf(officer17.id)).toEqual([
      { kind: 'REPORT_DUE', eventKey: 'report-due:35.17:2026-3', link: '/laporan-triwulan/35.17/2026/3', params: { regency: 'Kabupaten Jombang', year: 2026, quarter: 3, deadline: '2026-10-15' } },
      { kind: 'REPORT_LATE', eventKey: 'report-late:35.17:2026-2', link: '/laporan-triwulan/35.17/2026/2', params: { regency: 'Kabupaten Jombang', year: 2026, quarter: 2, deadline: '2026-07-15' } },
    ])
    expect(await notificationsOf(officer78.id)).toEqual([])
    expect(await notificationsOf(retired17.id)).toEqual([])
    // the reader's sentence, in both languages
    const [due] = await notificationsOf(officer17.id)
    expect(notificationText('REPORT_DUE', due.params, 'id').title).toBe('Laporan Triwulan III 2026 jatuh tempo 15 Oktober 2026')
    expect(notificationText('REPORT_DUE', due.params, 'en').title).toBe('Quarter III 2026 report due 15 October 2026')

    // the next hour, the next day: nothing new
    expect(await scanReminders({ now: NOW })).toMatchObject({ reportDue: 0, reportLate: 0 })
    expect(await scanReminders({ now: new Date('2026-10-11T03:00:00Z') })).toMatchObject({ reportDue: 0, reportLate: 0 })
    expect(await db.notification.count({ where: { userId: officer17.id } })).toBe(2)
  })

  it('follows a deadline the admin moved, and stops looking back after 90 days', async () => {
    await db.reportingPeriod.create({ data: { year: 2026, quarter: 3, deadline: new Date('2026-10-30') } })
    // 30 October is 20 days away on 10 October: not yet due; Triwulan II is still late
    expect(await scanReminders({ now: NOW })).toMatchObject({ reportDue: 0, reportLate: 2 })
    // on 25 October it is
    expect(await scanReminders({ now: new Date('2026-10-25T03:00:00Z') })).toMatchObject({ reportDue: 2 })
    // Triwulan II's deadline (15 July 2026) is more than 90 days before 20 December: no late reminder any more
    await db.notification.deleteMany()
    expect(await scanReminders({ now: new Date('2026-12-20T03:00:00Z') })).toMatchObject({ reportLate: 2 }) // Triwulan III (30 October)
    expect(await db.notification.count({ where: { eventKey: { contains: '2026-2' } } })).toBe(0)
  })

  it('tells the officers of a returned report in the return transaction, once per return', async () => {
    const report = await db.quarterlyReport.create({
      data: { regencyCode: '35.17', year: 2026, quarter: 3, status: 'SUBMITTED', submittedAt: new Date('2026-10-05'), firstSubmittedAt: new Date('2026-10-05') },
    })
    signInAs(admin)
    const returned = await returnReport(undefined, form({ id: report.id, version: report.version, reason: 'Koperasi aktif belum sesuai ODS.' }))
    expect(returned.ok, returned.message).toBe(true)
    // already there, before any scan
    const rows = await notificationsOf(officer17.id)
    const firstKey = await returnedKey(report.id)
    expect(rows).toEqual([
      { kind: 'REPORT_RETURNED', eventKey: firstKey, link: '/laporan-triwulan/35.17/2026/3', params: { regency: 'Kabupaten Jombang', year: 2026, quarter: 3, reason: 'Koperasi aktif belum sesuai ODS.', reopened: 'no' } },
    ])
    expect(notificationText('REPORT_RETURNED', rows[0].params, 'id').body).toContain('Alasan: Koperasi aktif belum sesuai ODS.')
    expect(await notificationsOf(officer78.id)).toEqual([])
    expect(await notificationsOf(retired17.id)).toEqual([])
    // the scan finds the same event and adds nothing
    expect((await scanReminders({ now: NOW })).reportReturned).toBe(0)

    // sent again, approved, reopened: a new return, a new reminder
    await db.quarterlyReport.update({ where: { id: report.id }, data: { status: 'SUBMITTED', version: { increment: 1 } } })
    expect((await approveReport(undefined, form({ id: report.id, version: 3 }))).ok).toBe(true)
    expect((await reopenReport(undefined, form({ id: report.id, version: 4, reason: 'Angka SHU salah ketik.' }))).ok).toBe(true)
    const secondKey = await returnedKey(report.id)
    expect(secondKey).not.toBe(firstKey)
    expect((await notificationsOf(officer17.id, ['REPORT_RETURNED'])).map((n) => n.eventKey).sort()).toEqual([firstKey, secondKey].sort())
    // the reopening of an approved report is said as such, not as a plain return
    const reopened = (await notificationsOf(officer17.id, ['REPORT_RETURNED'])).find((n) => n.eventKey === secondKey)!
    expect(notificationText('REPORT_RETURNED', reopened.params, 'id')).toEqual({
      title: 'Laporan Triwulan III 2026 dibuka kembali',
      body: 'Dinas membuka kembali laporan Kabupaten Jombang untuk Triwulan III 2026 yang sudah disetujui, agar diperbaiki. Alasan: Angka SHU salah ketik.',
    })
    expect(notificationText('REPORT_RETURNED', reopened.params, 'en').title).toBe('Quarter III 2026 report reopened')
    expect(notificationText('REPORT_RETURNED', rows[0].params, 'id').title).toBe('Laporan Triwulan III 2026 dikembalikan')
  })

  it('one notice per return: the officer’s draft saves do not repeat it, a later return does', async () => {
    const report = await db.quarterlyReport.create({
      data: { regencyCode: '35.17', year: 2026, quarter: 3, status: 'SUBMITTED', submittedAt: new Date('2026-10-05'), firstSubmittedAt: new Date('2026-10-05') },
    })
    const officer17b = await createUser('DISTRICT_OFFICER', { regencyCode: '35.17' })
    const officers = [officer17, officer17b]
    const returnedTo = async () => Promise.all(officers.map(async (o) => (await notificationsOf(o.id, ['REPORT_RETURNED'])).length))
    signInAs(admin)
    expect((await returnReport(undefined, form({ id: report.id, version: 1, reason: 'Koperasi aktif belum sesuai ODS.' }))).ok).toBe(true)
    expect((await scanReminders({ now: NOW })).reportReturned).toBe(0)
    // the officer saves a draft (version 2 → 3) and again (→ 4): still RETURNED, the same return
    signInAs(officer17)
    for (const version of [2, 3]) {
      const saved = await saveReport(undefined, form({ year: 2026, quarter: 3, version, intent: 'save', 'values.KOP_TERDAFTAR': String(340 + version) }))
      expect(saved.ok, saved.message).toBe(true)
      expect((await scanReminders({ now: NOW })).reportReturned).toBe(0)
    }
    expect(await returnedTo()).toEqual([1, 1])
    // sent again (as the officer's form would, here without the rules) and returned again: a second notice each
    await db.quarterlyReport.update({ where: { id: report.id }, data: { status: 'SUBMITTED', submittedAt: new Date(), version: { increment: 1 } } })
    signInAs(admin)
    expect((await returnReport(undefined, form({ id: report.id, version: 5, reason: 'Lengkapi hambatan.' }))).ok).toBe(true)
    expect((await scanReminders({ now: NOW })).reportReturned).toBe(0)
    expect(await returnedTo()).toEqual([2, 2])
    // out of the other tests' counts
    await db.user.update({ where: { id: officer17b.id }, data: { active: false } })
  })

  it('does not repeat a return already notified under the old version key', async () => {
    const reviewedAt = new Date(Date.now() - 60_000)
    const report = await db.quarterlyReport.create({
      data: { regencyCode: '35.17', year: 2026, quarter: 3, status: 'RETURNED', version: 5, reviewedAt, returnReason: 'Periksa lagi', submittedAt: new Date('2026-10-05'), firstSubmittedAt: new Date('2026-10-05') },
    })
    await db.notification.create({ data: { userId: officer17.id, kind: 'REPORT_RETURNED', eventKey: `report-returned:${report.id}:4`, link: '/laporan-triwulan/35.17/2026/3', createdAt: new Date(reviewedAt.getTime() + 1000) } })
    expect((await scanReminders({ now: NOW })).reportReturned).toBe(0)
    expect(await notificationsOf(officer17.id, ['REPORT_RETURNED'])).toHaveLength(1)
    // and the return it tells of still stands: not settled for its older key
    expect(await db.notification.count({ where: { userId: officer17.id, kind: 'REPORT_RETURNED', readAt: null } })).toBe(1)
  })

  it('a return that fails leaves no reminder behind', async () => {
    const report = await db.quarterlyReport.create({ data: { regencyCode: '35.17', year: 2026, quarter: 3, status: 'SUBMITTED', submittedAt: new Date('2026-10-05'), firstSubmittedAt: new Date('2026-10-05') } })
    signInAs(admin)
    // stale version: refused, nothing written
    const stale = await returnReport(undefined, form({ id: report.id, version: report.version + 1, reason: 'Periksa lagi' }))
    expect(stale.ok).toBe(false)
    expect(await db.notification.count()).toBe(0)
  })
})

describe('reminders whose cause is gone are marked read', () => {
  const unread = async (userId: string) => (await db.notification.findMany({ where: { userId, readAt: null }, select: { eventKey: true }, orderBy: { eventKey: 'asc' } })).map((n) => n.eventKey)

  it('a report once sent, at once in its own transaction; the others due or late stay', async () => {
    await db.quarterlyReport.create({ data: { regencyCode: '35.17', year: 2026, quarter: 3, status: 'DRAFT' } })
    await db.quarterlyReport.create({ data: { regencyCode: '35.78', year: 2026, quarter: 3, status: 'DRAFT' } })
    await scanReminders({ now: NOW })
    expect(await unread(officer17.id)).toEqual(['report-due:35.17:2026-3', 'report-late:35.17:2026-2'])
    // Jombang sends Triwulan III (as the form's submission writes it): its reminder is read before any scan
    await db.$transaction((tx) => writeReportValues(tx, { id: officer17.id, username: officer17.username, role: 'DISTRICT_OFFICER' }, {
      regencyCode: '35.17', year: 2026, quarter: 3, indicators: [], values: {}, comments: {}, replace: false, submit: true,
    }))
    expect(await unread(officer17.id)).toEqual(['report-late:35.17:2026-2'])
    expect(await unread(officer78.id)).toEqual(['report-due:35.78:2026-3', 'report-late:35.78:2026-2'])
    // the scan neither brings it back nor settles what is still owed
    await scanReminders({ now: NOW })
    expect(await unread(officer17.id)).toEqual(['report-late:35.17:2026-2'])
    expect(await unread(officer78.id)).toEqual(['report-due:35.78:2026-3', 'report-late:35.78:2026-2'])
  })

  it('a report sent while its reminder is held by another transaction (a user marking all read) does not wait for it', async () => {
    await db.quarterlyReport.create({ data: { regencyCode: '35.17', year: 2026, quarter: 3, status: 'DRAFT' } })
    await scanReminders({ now: NOW })
    let locked = false
    let release!: () => void
    const held = new Promise<void>((resolve) => (release = resolve))
    const holder = db.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT id FROM notifications WHERE event_key = 'report-due:35.17:2026-3' FOR UPDATE`
      locked = true
      await held
    }, { timeout: 30_000 })
    await expect.poll(() => locked).toBe(true)
    // were the submission to wait for the held row, it would never end: the row is released only after it
    await db.$transaction((tx) => writeReportValues(tx, { id: officer17.id, username: officer17.username, role: 'DISTRICT_OFFICER' }, {
      regencyCode: '35.17', year: 2026, quarter: 3, indicators: [], values: {}, comments: {}, replace: false, submit: true,
    }))
    release()
    await holder
    expect(await db.quarterlyReport.findUniqueOrThrow({ where: { regencyCode_year_quarter: { regencyCode: '35.17', year: 2026, quarter: 3 } }, select: { status: true } })).toEqual({ status: 'SUBMITTED' })
    // the reminder it skipped is settled by the next scan
    expect(await unread(officer17.id)).toContain('report-due:35.17:2026-3')
    await scanReminders({ now: NOW })
    expect(await unread(officer17.id)).not.toContain('report-due:35.17:2026-3')
  })

  it('a return answered by a later return: the earlier notice is read, the later one (its own reason) is not', async () => {
    const report = await db.quarterlyReport.create({ data: { regencyCode: '35.17', year: 2026, quarter: 2, status: 'SUBMITTED', submittedAt: new Date('2026-07-10'), firstSubmittedAt: new Date('2026-07-10') } })
    signInAs(admin)
    expect((await returnReport(undefined, form({ id: report.id, version: 1, reason: 'Koperasi aktif belum sesuai ODS.' }))).ok).toBe(true)
    const first = await returnedKey(report.id)
    await db.quarterlyReport.update({ where: { id: report.id }, data: { status: 'SUBMITTED', version: { increment: 1 } } })
    expect((await returnReport(undefined, form({ id: report.id, version: 3, reason: 'Lengkapi hambatan.' }))).ok).toBe(true)
    const second = await returnedKey(report.id)
    await scanReminders({ now: NOW })
    const returned = (await unread(officer17.id)).filter((k) => k.startsWith('report-returned:'))
    expect(returned).toEqual([second])
    expect(second).not.toBe(first)
  })

  it('a review decided or sent again since, a follow-up now overdue; an e-mail not yet sent is dropped with it', async () => {
    const report = await db.quarterlyReport.create({ data: { regencyCode: '35.78', year: 2026, quarter: 3, status: 'SUBMITTED', submittedAt: new Date('2026-10-05'), firstSubmittedAt: new Date('2026-10-05') } })
    const program = await db.creditProgram.create({
      data: { code: 'SELESAI-2026', scheme: 'SELESAI', name: 'Prokesra Selesai 2026', year: 2026, creditTarget: 100_000_000, beneficiaryTarget: 4, subsidyCeiling: 10_000_000, borrowerRate: 0.03, maxPlafond: 25_000_000, maxTenorMonths: 24, eligibleScales: ['MIKRO'] },
    })
    const claim = await db.subsidyClaim.create({ data: { programId: program.id, bankId: banker.bankId!, month: new Date('2026-09-01') } })
    const meeting = await db.meeting.create({ data: { title: 'Rakor Prokesra', type: 'RAKOR', startsAt: new Date('2026-09-01T02:00:00Z'), endsAt: new Date('2026-09-01T06:00:00Z'), organiser: 'Dinkop UMKM Jatim' } })
    const action = await db.actionItem.create({ data: { meetingId: meeting.id, title: 'Kirim data', dueDate: new Date('2026-10-13'), ownerKind: 'REGENCY', ownerRegencyCode: '35.17' }, select: { id: true } })
    await scanReminders({ now: NOW })
    // an e-mail waiting to be sent (as with SMTP_URL set)
    await db.notification.updateMany({ data: { emailState: 'PENDING' } })
    expect(await unread(admin.id)).toEqual([`review-claim:${claim.id}:1`, `review-report:${report.id}:1`])

    // the report returned and sent again (a new submission, a new reminder), the claim approved, the follow-up overdue
    await db.quarterlyReport.update({ where: { id: report.id }, data: { version: 3 } })
    await db.subsidyClaim.update({ where: { id: claim.id }, data: { status: 'APPROVED', version: 2 } })
    await scanReminders({ now: new Date('2026-10-14T03:00:00Z') })
    expect(await unread(admin.id)).toEqual([`review-report:${report.id}:3`])
    expect(await unread(officer17.id)).toContain(`action-overdue:${action.id}:2026-10-13`)
    expect(await unread(officer17.id)).not.toContain(`action-due:${action.id}:2026-10-13`)
    const settled = await db.notification.findMany({ where: { readAt: { not: null } }, select: { eventKey: true, emailState: true } })
    expect(settled.map((n) => n.eventKey).sort()).toEqual(expect.arrayContaining([`review-claim:${claim.id}:1`, `review-report:${report.id}:1`, `action-due:${action.id}:2026-10-13`]))
    expect(settled.every((n) => n.emailState === null)).toBe(true)
  })

  it('by the scan: a returned report sent again, a report or claim decided, a follow-up done, dropped or given a new due date', async () => {
    const report = await db.quarterlyReport.create({ data: { regencyCode: '35.17', year: 2026, quarter: 2, status: 'SUBMITTED', submittedAt: new Date('2026-07-10'), firstSubmittedAt: new Date('2026-07-10') } })
    signInAs(admin)
    expect((await returnReport(undefined, form({ id: report.id, version: report.version, reason: 'Koperasi aktif belum sesuai ODS.' }))).ok).toBe(true)
    // held (its owners told then, which this test does not go through: the scan tells only a begun meeting never marked held)
    const meeting = await db.meeting.create({ data: { title: 'Rakor Prokesra', type: 'RAKOR', status: 'HELD', startsAt: new Date('2026-09-01T02:00:00Z'), endsAt: new Date('2026-09-01T06:00:00Z'), organiser: 'Dinkop UMKM Jatim' } })
    const action = (title: string) => db.actionItem.create({ data: { meetingId: meeting.id, title, dueDate: new Date('2026-10-13'), ownerKind: 'REGENCY', ownerRegencyCode: '35.17' }, select: { id: true } })
    const [done, dropped, moved, open] = [await action('Selesai'), await action('Dibatalkan'), await action('Diundur'), await action('Masih terbuka')]
    await scanReminders({ now: NOW })
    const returned = await returnedKey(report.id)
    expect(await unread(officer17.id)).toEqual([
      `action-due:${dropped.id}:2026-10-13`, `action-due:${done.id}:2026-10-13`, `action-due:${moved.id}:2026-10-13`, `action-due:${open.id}:2026-10-13`, 'report-due:35.17:2026-3', returned,
    ].sort())

    await db.quarterlyReport.update({ where: { id: report.id }, data: { status: 'SUBMITTED', version: { increment: 1 } } })
    await db.actionItem.update({ where: { id: done.id }, data: { status: 'DONE', closedAt: new Date() } })
    await db.actionItem.update({ where: { id: dropped.id }, data: { status: 'DROPPED', closedAt: new Date() } })
    await db.actionItem.update({ where: { id: moved.id }, data: { dueDate: new Date('2026-11-30') } })
    await scanReminders({ now: NOW })
    // Triwulan III, not sent, stays owed
    expect(await unread(officer17.id)).toEqual([`action-due:${open.id}:2026-10-13`, 'report-due:35.17:2026-3'])
    // the admins' review of the report sent again is open until decided
    const review = `review-report:${report.id}:${report.version + 2}`
    expect(await unread(admin.id)).toContain(review)
    await db.quarterlyReport.update({ where: { id: report.id }, data: { status: 'APPROVED' } })
    await scanReminders({ now: NOW })
    expect(await unread(admin.id)).not.toContain(review)
    expect(await unread(admin2.id)).not.toContain(review)
  })
})

describe('meeting follow-ups: due soon or overdue, to their owners', () => {
  it('reminds a regency, a bank, a named user and the recorder of a unit, never for a closed follow-up or a cancelled meeting', async () => {
    const meeting = await db.meeting.create({ data: { title: 'Rakor Prokesra', type: 'RAKOR', startsAt: new Date('2026-09-01T02:00:00Z'), endsAt: new Date('2026-09-01T06:00:00Z'), organiser: 'Dinkop UMKM Jatim' } })
    const cancelled = await db.meeting.create({ data: { title: 'Rakor Batal', type: 'RAKOR', status: 'CANCELLED', startsAt: new Date('2026-09-02T02:00:00Z'), endsAt: new Date('2026-09-02T06:00:00Z'), organiser: 'Dinkop UMKM Jatim' } })
    const action = (data: Record<string, unknown>) =>
      db.actionItem.create({ data: { meetingId: meeting.id, title: 'Tindak lanjut', dueDate: new Date('2026-10-13'), ownerKind: 'REGENCY', ownerRegencyCode: '35.17', ...data }, select: { id: true } })
    const soon = await action({ title: 'Kirim data calon debitur' })
    const late = await action({ title: 'Rekap penyaluran', ownerKind: 'BANK', ownerRegencyCode: null, ownerBankId: banker.bankId, dueDate: new Date('2026-09-30') })
    const mine = await action({ title: 'Surat ke Bappeda', ownerKind: 'USER', ownerRegencyCode: null, ownerUserId: leader.id })
    const unit = await action({ title: 'Telaah anggaran', ownerKind: 'UNIT', ownerRegencyCode: null, ownerUnit: 'Bidang Pembiayaan', createdById: admin.id })
    await action({ title: 'Sudah selesai', status: 'DONE', closedAt: new Date('2026-10-01') })
    await action({ title: 'Masih lama', dueDate: new Date('2026-11-30') })
    await action({ title: 'Rapat batal', meetingId: cancelled.id })

    expect((await scanReminders({ now: NOW })).actionDue).toBe(4)
    expect(await notificationsOf(officer17.id, ACTION_KINDS)).toEqual([
      { kind: 'ACTION_DUE', eventKey: `action-due:${soon.id}:2026-10-13`, link: `/tindak-lanjut/${soon.id}`, params: { title: 'Kirim data calon debitur', meeting: 'Rakor Prokesra', dueDate: '2026-10-13' } },
    ])
    expect((await notificationsOf(banker.id, ACTION_KINDS)).map((n) => [n.kind, n.eventKey])).toEqual([['ACTION_OVERDUE', `action-overdue:${late.id}:2026-09-30`]])
    expect((await notificationsOf(leader.id, ACTION_KINDS)).map((n) => n.eventKey)).toEqual([`action-due:${mine.id}:2026-10-13`])
    expect((await notificationsOf(admin.id, ACTION_KINDS)).map((n) => n.eventKey)).toEqual([`action-due:${unit.id}:2026-10-13`])
    expect(await notificationsOf(officer78.id, ACTION_KINDS)).toEqual([])
    expect(await notificationsOf(dkiBanker.id, ACTION_KINDS)).toEqual([])

    // the same follow-ups, now overdue: a second, different event (the one already overdue is not repeated)
    expect((await scanReminders({ now: new Date('2026-10-14T03:00:00Z') })).actionDue).toBe(3)
    expect((await scanReminders({ now: new Date('2026-10-14T03:00:00Z') })).actionDue).toBe(0)
    expect((await notificationsOf(officer17.id, ACTION_KINDS)).map((n) => n.kind)).toEqual(['ACTION_DUE', 'ACTION_OVERDUE'])
  })

  it('not before its meeting has started: the decision is not taken yet', async () => {
    // NOW is 10 October 10.00 WIB; the meeting is on the 12th, its follow-up due on the 14th
    const meeting = await db.meeting.create({ data: { title: 'Rakor Mendatang', type: 'RAKOR', startsAt: new Date('2026-10-12T02:00:00Z'), endsAt: new Date('2026-10-12T06:00:00Z'), organiser: 'Dinkop UMKM Jatim' } })
    const action = await db.actionItem.create({ data: { meetingId: meeting.id, title: 'Usulan calon debitur', dueDate: new Date('2026-10-14'), ownerKind: 'REGENCY', ownerRegencyCode: '35.17' }, select: { id: true } })
    const told = () => db.notification.findMany({ where: { userId: officer17.id, kind: 'ACTION_ASSIGNED', link: `/tindak-lanjut/${action.id}` }, select: { eventKey: true } })
    expect((await scanReminders({ now: NOW })).actionDue).toBe(0)
    expect(await notificationsOf(officer17.id, ACTION_KINDS)).toEqual([])
    expect(await told()).toEqual([])
    // the scan after it started: due soon, and (nobody marked the meeting held) the follow-up told as assigned, once
    expect((await scanReminders({ now: new Date('2026-10-12T03:00:00Z') })).actionDue).toBe(1)
    expect((await notificationsOf(officer17.id, ACTION_KINDS)).map((n) => n.eventKey)).toEqual([`action-due:${action.id}:2026-10-14`])
    await scanReminders({ now: new Date('2026-10-12T04:00:00Z') })
    expect(await told()).toEqual([{ eventKey: `action-assigned:${action.id}:REGENCY-35.17` }])
    // postponed to a day still to come: the reminder waits for it again (read), and comes back once it has started
    await db.meeting.update({ where: { id: meeting.id }, data: { startsAt: new Date('2026-10-13T02:00:00Z'), endsAt: new Date('2026-10-13T06:00:00Z') } })
    const now = new Date('2026-10-12T04:00:00Z')
    await settleNotifications(db, { now, today: jakartaToday(now.getTime()), actions: [action.id] })
    expect(await db.notification.count({ where: { userId: officer17.id, kind: { in: ACTION_KINDS }, readAt: null } })).toBe(0)
  })

  it('marked read at once when the follow-up is done or its meeting cancelled, not at the next hourly scan', async () => {
    const meeting = await db.meeting.create({ data: { title: 'Rakor Prokesra', type: 'RAKOR', startsAt: new Date('2026-09-01T02:00:00Z'), endsAt: new Date('2026-09-01T06:00:00Z'), organiser: 'Dinkop UMKM Jatim' } })
    // the one done is of a meeting held (a planned meeting's follow-ups are not worked on: heldMeeting), the other of the
    // planned meeting then cancelled (a meeting held, once started, is closed, not cancelled)
    const held = await db.meeting.create({ data: { title: 'Rakor Prokesra terlaksana', type: 'RAKOR', status: 'HELD', startsAt: new Date('2026-09-02T02:00:00Z'), endsAt: new Date('2026-09-02T06:00:00Z'), organiser: 'Dinkop UMKM Jatim' } })
    const action = (title: string, meetingId = meeting.id) => db.actionItem.create({ data: { meetingId, title, dueDate: new Date('2026-10-13'), ownerKind: 'REGENCY', ownerRegencyCode: '35.17' }, select: { id: true, version: true } })
    const done = await action('Kirim data calon debitur', held.id)
    const other = await action('Rekap penyaluran')
    const elsewhere = await db.meeting.create({ data: { title: 'Rakornis', type: 'RAKORNIS', startsAt: new Date('2026-09-03T02:00:00Z'), endsAt: new Date('2026-09-03T06:00:00Z'), organiser: 'Dinkop UMKM Jatim' } })
    const kept = await db.actionItem.create({ data: { meetingId: elsewhere.id, title: 'Tetap', dueDate: new Date('2026-10-13'), ownerKind: 'REGENCY', ownerRegencyCode: '35.17' }, select: { id: true } })
    await scanReminders({ now: NOW })
    const unread = async () => (await db.notification.findMany({ where: { userId: officer17.id, readAt: null, kind: { in: ACTION_KINDS } }, select: { eventKey: true }, orderBy: { eventKey: 'asc' } })).map((n) => n.eventKey)
    expect(await unread()).toEqual([done.id, other.id, kept.id].map((id) => `action-due:${id}:2026-10-13`).sort())

    signInAs(officer17)
    expect((await addProgress(undefined, form({ actionId: done.id, version: done.version, note: 'Data sudah dikirim.', status: 'DONE' }))).ok).toBe(true)
    expect(await unread()).toEqual([other.id, kept.id].map((id) => `action-due:${id}:2026-10-13`).sort())

    signInAs(admin)
    const m = await db.meeting.findUniqueOrThrow({ where: { id: meeting.id }, select: { version: true } })
    expect((await setMeetingStatus(undefined, form({ id: meeting.id, version: m.version, status: 'CANCELLED' }))).ok).toBe(true)
    // the cancelled meeting's reminder is read; another meeting's stays
    expect(await unread()).toEqual([`action-due:${kept.id}:2026-10-13`])
  })
})

describe('admins: reports and claims waiting for review', () => {
  it('tells every active admin once per submission, and nobody else', async () => {
    const report = await db.quarterlyReport.create({ data: { regencyCode: '35.78', year: 2026, quarter: 3, status: 'SUBMITTED', submittedAt: new Date('2026-10-05'), firstSubmittedAt: new Date('2026-10-05') } })
    const program = await db.creditProgram.create({
      data: { code: 'PENGINGAT-2026', scheme: 'PENGINGAT', name: 'Prokesra Pengingat 2026', year: 2026, creditTarget: 100_000_000, beneficiaryTarget: 4, subsidyCeiling: 10_000_000, borrowerRate: 0.03, maxPlafond: 25_000_000, maxTenorMonths: 24, eligibleScales: ['MIKRO'] },
    })
    const claim = await db.subsidyClaim.create({ data: { programId: program.id, bankId: banker.bankId!, month: new Date('2026-09-01') } })
    const result = await scanReminders({ now: NOW })
    expect(result).toMatchObject({ reviewReport: 2, reviewClaim: 2 })
    for (const a of [admin, admin2]) {
      expect((await notificationsOf(a.id, REVIEW_KINDS)).map((n) => [n.kind, n.eventKey, n.link])).toEqual([
        ['REVIEW_CLAIM', `review-claim:${claim.id}:1`, `/kredit/klaim/${claim.id}`],
        ['REVIEW_REPORT', `review-report:${report.id}:1`, '/laporan-triwulan/35.78/2026/3'],
      ])
    }
    const [claimRow] = await notificationsOf(admin.id, ['REVIEW_CLAIM'])
    expect(notificationText('REVIEW_CLAIM', claimRow.params, 'id').body).toBe('BPR Jatim mengajukan klaim subsidi bunga September 2026 untuk Prokesra Pengingat 2026.')
    for (const u of [leader, banker, officer78]) expect(await notificationsOf(u.id, REVIEW_KINDS)).toEqual([])
  })

  it('a report sent tells the admins in its own transaction, before any scan; the scan adds nothing', async () => {
    await db.$transaction((tx) => writeReportValues(tx, { id: officer17.id, username: officer17.username, role: 'DISTRICT_OFFICER' }, {
      regencyCode: '35.17', year: 2026, quarter: 3, indicators: [], values: {}, comments: {}, replace: false, submit: true,
    }))
    const report = await db.quarterlyReport.findFirstOrThrow({ where: { regencyCode: '35.17', year: 2026, quarter: 3 }, select: { id: true, version: true } })
    for (const a of [admin, admin2]) {
      expect((await notificationsOf(a.id, REVIEW_KINDS)).map((n) => [n.kind, n.eventKey, n.link])).toEqual([
        ['REVIEW_REPORT', `review-report:${report.id}:${report.version}`, '/laporan-triwulan/35.17/2026/3'],
      ])
    }
    for (const u of [leader, banker, officer17, officer78]) expect(await notificationsOf(u.id, REVIEW_KINDS)).toEqual([])
    expect((await scanReminders({ now: NOW })).reviewReport).toBe(0)
    // a draft saved is not sent: nobody is told
    await db.$transaction((tx) => writeReportValues(tx, { id: officer78.id, username: officer78.username, role: 'DISTRICT_OFFICER' }, {
      regencyCode: '35.78', year: 2026, quarter: 3, indicators: [], values: {}, comments: {}, replace: false, submit: false,
    }))
    expect(await notificationsOf(admin.id, REVIEW_KINDS)).toHaveLength(1)
  })
})

describe('district officers: a report approved', () => {
  it('tells the regency’s active officers in the approval transaction, once per approval; reopened, it is read; approved again, told again', async () => {
    const report = await db.quarterlyReport.create({
      data: { regencyCode: '35.17', year: 2026, quarter: 3, status: 'SUBMITTED', submittedAt: new Date('2026-10-05'), firstSubmittedAt: new Date('2026-10-05') },
    })
    // the admins were told it waits for review; the decision reads their notices at once
    await scanReminders({ now: NOW })
    expect(await db.notification.count({ where: { kind: 'REVIEW_REPORT', readAt: null } })).toBe(2)
    signInAs(admin)
    expect((await approveReport(undefined, form({ id: report.id, version: report.version }))).ok).toBe(true)
    expect(await db.notification.count({ where: { kind: 'REVIEW_REPORT', readAt: null } })).toBe(0)
    const rows = await notificationsOf(officer17.id, ['REPORT_APPROVED'])
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ link: '/laporan-triwulan/35.17/2026/3', params: { regency: 'Kabupaten Jombang', year: 2026, quarter: 3 } })
    const { approvedAt } = await db.quarterlyReport.findUniqueOrThrow({ where: { id: report.id }, select: { approvedAt: true } })
    expect(rows[0].eventKey).toBe(`report-approved:${report.id}:${approvedAt!.toISOString().slice(0, 23)}`)
    expect(notificationText('REPORT_APPROVED', rows[0].params, 'id')).toEqual({
      title: 'Laporan Triwulan III 2026 disetujui',
      body: 'Dinas menyetujui laporan Kabupaten Jombang untuk Triwulan III 2026; laporan kini terkunci.',
    })
    expect(notificationText('REPORT_APPROVED', rows[0].params, 'en').body).toBe("The agency approved Kabupaten Jombang's report for Quarter III 2026; it is now locked.")
    for (const u of [officer78, retired17, admin, admin2, leader, banker]) expect(await notificationsOf(u.id, ['REPORT_APPROVED'])).toEqual([])
    // the scan neither repeats it nor settles it
    await scanReminders({ now: NOW })
    expect(await db.notification.count({ where: { userId: officer17.id, kind: 'REPORT_APPROVED', readAt: null } })).toBe(1)

    // reopened: the approval no longer stands, its notice is read with the reopening (before any scan); approved again: a new notice
    expect((await reopenReport(undefined, form({ id: report.id, version: report.version + 1, reason: 'Angka SHU salah ketik.' }))).ok).toBe(true)
    expect(await db.notification.count({ where: { userId: officer17.id, kind: 'REPORT_APPROVED', readAt: null } })).toBe(0)
    await scanReminders({ now: NOW })
    await db.quarterlyReport.update({ where: { id: report.id }, data: { status: 'SUBMITTED', version: { increment: 1 } } })
    expect((await approveReport(undefined, form({ id: report.id, version: report.version + 3 }))).ok).toBe(true)
    const again = await notificationsOf(officer17.id, ['REPORT_APPROVED'])
    expect(again).toHaveLength(2)
    expect(await db.notification.count({ where: { userId: officer17.id, kind: 'REPORT_APPROVED', readAt: null } })).toBe(1)
    // a notice of an earlier approval left unread (a settle missed) is read by the scan; the current one stays
    await db.notification.create({ data: { userId: officer17.id, kind: 'REPORT_APPROVED', eventKey: `report-approved:${report.id}:2026-10-01T00:00:00.000`, link: '/laporan-triwulan/35.17/2026/3' } })
    await scanReminders({ now: NOW })
    expect((await db.notification.findMany({ where: { userId: officer17.id, kind: 'REPORT_APPROVED', readAt: null }, select: { eventKey: true } })).map((n) => n.eventKey))
      .toEqual([(await notificationsOf(officer17.id, ['REPORT_APPROVED'])).map((n) => n.eventKey).sort().at(-1)])
  })

  it('an approval that fails (a stale version) tells no one', async () => {
    const report = await db.quarterlyReport.create({
      data: { regencyCode: '35.17', year: 2026, quarter: 3, status: 'SUBMITTED', submittedAt: new Date('2026-10-05'), firstSubmittedAt: new Date('2026-10-05') },
    })
    signInAs(admin)
    expect((await approveReport(undefined, form({ id: report.id, version: report.version + 1 }))).ok).toBe(false)
    expect(await notificationsOf(officer17.id, ['REPORT_APPROVED'])).toEqual([])
  })
})

describe('several workers at once', () => {
  let smtp: SMTPServer
  const received: { to: string; subject: string }[] = []
  const PORT = 2595

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      onData(stream, session, callback) {
        let raw = ''
        stream.on('data', (c: Buffer) => (raw += c.toString('utf8')))
        stream.on('end', () => {
          received.push({ to: session.envelope.rcptTo.map((r) => r.address).join(','), subject: /^Subject: (.*)$/m.exec(raw)?.[1] ?? '' })
          callback()
        })
      },
    })
    await new Promise<void>((resolve, reject) => {
      smtp.once('error', reject)
      smtp.listen(PORT, '127.0.0.1', () => resolve())
    })
    await db.user.update({ where: { id: officer17.id }, data: { email: 'jombang@example.test' } })
    await db.user.update({ where: { id: admin.id }, data: { email: 'admin@example.test' } })
  })
  afterAll(async () => {
    delete process.env.SMTP_URL
    await new Promise<void>((resolve) => smtp.close(() => resolve()))
  })

  it('create each reminder once and send each e-mail once', async () => {
    process.env.SMTP_URL = `smtp://127.0.0.1:${PORT}`
    await db.quarterlyReport.create({ data: { regencyCode: '35.17', year: 2026, quarter: 2, status: 'RETURNED', version: 3, returnReason: 'Lengkapi hambatan.', reviewedAt: new Date('2026-07-20T02:00:00Z'), submittedAt: new Date('2026-07-10'), firstSubmittedAt: new Date('2026-07-10') } })
    await db.quarterlyReport.create({ data: { regencyCode: '35.78', year: 2026, quarter: 3, status: 'SUBMITTED', submittedAt: new Date('2026-10-05'), firstSubmittedAt: new Date('2026-10-05') } })
    // four scan jobs for the same moment (four instances' schedules), drained by four workers racing,
    // while two more scans run directly
    await Promise.all(Array.from({ length: 4 }, (_, i) => enqueue(REMINDER_SCAN, { now: NOW.toISOString(), once: true, i })))
    await Promise.all([
      ...Array.from({ length: 4 }, () => runJobsUntilIdle({ kinds: [REMINDER_SCAN] })),
      scanReminders({ now: NOW }),
      scanReminders({ now: NOW }),
    ])
    const jobs = await db.job.findMany({ where: { kind: REMINDER_SCAN }, select: { state: true } })
    expect(jobs.map((j) => j.state)).toEqual(['SUCCEEDED', 'SUCCEEDED', 'SUCCEEDED', 'SUCCEEDED'])

    // Jombang: Triwulan III due, Triwulan II returned; Surabaya: Triwulan II late (its III is sent);
    // each admin: Surabaya's report to review
    const rows = await db.notification.findMany({ select: { userId: true, eventKey: true, emailState: true } })
    const byUser = (id: string) => rows.filter((r) => r.userId === id).map((r) => r.eventKey).sort()
    expect(byUser(officer17.id)).toEqual(['report-due:35.17:2026-3', expect.stringMatching(/^report-returned:.+:2026-07-20T02:00:00\.000$/)])
    expect(byUser(officer78.id)).toEqual(['report-late:35.78:2026-2'])
    expect(byUser(admin.id)).toEqual([expect.stringMatching(/^review-report:.+:1$/)])
    expect(byUser(admin2.id)).toEqual([expect.stringMatching(/^review-report:.+:1$/)])
    expect(rows).toHaveLength(5)

    // e-mail: only users with an address; each sent once although six scans tried
    expect(rows.filter((r) => r.emailState === 'SENT')).toHaveLength(3)
    expect(rows.filter((r) => r.emailState === null)).toHaveLength(2)
    expect(received.map((m) => m.to).sort()).toEqual(['admin@example.test', 'jombang@example.test', 'jombang@example.test'])
    expect(received.map((m) => m.subject).sort()).toContain('[Lumbung] Laporan Triwulan III 2026 jatuh tempo 15 Oktober 2026')

    // and again: nothing more
    expect(Object.values(await scanReminders({ now: NOW })).every((n) => n === 0)).toBe(true)
    await runJobsUntilIdle({ kinds: [REMINDER_SCAN] })
    expect(received).toHaveLength(3)
  })

  it('queue one scan per hour however many instances start, each queueing the next', async () => {
    delete process.env.SMTP_URL
    const at = new Date('2026-10-10T03:20:00Z')
    const ids = await Promise.all([ensureReminderSchedule(at), ensureReminderSchedule(at), ensureReminderSchedule(at)])
    expect(new Set(ids).size).toBe(1)
    await db.job.update({ where: { id: ids[0] }, data: { runAt: new Date(Date.now() - 1000) } })
    await runJobsUntilIdle({ kinds: [REMINDER_SCAN] })
    const jobs = await db.job.findMany({ where: { kind: REMINDER_SCAN }, select: { state: true, dedupeKey: true, runAt: true }, orderBy: { createdAt: 'asc' } })
    expect(jobs).toHaveLength(2)
    expect(jobs[0]).toMatchObject({ state: 'SUCCEEDED', dedupeKey: 'slot:2026-10-10T03' })
    // the next one waits for the next hour (of the real clock: the scan ran now)
    expect(jobs[1].state).toBe('QUEUED')
    expect(jobs[1].runAt.getTime()).toBeGreaterThan(Date.now())
    expect(jobs[1].runAt.getUTCMinutes()).toBe(0)
  })
})

describe('a user sees and marks only its own notifications', () => {
  it('lists, counts and marks read within the user, and refuses another user’s', async () => {
    const make = (userId: string, key: string, at: string) =>
      db.notification.create({ data: { userId, kind: 'REPORT_DUE', eventKey: key, link: '/laporan-triwulan/35.17/2026/3', params: { regency: 'Kabupaten Jombang', year: 2026, quarter: 3, deadline: '2026-10-15' }, createdAt: new Date(at) }, select: { id: true } })
    const a = await make(officer17.id, 'a', '2026-10-01T01:00:00Z')
    const b = await make(officer17.id, 'b', '2026-10-02T01:00:00Z')
    const other = await make(officer78.id, 'c', '2026-10-03T01:00:00Z')

    expect(await countUnreadNotifications({ user: officer17 })).toBe(2)
    const listed = await findNotifications({ user: officer17 })
    expect(listed.rows.map((r) => r.id)).toEqual([b.id, a.id])
    expect(listed).toMatchObject({ total: 2, unread: 2 })

    // another user's notification: not found, unchanged, no audit row
    signInAs(officer17)
    const audits = await db.auditLog.count()
    const refused = await markNotificationRead(undefined, form({ id: other.id }))
    expect(refused).toMatchObject({ ok: false, message: REFUSAL_MESSAGES.NOT_FOUND })
    expect((await db.notification.findUniqueOrThrow({ where: { id: other.id } })).readAt).toBeNull()
    expect(await db.auditLog.count()).toBe(audits)

    // its own: read, audited once; opening goes to its page
    const opened = await markNotificationRead(undefined, form({ id: a.id, open: '1' })).then(() => null, (e: unknown) => e)
    expect(String((opened as { digest?: string }).digest)).toContain('/laporan-triwulan/35.17/2026/3')
    expect((await db.notification.findUniqueOrThrow({ where: { id: a.id } })).readAt).toBeInstanceOf(Date)
    expect(await db.auditLog.count({ where: { entity: 'Notification', entityId: a.id } })).toBe(1)
    expect(await countUnreadNotifications({ user: officer17 })).toBe(1)

    // mark all: only its own, only up to what the page showed
    const late = await make(officer17.id, 'd', '2026-10-09T01:00:00Z')
    const all = await markAllNotificationsRead(undefined, form({ upTo: '2026-10-05T00:00:00.000Z' }))
    expect(all).toMatchObject({ ok: true, message: '1 pemberitahuan ditandai sudah dibaca.' })
    expect((await db.notification.findUniqueOrThrow({ where: { id: b.id } })).readAt).toBeInstanceOf(Date)
    expect((await db.notification.findUniqueOrThrow({ where: { id: late.id } })).readAt).toBeNull()
    expect((await db.notification.findUniqueOrThrow({ where: { id: other.id } })).readAt).toBeNull()
    expect((await findNotifications({ user: officer17, unread: true })).rows.map((r) => r.id)).toEqual([late.id])

    // signed out: refused
    signInAs(null)
    expect(await markAllNotificationsRead(undefined, form({ upTo: new Date().toISOString() }))).toMatchObject({ ok: false, message: MESSAGES.signedOut })
  })
})

it('knows the WIB day', () => {
  expect(jakartaToday(Date.parse('2026-10-14T16:59:00Z'))).toBe('2026-10-14')
  expect(jakartaToday(Date.parse('2026-10-14T17:00:00Z'))).toBe('2026-10-15')
})
