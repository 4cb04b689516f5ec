import { beforeAll, describe, expect, it } from 'vitest'
import { db } from '@/lib/db'
import { signInAs as actAs } from '../support/session-mock'
import { createUser, form } from '../support/factories'
import { seedReportingCatalogue } from '@/prisma/seed/reporting'
import { approveReport, reopenReport, returnReport, saveReport } from '@/lib/actions/reporting'
import { getCompleteness, getReport } from '@/lib/data/reporting'


const JOMBANG = '35.17'
const MALANG = '35.07'
// Triwulan III 2026: the quarterly forms only (semester forms fall due in II and IV)
const VALID = {
  'values.KOP_TERDAFTAR': '347', 'values.KOP_AKTIF': '296', 'values.KSP_SEHAT': '10', 'values.MANAJER_KSP': '30', 'values.KOP_KAMPUNG': '12',
  'values.FASILITASI_KOP': '3', 'values.FASILITASI_UMKM': '20', 'values.BANTUAN_MODAL': '23', 'values.IUMK_TERBIT': '43.950', 'values.DAK_PENDAMPINGAN': '451.803.000',
}
const entry = (fields: Record<string, string | number>) => form({ year: 2026, quarter: 3, obstacles: 'Partisipasi anggota rendah', followUps: 'Pendampingan', ...fields })

type U = Awaited<ReturnType<typeof createUser>>
let officer: U, otherOfficer: U, admin: U, leader: U

const report = () => db.quarterlyReport.findUniqueOrThrow({ where: { regencyCode_year_quarter: { regencyCode: JOMBANG, year: 2026, quarter: 3 } }, select: { id: true, status: true, version: true, firstSubmittedAt: true, returnReason: true, reopenReason: true } })
const audits = (id: string) => db.auditLog.findMany({ where: { entity: 'QuarterlyReport', entityId: id }, select: { action: true, username: true }, orderBy: { id: 'asc' } })

beforeAll(async () => {
  await seedReportingCatalogue(db)
  officer = await createUser('DISTRICT_OFFICER', { regencyCode: JOMBANG })
  otherOfficer = await createUser('DISTRICT_OFFICER', { regencyCode: MALANG })
  admin = await createUser('ADMIN')
  leader = await createUser('LEADERSHIP')
  // the previous quarter (Triwulan II) with 100 registered cooperatives, approved (a change rule compares with a quarter
  // sent to the agency, never a draft): 347 is a change of more than 50%
  actAs(officer)
  const prev = await saveReport(undefined, form({ year: 2026, quarter: 2, version: 0, intent: 'save', 'values.KOP_TERDAFTAR': '100', 'values.KOP_AKTIF': '90' }))
  expect(prev.ok).toBe(true)
  await db.quarterlyReport.update({ where: { regencyCode_year_quarter: { regencyCode: JOMBANG, year: 2026, quarter: 2 } }, data: { status: 'APPROVED' } })
})

