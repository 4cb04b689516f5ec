/**
 * The configuration screens' actions (issue 15): indicators (create, edit, stale edits, locked meaning once
 * reported, refused deletion with the reason), a target grid saved and read back with the province total,
 * reporting deadlines that never re-judge an approved report, and the dashboard thresholds.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { db } from '@/lib/db'
import { createTestUser, signInAs, submit } from '../support/session'
import { seedReportingCatalogue } from '@/prisma/seed/reporting'
import { deleteIndicator, saveDeadline, saveIndicator, saveTargetGrid, saveThresholds } from '@/lib/actions/config'
import { saveReport } from '@/lib/actions/reporting'
import { getDeadlines, getTargetGrid } from '@/lib/data/config'
import { getQuarterForms, getReport } from '@/lib/data/reporting'
import { getStatusThresholds } from '@/lib/data/settings'
import { paceStatus } from '@/lib/dashboard/status'
import type { SessionUser } from '@/lib/session-user'

type TestUser = Awaited<ReturnType<typeof createTestUser>>
let admin: TestUser, otherAdmin: TestUser, officer: TestUser, leader: TestUser
const asUser = (u: TestUser): SessionUser => ({ ...u })

const indicator = (over: Record<string, string | number | boolean> = {}) => ({
  version: 0, code: 'UMKM_NAIK_KELAS', name: 'UMKM naik kelas', nameEn: 'MSMEs moving up a scale', formCode: 'PEMBERDAYAAN',
  unit: 'COUNT', aggregation: 'SUM', timeAggregation: 'FLOW', decimals: 0, sortOrder: 9, active: true, activeFrom: '2027-01-01', ...over,
})

beforeAll(async () => {
  await seedReportingCatalogue(db)
  admin = await createTestUser({ role: 'ADMIN' })
  otherAdmin = await createTestUser({ role: 'ADMIN' })
  officer = await createTestUser({ role: 'DISTRICT_OFFICER', regencyCode: '35.17' })
  leader = await createTestUser({ role: 'LEADERSHIP' })
})

describe('indicators', () => {
  it('creates an indicator valid from 2027: in the 2027 forms, not in 2026’s, audited', async () => {
    signInAs(admin)
    const r = await submit(saveIndicator, indicator())
    expect(r.redirect).toBe('/pengaturan/indikator?disimpan=UMKM_NAIK_KELAS')
    const codes = async (year: number, quarter: number) => (await getQuarterForms(year, quarter)).flatMap((f) => f.indicators.map((i) => i.code))
    expect(await codes(2027, 1)).toContain('UMKM_NAIK_KELAS')
    expect(await codes(2026, 4)).not.toContain('UMKM_NAIK_KELAS')
    const audit = await db.auditLog.findFirstOrThrow({ where: { entity: 'Indicator', entityId: 'UMKM_NAIK_KELAS' }, select: { action: true, username: true } })
    expect(audit).toEqual({ action: 'CREATE', username: admin.username })
  })

  it('refuses a duplicate code, a ratio without its parts, and leadership', async () => {
    signInAs(admin)
    const dup = await submit(saveIndicator, indicator())
    expect(dup.state?.errors?.code?.[0]).toMatch(/sudah dipakai/)
    const ratio = await submit(saveIndicator, indicator({ code: 'RASIO_X', aggregation: 'RATIO', unit: 'PERCENT' }))
    expect(ratio.state?.errors?.numeratorCode?.[0]).toMatch(/pembilang/)
    const wrongForm = await submit(saveIndicator, indicator({ code: 'RASIO_Y', aggregation: 'RATIO', unit: 'PERCENT', numeratorCode: 'FASILITASI_UMKM', denominatorCode: 'KOP_TERDAFTAR' }))
    expect(wrongForm.state?.errors?.denominatorCode?.[0]).toMatch(/formulir yang sama/)
    signInAs(leader)
    expect((await submit(saveIndicator, indicator({ code: 'TOLAK_PIMPINAN' }))).state?.message).toBe('Anda tidak berwenang melakukan tindakan ini.')
    expect(await db.indicator.count({ where: { code: { in: ['RASIO_X', 'RASIO_Y', 'TOLAK_PIMPINAN'] } } })).toBe(0)
  })

  it('refuses a stale edit naming who changed the indicator', async () => {
    signInAs(admin)
    expect((await submit(saveIndicator, indicator({ version: 1, name: 'UMKM naik kelas (usaha mikro ke kecil)' }))).redirect).toBeDefined()
    signInAs(otherAdmin)
    const stale = await submit(saveIndicator, indicator({ version: 1, name: 'Nama basi' }))
    expect(stale.state?.ok).toBe(false)
    expect(stale.state?.message).toMatch(new RegExp(`Indikator sudah diubah oleh Tes ADMIN pada .*muat ulang`))
    const row = await db.indicator.findUniqueOrThrow({ where: { code: 'UMKM_NAIK_KELAS' }, select: { name: true, version: true } })
    expect(row).toEqual({ name: 'UMKM naik kelas (usaha mikro ke kecil)', version: 2 })
  })

  it('keeps a reported indicator’s meaning: unit refused with the reason, names still editable; never rewrites the approved report', async () => {
    // an approved Jombang report holding a value of KOP_AKTIF
    const rep = await db.quarterlyReport.create({
      data: { regencyCode: '35.17', year: 2025, quarter: 2, status: 'APPROVED', firstSubmittedAt: new Date('2025-07-05'), submittedAt: new Date('2025-07-05'), approvedAt: new Date('2025-07-20'), values: { create: [{ indicatorCode: 'KOP_AKTIF', value: 296 }, { indicatorCode: 'KOP_TERDAFTAR', value: 347 }] } },
      select: { id: true },
    })
    const before = await db.reportValue.findMany({ where: { reportId: rep.id }, orderBy: { indicatorCode: 'asc' } })
    signInAs(admin)
    const base = { version: 1, code: 'KOP_AKTIF', name: 'Koperasi aktif', nameEn: 'Active cooperatives', formCode: 'KELEMBAGAAN', unit: 'COUNT', aggregation: 'SUM', timeAggregation: 'STOCK', decimals: 0, sortOrder: 2, active: true }
    const locked = await submit(saveIndicator, { ...base, unit: 'PERCENT', decimals: 2 })
    expect(locked.state?.errors?.unit?.[0]).toMatch(/sudah dipakai di 1 nilai laporan \(1 disetujui\)/)
    expect(locked.state?.errors?.decimals).toBeDefined()
    // the definition and source are words about the value, not its meaning: editable on a reported indicator
    const definition = 'Koperasi yang menyelenggarakan RAT dalam 3 tahun terakhir.'
    const { version } = await db.indicator.findUniqueOrThrow({ where: { code: 'KOP_AKTIF' }, select: { version: true } })
    const withDefinition = await submit(saveIndicator, { ...base, version, definition, definitionEn: 'Cooperatives that held their RAT in the last 3 years.', source: 'Laporan RAT', sourceEn: 'RAT reports' })
    expect(withDefinition.redirect, JSON.stringify(withDefinition.state)).toBeDefined()
    const forms = await getQuarterForms(2026, 1)
    expect(forms.flatMap((f) => f.indicators).find((i) => i.code === 'KOP_AKTIF')).toMatchObject({ definition, source: 'Laporan RAT', sourceEn: 'RAT reports', timeAggregation: 'STOCK' })
    expect(await db.reportValue.findMany({ where: { reportId: rep.id }, orderBy: { indicatorCode: 'asc' } })).toEqual(before)
    // retired after 2027: an approved 2025 report still shows its value
    await db.indicator.update({ where: { code: 'KOP_AKTIF' }, data: { activeTo: new Date('2024-12-31') } })
    const detail = await getReport({ user: asUser(admin), regencyCode: '35.17', year: 2025, quarter: 2 })
    expect(detail!.forms.flatMap((f) => f.indicators.map((i) => i.code))).toContain('KOP_AKTIF')
    expect((await getQuarterForms(2026, 1)).flatMap((f) => f.indicators.map((i) => i.code))).not.toContain('KOP_AKTIF')
    await db.indicator.update({ where: { code: 'KOP_AKTIF' }, data: { activeTo: null } })
  })

  it('refuses deleting an indicator in use with what uses it, deletes an unused one', async () => {
    signInAs(admin)
    const used = await submit(deleteIndicator, { code: 'KOP_TERDAFTAR', version: 1 })
    expect(used.state?.message).toMatch(/KOP_TERDAFTAR tidak dapat dihapus karena dipakai di 1 nilai laporan \(1 disetujui\), .*3 aturan validasi, 1 indikator rasio/)
    expect(await db.indicator.count({ where: { code: 'KOP_TERDAFTAR' } })).toBe(1)
    await submit(saveIndicator, indicator({ code: 'HAPUS_SAYA' }))
    expect((await submit(deleteIndicator, { code: 'HAPUS_SAYA', version: 1 })).redirect).toBe('/pengaturan/indikator?dihapus=HAPUS_SAYA')
    expect(await db.auditLog.count({ where: { entity: 'Indicator', entityId: 'HAPUS_SAYA', action: 'DELETE' } })).toBe(1)
  })
})

describe('target grid', () => {
  const cells = { 't.35.17.0': '40', 't.35.17.1': '10', 't.35.78.0': '60', 't.35.07.0': '12' }

  it('refuses a count’s target with a fraction or English grouping, each cell with its own message, nothing saved', async () => {
    signInAs(admin)
    // English grouping is refused by the form's schema (any indicator)
    const grouped = await submit(saveTargetGrid, { indicatorCode: 'UMKM_NAIK_KELAS', year: 2027, version: 0, ...cells, 't.35.78.0': '1,234', 't.PROV.0': '112' })
    expect(grouped.state?.ok).toBe(false)
    expect(grouped.state?.errors?.['t.35.78.0']?.[0]).toMatch(/titik/)
    // a fraction by the indicator's decimals, once the action has read it: this one counts MSMEs
    const fraction = await submit(saveTargetGrid, { indicatorCode: 'UMKM_NAIK_KELAS', year: 2027, version: 0, ...cells, 't.35.07.0': '12,5', 't.35.17.1': '2,5', 't.PROV.0': '112' })
    expect(fraction.state?.ok).toBe(false)
    expect(fraction.state?.errors?.['t.35.07.0']?.[0]).toMatch(/bulat/)
    expect(fraction.state?.errors?.['t.35.17.1']?.[0]).toMatch(/bulat/)
    expect(await db.indicatorTarget.count({ where: { indicatorCode: 'UMKM_NAIK_KELAS' } })).toBe(0)
  })

  it('says every refused cell at once: an unreadable cell beside a fraction, quarters above their year beside a fraction', async () => {
    signInAs(admin)
    // the schema refuses "abc"; the fraction another cell holds is told in the same answer, not after the fix
    // and Jombang's quarters (10 + 35) above its year (40), a row with no unreadable cell
    const both = await submit(saveTargetGrid, { indicatorCode: 'UMKM_NAIK_KELAS', year: 2027, version: 0, ...cells, 't.35.78.0': 'abc', 't.35.07.0': '12,5', 't.35.17.2': '35', 't.PROV.0': '112' })
    expect(both.state?.ok).toBe(false)
    expect(both.state?.errors?.['t.35.78.0']?.[0]).toMatch(/angka/)
    expect(both.state?.errors?.['t.35.07.0']?.[0]).toMatch(/bulat/)
    expect(both.state?.errors?.['t.35.17.0']?.[0]).toMatch(/^Jumlah target triwulan 45 melebihi target tahun 40/)
    // the province total is not judged while a year cell is unreadable
    expect(both.state?.errors?.['t.PROV.0']).toBeUndefined()
    // a flow's quarters (10 + 20 + 15 = 45) above its year (40), with a fraction elsewhere and the province off by 2
    const above = await submit(saveTargetGrid, { indicatorCode: 'UMKM_NAIK_KELAS', year: 2027, version: 0, ...cells, 't.35.17.2': '20', 't.35.17.3': '15', 't.35.07.0': '12,5', 't.PROV.0': '110' })
    expect(above.state?.ok).toBe(false)
    expect(above.state?.message).toBe('Periksa kembali isian yang ditandai.')
    expect(above.state?.errors?.['t.35.17.0']).toEqual(['Jumlah target triwulan 45 melebihi target tahun 40; untuk indikator yang dijumlah antar-triwulan, target triwulan tidak boleh melebihi target tahunnya.'])
    expect(above.state?.errors?.['t.35.07.0']?.[0]).toMatch(/bulat/)
    expect(above.state?.errors?.['t.PROV.0']?.[0]).toMatch(/Jumlah target kabupaten\/kota 112,50 lebih 2,50 dari target provinsi 110/)
    // quarters equal to the year (10 + 20 + 10 = 40) are not refused: only the fraction is
    const equal = await submit(saveTargetGrid, { indicatorCode: 'UMKM_NAIK_KELAS', year: 2027, version: 0, ...cells, 't.35.17.2': '20', 't.35.17.3': '10', 't.35.78.1': '2,5', 't.PROV.0': '112' })
    expect(Object.keys(equal.state?.errors ?? {})).toEqual(['t.35.78.1'])
    expect(await db.indicatorTarget.count({ where: { indicatorCode: 'UMKM_NAIK_KELAS' } })).toBe(0)
  })

  it('refuses a grid whose regencies do not add up to the province target, unless accepted', async () => {
    signInAs(admin)
    const r = await submit(saveTargetGrid, { indicatorCode: 'UMKM_NAIK_KELAS', year: 2027, version: 0, ...cells, 't.PROV.0': '100' })
    expect(r.state?.ok).toBe(false)
    expect(r.state?.errors?.['t.PROV.0']?.[0]).toMatch(/Jumlah target kabupaten\/kota 112 lebih 12 dari target provinsi 100/)
    expect(await db.indicatorTarget.count({ where: { indicatorCode: 'UMKM_NAIK_KELAS' } })).toBe(0)
  })

  it('saves a grid and reads it back with the province total; the officer’s 2027 form shows the target', async () => {
    signInAs(admin)
    const r = await submit(saveTargetGrid, { indicatorCode: 'UMKM_NAIK_KELAS', year: 2027, version: 0, ...cells, 't.35.07.0': '', 't.PROV.0': '100' })
    expect(r.state).toMatchObject({ ok: true, data: { version: '1' } })
    const grid = (await getTargetGrid({ user: asUser(admin), indicatorCode: 'UMKM_NAIK_KELAS', year: 2027 }))!
    expect(grid.version).toBe(1)
    expect(grid.total).toEqual({ regencySum: 100, province: 100, regenciesSet: 2, difference: 0 })
    expect(grid.cells).toHaveLength(4)
    expect(grid.regencies).toHaveLength(38)
    const detail = await getReport({ user: asUser(officer), regencyCode: '35.17', year: 2027, quarter: 1 })
    expect(detail!.targets.UMKM_NAIK_KELAS).toEqual({ value: 10, quarter: 1 })
    expect(detail!.forms.flatMap((f) => f.indicators.map((i) => i.code))).toContain('UMKM_NAIK_KELAS')
  })

  it('accepts a difference when asked; of two racing saves of the same version exactly one lands', async () => {
    signInAs(admin)
    const accepted = await submit(saveTargetGrid, { indicatorCode: 'UMKM_NAIK_KELAS', year: 2027, version: 1, ...cells, 't.PROV.0': '100', acceptDifference: true })
    expect(accepted.state?.ok).toBe(true)
    const results = await Promise.all([
      submit(saveTargetGrid, { indicatorCode: 'UMKM_NAIK_KELAS', year: 2027, version: 2, 't.35.17.0': '1' }),
      submit(saveTargetGrid, { indicatorCode: 'UMKM_NAIK_KELAS', year: 2027, version: 2, 't.35.17.0': '2' }),
    ])
    expect(results.filter((x) => x.state?.ok)).toHaveLength(1)
    expect(results.find((x) => !x.state?.ok)?.state?.message).toMatch(/Target sudah diubah oleh/)
    expect(await db.indicatorTarget.count({ where: { indicatorCode: 'UMKM_NAIK_KELAS', year: 2027 } })).toBe(1)
  })

  it('leaves a row stored above its year before the rule while another row is saved, and judges it once changed', async () => {
    signInAs(admin)
    // the demo's permits grid had such a row (four rounded quarters 2 above the year)
    await db.indicatorTarget.createMany({ data: [0, 1, 2, 3, 4].map((quarter) => ({ indicatorCode: 'IUMK_TERBIT', year: 2029, quarter, regencyCode: '35.17', value: quarter ? 12726 : 50902 })) })
    const stored = Object.fromEntries([0, 1, 2, 3, 4].map((q) => [`t.35.17.${q}`, q ? '12.726' : '50.902']))
    const other = await submit(saveTargetGrid, { indicatorCode: 'IUMK_TERBIT', year: 2029, version: 0, ...stored, 't.35.07.0': '100' })
    expect(other.state, JSON.stringify(other.state)).toMatchObject({ ok: true })
    const changed = await submit(saveTargetGrid, { indicatorCode: 'IUMK_TERBIT', year: 2029, version: 1, ...stored, 't.35.17.0': '50.900', 't.35.07.0': '100' })
    expect(changed.state?.errors?.['t.35.17.0']?.[0]).toMatch(/^Jumlah target triwulan 50\.904 melebihi target tahun 50\.900/)
  })

  it('keeps a targeted indicator’s unit and sums (no report yet); its name and decimals may still change', async () => {
    signInAs(admin)
    const { version } = await db.indicator.findUniqueOrThrow({ where: { code: 'UMKM_NAIK_KELAS' }, select: { version: true } })
    const refused = await submit(saveIndicator, indicator({ version, unit: 'RUPIAH', timeAggregation: 'STOCK' }))
    expect(refused.state?.message).toBe('Satuan, Penjumlahan antar-triwulan tidak dapat diubah karena indikator sudah memiliki target.')
    expect(refused.state?.errors?.unit).toEqual(['Tidak dapat diubah: indikator ini sudah memiliki 1 target. Hapus targetnya dulu, atau buat indikator baru untuk arti yang berbeda.'])
    expect(refused.state?.errors?.timeAggregation).toBeDefined()
    expect(await db.indicator.findUniqueOrThrow({ where: { code: 'UMKM_NAIK_KELAS' }, select: { unit: true, timeAggregation: true, version: true } })).toEqual({ unit: 'COUNT', timeAggregation: 'FLOW', version })
    const renamed = await submit(saveIndicator, indicator({ version, name: 'UMKM naik kelas (target)', decimals: 1 }))
    expect(renamed.redirect, JSON.stringify(renamed.state)).toBeDefined()
    expect(await db.indicator.findUniqueOrThrow({ where: { code: 'UMKM_NAIK_KELAS' }, select: { name: true, decimals: true } })).toEqual({ name: 'UMKM naik kelas (target)', decimals: 1 })
    // a target of 2,5 now stored: back to whole numbers is refused on the decimals, naming how many targets
    await db.indicatorTarget.create({ data: { indicatorCode: 'UMKM_NAIK_KELAS', year: 2030, quarter: 0, regencyCode: '35.17', value: 2.5 } })
    const whole = await submit(saveIndicator, indicator({ version: version + 1, name: 'UMKM naik kelas (target)', decimals: 0 }))
    expect(whole.state?.errors?.decimals).toEqual(['Desimal tidak dapat dikurangi menjadi 0: 1 target memakai lebih banyak desimal. Ubah targetnya dulu.'])
    expect(await db.indicator.findUniqueOrThrow({ where: { code: 'UMKM_NAIK_KELAS' }, select: { decimals: true } })).toEqual({ decimals: 1 })
  })
})

describe('deadlines', () => {
  it('moves a deadline, but never across an approved report’s submission', async () => {
    signInAs(admin)
    // Jombang's 2025 Triwulan II (approved, first submitted 5 July 2025; default deadline 15 July)
    const rows = await getDeadlines({ user: asUser(admin), year: 2025 })
    expect(rows[1]).toMatchObject({ quarter: 2, deadline: '2025-07-15', isDefault: true, version: 0, approved: 1 })
    const refused = await submit(saveDeadline, { year: 2025, quarter: 2, version: 0, deadline: '2025-07-03' })
    expect(refused.state?.errors?.deadline?.[0]).toMatch(/1 laporan yang sudah disetujui \(Kabupaten Jombang\)/)
    const tooEarly = await submit(saveDeadline, { year: 2025, quarter: 2, version: 0, deadline: '2025-06-30' })
    expect(tooEarly.state?.errors?.deadline?.[0]).toMatch(/setelah triwulan berakhir/)
    const moved = await submit(saveDeadline, { year: 2025, quarter: 2, version: 0, deadline: '2025-07-31' })
    expect(moved.state).toMatchObject({ ok: true })
    const stale = await submit(saveDeadline, { year: 2025, quarter: 2, version: 0, deadline: '2025-07-20' })
    expect(stale.state?.message).toMatch(/Batas waktu Triwulan II 2025 sudah diubah oleh/)
    expect((await getDeadlines({ user: asUser(admin), year: 2025 }))[1]).toMatchObject({ deadline: '2025-07-31', isDefault: false, version: 1 })
  })
})

describe('dashboard thresholds', () => {
  it('saves thresholds that the status reads, refuses watch ≥ on track and a stale save', async () => {
    signInAs(admin)
    expect(await getStatusThresholds()).toMatchObject({ onTrack: 95, watch: 80, version: 0 })
    const bad = await submit(saveThresholds, { version: 0, onTrack: '90', watch: '90' })
    expect(bad.state?.errors?.watch?.[0]).toMatch(/lebih rendah/)
    expect((await submit(saveThresholds, { version: 0, onTrack: '90', watch: '70,5' })).state?.ok).toBe(true)
    expect((await submit(saveThresholds, { version: 0, onTrack: '99', watch: '50' })).state?.message).toMatch(/Ambang status sudah diubah oleh/)
    const t = await db.setting.findUniqueOrThrow({ where: { key: 'dashboard.thresholds' }, select: { value: true, version: true } })
    expect(t).toEqual({ value: { onTrack: 90, watch: 70.5 }, version: 1 })
    // 91% of pace is on track at 90, watch under the default 95
    expect(paceStatus({ actual: 91, target: 100 }, { onTrack: 90, watch: 70.5 })).toBe('ON_TRACK')
    signInAs(officer)
    expect((await submit(saveThresholds, { version: 1, onTrack: '50', watch: '10' })).state?.message).toBe('Anda tidak berwenang melakukan tindakan ini.')
  })
})

describe('reports are not rewritten by configuration', () => {
  it('an officer’s 2026 Triwulan IV draft does not carry the 2027 indicator', async () => {
    signInAs(officer)
    const r = await saveReport(undefined, (() => { const f = new FormData(); for (const [k, v] of Object.entries({ year: '2026', quarter: '4', version: '0', intent: 'save', 'values.UMKM_NAIK_KELAS': '5' })) f.set(k, v); return f })())
    expect(r.ok).toBe(true)
    const values = await db.reportValue.findMany({ where: { report: { regencyCode: '35.17', year: 2026, quarter: 4 } }, select: { indicatorCode: true } })
    expect(values.map((v) => v.indicatorCode)).not.toContain('UMKM_NAIK_KELAS')
  })
})
