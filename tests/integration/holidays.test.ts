/**
 * The holiday calendar and the activity measure of an indicator, on the real database (issue #15):
 * - Pengaturan › Hari libur: add, edit, delete, each audited; a duplicate date refused on its field; a stale
 *   edit refused naming who changed the day; two racing edits, exactly one lands; other roles refused;
 * - a time-bound target in working days subtracts the calendar's weekday holidays (not its weekend ones),
 *   in its pace and days left, as soon as the admin adds them;
 * - which activity measure feeds an indicator, chosen on the indicator's screen: validated, versioned with
 *   the indicator, audited, and never rewriting an approved report (the counted value is read when shown).
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { db } from '@/lib/db'
import { signInAs } from '../support/session-mock'
import { createUser, form } from '../support/factories'
import { getCurrentUser } from '@/lib/session'
import type { ActionState } from '@/lib/safe-action'
import { deleteHoliday, saveHoliday } from '@/lib/actions/holidays'
import { saveIndicator } from '@/lib/actions/config'
import { addBeneficiary, createActivity, createProgrammeTarget } from '@/lib/actions/activities'
import { findHolidays } from '@/lib/data/holidays'
import { activityIndicatorValues } from '@/lib/data/activities'
import { getProgrammeTarget } from '@/lib/data/programme-targets'
import { seedReportingCatalogue } from '@/prisma/seed/reporting'

type U = Awaited<ReturnType<typeof createUser>>
let admin: U, admin2: U, leader: U, officer: U

/** A server action's result, a redirect counted as success (with its URL). */
async function run(fn: () => Promise<ActionState>): Promise<ActionState & { url?: string }> {
  try {
    return await fn()
  } catch (e) {
    const digest = String((e as { digest?: string }).digest ?? '')
    if (!digest.startsWith('NEXT_REDIRECT')) throw e
    return { ok: true, url: digest.split(';')[2] }
  }
}

const holiday = (date: string) => db.publicHoliday.findUnique({ where: { date: new Date(`${date}T00:00:00Z`) } })

beforeAll(async () => {
  await seedReportingCatalogue(db)
  admin = await createUser('ADMIN')
  admin2 = await db.user.update({ where: { id: (await createUser('ADMIN')).id }, data: { name: 'Admin Kedua' }, select: { id: true, username: true, role: true, regencyCode: true, bankId: true, sessionVersion: true, version: true } })
  leader = await createUser('LEADERSHIP')
  officer = await createUser('DISTRICT_OFFICER', { regencyCode: '35.17' })
})