describe('quarterly report workflow', () => {
  it('refuses entry to leadership, admin and the signed-out', async () => {
    for (const u of [leader, admin]) {
      actAs(u)
      const r = await saveReport(undefined, entry({ ...VALID, version: 0, intent: 'save' }))
      expect(r).toMatchObject({ ok: false, message: 'Anda tidak berwenang melakukan tindakan ini.' })
    }
    actAs(null)
    expect((await saveReport(undefined, entry({ ...VALID, version: 0, intent: 'save' }))).ok).toBe(false)
    expect(await db.quarterlyReport.count({ where: { quarter: 3 } })).toBe(0)
  })

  it('saves a draft for the officer’s own regency, audited CREATE then UPDATE, and refuses a stale version', async () => {
    actAs(officer)
    const first = await saveReport(undefined, entry({ 'values.KOP_TERDAFTAR': '347', version: 0, intent: 'save' }))
    expect(first).toMatchObject({ ok: true, message: 'Draf disimpan.', data: { version: '1' } })
    const second = await saveReport(undefined, entry({ ...VALID, 'values.KOP_AKTIF': '400', version: 1, intent: 'save' }))
    expect(second.ok).toBe(true)
    const stale = await saveReport(undefined, entry({ ...VALID, version: 1, intent: 'save' }))
    expect(stale.ok).toBe(false)
    // who changed it and when (here the officer's own other tab), not "someone else"
    expect(stale.message).toMatch(new RegExp(`^Laporan sudah diubah oleh ${(await db.user.findUniqueOrThrow({ where: { id: officer.id }, select: { name: true } })).name} pada \\d{1,2} \\S+ \\d{4}`))
    // the typing stays in the form: the message says that reloading replaces it (a walk reloaded as told and lost it)
    expect(stale.message).toMatch(/\. Isian Anda masih ada di formulir, tetapi memuat ulang halaman menggantinya dengan versi tersimpan: catat dulu isian yang ingin dipertahankan, lalu muat ulang halaman dan isi kembali\.$/)
    const r = await report()
    expect(r).toMatchObject({ status: 'DRAFT', version: 2 })
    expect((await audits(r.id)).map((a) => a.action)).toEqual(['CREATE', 'UPDATE'])
    const v = await db.reportValue.findUniqueOrThrow({ where: { reportId_indicatorCode: { reportId: r.id, indicatorCode: 'IUMK_TERBIT' } }, select: { value: true } })
    expect(Number(v.value)).toBe(43950)
  })

  it('keeps another regency’s officer out of this report', async () => {
    actAs(otherOfficer)
    expect(await getReport({ user: { ...otherOfficer, name: 'x', bankId: null, mustChangePassword: false }, regencyCode: JOMBANG, year: 2026, quarter: 3 })).toBeNull()
    // its own save lands in its own regency, never in Jombang's report
    const own = await saveReport(undefined, entry({ ...VALID, version: 0, intent: 'save' }))
    expect(own.ok).toBe(true)
    expect((await report()).version).toBe(2)
    expect(await db.quarterlyReport.count({ where: { regencyCode: MALANG } })).toBe(1)
  })

  it('blocks submission on an error rule, keeping the draft and pointing at the field', async () => {
    actAs(officer)
    const r = await saveReport(undefined, entry({ ...VALID, 'values.KOP_AKTIF': '400', 'comments.KOP_TERDAFTAR': 'Pendataan ulang', 'comments.KOP_AKTIF': 'Pendataan ulang', version: 2, intent: 'submit' }))
    expect(r.ok).toBe(false)
    expect(r.errors?.['values.KOP_AKTIF']).toEqual(['Koperasi aktif tidak boleh melebihi koperasi terdaftar.'])
    expect(r.errors?.['values.KOP_AKTIF_PCT']).toEqual(['Persentase harus di antara 0% dan 100%.'])
    expect(await report()).toMatchObject({ status: 'DRAFT', version: 3 })
  })

  it('blocks submission on a missing value and a negative count', async () => {
    actAs(officer)
    const r = await saveReport(undefined, entry({ ...VALID, 'values.KOP_KAMPUNG': '', 'values.FASILITASI_KOP': '-1', version: 3, intent: 'submit' }))
    expect(r.ok).toBe(false)
    expect(r.errors?.['values.KOP_KAMPUNG']).toEqual(['Isi nilai ini sebelum mengirim laporan.'])
    expect(r.errors?.['values.FASILITASI_KOP']).toEqual(['Nilai tidak boleh negatif.'])
  })

  it('refuses a fraction of a count and English thousands grouping at the field, saving nothing and rounding nothing', async () => {
    actAs(officer)
    const before = await report()
    // 10,5 healthy cooperatives: refused for a draft as for a submission (the column would round it away)
    for (const intent of ['save', 'submit']) {
      const r = await saveReport(undefined, entry({ ...VALID, 'values.KSP_SEHAT': '10,5', version: before.version, intent }))
      expect(r.ok).toBe(false)
      expect(r.errors?.['values.KSP_SEHAT']).toEqual(['Nilai ini harus bilangan bulat, tanpa desimal.'])
    }
    // 5,120 the English way would be stored as 5,12
    const english = await saveReport(undefined, entry({ ...VALID, 'values.IUMK_TERBIT': '5,120', version: before.version, intent: 'save' }))
    expect(english.ok).toBe(false)
    expect(english.errors?.['values.IUMK_TERBIT']).toEqual(['Tulis ribuan dengan titik (5.120) dan desimal dengan koma (5,12).'])
    expect(await report()).toMatchObject({ status: 'DRAFT', version: before.version })
    const ksp = await db.reportValue.findFirstOrThrow({ where: { reportId: before.id, indicatorCode: 'KSP_SEHAT' }, select: { value: true } })
    expect(Number(ksp.value)).toBe(10)
  })

  it('needs a comment on a warning (a change of more than 50% from the previous quarter), then submits', async () => {
    actAs(officer)
    const without = await saveReport(undefined, entry({ ...VALID, version: 4, intent: 'submit' }))
    expect(without.ok).toBe(false)
    expect(without.errors?.['comments.KOP_TERDAFTAR']?.[0]).toMatch(/^Berubah \+247% dari triwulan sebelumnya \(lebih dari 50%\)\. Beri keterangan/)
    expect(without.errors?.['comments.KOP_AKTIF']).toBeDefined()
    expect((await report()).status).toBe('DRAFT')
    const withComment = await saveReport(undefined, entry({ ...VALID, 'comments.KOP_TERDAFTAR': 'Pendataan ulang ODS', 'comments.KOP_AKTIF': 'Pendataan ulang ODS', version: 5, intent: 'submit' }))
    expect(withComment).toMatchObject({ ok: true, message: 'Laporan dikirim ke Dinas Provinsi untuk diperiksa.' })
    const r = await report()
    expect(r.status).toBe('SUBMITTED')
    expect(r.firstSubmittedAt).toBeInstanceOf(Date)
    expect((await audits(r.id)).at(-1)).toEqual({ action: 'SUBMIT', username: officer.username })
  })

  it('locks a submitted report against the officer, and refuses review to officers and leadership', async () => {
    const r = await report()
    actAs(officer)
    const edit = await saveReport(undefined, entry({ ...VALID, version: r.version, intent: 'save' }))
    expect(edit).toMatchObject({ ok: false, message: 'Laporan berstatus Dikirim tidak dapat diubah.' })
    for (const u of [officer, otherOfficer, leader]) {
      actAs(u)
      expect((await returnReport(undefined, form({ id: r.id, version: r.version, reason: 'Periksa lagi' }))).message).toBe('Anda tidak berwenang melakukan tindakan ini.')
      expect((await approveReport(undefined, form({ id: r.id, version: r.version }))).message).toBe('Anda tidak berwenang melakukan tindakan ini.')
      expect((await reopenReport(undefined, form({ id: r.id, version: r.version, reason: 'Buka lagi' }))).message).toBe('Anda tidak berwenang melakukan tindakan ini.')
    }
    actAs(admin)
    expect((await reopenReport(undefined, form({ id: r.id, version: r.version, reason: 'Buka lagi dong' }))).message).toMatch(/hanya untuk laporan berstatus Disetujui/)
    expect((await report()).status).toBe('SUBMITTED')
  })

  it('lets the admin return it with a reason overall and per value (a reason is required)', async () => {
    const r = await report()
    actAs(admin)
    const noReason = await returnReport(undefined, form({ id: r.id, version: r.version, reason: '' }))
    expect(noReason.ok).toBe(false)
    expect(noReason.errors?.reason).toBeDefined()
    const ok = await returnReport(undefined, form({ id: r.id, version: r.version, reason: 'Koperasi aktif belum sesuai ODS.', 'notes.KOP_AKTIF': 'Cek data ODS Juni.' }))
    expect(ok.ok).toBe(true)
    expect(await report()).toMatchObject({ status: 'RETURNED', returnReason: 'Koperasi aktif belum sesuai ODS.' })
    const detail = await getReport({ user: { ...officer, name: 'x', bankId: null, mustChangePassword: false }, regencyCode: JOMBANG, year: 2026, quarter: 3 })
    expect(detail?.report?.values.find((v) => v.indicatorCode === 'KOP_AKTIF')?.reviewNote).toBe('Cek data ODS Juni.')
    // named as the rest of the app names people, not by the username the audit row keeps
    expect(detail?.history.at(-1)).toMatchObject({ action: 'RETURN', reason: 'Koperasi aktif belum sesuai ODS.', who: 'Uji ADMIN' })
    // a returned report cannot be approved before it is sent again
    expect((await approveReport(undefined, form({ id: r.id, version: r.version + 1 }))).message).toMatch(/hanya untuk laporan berstatus Dikirim/)
  })

  it('lets the officer correct and resubmit; the first submission still decides timeliness', async () => {
    const before = await report()
    actAs(officer)
    const r = await saveReport(undefined, entry({ ...VALID, 'values.KOP_AKTIF': '290', 'comments.KOP_TERDAFTAR': 'Pendataan ulang ODS', 'comments.KOP_AKTIF': 'Disesuaikan dengan ODS', version: before.version, intent: 'submit' }))
    expect(r.ok).toBe(true)
    const after = await report()
    expect(after.status).toBe('SUBMITTED')
    expect(after.firstSubmittedAt).toEqual(before.firstSubmittedAt)
  })

  it('approves and locks it; only an admin reopens it, with a reason', async () => {
    let r = await report()
    actAs(admin)
    expect((await approveReport(undefined, form({ id: r.id, version: r.version - 1 }))).message).toMatch(/^Laporan sudah diubah oleh .+ pada .+; muat ulang halaman/)
    expect((await approveReport(undefined, form({ id: r.id, version: r.version }))).ok).toBe(true)
    r = await report()
    expect(r.status).toBe('APPROVED')
    const notes = await db.reportValue.count({ where: { reportId: r.id, reviewNote: { not: null } } })
    expect(notes).toBe(0)

    actAs(officer)
    expect((await saveReport(undefined, entry({ ...VALID, version: r.version, intent: 'save' }))).message).toBe('Laporan berstatus Disetujui tidak dapat diubah.')
    expect((await reopenReport(undefined, form({ id: r.id, version: r.version, reason: 'Salah ketik' }))).message).toBe('Anda tidak berwenang melakukan tindakan ini.')

    actAs(admin)
    expect((await reopenReport(undefined, form({ id: r.id, version: r.version, reason: '' }))).errors?.reason).toBeDefined()
    expect((await reopenReport(undefined, form({ id: r.id, version: r.version, reason: 'Data ODS direvisi kementerian.' }))).ok).toBe(true)
    expect(await report()).toMatchObject({ status: 'RETURNED', reopenReason: 'Data ODS direvisi kementerian.' })
    // the lists (completeness grid, the officer's own, the regency dashboard) say "reopened" as the report's banner does
    const cell = async () => (await getCompleteness({ user: { ...admin, name: 'x', bankId: null, mustChangePassword: false }, year: 2026 })).regencies.find((g) => g.code === JOMBANG)!.quarters[2]
    expect(await cell()).toMatchObject({ status: 'RETURNED', reopened: true })

    actAs(officer)
    const again = await saveReport(undefined, entry({ ...VALID, 'values.KOP_AKTIF': '290', 'comments.KOP_TERDAFTAR': 'x', 'comments.KOP_AKTIF': 'y', version: r.version + 1, intent: 'save' }))
    expect(again.ok).toBe(true)
  })

  it('wrote one audit row per step, by the user who took it', async () => {
    const r = await report()
    expect((await audits(r.id)).map((a) => `${a.action}:${a.username === admin.username ? 'admin' : 'officer'}`)).toEqual([
      'CREATE:officer', 'UPDATE:officer', 'UPDATE:officer', 'UPDATE:officer', 'UPDATE:officer', 'SUBMIT:officer',
      'RETURN:admin', 'SUBMIT:officer', 'APPROVE:admin', 'REOPEN:admin', 'UPDATE:officer',
    ])
  })

  it('a return after a reopening is a return again: the report no longer says it was reopened', async () => {
    const r = await report()
    actAs(officer)
    expect((await saveReport(undefined, entry({ ...VALID, 'values.KOP_AKTIF': '290', 'comments.KOP_TERDAFTAR': 'x', 'comments.KOP_AKTIF': 'y', version: r.version, intent: 'submit' }))).ok).toBe(true)
    actAs(admin)
    expect((await returnReport(undefined, form({ id: r.id, version: r.version + 1, reason: 'Lampirkan data ODS terbaru.' }))).ok).toBe(true)
    expect(await report()).toMatchObject({ status: 'RETURNED', returnReason: 'Lampirkan data ODS terbaru.', reopenReason: null })
    expect((await getCompleteness({ user: { ...admin, name: 'x', bankId: null, mustChangePassword: false }, year: 2026 })).regencies.find((g) => g.code === JOMBANG)!.quarters[2]).toMatchObject({ status: 'RETURNED', reopened: false })
    // one returned after a reopening before returns cleared it: the migration clears it the same way, and leaves a reopened one
    const { readFileSync } = await import('node:fs')
    const clearing = readFileSync('prisma/migrations/20261221000000_report_reopen_reason_cleared/migration.sql', 'utf8')
    await db.quarterlyReport.update({ where: { id: r.id }, data: { reopenReason: 'Data ODS direvisi kementerian.' } })
    await db.$executeRawUnsafe(clearing)
    expect(await report()).toMatchObject({ returnReason: 'Lampirkan data ODS terbaru.', reopenReason: null })
    await db.quarterlyReport.update({ where: { id: r.id }, data: { reopenReason: 'Lampirkan data ODS terbaru.' } })
    await db.$executeRawUnsafe(clearing)
    expect(await report()).toMatchObject({ reopenReason: 'Lampirkan data ODS terbaru.' })
    await db.quarterlyReport.update({ where: { id: r.id }, data: { reopenReason: null } })
  })

  it('judges timeliness by the deadline configured for the quarter', async () => {
    const r = await report()
    const user = { ...admin, name: 'x', bankId: null, mustChangePassword: false }
    await db.reportingPeriod.create({ data: { year: 2026, quarter: 3, deadline: new Date('2099-12-31') } })
    let grid = await getCompleteness({ user, year: 2026 })
    expect(grid.regencies.find((g) => g.code === JOMBANG)?.quarters[2]).toMatchObject({ reportId: r.id, status: 'RETURNED', timeliness: 'ON_TIME' })
    await db.reportingPeriod.update({ where: { year_quarter: { year: 2026, quarter: 3 } }, data: { deadline: new Date('2026-01-01') } })
    grid = await getCompleteness({ user, year: 2026 })
    expect(grid.regencies.find((g) => g.code === JOMBANG)?.quarters[2].timeliness).toBe('LATE')
  })
})

