/**
 * A reporting deadline on a Saturday, Sunday or holiday: the agency's rule is a fixed day (15 days after
 * the quarter ends), so the date is saved as set, and the success message says it is not a working day.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { db } from '@/lib/db'
import { saveDeadline } from '@/lib/actions/config'
import { createTestUser, signInAs, submit } from '../support/session'

type TestUser = Awaited<ReturnType<typeof createTestUser>>
let admin: TestUser

beforeAll(async () => {
  admin = await createTestUser({ role: 'ADMIN' })
})

const saved = (year: number, quarter: number) =>
  db.reportingPeriod.findUnique({ where: { year_quarter: { year, quarter } }, select: { deadline: true } }).then((r) => r?.deadline.toISOString().slice(0, 10))

describe('a deadline that is not a working day', () => {
  it('saves a Saturday and says so', async () => {
    signInAs(admin)
    const r = await submit(saveDeadline, { year: 2027, quarter: 2, version: 0, deadline: '2027-07-17' })
    expect(r.state).toMatchObject({ ok: true })
    expect(r.state?.message).toBe('Batas waktu Triwulan II 2027 menjadi 17 Juli 2027. Perhatian: batas waktu ini hari Sabtu, bukan hari kerja; laporan yang dikirim pada hari kerja berikutnya tercatat terlambat.')
    expect(await saved(2027, 2)).toBe('2027-07-17')
  })

  it('names a holiday of the calendar on the deadline', async () => {
    signInAs(admin)
    await db.publicHoliday.create({ data: { date: new Date('2027-04-15T00:00:00Z'), name: 'Libur Uji Tenggat', kind: 'NATIONAL_HOLIDAY' } })
    const r = await submit(saveDeadline, { year: 2027, quarter: 1, version: 0, deadline: '2027-04-15' })
    expect(r.state).toMatchObject({ ok: true })
    expect(r.state?.message).toMatch(/Perhatian: batas waktu ini hari libur \(Libur Uji Tenggat\), bukan hari kerja/)
    expect(await saved(2027, 1)).toBe('2027-04-15')
  })

  it('adds nothing for a working day', async () => {
    signInAs(admin)
    const r = await submit(saveDeadline, { year: 2027, quarter: 3, version: 0, deadline: '2027-10-14' })
    expect(r.state).toEqual({ ok: true, message: 'Batas waktu Triwulan III 2027 menjadi 14 Oktober 2027.' })
  })
})