describe('the holiday calendar', () => {
  it('is seeded with the SKB 3 Menteri 2026 days, each with its source, and only certain 2027 days marked to confirm', async () => {
    signInAs(admin)
    const y2026 = await findHolidays({ user: (await getCurrentUser())!, year: 2026 })
    expect(y2026.holidays).toHaveLength(25)
    expect(y2026.holidays.filter((h) => h.kind === 'CUTI_BERSAMA').map((h) => h.date)).toEqual(['2026-02-16', '2026-03-18', '2026-03-20', '2026-03-23', '2026-03-24', '2026-05-15', '2026-05-28', '2026-12-24'])
    expect(y2026.holidays.every((h) => h.source?.includes('1497'))).toBe(true)
    // 261 weekdays in 2026; 21 holidays fall on them (Idul Fitri 21–22 Mar, Paskah 5 Apr, Waisak 31 May are weekend days)
    expect(y2026).toMatchObject({ weekdays: 261, workingDays: 240 })
    const y2027 = await findHolidays({ user: (await getCurrentUser())!, year: 2027 })
    expect(y2027.holidays.every((h) => h.source?.includes('konfirmasi'))).toBe(true)
  })

  it('adds, edits and deletes a day, each with its audit row; a duplicate date is refused on the field', async () => {
    signInAs(admin)
    const added = await run(() => saveHoliday(undefined, form({ version: 0, date: '2030-01-01', name: 'Tahun Baru 2030 Masehi', kind: 'NATIONAL_HOLIDAY', source: 'konfirmasi' })))
    expect(added).toMatchObject({ ok: true })
    expect(added.url).toContain('tahun=2030')
    const row = (await holiday('2030-01-01'))!
    expect(row).toMatchObject({ name: 'Tahun Baru 2030 Masehi', kind: 'NATIONAL_HOLIDAY', version: 1 })
    expect(await db.auditLog.count({ where: { entity: 'PublicHoliday', entityId: row.id, action: 'CREATE' } })).toBe(1)

    const dup = await run(() => saveHoliday(undefined, form({ version: 0, date: '2030-01-01', name: 'Dua kali', kind: 'CUTI_BERSAMA' })))
    expect(dup.ok).toBe(false)
    expect(dup.errors?.date?.[0]).toMatch(/sudah ada/)

    const edited = await run(() => saveHoliday(undefined, form({ id: row.id, version: 1, date: '2030-01-01', name: 'Tahun Baru 2030', kind: 'NATIONAL_HOLIDAY', source: 'SKB 2029' })))
    expect(edited).toMatchObject({ ok: true })
    expect(await holiday('2030-01-01')).toMatchObject({ name: 'Tahun Baru 2030', source: 'SKB 2029', version: 2 })
    const audit = await db.auditLog.findFirstOrThrow({ where: { entity: 'PublicHoliday', entityId: row.id, action: 'UPDATE' } })
    expect(audit.before).toMatchObject({ name: 'Tahun Baru 2030 Masehi' })
    expect(audit.after).toMatchObject({ name: 'Tahun Baru 2030' })

    // a stale delete is refused, naming who changed it; the right version deletes it
    const stale = await run(() => deleteHoliday(undefined, form({ id: row.id, version: 1 })))
    expect(stale).toMatchObject({ ok: false })
    expect(stale.message).toMatch(/Hari libur sudah diubah oleh Uji ADMIN/)
    expect(await run(() => deleteHoliday(undefined, form({ id: row.id, version: 2 })))).toMatchObject({ ok: true })
    expect(await holiday('2030-01-01')).toBeNull()
    expect(await db.auditLog.count({ where: { entity: 'PublicHoliday', entityId: row.id, action: 'DELETE' } })).toBe(1)
  })

  it('refuses a stale edit naming who saved first, and of two racing edits exactly one lands', async () => {
    signInAs(admin)
    await run(() => saveHoliday(undefined, form({ version: 0, date: '2030-05-01', name: 'Hari Buruh Internasional', kind: 'NATIONAL_HOLIDAY' })))
    const row = (await holiday('2030-05-01'))!
    signInAs(admin2)
    expect(await run(() => saveHoliday(undefined, form({ id: row.id, version: 1, date: '2030-05-01', name: 'Hari Buruh', kind: 'NATIONAL_HOLIDAY' })))).toMatchObject({ ok: true })
    signInAs(admin)
    const stale = await run(() => saveHoliday(undefined, form({ id: row.id, version: 1, date: '2030-05-01', name: 'Hari Buruh 2030', kind: 'NATIONAL_HOLIDAY' })))
    expect(stale.ok).toBe(false)
    expect(stale.message).toMatch(/sudah diubah oleh Admin Kedua/)

    const results = await Promise.all(['Satu', 'Dua'].map(async (who) => {
      signInAs(who === 'Satu' ? admin : admin2)
      return run(() => saveHoliday(undefined, form({ id: row.id, version: 2, date: '2030-05-01', name: `Hari Buruh ${who}`, kind: 'NATIONAL_HOLIDAY' })))
    }))
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    expect((await holiday('2030-05-01'))!.version).toBe(3)
  })

  it('is the admin\'s alone: leadership and a district officer are refused, nothing written', async () => {
    const before = await db.publicHoliday.count()
    for (const u of [leader, officer]) {
      signInAs(u)
      expect(await run(() => saveHoliday(undefined, form({ version: 0, date: '2030-08-17', name: 'Proklamasi Kemerdekaan', kind: 'NATIONAL_HOLIDAY' })))).toMatchObject({ ok: false })
      expect(await run(() => deleteHoliday(undefined, form({ id: 'libur-2026-08-17', version: 1 })))).toMatchObject({ ok: false })
      await expect(findHolidays({ user: (await getCurrentUser())!, year: 2026 })).rejects.toMatchObject({ code: 'FORBIDDEN' })
    }
    expect(await db.publicHoliday.count()).toBe(before)
  })
})

