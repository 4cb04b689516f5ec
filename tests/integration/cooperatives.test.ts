import { signInAs, createTestUser, submit } from '../support/session'
import { beforeAll, describe, expect, it } from 'vitest'
import ExcelJS from 'exceljs'
import { db } from '@/lib/db'
import { createMsme } from '@/lib/actions/msmes'
import { addInspection, createCooperative, deleteCooperative, deleteCooperativeYear, followUpInspection, restoreCooperative, saveCooperativeYear, updateCooperative } from '@/lib/actions/cooperatives'
import { cooperativeChoices, findCooperatives, findDeletedCooperatives, getCooperative, exportCooperatives, syncCooperatives } from '@/lib/data/cooperatives'
import { foldSearch, SEARCH_FOLD } from '@/lib/parse'
import { GET as exportRoute } from '@/app/api/koperasi/ekspor/route'
import { GET as regionsRoute } from '@/app/api/wilayah/route'
import type { SessionUser } from '@/lib/session-user'
import { writeCooperativeYear } from '@/lib/registers/writes'
import { serverText } from '@/lib/i18n/server-text'
import { cooperativeYearSchema } from '@/lib/validations/cooperatives'

type TestUser = Awaited<ReturnType<typeof createTestUser>>
let admin: TestUser, jombang: TestUser, surabaya: TestUser, leader: TestUser, banker: TestUser

const valid = (over: Record<string, string | number | boolean | undefined> = {}) => ({
  nik: '3517000000000001',
  name: 'KSP Tes Sejahtera',
  type: 'SIMPAN_PINJAM',
  form: 'PRIMER',
  pattern: 'KONVENSIONAL',
  groupName: 'Kopwan',
  legalEntityNumber: 'AHU-0001234.AH.01.26.2021',
  legalEntityDate: '2021-03-04',
  regencyCode: '35.17',
  districtCode: '35.17.01',
  villageCode: '',
  address: 'Jl. Merdeka 1',
  membersMale: '120',
  membersFemale: '1.340',
  managers: '5',
  employees: '3',
  active: true,
  ...over,
})

const asUser = (u: TestUser): SessionUser => ({ ...u })

async function createAs(u: TestUser, over: Record<string, string | number | boolean | undefined> = {}) {
  signInAs(u)
  return submit(createCooperative, valid(over))
}

beforeAll(async () => {
  admin = await createTestUser({ role: 'ADMIN' })
  jombang = await createTestUser({ role: 'DISTRICT_OFFICER', regencyCode: '35.17' })
  surabaya = await createTestUser({ role: 'DISTRICT_OFFICER', regencyCode: '35.78' })
  leader = await createTestUser({ role: 'LEADERSHIP' })
  banker = await createTestUser({ role: 'BANK_OFFICER', bankCode: 'BPRJATIM' })
})