describe('two saves of one draft at once', () => {
  it('from the same version: exactly one lands, the other is told who changed the report and when', async () => {
    actAs(otherOfficer)
    const where = { regencyCode_year_quarter: { regencyCode: MALANG, year: 2026, quarter: 3 } }
    const malang = () => db.quarterlyReport.findUniqueOrThrow({ where, select: { id: true, version: true } })
    // the draft the officer has open (its own, made here when this test runs alone)
    if (!(await db.quarterlyReport.findUnique({ where, select: { id: true } }))) expect((await saveReport(undefined, entry({ ...VALID, version: 0, intent: 'save' }))).ok).toBe(true)
    const { id, version } = await malang()
    const updatesBefore = await db.auditLog.count({ where: { entity: 'QuarterlyReport', entityId: id, action: 'UPDATE' } })
    const results = await Promise.all(['401', '402'].map((v) => saveReport(undefined, entry({ ...VALID, 'values.KOP_AKTIF': v, version, intent: 'save' }))))
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    const refused = results.find((r) => !r.ok)!
    expect(refused.message).toMatch(/^Laporan sudah diubah oleh .+ pada \d{1,2} \S+ \d{4}/)
    expect((await malang()).version).toBe(version + 1)
    // one write, one audit row for it
    expect(await db.auditLog.count({ where: { entity: 'QuarterlyReport', entityId: id, action: 'UPDATE' } })).toBe(updatesBefore + 1)
  })
})