describe('working days of a time-bound target subtract the holiday calendar', () => {
  it('counts Monday–Friday minus the weekday holidays in the window, in the pace and the days left', async () => {
    signInAs(admin)
    // Monday 7 Jan 2030 to Friday 18 Jan 2030: ten weekdays, no holiday yet
    const created = await run(() => createProgrammeTarget(undefined, form({ name: '10 KSP sehat dalam 10 hari kerja', measure: 'HEALTHY_KSP', targetValue: '10', startDate: '2030-01-07', deadline: '2030-01-18', regencyCode: '35.17', workingDays: 'on' })))
    const id = created.url!.split('?')[0].split('/').pop()!
    const user = (await getCurrentUser())!
    // on Wednesday 9 Jan: three of ten days elapsed, seven left
    expect((await getProgrammeTarget({ user, id, today: '2030-01-09' }))!.pace).toMatchObject({ totalDays: 10, elapsedDays: 3, daysLeft: 7, expected: 3, status: 'BEHIND' })

    // a weekday holiday (Tuesday 8 Jan) and a weekend one (Saturday 12 Jan)
    await run(() => saveHoliday(undefined, form({ version: 0, date: '2030-01-08', name: 'Hari libur uji', kind: 'CUTI_BERSAMA' })))
    await run(() => saveHoliday(undefined, form({ version: 0, date: '2030-01-12', name: 'Hari libur akhir pekan', kind: 'NATIONAL_HOLIDAY' })))
    expect((await getProgrammeTarget({ user, id, today: '2030-01-09' }))!.pace).toMatchObject({ totalDays: 9, elapsedDays: 2, daysLeft: 7, expected: 2 })
    // and a holiday outside the window changes nothing
    await run(() => saveHoliday(undefined, form({ version: 0, date: '2030-01-21', name: 'Di luar jendela', kind: 'NATIONAL_HOLIDAY' })))
    expect((await getProgrammeTarget({ user, id, today: '2030-01-09' }))!.pace.totalDays).toBe(9)
  })

  it('leaves a target in calendar days alone', async () => {
    signInAs(admin)
    const created = await run(() => createProgrammeTarget(undefined, form({ name: 'Target hari kalender', measure: 'HEALTHY_KSP', targetValue: '5', startDate: '2030-01-07', deadline: '2030-01-18' })))
    const id = created.url!.split('?')[0].split('/').pop()!
    expect((await getProgrammeTarget({ user: (await getCurrentUser())!, id, today: '2030-01-09' }))!.pace).toMatchObject({ totalDays: 12, elapsedDays: 3 })
  })
})