describe('createCooperative', () => {
  it('saves a valid cooperative with its audit row and redirects to it', async () => {
    const r = await createAs(admin)
    const coop = await db.cooperative.findUniqueOrThrow({ where: { nik: '3517000000000001' } })
    // a new record is confirmed as added, not as "changes saved"
    expect(r.redirect).toBe(`/koperasi/${coop.id}?ditambahkan=1`)
    expect(coop).toMatchObject({ name: 'KSP Tes Sejahtera', membersFemale: 1340, districtCode: '35.17.01', active: true, version: 1 })
    const audit = await db.auditLog.findFirstOrThrow({ where: { entity: 'Cooperative', entityId: coop.id } })
    expect(audit).toMatchObject({ action: 'CREATE', userId: admin.id, role: 'ADMIN' })
    expect((audit.after as { nik: string }).nik).toBe('3517000000000001')
  })

  it.each([
    ['nik', '351700000000001', 'NIK koperasi harus 16 digit angka.'],
    ['nik', '35170000000000AB', 'NIK koperasi harus 16 digit angka.'],
    ['name', 'KS', 'Nama koperasi minimal 3 karakter.'],
    ['type', 'BANK', 'Pilih jenis koperasi.'],
    ['form', '', 'Pilih bentuk koperasi.'],
    ['membersMale', '-3', 'Jumlah anggota laki-laki harus bilangan bulat 0 atau lebih.'],
    ['employees', 'banyak', 'Jumlah karyawan harus bilangan bulat 0 atau lebih.'],
    ['legalEntityDate', '2999-01-01', 'Tanggal badan hukum tidak boleh di masa depan.'],
    ['legalEntityDate', '2021-02-31x', 'Tanggal badan hukum harus tanggal yang valid.'],
    ['regencyCode', '', 'Pilih kabupaten/kota.'],
    ['districtCode', '35.17', 'Kecamatan tidak valid.'],
  ])('refuses %s = %j with its message', async (field, value, message) => {
    const r = await createAs(admin, { nik: '3517000000000099', [field]: value })
    expect(r.state?.ok).toBe(false)
    expect(r.state?.errors?.[field]).toContain(message)
    expect(await db.cooperative.count({ where: { nik: '3517000000000099' } })).toBe(0)
  })

  it('refuses a location outside the province or inconsistent with itself', async () => {
    const outside = await createAs(admin, { nik: '3172000000000001', regencyCode: '31.72', districtCode: '' })
    expect(outside.state?.errors?.regencyCode).toEqual(['Pilih kabupaten/kota di provinsi ini.'])
    const wrongDistrict = await createAs(admin, { nik: '3517000000000002', districtCode: '35.78.01' })
    expect(wrongDistrict.state?.errors?.districtCode).toEqual(['Pilih kecamatan di kabupaten/kota yang dipilih.'])
    const wrongVillage = await createAs(admin, { nik: '3517000000000002', villageCode: '35.78.01.1001' })
    expect(wrongVillage.state?.errors?.villageCode).toEqual(['Pilih desa/kelurahan di kecamatan yang dipilih.'])
  })

  it('refuses a duplicate NIK koperasi with a field message', async () => {
    const r = await createAs(admin, { name: 'Koperasi Kembar' })
    expect(r.state?.ok).toBe(false)
    expect(r.state?.errors?.nik).toEqual(['NIK koperasi ini sudah terdaftar.'])
  })

  it('says a duplicate NIK koperasi together with the form\'s other errors, not only once they are fixed', async () => {
    const before = await db.cooperative.count()
    // a field the schema refuses: the NIK is still looked up
    const withInvalid = await createAs(admin, { name: '', membersMale: '' })
    expect(withInvalid.state?.errors?.nik).toEqual(['NIK koperasi ini sudah terdaftar.'])
    expect(withInvalid.state?.errors?.name).toHaveLength(1)
    expect(withInvalid.state?.errors?.membersMale).toHaveLength(1)
    // a location the database refuses (another regency's district): both at once
    const withLocation = await createAs(admin, { districtCode: '35.78.01' })
    expect(withLocation.state?.errors).toMatchObject({ nik: ['NIK koperasi ini sudah terdaftar.'], districtCode: ['Pilih kecamatan di kabupaten/kota yang dipilih.'] })
    // a NIK the schema refuses keeps the schema's message alone
    const badNik = await createAs(admin, { nik: '35170', name: '' })
    expect(badNik.state?.errors?.nik).toEqual(['NIK koperasi harus 16 digit angka.'])
    // its own NIK is not a duplicate on an edit with other errors
    const own = await db.cooperative.findUniqueOrThrow({ where: { nik: '3517000000000001' }, select: { id: true, version: true } })
    signInAs(admin)
    const edit = await submit(updateCooperative, valid({ id: own.id, version: own.version, name: '' }))
    expect(edit.state?.errors?.nik).toBeUndefined()
    expect(edit.state?.errors?.name).toHaveLength(1)
    // and no one else is told: leadership is refused before any lookup
    const leaderTry = (await createAs(leader, { name: '' })).state
    expect(leaderTry?.message).toBe('Anda tidak berwenang melakukan tindakan ini.')
    expect(leaderTry?.errors).toBeUndefined()
    expect(await db.cooperative.count()).toBe(before)
  })

  it('lets a district officer register only in its own regency; leadership and banks not at all', async () => {
    expect((await createAs(jombang, { nik: '3517000000000010' })).redirect).toMatch(/^\/koperasi\//)
    const other = await createAs(jombang, { nik: '3578000000000010', regencyCode: '35.78', districtCode: '' })
    expect(other.state?.errors?.regencyCode).toEqual(['Pilih kabupaten/kota wilayah kerja Anda.'])
    expect((await createAs(leader, { nik: '3517000000000011' })).state?.message).toBe('Anda tidak berwenang melakukan tindakan ini.')
    expect((await createAs(banker, { nik: '3517000000000012' })).state?.message).toBe('Anda tidak berwenang melakukan tindakan ini.')
    signInAs(null)
    expect((await submit(createCooperative, valid({ nik: '3517000000000013' }))).state?.message).toBe('Sesi Anda berakhir. Silakan masuk lagi.')
  })
})

describe('updateCooperative', () => {
  it('saves an edit with before/after in the audit, and refuses a stale one', async () => {
    const coop = await db.cooperative.findUniqueOrThrow({ where: { nik: '3517000000000001' } })
    signInAs(jombang)
    const first = await submit(updateCooperative, valid({ id: coop.id, version: coop.version, name: 'KSP Tes Sejahtera Baru' }))
    expect(first.redirect).toBe(`/koperasi/${coop.id}?disimpan=1`)
    const audit = await db.auditLog.findFirstOrThrow({ where: { entity: 'Cooperative', entityId: coop.id, action: 'UPDATE' } })
    expect((audit.before as { name: string }).name).toBe('KSP Tes Sejahtera')
    expect((audit.after as { name: string }).name).toBe('KSP Tes Sejahtera Baru')
    // someone else's form, opened before that save, still carries the old version
    signInAs(admin)
    const stale = await submit(updateCooperative, valid({ id: coop.id, version: coop.version, name: 'Tertimpa' }))
    expect(stale.state?.ok).toBe(false)
    // the refusal names who saved in between and when (lib/transitions.ts conflictError), from the audit trail
    expect(stale.state?.message).toMatch(new RegExp(`^Koperasi ini sudah diubah oleh ${jombang.name} pada \\d{1,2} \\S+ \\d{4} pukul \\d{2}\\.\\d{2} WIB; muat ulang halaman, lalu ulangi\\.$`))
    expect((await db.cooperative.findUniqueOrThrow({ where: { id: coop.id } })).name).toBe('KSP Tes Sejahtera Baru')
  })

  it('answers a post missing its hidden fields in Indonesian, not zod\'s English', async () => {
    // a crafted or incomplete post: the form always sends id and version, so their schemas carry no message for "missing"
    const coop = await db.cooperative.findUniqueOrThrow({ where: { nik: '3517000000000001' } })
    signInAs(jombang)
    const r = await submit(updateCooperative, valid({ id: undefined, version: undefined }))
    expect(r.state?.ok).toBe(false)
    expect(r.state?.errors).toMatchObject({ id: ['Data tidak dikenal.'], version: ['Versi tidak valid.'] })
    const noDate = await submit(addInspection, { cooperativeId: coop.id, officer: 'Agus Setiawan', findings: 'RAT belum dilaksanakan.', status: 'OPEN' })
    expect(noDate.state?.errors).toEqual({ inspectedOn: ['Wajib diisi.'] })
    const noCoop = await submit(addInspection, { inspectedOn: '2025-06-10', officer: 'Agus Setiawan', findings: 'RAT belum dilaksanakan.', status: 'OPEN' })
    expect(noCoop.state?.errors).toEqual({ cooperativeId: ['Data tidak dikenal.'] })
    // and each has its English for an English reader (lib/i18n/server-messages.en.json)
    for (const message of ['Data tidak dikenal.', 'Versi tidak valid.', 'Wajib diisi.']) expect(serverText(message, 'en')).not.toBe(message)
  })

  it('refuses taking another cooperative\'s NIK', async () => {
    const coop = await db.cooperative.findUniqueOrThrow({ where: { nik: '3517000000000010' } })
    signInAs(admin)
    const r = await submit(updateCooperative, valid({ id: coop.id, version: coop.version, nik: '3517000000000001' }))
    expect(r.state?.errors?.nik).toEqual(['NIK koperasi ini sudah terdaftar.'])
  })

  it('keeps a district officer out of another regency\'s cooperative and out of moving one there', async () => {
    signInAs(admin)
    await submit(createCooperative, valid({ nik: '3578000000000001', name: 'Koperasi Surabaya', regencyCode: '35.78', districtCode: '' }))
    const sby = await db.cooperative.findUniqueOrThrow({ where: { nik: '3578000000000001' } })
    signInAs(jombang)
    const r = await submit(updateCooperative, valid({ id: sby.id, version: sby.version, nik: '3517000000000777' }))
    expect(r.state?.message).toBe('Koperasi tidak ditemukan atau di luar wilayah kerja Anda.')
    // a forged id does not tell whether that record holds a NIK: its own NIK is taken, as another record's would be
    // (left out of the duplicate check, it had been "not found" exactly when the record held it)
    const probe = await submit(updateCooperative, valid({ id: sby.id, version: sby.version, nik: sby.nik }))
    expect(probe.state?.errors?.nik).toEqual(['NIK koperasi ini sudah terdaftar.'])
    expect((await db.cooperative.findUniqueOrThrow({ where: { id: sby.id } })).version).toBe(sby.version)
    const own = await db.cooperative.findUniqueOrThrow({ where: { nik: '3517000000000010' } })
    const move = await submit(updateCooperative, valid({ id: own.id, version: own.version, nik: own.nik, regencyCode: '35.78', districtCode: '' }))
    expect(move.state?.errors?.regencyCode).toEqual(['Pilih kabupaten/kota wilayah kerja Anda.'])
    expect((await submit(deleteCooperative, { id: sby.id, version: sby.version })).state?.message).toBe('Koperasi tidak ditemukan atau di luar wilayah kerja Anda.')
    expect((await db.cooperative.findUniqueOrThrow({ where: { id: sby.id } })).deletedAt).toBeNull()
  })
})

describe('restoreCooperative: one deleted by mistake is brought back', () => {
  it('says where a deleted NIK can be restored, restores it once under a race, with its audit row; another regency’s is not found', async () => {
    signInAs(jombang)
    const nik = '3517000000000555'
    const created = await createAs(jombang, { nik, name: 'KSP Terhapus Keliru', districtCode: '' })
    const id = created.redirect!.split('/')[2].split('?')[0]
    await submit(deleteCooperative, { id, version: 1 })
    // the form refuses the NIK, and says where the record is
    const again = await createAs(jombang, { nik, name: 'KSP Terhapus Keliru', districtCode: '' })
    expect(again.state?.errors?.nik).toEqual(['NIK koperasi ini milik koperasi yang sudah dihapus: pulihkan dari Koperasi › Data terhapus.'])
    // another regency's officer is told only that it is registered (no restore to point to)
    expect((await createAs(surabaya, { nik, name: 'KSP Lain', regencyCode: '35.78', districtCode: '' })).state?.errors?.nik).toEqual(['NIK koperasi ini sudah terdaftar.'])
    const deleted = (await findDeletedCooperatives({ user: asUser(jombang), q: nik })).rows
    expect(deleted.map((r) => r.id)).toEqual([id])
    expect((await findDeletedCooperatives({ user: asUser(surabaya), q: nik })).total).toBe(0)
    // Surabaya's officer cannot restore it: not found, nothing written
    signInAs(surabaya)
    expect((await submit(restoreCooperative, { id, version: deleted[0].version })).state?.message).toBe('Koperasi tidak ditemukan atau di luar wilayah kerja Anda.')
    // two restores at once (the admin and the officer, from the same list): one lands, the other is told who did it
    const [a, b] = await Promise.all([
      (async () => { signInAs(admin); return submit(restoreCooperative, { id, version: deleted[0].version }) })(),
      (async () => { signInAs(jombang); return submit(restoreCooperative, { id, version: deleted[0].version }) })(),
    ])
    const outcomes = [a, b].map((r) => (r.redirect ? 'restored' : r.state?.message))
    expect(outcomes.filter((o) => o === 'restored')).toHaveLength(1)
    expect(outcomes.find((o) => o !== 'restored')).toMatch(/^Koperasi ini sudah diubah oleh /)
    const back = await db.cooperative.findUniqueOrThrow({ where: { id }, select: { deletedAt: true, version: true } })
    expect(back).toEqual({ deletedAt: null, version: deleted[0].version + 1 })
    expect(await db.auditLog.count({ where: { entity: 'Cooperative', entityId: id, action: 'RESTORE' } })).toBe(1)
    expect((await getCooperative({ user: asUser(jombang), id }))?.nik).toBe(nik)
    // out of the way of the counts below
    await db.cooperative.delete({ where: { id } })
  })
})

describe('reads are scoped', () => {
  it('lists, finds and exports only the district officer\'s regency', async () => {
    const sby = await db.cooperative.findUniqueOrThrow({ where: { nik: '3578000000000001' } })
    const all = await findCooperatives({ user: asUser(admin), filter: {} })
    expect(all.total).toBeGreaterThanOrEqual(3)
    const own = await findCooperatives({ user: asUser(jombang), filter: {} })
    expect(own.rows.every((c) => c.regency.code === '35.17')).toBe(true)
    expect(own.total).toBe(all.rows.filter((c) => c.regency.code === '35.17').length)
    // asking for another regency in the URL gives nothing, not that regency
    expect((await findCooperatives({ user: asUser(jombang), filter: { regency: '35.78' } })).total).toBe(0)
    expect(await getCooperative({ user: asUser(jombang), id: sby.id })).toBeNull()
    expect(await getCooperative({ user: asUser(surabaya), id: sby.id })).not.toBeNull()
    expect(await getCooperative({ user: asUser(leader), id: sby.id })).not.toBeNull()
    expect((await exportCooperatives({ user: asUser(jombang), filter: {} })).every((c) => c.regency.code === '35.17')).toBe(true)
    await expect(findCooperatives({ user: asUser(banker), filter: {} })).rejects.toThrow('forbidden')
  })

  it('filters by search, type, status and health outcome', async () => {
    const user = asUser(admin)
    expect((await findCooperatives({ user, filter: { q: 'sejahtera baru' } })).rows.map((r) => r.nik)).toEqual(['3517000000000001'])
    // the search's words in any order, each somewhere in the name (a phrase not in the name in that order)
    expect((await findCooperatives({ user, filter: { q: 'baru  ksp' } })).rows.map((r) => r.nik)).toEqual(['3517000000000001'])
    expect((await findCooperatives({ user, filter: { q: 'baru ksp tidakada' } })).total).toBe(0)
    expect((await findCooperatives({ user, filter: { q: '357800000000' } })).rows.map((r) => r.nik)).toEqual(['3578000000000001'])
    expect((await findCooperatives({ user, filter: { type: 'KONSUMEN' } })).total).toBe(0)
    expect((await findCooperatives({ user, filter: { status: 'nonaktif' } })).total).toBe(0)
    expect((await findCooperatives({ user, filter: { health: 'BELUM' } })).total).toBe((await findCooperatives({ user, filter: {} })).total)
  })

  it('exports the filtered list as .xlsx and .csv through the guarded route', async () => {
    signInAs(jombang)
    const xlsx = await exportRoute(new Request('http://x/api/koperasi/ekspor?format=xlsx'), undefined)
    expect(xlsx.status).toBe(200)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(await xlsx.arrayBuffer())
    const sheet = wb.worksheets[0]
    const niks = sheet.getColumn(1).values.slice(2).map(String)
    expect(niks.sort()).toEqual(['3517000000000001', '3517000000000010'])
    const csv = await (await exportRoute(new Request('http://x/api/koperasi/ekspor?format=csv&q=Baru'), undefined)).text()
    expect(csv.trim().split('\r\n')).toHaveLength(2)
    expect(csv).toContain('KSP Tes Sejahtera Baru')
    expect(await db.auditLog.count({ where: { action: 'EXPORT', entity: 'Cooperative', userId: jombang.id } })).toBe(2)
    signInAs(banker)
    expect((await exportRoute(new Request('http://x/api/koperasi/ekspor'), undefined)).status).toBe(403)
    signInAs(null)
    expect((await exportRoute(new Request('http://x/api/koperasi/ekspor'), undefined)).status).toBe(401)
  })

  it('answers districts and villages for the dependent selects, cooperatives only in scope', async () => {
    signInAs(jombang)
    const own = await (await regionsRoute(new Request('http://x/api/wilayah?regency=35.17&koperasi=1'), undefined)).json()
    expect(own.districts.length).toBeGreaterThan(10)
    expect(own.cooperatives.length).toBe(2)
    const other = await (await regionsRoute(new Request('http://x/api/wilayah?regency=35.78&koperasi=1'), undefined)).json()
    expect(other.cooperatives).toEqual([])
    const villages = await (await regionsRoute(new Request('http://x/api/wilayah?district=35.17.01'), undefined)).json()
    expect(villages.villages[0].code).toMatch(/^35\.17\.01\./)
    expect((await regionsRoute(new Request('http://x/api/wilayah?regency=x'), undefined)).status).toBe(400)
    signInAs(banker)
    expect((await regionsRoute(new Request('http://x/api/wilayah?regency=35.17'), undefined)).status).toBe(403)
  })
})

describe('yearly figures, assessments and inspections', () => {
  it('records a book year, refuses recording it again, and edits it at the version shown', async () => {
    const coop = await db.cooperative.findUniqueOrThrow({ where: { nik: '3517000000000001' } })
    signInAs(jombang)
    const base = { cooperativeId: coop.id, year: '2024', ownCapital: '1.500.000.000', externalCapital: '250000000', assets: '2.000.000.000,50', businessVolume: '3000000000', netSurplus: '-12.500.000', ratHeld: true, ratDate: '2025-03-01' }
    expect((await submit(saveCooperativeYear, base)).state?.ok).toBe(true)
    // the tester's data loss: the same year again with one figure would have set the four others to Rp0
    const again = await submit(saveCooperativeYear, { cooperativeId: coop.id, year: '2024', ownCapital: '120.000.000' })
    expect(again.state?.ok).toBe(false)
    expect(again.state?.errors?.year).toEqual(['Tahun buku 2024 sudah tercatat. Untuk mengubah angkanya, pilih "Ubah" pada baris 2024 di tabel angka tahunan.'])
    let rows = await db.cooperativeYear.findMany({ where: { cooperativeId: coop.id } })
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ version: 1 })
    expect(rows[0].ownCapital?.toString()).toBe('1500000000')
    expect(rows[0].assets?.toString()).toBe('2000000000.5')
    // "Ubah": the form prefilled, saved at the version it showed
    const edit = await submit(saveCooperativeYear, { ...base, assets: '2100000000', version: '1' })
    expect(edit.redirect).toBe(`/koperasi/${coop.id}?disimpan=1#angka-tahunan`)
    rows = await db.cooperativeYear.findMany({ where: { cooperativeId: coop.id } })
    expect(rows).toHaveLength(1)
    expect(rows[0].assets?.toString()).toBe('2100000000')
    expect(rows[0].ownCapital?.toString()).toBe('1500000000')
    expect(rows[0].netSurplus?.toString()).toBe('-12500000')
    expect(rows[0].version).toBe(2)
    expect(await db.auditLog.count({ where: { entity: 'CooperativeYear', entityId: rows[0].id } })).toBe(2)
    // a second tab opened before that edit: refused, naming who changed it, nothing written
    signInAs(admin)
    const stale = await submit(saveCooperativeYear, { ...base, assets: '1', version: '1' })
    expect(stale.state?.ok).toBe(false)
    expect(stale.state?.message).toMatch(new RegExp(`^Angka tahun buku ini sudah diubah oleh ${jombang.name} pada `))
    expect((await db.cooperativeYear.findUniqueOrThrow({ where: { id: rows[0].id } })).assets?.toString()).toBe('2100000000')
    // an edit of a year not recorded is no silent create
    expect((await submit(saveCooperativeYear, { ...base, year: '2019', version: '1' })).state?.message).toBe('Tahun buku 2019 tidak tercatat (lagi); muat ulang halaman.')
    expect(await db.cooperativeYear.count({ where: { cooperativeId: coop.id, year: 2019 } })).toBe(0)
    signInAs(jombang)
    const bad = await submit(saveCooperativeYear, { ...base, year: '2999', ownCapital: '1,2,3', ratHeld: false })
    expect(bad.state?.errors?.year).toEqual(['Tahun buku tidak boleh di masa depan.'])
    expect(bad.state?.errors?.ownCapital).toEqual(['Modal sendiri harus angka rupiah, mis. 1.500.000.'])
    // and, in the same round, the RAT rules the fields they read can already judge (they had waited for a second try)
    expect(bad.state?.errors?.ratHeld).toEqual(['Tandai RAT terlaksana bila tanggal RAT diisi.'])
    // the example is the year typed (a fixed "2025" read as if the typed year's own date were allowed)
    expect(bad.state?.errors?.ratDate).toEqual(['Tanggal RAT harus sesudah tahun bukunya berakhir: RAT tahun buku 2999 diadakan pada 3000 atau sesudahnya.'])
    // a year that cannot be read is not compared with
    expect((await submit(saveCooperativeYear, { ...base, year: 'dua ribu' })).state?.errors).toEqual({ year: ['Tahun buku tidak valid.'] })
    const ratOnly = await submit(saveCooperativeYear, { ...base, ratHeld: false })
    expect(ratOnly.state?.errors?.ratHeld).toEqual(['Tandai RAT terlaksana bila tanggal RAT diisi.'])
    // "RAT 2025" held in March 2025 under book year 2025: that RAT closed book year 2024, said in the date's field
    const sameYear = await submit(saveCooperativeYear, { ...base, year: '2025', ratDate: '2025-03-01' })
    expect(sameYear.state?.errors?.ratDate).toEqual(['Tanggal RAT harus sesudah tahun bukunya berakhir: RAT tahun buku 2025 diadakan pada 2026 atau sesudahnya.'])
    const nextYear = await submit(saveCooperativeYear, { ...base, year: '2024', ratDate: '2024-12-01' })
    expect(nextYear.state?.errors?.ratDate).toEqual(['Tanggal RAT harus sesudah tahun bukunya berakhir: RAT tahun buku 2024 diadakan pada 2025 atau sesudahnya.'])
    expect(await db.cooperativeYear.count({ where: { cooperativeId: coop.id, year: 2025 } })).toBe(0)
  })

  it('stores an amount left empty as not reported (NULL, never Rp0), a 0 typed as 0, and an edit keeps it empty', async () => {
    const coop = await db.cooperative.findUniqueOrThrow({ where: { nik: '3517000000000001' } })
    signInAs(jombang)
    // the district officer knows only the year's assets (and that it had no business at all): the other four are unreported
    expect((await submit(saveCooperativeYear, { cooperativeId: coop.id, year: '2018', assets: '2.000.000.000', businessVolume: '0' })).state?.ok).toBe(true)
    const key = { cooperativeId_year: { cooperativeId: coop.id, year: 2018 } }
    const amounts = (y: { ownCapital: unknown; externalCapital: unknown; assets: unknown; businessVolume: unknown; netSurplus: unknown }) =>
      [y.ownCapital, y.externalCapital, y.assets, y.businessVolume, y.netSurplus].map((v) => (v === null ? null : String(v)))
    const row = await db.cooperativeYear.findUniqueOrThrow({ where: key })
    expect(amounts(row)).toEqual([null, null, '2000000000', '0', null])
    // the page's data: the four unreported amounts stay null (the table shows "belum dilaporkan"), the typed 0 is 0
    const shown = (await getCooperative({ user: asUser(jombang), id: coop.id }))!.yearlyFigures.find((y) => y.year === 2018)!
    expect(amounts(shown)).toEqual([null, null, '2000000000', '0', null])
    // the audit row holds them as empty, as the trail shows any empty value
    const audit = await db.auditLog.findFirstOrThrow({ where: { entity: 'CooperativeYear', entityId: row.id, action: 'CREATE' } })
    expect(audit.after).toMatchObject({ ownCapital: null, netSurplus: null, businessVolume: '0' })
    // "Ubah" prefills an unreported amount as an empty field; saved so, it stays unreported
    const edit = await submit(saveCooperativeYear, { cooperativeId: coop.id, year: '2018', assets: '2.100.000.000', businessVolume: '0', ownCapital: '', version: String(row.version) })
    expect(edit.state?.ok ?? true).toBe(true)
    expect(amounts(await db.cooperativeYear.findUniqueOrThrow({ where: key }))).toEqual([null, null, '2100000000', '0', null])
    await db.cooperativeYear.delete({ where: key })
  })

  it('refuses an amount written `12.50` or `1.5` (a likely 12.500 / 1.500), saying both readings, and saves nothing', async () => {
    const coop = await db.cooperative.findUniqueOrThrow({ where: { nik: '3517000000000001' } })
    signInAs(admin)
    const r = await submit(saveCooperativeYear, { cooperativeId: coop.id, year: '2021', ownCapital: '12.50', externalCapital: '2,50', assets: '1.5', businessVolume: '1.500,5', netSurplus: '-500000' })
    expect(r.state?.errors).toEqual({
      ownCapital: ['Modal sendiri: “12.50” tidak jelas — sen ditulis dengan koma (12,50), ribuan dengan titik setiap tiga angka (12.500).'],
      assets: ['Aset: “1.5” tidak jelas — sen ditulis dengan koma (1,5), ribuan dengan titik setiap tiga angka (1.500).'],
    })
    expect(await db.cooperativeYear.count({ where: { cooperativeId: coop.id, year: 2021 } })).toBe(0)
    // a negative amount that is not the SHU is said to be negative
    const negative = await submit(saveCooperativeYear, { cooperativeId: coop.id, year: '2021', externalCapital: '-500000' })
    expect(negative.state?.errors).toEqual({ externalCapital: ['Modal luar tidak boleh negatif.'] })
  })

  it('records an inspection, in scope only', async () => {
    const coop = await db.cooperative.findUniqueOrThrow({ where: { nik: '3517000000000001' } })
    signInAs(jombang)
    const ok = await submit(addInspection, { cooperativeId: coop.id, inspectedOn: '2025-06-10', officer: 'Agus Setiawan', findings: 'RAT belum dilaksanakan.', status: 'OPEN' })
    expect(ok.state?.ok).toBe(true)
    const row = await db.inspection.findFirstOrThrow({ where: { cooperativeId: coop.id } })
    expect(await db.auditLog.count({ where: { entity: 'Inspection', entityId: row.id, action: 'CREATE' } })).toBe(1)
    expect((await submit(addInspection, { cooperativeId: coop.id, inspectedOn: '2025-06-10', officer: 'Agus', findings: 'abc', status: 'X' })).state?.errors).toMatchObject({
      findings: ['Isi temuan pemeriksaan (minimal 5 karakter).'],
      status: ['Pilih status tindak lanjut.'],
    })
    signInAs(surabaya)
    const out = await submit(addInspection, { cooperativeId: coop.id, inspectedOn: '2025-06-10', officer: 'Agus Setiawan', findings: 'Temuan lain.', status: 'OPEN' })
    expect(out.state?.message).toBe('Koperasi tidak ditemukan atau di luar wilayah kerja Anda.')
  })
})

describe('book years and inspections: delete and follow-up', () => {
  it('moves the version on the import\'s upsert too, so a form opened before the import refuses to save over it', async () => {
    const coop = await db.cooperative.findUniqueOrThrow({ where: { nik: '3517000000000001' } })
    const before = await db.cooperativeYear.findUniqueOrThrow({ where: { cooperativeId_year: { cooperativeId: coop.id, year: 2024 } } })
    const input = cooperativeYearSchema.parse({ cooperativeId: coop.id, year: '2024', ownCapital: '1.500.000.000', assets: '2.200.000.000' })
    await db.$transaction((tx) => writeCooperativeYear(tx, { id: admin.id, username: admin.username, role: admin.role }, input))
    const after = await db.cooperativeYear.findUniqueOrThrow({ where: { id: before.id } })
    expect(after.version).toBe(before.version + 1)
    signInAs(jombang)
    const stale = await submit(saveCooperativeYear, { cooperativeId: coop.id, year: '2024', ownCapital: '9', version: String(before.version) })
    expect(stale.state?.message).toMatch(/^Angka tahun buku ini sudah diubah oleh /)
    expect((await db.cooperativeYear.findUniqueOrThrow({ where: { id: before.id } })).assets?.toString()).toBe('2200000000')
  })

  it('deletes a book year at the version shown, audited', async () => {
    const coop = await db.cooperative.findUniqueOrThrow({ where: { nik: '3517000000000001' } })
    signInAs(jombang)
    expect((await submit(saveCooperativeYear, { cooperativeId: coop.id, year: '2020', ownCapital: '5.000.000' })).state?.ok).toBe(true)
    const row = await db.cooperativeYear.findUniqueOrThrow({ where: { cooperativeId_year: { cooperativeId: coop.id, year: 2020 } } })
    expect((await submit(deleteCooperativeYear, { cooperativeId: coop.id, year: '2020', version: String(row.version + 1) })).state?.message).toMatch(/^Angka tahun buku ini sudah diubah oleh /)
    signInAs(surabaya)
    expect((await submit(deleteCooperativeYear, { cooperativeId: coop.id, year: '2020', version: String(row.version) })).state?.message).toBe('Koperasi tidak ditemukan atau di luar wilayah kerja Anda.')
    signInAs(jombang)
    expect((await submit(deleteCooperativeYear, { cooperativeId: coop.id, year: '2020', version: String(row.version) })).state).toMatchObject({ ok: true, message: 'Angka tahun buku 2020 dihapus.' })
    expect(await db.cooperativeYear.count({ where: { id: row.id } })).toBe(0)
    expect(await db.auditLog.count({ where: { entity: 'CooperativeYear', entityId: row.id, action: 'DELETE' } })).toBe(1)
  })

  it('records an inspection\'s follow-up and closes it at the version shown', async () => {
    const coop = await db.cooperative.findUniqueOrThrow({ where: { nik: '3517000000000001' } })
    const insp = await db.inspection.findFirstOrThrow({ where: { cooperativeId: coop.id, status: 'OPEN' } })
    signInAs(jombang)
    const ok = await submit(followUpInspection, { id: insp.id, version: String(insp.version), followUp: 'RAT dijadwalkan 20 Maret.', status: 'FOLLOWED_UP' })
    expect(ok.state).toMatchObject({ ok: true, message: 'Tindak lanjut pemeriksaan disimpan.' })
    expect(await db.inspection.findUniqueOrThrow({ where: { id: insp.id } })).toMatchObject({ status: 'FOLLOWED_UP', followUp: 'RAT dijadwalkan 20 Maret.', version: insp.version + 1 })
    const audit = await db.auditLog.findFirstOrThrow({ where: { entity: 'Inspection', entityId: insp.id, action: 'UPDATE' } })
    expect((audit.before as { status: string }).status).toBe('OPEN')
    // the audit row holds the inspection's columns as the whole row did (an explicit select now)
    expect(Object.keys(audit.before as object).sort()).toEqual(Object.keys(insp).sort())
    expect(Object.keys(audit.after as object).sort()).toEqual(Object.keys(insp).sort())
    // the tab still showing the OPEN inspection is refused
    const stale = await submit(followUpInspection, { id: insp.id, version: String(insp.version), status: 'CLOSED' })
    expect(stale.state?.message).toMatch(new RegExp(`^Pemeriksaan ini sudah diubah oleh ${jombang.name} pada `))
    signInAs(surabaya)
    expect((await submit(followUpInspection, { id: insp.id, version: String(insp.version + 1), status: 'CLOSED' })).state?.message).toBe('Koperasi tidak ditemukan atau di luar wilayah kerja Anda.')
    signInAs(jombang)
    expect((await submit(followUpInspection, { id: insp.id, version: String(insp.version + 1), followUp: 'RAT terlaksana.', status: 'CLOSED' })).state?.ok).toBe(true)
    expect((await db.inspection.findUniqueOrThrow({ where: { id: insp.id } })).status).toBe('CLOSED')
    // an inspection that is not there is not found (404 for a route using this service), not an invalid input
    expect((await submit(followUpInspection, { id: 'tidak-ada', version: '1', status: 'CLOSED' })).state?.message).toBe('Data tidak ditemukan.')
  })
})