describe('which activity measure feeds an indicator', () => {
  const indicator = { code: 'UMKM_DILATIH', name: 'UMKM yang dilatih', nameEn: 'MSMEs trained', formCode: 'PEMBERDAYAAN', unit: 'COUNT', aggregation: 'SUM', timeAggregation: 'FLOW', decimals: 0, sortOrder: 90, active: 'on' }

  it('is chosen on the indicator, versioned and audited, and never rewrites an approved report', async () => {
    signInAs(admin)
    expect(await run(() => saveIndicator(undefined, form({ ...indicator, version: 0, activityMeasure: 'TRAINING:MSME' })))).toMatchObject({ ok: true })
    expect(await db.indicatorActivityMeasure.findUnique({ where: { indicatorCode: 'UMKM_DILATIH' } })).toMatchObject({ activityKind: 'TRAINING', beneficiaryType: 'MSME' })
    expect((await db.auditLog.findFirstOrThrow({ where: { entity: 'Indicator', entityId: 'UMKM_DILATIH', action: 'CREATE' } })).after).toMatchObject({ activityMeasure: 'TRAINING:MSME' })

    // a training in Jombang in Triwulan II 2031 with one MSME (counted once it has taken place: read on a day after it)
    const msme = await db.msme.create({ data: { nib: '9170000000931', businessName: 'Keripik Pelatihan', ownerName: 'Siti', ownerNik: '3517014501900931', ownerGender: 'P', kbli: '10792', regencyCode: '35.17', computedScale: 'MIKRO' }, select: { id: true } })
    const activity = await run(() => createActivity(undefined, form({ kind: 'TRAINING', title: 'Pelatihan pemasaran digital', startDate: '2031-05-12', regencyCode: '35.17' })))
    const activityId = activity.url!.split('?')[0].split('/').pop()!
    expect(await addBeneficiary(undefined, form({ activityId, type: 'MSME', msmeNib: '9170000000931' }))).toMatchObject({ ok: true })
    expect(msme.id).toBeTruthy()
    const user = (await getCurrentUser())!
    expect((await activityIndicatorValues({ user, regencyCode: '35.17', year: 2031, quarter: 2, today: '2031-12-31' })).UMKM_DILATIH).toBe(1)

    // an approved report of that quarter with a typed value that differs
    const report = await db.quarterlyReport.create({
      data: { regencyCode: '35.17', year: 2031, quarter: 2, status: 'APPROVED', firstSubmittedAt: new Date('2031-07-05'), submittedAt: new Date('2031-07-05'), approvedAt: new Date('2031-07-20'), values: { create: [{ indicatorCode: 'UMKM_DILATIH', value: 5 }] } },
      select: { id: true },
    })
    const snapshot = () => db.quarterlyReport.findUniqueOrThrow({ where: { id: report.id }, include: { values: { orderBy: { indicatorCode: 'asc' } } } })
    const before = await snapshot()

    // the measure changes on an indicator already used in reports (its meaning fields stay locked)
    expect(await run(() => saveIndicator(undefined, form({ ...indicator, version: 1, activityMeasure: 'TRAINING:COOPERATIVE' })))).toMatchObject({ ok: true })
    expect(await snapshot()).toEqual(before)
    expect((await activityIndicatorValues({ user, regencyCode: '35.17', year: 2031, quarter: 2, today: '2031-12-31' })).UMKM_DILATIH).toBe(0)
    expect((await db.indicator.findUniqueOrThrow({ where: { code: 'UMKM_DILATIH' } })).version).toBe(2)
    const audit = await db.auditLog.findFirstOrThrow({ where: { entity: 'Indicator', entityId: 'UMKM_DILATIH', action: 'UPDATE' }, orderBy: { id: 'desc' } })
    expect(audit.before).toMatchObject({ activityMeasure: 'TRAINING:MSME' })
    expect(audit.after).toMatchObject({ activityMeasure: 'TRAINING:COOPERATIVE' })

    // a stale edit (the version before) is refused and changes nothing
    const stale = await run(() => saveIndicator(undefined, form({ ...indicator, version: 1, activityMeasure: 'TRAINING:PERSON' })))
    expect(stale.ok).toBe(false)
    expect(stale.message).toMatch(/sudah diubah oleh/)
    expect(await db.indicatorActivityMeasure.findUnique({ where: { indicatorCode: 'UMKM_DILATIH' } })).toMatchObject({ beneficiaryType: 'COOPERATIVE' })

    // none: the indicator is typed only again; the report still unchanged
    expect(await run(() => saveIndicator(undefined, form({ ...indicator, version: 2, activityMeasure: '' })))).toMatchObject({ ok: true })
    expect(await db.indicatorActivityMeasure.findUnique({ where: { indicatorCode: 'UMKM_DILATIH' } })).toBeNull()
    expect((await activityIndicatorValues({ user, regencyCode: '35.17', year: 2031, quarter: 2, today: '2031-12-31' })).UMKM_DILATIH).toBeUndefined()
    expect(await snapshot()).toEqual(before)
  })

  it('is refused on a percent or ratio indicator and for an unknown measure, on its field', async () => {
    signInAs(admin)
    const pct = await run(() => saveIndicator(undefined, form({ ...indicator, code: 'PERSEN_DILATIH', unit: 'PERCENT', decimals: 2, version: 0, activityMeasure: 'TRAINING:MSME' })))
    expect(pct.ok).toBe(false)
    expect(pct.errors?.activityMeasure?.[0]).toMatch(/Hanya indikator jumlah/)
    const unknown = await run(() => saveIndicator(undefined, form({ ...indicator, code: 'TIDAK_DIKENAL', version: 0, activityMeasure: 'TRAINING:BANK' })))
    expect(unknown.errors?.activityMeasure?.[0]).toMatch(/Pilih jenis kegiatan/)
    expect(await db.indicator.count({ where: { code: { in: ['PERSEN_DILATIH', 'TIDAK_DIKENAL'] } } })).toBe(0)
  })

  it('is the admin\'s alone', async () => {
    signInAs(officer)
    expect(await run(() => saveIndicator(undefined, form({ ...indicator, code: 'TOLAK_UKURAN', version: 0, activityMeasure: 'TRAINING:MSME' })))).toMatchObject({ ok: false })
    expect(await db.indicatorActivityMeasure.count({ where: { indicatorCode: 'TOLAK_UKURAN' } })).toBe(0)
  })
})