describe('deleteCooperative', () => {
  it('refuses while registered MSMEs are members, naming how many; deleted MSMEs do not count', async () => {
    const coop = await db.cooperative.findUniqueOrThrow({ where: { nik: '3517000000000010' } })
    const member = (nib: string, deletedAt: Date | null) => ({
      nib, businessName: `Usaha ${nib}`, ownerName: 'Sri Rahayu', ownerNik: '3517014501900001', ownerGender: 'P' as const, kbli: '10792',
      regencyCode: '35.17', computedScale: 'MIKRO' as const, cooperativeId: coop.id, deletedAt,
    })
    await db.msme.createMany({ data: [member('9170000000001', null), member('9170000000002', null), member('9170000000003', new Date())] })
    signInAs(jombang)
    const refused = await submit(deleteCooperative, { id: coop.id, version: coop.version })
    expect(refused.state?.message).toBe('Koperasi ini tidak dapat dihapus: 2 UMKM masih tercatat sebagai anggotanya. Pindahkan UMKM tersebut ke koperasi lain atau kosongkan keanggotaannya di formulir UMKM, lalu hapus lagi.')
    expect((await db.cooperative.findUniqueOrThrow({ where: { id: coop.id } })).deletedAt).toBeNull()
    // moved out (or deleted): the delete goes through
    await db.msme.updateMany({ where: { nib: { in: ['9170000000001', '9170000000002'] } }, data: { cooperativeId: null } })
  })

  it('a delete racing an MSME joining the cooperative: exactly one lands, never a member of a deleted cooperative', async () => {
    const coop = await db.cooperative.create({ data: { nik: '3517000000000777', name: 'KSP Balapan', type: 'SIMPAN_PINJAM', regencyCode: '35.17' } })
    signInAs(jombang)
    await Promise.all([
      submit(deleteCooperative, { id: coop.id, version: coop.version }),
      submit(createMsme, { nib: '9170000000777', businessName: 'Usaha Balapan', ownerName: 'Sri Rahayu', ownerNik: '3517014501900001', ownerGender: 'P', kbli: '10792', regencyCode: '35.17', businessCapital: '50.000.000', annualSales: '300.000.000', cooperativeId: coop.id }),
    ])
    const deleted = (await db.cooperative.findUniqueOrThrow({ where: { id: coop.id } })).deletedAt !== null
    const members = await db.msme.count({ where: { cooperativeId: coop.id, deletedAt: null } })
    expect((deleted ? 1 : 0) + members).toBe(1)
  })

  it('soft-deletes with an audit row; the cooperative leaves lists and detail', async () => {
    const coop = await db.cooperative.findUniqueOrThrow({ where: { nik: '3517000000000010' } })
    signInAs(jombang)
    // a stale page (a version corrected since) is refused, naming who changed it; nothing written
    await db.cooperative.update({ where: { id: coop.id }, data: { version: { increment: 1 } } })
    const stale = await submit(deleteCooperative, { id: coop.id, version: coop.version })
    expect(stale.state?.message).toMatch(/^Koperasi ini (sudah diubah oleh .+ pada .+; muat ulang halaman, lalu ulangi|tidak ditemukan atau sudah berubah; muat ulang halaman)\.$/)
    expect((await db.cooperative.findUniqueOrThrow({ where: { id: coop.id } })).deletedAt).toBeNull()
    // two deletes at once from the same page: one lands, the other is a conflict, one DELETE row
    const [a, b] = await Promise.all([submit(deleteCooperative, { id: coop.id, version: coop.version + 1 }), submit(deleteCooperative, { id: coop.id, version: coop.version + 1 })])
    expect([a, b].filter((r) => r.redirect === '/koperasi?dihapus=1')).toHaveLength(1)
    expect([a, b].find((r) => !r.redirect)?.state?.message).toMatch(/^Koperasi ini sudah diubah oleh .+ pada /)
    expect((await db.cooperative.findUniqueOrThrow({ where: { id: coop.id } })).deletedAt).not.toBeNull()
    expect(await db.auditLog.count({ where: { entity: 'Cooperative', entityId: coop.id, action: 'DELETE' } })).toBe(1)
    expect(await getCooperative({ user: asUser(admin), id: coop.id })).toBeNull()
    expect((await findCooperatives({ user: asUser(admin), filter: { q: '3517000000000010' } })).total).toBe(0)
  })
})

describe('sorting by name', () => {
  it('orders names by letter, not by capitals first, both ways', async () => {
    const base = { type: 'SIMPAN_PINJAM' as const, regencyCode: '35.17', updatedAt: new Date() }
    await db.cooperative.createMany({ data: [
      { ...base, nik: '3517990000000001', name: 'KUD Urutan Zeta' },
      { ...base, nik: '3517990000000002', name: 'Koperasi Urutan Alfa' },
      { ...base, nik: '3517990000000003', name: 'kud urutan beta' },
    ] })
    const names = async (dir: 'asc' | 'desc') => (await findCooperatives({ user: asUser(admin), filter: { q: 'urutan', sort: 'name', dir } })).rows.map((r) => r.name)
    expect(await names('asc')).toEqual(['Koperasi Urutan Alfa', 'kud urutan beta', 'KUD Urutan Zeta'])
    expect(await names('desc')).toEqual(['KUD Urutan Zeta', 'kud urutan beta', 'Koperasi Urutan Alfa'])
  })
})

describe('sorting within a tie', () => {
  it('breaks a tie by name, then NIK koperasi, not by the internal id (new records had jumped to the top of their tie)', async () => {
    const base = { type: 'JASA' as const, regencyCode: '35.17', updatedAt: new Date() }
    // ids in the opposite order of the names and NIKs, as a new record's cuid (`c…`) sorts before a seeded `k35…`
    await db.cooperative.createMany({ data: [
      { ...base, id: 'tie-a', nik: '3517970000000003', name: 'Koperasi Seri Beta' },
      { ...base, id: 'tie-b', nik: '3517970000000002', name: 'Koperasi Seri Alfa' },
      { ...base, id: 'tie-c', nik: '3517970000000001', name: 'Koperasi Seri Alfa' },
    ] })
    for (const dir of ['asc', 'desc'] as const) {
      const rows = (await findCooperatives({ user: asUser(admin), filter: { q: 'Koperasi Seri', sort: 'type', dir } })).rows
      expect(rows.map((r) => r.nik), dir).toEqual(['3517970000000001', '3517970000000002', '3517970000000003'])
    }
    const exported = await exportCooperatives({ user: asUser(admin), filter: { q: 'Koperasi Seri', sort: 'regencyCode' } })
    expect(exported.map((r) => r.nik)).toEqual(['3517970000000001', '3517970000000002', '3517970000000003'])
  })
})

describe('the MSME form\'s cooperative choices', () => {
  it('name each with its kecamatan (or NIK), offer only active ones, and keep an MSME\'s own inactive cooperative', async () => {
    const base = { type: 'JASA' as const, regencyCode: '35.78', updatedAt: new Date() }
    const [active, inactive, bare] = await Promise.all([
      db.cooperative.create({ data: { ...base, nik: '3578960000000001', name: 'Koperasi Pilihan Sejahtera', districtCode: '35.78.01' }, select: { id: true } }),
      db.cooperative.create({ data: { ...base, nik: '3578960000000002', name: 'Koperasi Pilihan Sejahtera Abadi', active: false }, select: { id: true } }),
      db.cooperative.create({ data: { ...base, nik: '3578960000000003', name: 'Koperasi Pilihan Tanpa Kecamatan' }, select: { id: true } }),
    ])
    const district = (await db.district.findUniqueOrThrow({ where: { code: '35.78.01' }, select: { name: true } })).name
    const ours = <C extends { id: string }>(list: C[]) => list.filter((c) => [active.id, inactive.id, bare.id].includes(c.id))
    signInAs(surabaya)
    const fresh = await (await regionsRoute(new Request('http://x/api/wilayah?regency=35.78&koperasi=1'), undefined)).json()
    expect(ours(fresh.cooperatives)).toEqual([
      { id: active.id, name: 'Koperasi Pilihan Sejahtera', place: district, active: true },
      { id: bare.id, name: 'Koperasi Pilihan Tanpa Kecamatan', place: '3578960000000003', active: true },
    ])
    // an MSME already a member of the inactive one keeps it among the choices, marked by the form
    const kept = await (await regionsRoute(new Request(`http://x/api/wilayah?regency=35.78&koperasi=1&tetap=${inactive.id}`), undefined)).json()
    expect(ours(kept.cooperatives as { id: string; active: boolean }[]).map((c) => [c.id, c.active])).toEqual([[active.id, true], [inactive.id, false], [bare.id, true]])
    expect(ours(await cooperativeChoices({ user: asUser(surabaya), regencyCode: '35.78', keep: inactive.id }))).toHaveLength(3)
  })
})

describe('sorting by members', () => {
  it('orders by men + women, kept by PostgreSQL as the counts change, both ways, in the list and its export', async () => {
    const base = { type: 'KONSUMEN' as const, regencyCode: '35.17', updatedAt: new Date() }
    await db.cooperative.createMany({ data: [
      { ...base, nik: '3517980000000001', name: 'Koperasi Anggota Satu', membersMale: 90, membersFemale: 0 },
      { ...base, nik: '3517980000000002', name: 'Koperasi Anggota Dua', membersMale: 10, membersFemale: 50 },
      { ...base, nik: '3517980000000003', name: 'Koperasi Anggota Tiga', membersMale: 40, membersFemale: 45 },
    ] })
    const names = async (dir: 'asc' | 'desc') => (await findCooperatives({ user: asUser(admin), filter: { q: 'anggota', sort: 'members', dir } })).rows.map((r) => r.name)
    expect(await names('desc')).toEqual(['Koperasi Anggota Satu', 'Koperasi Anggota Tiga', 'Koperasi Anggota Dua'])
    // an edit of one count moves the sum with it (90 women more: 60 becomes 150)
    await db.cooperative.update({ where: { nik: '3517980000000002' }, data: { membersFemale: 140 } })
    expect(await names('desc')).toEqual(['Koperasi Anggota Dua', 'Koperasi Anggota Satu', 'Koperasi Anggota Tiga'])
    expect(await names('asc')).toEqual(['Koperasi Anggota Tiga', 'Koperasi Anggota Satu', 'Koperasi Anggota Dua'])
    expect((await exportCooperatives({ user: asUser(admin), filter: { q: 'anggota', sort: 'members', dir: 'asc' } })).map((r) => r.name)).toEqual(['Koperasi Anggota Tiga', 'Koperasi Anggota Satu', 'Koperasi Anggota Dua'])
    // the sum is the database's own: a write of it is refused
    await expect(db.$executeRaw`UPDATE cooperatives SET members_total = 1 WHERE nik = '3517980000000001'`).rejects.toThrow(/members_total.{0,2} can only be updated to DEFAULT/)
  })
})

describe('searching a name with other quotes, dashes or accents than it was written with', () => {
  it('finds it typed plainly on the list, the export and the API, and a plain name typed with accents, through the trigram index', async () => {
    // through the form, as an officer pastes a name from a document
    await createAs(admin, { nik: '3578950000000001', regencyCode: '35.78', districtCode: '', name: 'Koperasi Serba Usaha “Sumber Rejeki” Ngoro – Éka Jaya' })
    await db.cooperative.create({ data: { type: 'JASA', regencyCode: '35.78', updatedAt: new Date(), nik: '3578950000000002', name: 'KSP Ni\'mah Karya Sentosa' } })
    const found = async (q: string) => (await findCooperatives({ user: asUser(admin), filter: { q } })).rows.map((r) => r.nik).filter((n) => n.startsWith('357895'))
    for (const q of ['"Sumber Rejeki"', '“Sumber Rejeki”', 'eka jaya', 'ÉKA JAYA', "'sumber rejeki' ngoro - eka", 'ngoro — eka']) expect(await found(q), q).toEqual(['3578950000000001'])
    // both sides: a name written plainly is found typed with accents or another apostrophe
    for (const q of ['ni’mah', 'Nímah kárya', 'nimah']) expect(await found(q), q).toEqual(['3578950000000002'])
    expect(await found('eka jayb')).toEqual([])
    // the same search behind the export and the integration API
    expect((await exportCooperatives({ user: asUser(admin), filter: { q: '"sumber rejeki" eka' } })).map((r) => r.nik)).toEqual(['3578950000000001'])
    expect((await syncCooperatives({ user: asUser(admin), filter: { q: 'eka jaya' }, limit: 10 })).rows.map((r) => r.nik)).toEqual(['3578950000000001'])
    // a renamed cooperative is searched by its new name (PostgreSQL keeps the folded column), and it is never written
    await db.cooperative.update({ where: { nik: '3578950000000002' }, data: { name: 'KSP Nikmah Karya Sentosa' } })
    expect(await found('nímah')).toEqual([])
    expect(await found('níkmah')).toEqual(['3578950000000002'])
    await expect(db.$executeRaw`UPDATE cooperatives SET name_search = 'x' WHERE nik = '3578950000000002'`).rejects.toThrow(/name_search.{0,2} can only be updated to DEFAULT/)
  })

  it('folds in SQL exactly as in TypeScript, and the search reads the trigram index', async () => {
    const sample = `${SEARCH_FOLD.from} Koperasi “Sumber Rejeki” – Éka 漢 01/2024`
    expect((await db.$queryRaw<{ f: string }[]>`SELECT search_fold(${sample}) AS f`)[0].f).toBe(foldSearch(sample))
    // with sequential scans priced out, a folded LIKE reads cooperatives_name_search_trgm_idx (a mismatched
    // expression or operator class would leave a sequential scan whatever the price)
    const plan = await db.$transaction(async (tx) => {
      await tx.$executeRaw`SET LOCAL enable_seqscan = off`
      return tx.$queryRaw<{ 'QUERY PLAN': string }[]>`EXPLAIN SELECT id FROM cooperatives WHERE name_search LIKE ${'%sumber%'}`
    })
    expect(plan.map((r) => r['QUERY PLAN']).join('\n')).toContain('cooperatives_name_search_trgm_idx')
  })
})

// last in the file: the cooperatives it saves in Kabupaten Jombang would change the counts the tests above read
describe('a NIK koperasi of another regency', () => {
  it('asks to confirm a NIK koperasi that begins with another regency of the province, as the MSME form asks of an owner NIK', async () => {
    const surabayaName = (await db.regency.findUniqueOrThrow({ where: { code: '35.78' }, select: { name: true } })).name
    const warned = await createAs(admin, { nik: '3578000000009999', name: 'KSP Kode Lain' })
    expect(warned.state?.errors?.nik).toEqual([`NIK koperasi diawali kode ${surabayaName}, di luar kabupaten/kota koperasi ini. Jika memang benar, centang konfirmasi lalu simpan lagi.`])
    expect(warned.state?.errors?.nikElsewhereConfirmed).toEqual(['Centang bila NIK koperasi ini memang diawali kode kabupaten/kota lain.'])
    expect(await db.cooperative.count({ where: { nik: '3578000000009999' } })).toBe(0)
    // first four digits that name no regency of the province: not questioned (a NIK koperasi need not begin so)
    expect((await createAs(admin, { nik: '9999000000009998', name: 'KSP Kode Bebas' })).redirect).toMatch(/^\/koperasi\//)
    // confirmed: saved
    expect((await createAs(admin, { nik: '3578000000009999', name: 'KSP Kode Lain', nikElsewhereConfirmed: 'on' })).redirect).toMatch(/^\/koperasi\//)
    // an edit that keeps the NIK and the regency asks nothing again (answered when it was saved) …
    const coop = await db.cooperative.findUniqueOrThrow({ where: { nik: '3578000000009999' } })
    signInAs(admin)
    expect((await submit(updateCooperative, valid({ id: coop.id, version: coop.version, nik: coop.nik, name: 'KSP Kode Lain Baru' }))).redirect).toBe(`/koperasi/${coop.id}?disimpan=1`)
    // … one that changes the NIK asks again
    const malang = (await db.regency.findUniqueOrThrow({ where: { code: '35.07' }, select: { name: true } })).name
    const retyped = await submit(updateCooperative, valid({ id: coop.id, version: coop.version + 1, nik: '3507000000009999', name: 'KSP Kode Lain Baru' }))
    expect(retyped.state?.errors?.nik).toEqual([`NIK koperasi diawali kode ${malang}, di luar kabupaten/kota koperasi ini. Jika memang benar, centang konfirmasi lalu simpan lagi.`])
    expect((await db.cooperative.findUniqueOrThrow({ where: { id: coop.id } })).nik).toBe('3578000000009999')
  })
})
