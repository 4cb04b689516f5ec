import { signInAs, createTestUser, submit } from '../support/session'
import { beforeAll, describe, expect, it } from 'vitest'
import ExcelJS from 'exceljs'
import { db } from '@/lib/db'
import { createMsme, deleteMsme, restoreMsme, revealOwnerNik, updateMsme } from '@/lib/actions/msmes'
import { deleteCooperative } from '@/lib/actions/cooperatives'
import { exportMsmes, findDeletedMsmes, findMsmes, getMsme, syncMsmes } from '@/lib/data/msmes'
import { cooperativeName } from '@/lib/data/cooperatives'
import { GET as exportRoute } from '@/app/api/umkm/ekspor/route'
import type { SessionUser } from '@/lib/session-user'

type TestUser = Awaited<ReturnType<typeof createTestUser>>
let admin: TestUser, jombang: TestUser, surabaya: TestUser, leader: TestUser, banker: TestUser
let coopJombang: string, coopSurabaya: string

const NIK = '3517014501900001'

const valid = (over: Record<string, string | number | boolean | undefined> = {}) => ({
  nib: '9120001234567',
  businessName: 'Keripik Tempe Bu Sri',
  ownerName: 'Sri Wahyuni',
  ownerNik: NIK,
  ownerGender: 'P',
  kbli: '10793',
  regencyCode: '35.17',
  districtCode: '35.17.01',
  address: 'Jl. Diponegoro 5',
  phone: '081234567890',
  workers: '4',
  businessCapital: '1.000.000.000',
  annualSales: '1.800.000.000',
  recordedScale: 'MIKRO',
  newRegistration: true,
  iumkNumber: 'IUMK/3517/00012',
  iumkDate: '2020-08-01',
  cooperativeId: '',
  ...over,
})

const asUser = (u: TestUser): SessionUser => ({ ...u })

async function createAs(u: TestUser, over: Record<string, string | number | boolean | undefined> = {}) {
  signInAs(u)
  return submit(createMsme, valid(over))
}

beforeAll(async () => {
  admin = await createTestUser({ role: 'ADMIN' })
  jombang = await createTestUser({ role: 'DISTRICT_OFFICER', regencyCode: '35.17' })
  surabaya = await createTestUser({ role: 'DISTRICT_OFFICER', regencyCode: '35.78' })
  leader = await createTestUser({ role: 'LEADERSHIP' })
  banker = await createTestUser({ role: 'BANK_OFFICER', bankCode: 'BPRJATIM' })
  const base = { type: 'SIMPAN_PINJAM' as const, updatedAt: new Date() }
  coopJombang = (await db.cooperative.create({ data: { ...base, nik: '3517000000000001', name: 'KSP Jombang', regencyCode: '35.17' } })).id
  coopSurabaya = (await db.cooperative.create({ data: { ...base, nik: '3578000000000001', name: 'KSP Surabaya', regencyCode: '35.78' } })).id
})

describe('createMsme', () => {
  it('saves a valid MSME with its PP 7/2021 scale and an audit row that keeps the NIK masked', async () => {
    const r = await createAs(admin, { cooperativeId: coopJombang })
    const m = await db.msme.findUniqueOrThrow({ where: { nib: '9120001234567' } })
    expect(r.redirect).toBe(`/umkm/${m.id}?ditambahkan=1`)
    // new registration: capital Rp1.000.000.000 is still micro
    expect(m).toMatchObject({ ownerNik: NIK, computedScale: 'MIKRO', scaleMismatch: false, cooperativeId: coopJombang, workers: 4 })
    expect(m.businessCapital.toString()).toBe('1000000000')
    const audit = await db.auditLog.findFirstOrThrow({ where: { entity: 'Msme', entityId: m.id, action: 'CREATE' } })
    expect(JSON.stringify(audit.after)).not.toContain(NIK)
    expect((audit.after as { ownerNik: string }).ownerNik).toBe('3517••••••••0001')
  })

  it('computes the scale from sales for an existing business and flags a contradicting recorded scale', async () => {
    await createAs(admin, { nib: '9120001234568', newRegistration: false, annualSales: '2.000.000.001', recordedScale: 'MIKRO' })
    const m = await db.msme.findUniqueOrThrow({ where: { nib: '9120001234568' } })
    expect(m).toMatchObject({ computedScale: 'KECIL', scaleMismatch: true })
  })

  it.each([
    ['nib', '912000123456', 'NIB harus 13 digit angka.'],
    ['businessName', 'A', 'Nama usaha minimal 2 karakter.'],
    ['ownerNik', '351701450190000', 'NIK pemilik harus 16 digit angka.'],
    ['ownerGender', 'X', 'Pilih jenis kelamin pemilik.'],
    ['kbli', '', 'Isi kode KBLI.'],
    ['kbli', '1079', 'KBLI 2020 harus 5 digit angka.'],
    ['kbli', '1079a', 'KBLI 2020 harus 5 digit angka.'],
    ['businessCapital', 'satu miliar', 'Modal usaha harus angka rupiah, mis. 1.500.000.'],
    ['annualSales', '99999999999999999', 'Omzet tahunan terlalu besar.'],
    ['workers', '-1', 'Jumlah tenaga kerja harus bilangan bulat 0 atau lebih.'],
    ['recordedScale', 'RAKSASA', 'Pilih skala usaha yang tercatat.'],
    ['phone', '12ab', 'Nomor telepon tidak valid: tulis mis. 0812-3456-7890, +62 812 3456 7890 atau (0341) 551234.'],
    ['kbli', '99999', 'Kode ini tidak ada dalam KBLI 2020: dua digit pertama harus golongan pokok yang berlaku (mis. 10 industri makanan, 47 perdagangan eceran, 56 makan minum).'],
    ['workers', '6,5', 'Jumlah tenaga kerja harus bilangan bulat 0 atau lebih.'],
    // a count is no amount of money
    ['workers', 'Rp 5', 'Jumlah tenaga kerja harus bilangan bulat 0 atau lebih.'],
    ['workers', '', 'Jumlah tenaga kerja wajib diisi; tulis 0 bila tidak ada.'],
    ['iumkDate', '2999-01-01', 'Tanggal IUMK tidak boleh di masa depan.'],
  ])('refuses %s = %j with its message', async (field, value, message) => {
    const r = await createAs(admin, { nib: '9120009999999', [field]: value })
    expect(r.state?.ok).toBe(false)
    // the one sentence for the field: a 4-digit KBLI code had also been told its main group is not valid
    expect(r.state?.errors?.[field]).toEqual([message])
    expect(await db.msme.count({ where: { nib: '9120009999999' } })).toBe(0)
  })

  it('refuses an owner NIK whose first four digits are no real regency', async () => {
    const r = await createAs(admin, { nib: '9120009999999', ownerNik: '3599014501900001' })
    expect(r.state?.errors?.ownerNik?.[0]).toMatch(/^Empat digit pertama NIK harus kode provinsi dan kabupaten\/kota yang terdaftar/)
    // an owner registered elsewhere (a real prefix, another regency) is a warning the user confirms, not a refusal
    const warned = await createAs(admin, { nib: '9120009999998', ownerNik: '3578014501900001' })
    expect(warned.state?.errors?.ownerNik?.[0]).toMatch(/^NIK pemilik terdaftar di Kota Surabaya, di luar kabupaten\/kota usaha ini/)
    expect(warned.state?.errors?.nikElsewhereConfirmed).toHaveLength(1)
    expect(await db.msme.count({ where: { nib: '9120009999998' } })).toBe(0)
    expect((await createAs(admin, { nib: '9120009999998', ownerNik: '3578014501900001', nikElsewhereConfirmed: 'on' })).redirect).toMatch(/^\/umkm\//)
  })

  it('refuses a cooperative of another regency and a duplicate NIB', async () => {
    expect((await createAs(admin, { nib: '9120009999997', cooperativeId: coopSurabaya })).state?.errors?.cooperativeId).toEqual(['Pilih koperasi di kabupaten/kota yang sama.'])
    expect((await createAs(admin, { businessName: 'Kembar' })).state?.errors?.nib).toEqual(['NIB ini sudah terdaftar.'])
  })

  it('says a duplicate NIB together with the form\'s other errors, not only once they are fixed', async () => {
    const withInvalid = await createAs(admin, { businessName: '', workers: '' })
    expect(withInvalid.state?.errors).toMatchObject({ nib: ['NIB ini sudah terdaftar.'] })
    expect(withInvalid.state?.errors?.businessName).toHaveLength(1)
    expect(withInvalid.state?.errors?.workers).toHaveLength(1)
    // the owner's NIK refused by the database check: both at once
    const withNik = await createAs(admin, { ownerNik: '3599014501900001' })
    expect(withNik.state?.errors?.nib).toEqual(['NIB ini sudah terdaftar.'])
    expect(withNik.state?.errors?.ownerNik?.[0]).toMatch(/^Empat digit pertama NIK/)
    const own = await db.msme.findUniqueOrThrow({ where: { nib: '9120001234567' }, select: { id: true, version: true } })
    signInAs(admin)
    const edit = await submit(updateMsme, valid({ id: own.id, version: own.version, businessName: '' }))
    expect(edit.state?.errors?.nib).toBeUndefined()
  })

  it('stores a phone written with dashes or +62 in one form', async () => {
    expect((await createAs(admin, { nib: '9120001230011', phone: '0812-3456-7890' })).redirect).toMatch(/^\/umkm\//)
    expect((await createAs(admin, { nib: '9120001230012', phone: '+62 812 3456 7890' })).redirect).toMatch(/^\/umkm\//)
    const phones = await db.msme.findMany({ where: { nib: { in: ['9120001230011', '9120001230012'] } }, select: { phone: true } })
    expect(phones.map((p) => p.phone)).toEqual(['081234567890', '081234567890'])
  })

  it('keeps district officers in their regency and leadership out', async () => {
    expect((await createAs(jombang, { nib: '9120001230001' })).redirect).toMatch(/^\/umkm\//)
    expect((await createAs(jombang, { nib: '9120001230002', regencyCode: '35.78', districtCode: '' })).state?.errors?.regencyCode).toEqual(['Pilih kabupaten/kota wilayah kerja Anda.'])
    expect((await createAs(surabaya, { nib: '9120001230003', regencyCode: '35.78', districtCode: '', ownerNik: '3578014501900003', cooperativeId: coopSurabaya })).redirect).toMatch(/^\/umkm\//)
    expect((await createAs(leader, { nib: '9120001230004' })).state?.message).toBe('Anda tidak berwenang melakukan tindakan ini.')
    expect((await createAs(banker, { nib: '9120001230005' })).state?.message).toBe('Anda tidak berwenang melakukan tindakan ini.')
  })
})

describe('updateMsme', () => {
  it('recomputes the scale, keeps the NIK when left empty, and refuses a stale edit', async () => {
    const m = await db.msme.findUniqueOrThrow({ where: { nib: '9120001234567' } })
    signInAs(jombang)
    const r = await submit(updateMsme, valid({ id: m.id, version: m.version, ownerNik: '', businessCapital: '1.000.000.001' }))
    expect(r.redirect).toBe(`/umkm/${m.id}?disimpan=1`)
    const after = await db.msme.findUniqueOrThrow({ where: { id: m.id } })
    expect(after).toMatchObject({ ownerNik: NIK, computedScale: 'KECIL', scaleMismatch: true, version: m.version + 1 })
    const audit = await db.auditLog.findFirstOrThrow({ where: { entity: 'Msme', entityId: m.id, action: 'UPDATE' } })
    expect(JSON.stringify([audit.before, audit.after])).not.toContain(NIK)
    signInAs(admin)
    const stale = await submit(updateMsme, valid({ id: m.id, version: m.version, ownerNik: '', businessName: 'Tertimpa' }))
    // who saved in between and when, from the audit trail (lib/transitions.ts conflictError)
    expect(stale.state?.message).toMatch(new RegExp(`^UMKM ini sudah diubah oleh ${jombang.name} pada \\d{1,2} \\S+ \\d{4} pukul \\d{2}\\.\\d{2} WIB; muat ulang halaman, lalu ulangi\\.$`))
    expect((await db.msme.findUniqueOrThrow({ where: { id: m.id } })).businessName).toBe('Keripik Tempe Bu Sri')
  })

  it('asks about a kept owner NIK when the business moves to another regency, as it asks of a typed one', async () => {
    expect((await createAs(admin, { nib: '9120001230021', ownerNik: '3517014501900021' })).redirect).toMatch(/^\/umkm\//)
    const m = await db.msme.findUniqueOrThrow({ where: { nib: '9120001230021' } })
    signInAs(admin)
    // moved to Kota Surabaya with "NIK pemilik" left empty (keep the stored one): it had been saved without a question
    const move = valid({ id: m.id, version: m.version, nib: m.nib, ownerNik: '', regencyCode: '35.78', districtCode: '' })
    const moved = await submit(updateMsme, move)
    expect(moved.state?.errors?.ownerNik).toEqual(['NIK pemilik terdaftar di Kabupaten Jombang, di luar kabupaten/kota usaha ini. Jika memang benar, centang konfirmasi lalu simpan lagi.'])
    expect(moved.state?.errors?.nikElsewhereConfirmed).toHaveLength(1)
    expect(await db.msme.findUniqueOrThrow({ where: { id: m.id } })).toMatchObject({ regencyCode: '35.17', version: m.version })
    // confirmed: moved, the NIK kept
    expect((await submit(updateMsme, { ...move, nikElsewhereConfirmed: 'on' })).redirect).toBe(`/umkm/${m.id}?disimpan=1`)
    const after = await db.msme.findUniqueOrThrow({ where: { id: m.id } })
    expect(after).toMatchObject({ regencyCode: '35.78', ownerNik: '3517014501900021' })
    // answered once: the next edit in the same regency, NIK still kept, asks nothing
    expect((await submit(updateMsme, { ...move, version: after.version, businessName: 'Keripik Pindahan' })).redirect).toBe(`/umkm/${m.id}?disimpan=1`)
  })

  it('refuses another regency\'s MSME to a district officer', async () => {
    const sby = await db.msme.findUniqueOrThrow({ where: { nib: '9120001230003' } })
    signInAs(jombang)
    const r = await submit(updateMsme, valid({ id: sby.id, version: sby.version, nib: '9120001239998', ownerNik: '' }))
    expect(r.state?.message).toBe('UMKM tidak ditemukan atau di luar wilayah kerja Anda.')
    // a forged id does not tell whether that record holds a NIB: its own NIB is taken, as another record's would be
    const probe = await submit(updateMsme, valid({ id: sby.id, version: sby.version, nib: sby.nib, ownerNik: '' }))
    expect(probe.state?.errors?.nib).toEqual(['NIB ini sudah terdaftar.'])
    expect((await db.msme.findUniqueOrThrow({ where: { id: sby.id } })).version).toBe(sby.version)
    expect((await submit(deleteMsme, { id: sby.id, version: sby.version })).state?.message).toBe('UMKM tidak ditemukan atau di luar wilayah kerja Anda.')
  })
})

describe('reads mask the owner NIK and respect the scope', () => {
  it('masks the NIK in list, detail and export for every role', async () => {
    for (const u of [admin, jombang, leader]) {
      const list = await findMsmes({ user: asUser(u), filter: { q: 'Keripik' } })
      expect(list.rows.length).toBeGreaterThan(0)
      for (const row of list.rows) expect(row.ownerNik).toMatch(/^\d{4}•{8}\d{4}$/)
    }
    const m = await db.msme.findUniqueOrThrow({ where: { nib: '9120001234567' } })
    expect((await getMsme({ user: asUser(admin), id: m.id }))?.ownerNik).toBe('3517••••••••0001')
    // leadership sees no personal data: the phone is masked too
    expect((await getMsme({ user: asUser(leader), id: m.id }))?.phone).toBe('0812••••7890')
    expect((await getMsme({ user: asUser(jombang), id: m.id }))?.phone).toBe('081234567890')
    expect((await exportMsmes({ user: asUser(admin), filter: {} })).every((r) => !/^\d{16}$/.test(r.ownerNik))).toBe(true)
  })

  it('lists and finds only the officer\'s regency, with scale, mismatch, cooperative and search filters', async () => {
    const sby = await db.msme.findUniqueOrThrow({ where: { nib: '9120001230003' } })
    expect(await getMsme({ user: asUser(jombang), id: sby.id })).toBeNull()
    expect((await findMsmes({ user: asUser(jombang), filter: {} })).rows.every((r) => r.regency.code === '35.17')).toBe(true)
    expect((await findMsmes({ user: asUser(jombang), filter: { regency: '35.78' } })).total).toBe(0)
    const user = asUser(admin)
    expect((await findMsmes({ user, filter: { mismatch: '1' } })).rows.map((r) => r.nib).sort()).toEqual(['9120001234567', '9120001234568'])
    expect((await findMsmes({ user, filter: { scale: 'KECIL' } })).total).toBe(2)
    expect((await findMsmes({ user, filter: { koperasi: coopSurabaya } })).rows.map((r) => r.nib)).toEqual(['9120001230003'])
    // the list narrowed to a cooperative names it, within the reader's scope only
    expect(await cooperativeName({ user, id: coopSurabaya })).toEqual(expect.any(String))
    expect(await cooperativeName({ user: asUser(jombang), id: coopSurabaya })).toBeNull()
    expect((await findMsmes({ user, filter: { q: '912000123000' } })).total).toBe(2)
    expect((await findMsmes({ user, filter: { q: 'sri wahyuni' } })).total).toBeGreaterThan(0)
    // words in any order, each in the business name or the owner's: "tempe wahyuni" (one in each), "sri keripik"
    const tempe = (await findMsmes({ user, filter: { q: 'tempe wahyuni' } })).rows.map((r) => r.businessName)
    expect(tempe.length).toBeGreaterThan(0)
    expect(tempe.every((n) => /tempe/i.test(n))).toBe(true)
    expect((await findMsmes({ user, filter: { q: 'sri keripik' } })).total).toBeGreaterThan(0)
    expect((await findMsmes({ user, filter: { q: 'keripik zzzz' } })).total).toBe(0)
    await expect(findMsmes({ user: asUser(banker), filter: {} })).rejects.toThrow('forbidden')
  })

  it('exports the filtered rows through the guarded route, scoped and masked', async () => {
    signInAs(jombang)
    const res = await exportRoute(new Request('http://x/api/umkm/ekspor?format=xlsx&mismatch=1'), undefined)
    expect(res.status).toBe(200)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(await res.arrayBuffer())
    const rows = wb.worksheets[0].getSheetValues().slice(2) as unknown[][]
    expect(rows.map((r) => r[1]).sort()).toEqual(['9120001234567', '9120001234568'])
    expect(rows.every((r) => String(r[4]).includes('••••'))).toBe(true)
    const csv = await (await exportRoute(new Request('http://x/api/umkm/ekspor?format=csv&regency=35.78'), undefined)).text()
    expect(csv.trim().split('\r\n')).toHaveLength(1) // header only: another regency
    signInAs(banker)
    expect((await exportRoute(new Request('http://x/api/umkm/ekspor'), undefined)).status).toBe(403)
  })

  it('names the export of one cooperative\'s members after it, not like the whole register (its name only within the scope)', async () => {
    const name = async (u: TestUser, query: string) => {
      signInAs(u)
      return (await exportRoute(new Request(`http://x/api/umkm/ekspor?format=csv&${query}`), undefined)).headers.get('content-disposition')
    }
    expect(await name(admin, `koperasi=${coopSurabaya}`)).toMatch(/filename="umkm-anggota-ksp-surabaya-\d{4}-\d{2}-\d{2}\.csv"/)
    expect(await name(admin, `koperasi=${coopSurabaya}&scale=MIKRO`)).toMatch(/filename="umkm-mikro-anggota-ksp-surabaya-\d{4}-\d{2}-\d{2}\.csv"/)
    // another regency's cooperative: no rows, and its name is not told either
    expect(await name(jombang, `koperasi=${coopSurabaya}`)).toMatch(/filename="umkm-anggota-\d{4}-\d{2}-\d{2}\.csv"/)
    expect(await name(admin, '')).toMatch(/filename="umkm-\d{4}-\d{2}-\d{2}\.csv"/)
  })
})

describe('revealOwnerNik', () => {
  it('gives the full NIK to an admin and audits the reveal without the NIK', async () => {
    const m = await db.msme.findUniqueOrThrow({ where: { nib: '9120001234567' } })
    signInAs(admin)
    const r = await submit(revealOwnerNik, { id: m.id })
    expect(r.state).toMatchObject({ ok: true, data: { nik: NIK } })
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: 'REVEAL', entity: 'Msme', entityId: m.id } })
    expect(audit.userId).toBe(admin.id)
    expect(JSON.stringify([audit.before, audit.after])).not.toContain(NIK)
  })

  it('gives it to the district officer of the regency only', async () => {
    const m = await db.msme.findUniqueOrThrow({ where: { nib: '9120001234567' } })
    signInAs(jombang)
    expect((await submit(revealOwnerNik, { id: m.id })).state?.data?.nik).toBe(NIK)
    signInAs(surabaya)
    expect((await submit(revealOwnerNik, { id: m.id })).state).toMatchObject({ ok: false, message: 'UMKM tidak ditemukan atau di luar wilayah kerja Anda.' })
  })

  it('refuses leadership and bank officers, with no audit row', async () => {
    const m = await db.msme.findUniqueOrThrow({ where: { nib: '9120001234567' } })
    const before = await db.auditLog.count({ where: { action: 'REVEAL' } })
    for (const u of [leader, banker]) {
      signInAs(u)
      const r = await submit(revealOwnerNik, { id: m.id })
      expect(r.state).toMatchObject({ ok: false, message: 'Anda tidak berwenang melakukan tindakan ini.' })
      expect(r.state?.data).toBeUndefined()
    }
    expect(await db.auditLog.count({ where: { action: 'REVEAL' } })).toBe(before)
  })
})

describe('deleteMsme', () => {
  it('soft-deletes with an audit row', async () => {
    const m = await db.msme.findUniqueOrThrow({ where: { nib: '9120001230001' } })
    signInAs(jombang)
    // a stale page (a version corrected since) is refused, naming who changed it; nothing written
    await db.msme.update({ where: { id: m.id }, data: { version: { increment: 1 } } })
    const stale = await submit(deleteMsme, { id: m.id, version: m.version })
    expect(stale.state?.message).toMatch(/^UMKM ini (sudah diubah oleh .+ pada .+; muat ulang halaman, lalu ulangi|tidak ditemukan atau sudah berubah; muat ulang halaman)\.$/)
    expect((await db.msme.findUniqueOrThrow({ where: { id: m.id } })).deletedAt).toBeNull()
    // two deletes at once from the same page: one lands, the other is a conflict, one DELETE row
    const [a, b] = await Promise.all([submit(deleteMsme, { id: m.id, version: m.version + 1 }), submit(deleteMsme, { id: m.id, version: m.version + 1 })])
    expect([a, b].filter((r) => r.redirect === '/umkm?dihapus=1')).toHaveLength(1)
    expect([a, b].find((r) => !r.redirect)?.state?.message).toMatch(/^UMKM ini sudah diubah oleh .+ pada /)
    expect(await getMsme({ user: asUser(admin), id: m.id })).toBeNull()
    expect(await db.auditLog.count({ where: { entity: 'Msme', entityId: m.id, action: 'DELETE' } })).toBe(1)
  })

  it('a deleted NIB is said as restorable, and the MSME comes back once under a race, with its audit row', async () => {
    const m = await db.msme.findUniqueOrThrow({ where: { nib: '9120001230001' }, select: { id: true, version: true } })
    const again = await createAs(jombang, { nib: '9120001230001', businessName: 'Daftar Ulang' })
    expect(again.state?.errors?.nib).toEqual(['NIB ini milik UMKM yang sudah dihapus: pulihkan dari UMKM › Data terhapus.'])
    // written in groups, the NIB finds it on the deleted list
    expect((await findDeletedMsmes({ user: asUser(jombang), q: '9120 0012 3000 1' })).rows.map((r) => r.id)).toEqual([m.id])
    expect((await findDeletedMsmes({ user: asUser(surabaya), q: '9120001230001' })).total).toBe(0)
    signInAs(surabaya)
    expect((await submit(restoreMsme, { id: m.id, version: m.version })).state?.message).toBe('UMKM tidak ditemukan atau di luar wilayah kerja Anda.')
    signInAs(jombang)
    const [a, b] = await Promise.all([submit(restoreMsme, { id: m.id, version: m.version }), submit(restoreMsme, { id: m.id, version: m.version })])
    expect([a, b].filter((r) => r.redirect === `/umkm/${m.id}?dipulihkan=1`)).toHaveLength(1)
    expect([a, b].find((r) => !r.redirect)?.state?.message).toMatch(/^UMKM ini sudah diubah oleh /)
    expect(await getMsme({ user: asUser(jombang), id: m.id })).not.toBeNull()
    expect(await db.auditLog.count({ where: { entity: 'Msme', entityId: m.id, action: 'RESTORE' } })).toBe(1)
    // deleted again, as the tests below expect it
    await submit(deleteMsme, { id: m.id, version: m.version + 1 })
  })

  it('restored after its cooperative was deleted, an MSME comes back without that membership (a deleted cooperative has no live member)', async () => {
    const coop = await db.cooperative.create({ data: { nik: '3517000000000777', name: 'KSP Dihapus Kemudian', type: 'SIMPAN_PINJAM', regencyCode: '35.17' }, select: { id: true } })
    const created = await createAs(jombang, { nib: '9120001230777', cooperativeId: coop.id })
    const id = created.redirect!.split('/')[2].split('?')[0]
    await submit(deleteMsme, { id, version: 1 })
    await submit(deleteCooperative, { id: coop.id, version: 1 })
    expect((await db.cooperative.findUniqueOrThrow({ where: { id: coop.id } })).deletedAt).not.toBeNull()
    const { version } = await db.msme.findUniqueOrThrow({ where: { id }, select: { version: true } })
    expect((await submit(restoreMsme, { id, version })).redirect).toBe(`/umkm/${id}?dipulihkan=tanpa-koperasi`)
    expect(await db.msme.findUniqueOrThrow({ where: { id }, select: { deletedAt: true, cooperativeId: true } })).toEqual({ deletedAt: null, cooperativeId: null })
    const audit = await db.auditLog.findFirstOrThrow({ where: { entity: 'Msme', entityId: id, action: 'RESTORE' }, select: { before: true, after: true } })
    expect(audit).toMatchObject({ before: { cooperativeId: coop.id }, after: { cooperativeId: null } })
    await db.msme.delete({ where: { id } })
  })
})

describe('a deleted cooperative and figures with sen', () => {
  const row = (nib: string, over: Record<string, unknown> = {}) => ({
    nib, businessName: `Usaha ${nib}`, ownerName: 'Sri Rahayu', ownerNik: '3517014501900001', ownerGender: 'P' as const, kbli: '10792',
    regencyCode: '35.17', computedScale: 'MIKRO' as const, ...over,
  })
  const sheet = async (url: string) => {
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(await (await exportRoute(new Request(url), undefined)).arrayBuffer())
    const ws = wb.worksheets[0]
    const headers = (ws.getRow(1).values as unknown[]).map(String)
    return { ws, col: (header: string) => headers.indexOf(header) }
  }

  it('shows no membership of a deleted cooperative: list, detail, form value and export', async () => {
    const gone = await db.cooperative.create({ data: { type: 'SIMPAN_PINJAM', updatedAt: new Date(), nik: '3517000000000099', name: 'KSP Terhapus', regencyCode: '35.17', deletedAt: new Date() } })
    const m = await db.msme.create({ data: row('9180000000001', { cooperativeId: gone.id }) })
    const user = asUser(admin)
    expect((await findMsmes({ user, filter: { q: '9180000000001' } })).rows[0].cooperative).toBeNull()
    expect(await getMsme({ user, id: m.id })).toMatchObject({ cooperative: null, cooperativeId: null })
    signInAs(admin)
    const { ws, col } = await sheet('http://x/api/umkm/ekspor?format=xlsx&q=9180000000001')
    expect(ws.getRow(2).getCell(col('Koperasi')).value).toBeNull()
    // a live cooperative still shows
    await db.msme.update({ where: { id: m.id }, data: { cooperativeId: coopJombang } })
    expect((await getMsme({ user, id: m.id }))?.cooperative?.name).toBe('KSP Jombang')
  })

  it('exports a figure with sen with its sen, a whole one without', async () => {
    await db.msme.create({ data: row('9180000000002', { businessCapital: '1500000.5', annualSales: '2000000' }) })
    signInAs(admin)
    const { ws, col } = await sheet('http://x/api/umkm/ekspor?format=xlsx&q=9180000000002')
    const capital = ws.getRow(2).getCell(col('Modal usaha (Rp)'))
    const sales = ws.getRow(2).getCell(col('Omzet tahunan (Rp)'))
    expect(capital.value).toBe(1500000.5)
    expect(capital.numFmt).toBe('"Rp"#,##0.00')
    expect(sales.numFmt).toBe('"Rp"#,##0')
  })
})

describe('sorting within a tie', () => {
  it('breaks a tie by business name, then NIB, not by the internal id (new records had jumped to the top of their tie)', async () => {
    const base = { ownerName: 'Urut', ownerNik: '3517014501900099', ownerGender: 'P' as const, kbli: '10793', regencyCode: '35.17', computedScale: 'MENENGAH' as const, updatedAt: new Date() }
    // ids in the opposite order of the names and NIBs, as a new record's cuid (`c…`) sorts before a seeded `u935…`
    await db.msme.createMany({ data: [
      { ...base, id: 'tie-a', nib: '9120007770003', businessName: 'Warung Seri Beta' },
      { ...base, id: 'tie-b', nib: '9120007770002', businessName: 'Warung Seri Alfa' },
      { ...base, id: 'tie-c', nib: '9120007770001', businessName: 'Warung Seri Alfa' },
    ] })
    for (const dir of ['asc', 'desc'] as const) {
      const rows = (await findMsmes({ user: asUser(admin), filter: { q: 'Warung Seri', sort: 'computedScale', dir } })).rows
      expect(rows.map((r) => r.nib), dir).toEqual(['9120007770001', '9120007770002', '9120007770003'])
    }
    expect((await exportMsmes({ user: asUser(admin), filter: { q: 'Warung Seri', sort: 'regencyCode' } })).map((r) => r.nib)).toEqual(['9120007770001', '9120007770002', '9120007770003'])
  })
})

describe('searching a name with other quotes or accents than it was written with', () => {
  it('finds a business or owner name typed plainly, and a plain one typed with accents, on the list, the export and the API', async () => {
    const base = { ownerNik: '3517014501900098', ownerGender: 'P' as const, kbli: '10793', regencyCode: '35.17', computedScale: 'MIKRO' as const, updatedAt: new Date() }
    await db.msme.createMany({ data: [
      { ...base, nib: '9120006660001', businessName: 'Keripik “Sumber Rejeki” – Éka', ownerName: 'Siti Ni’mah' },
      { ...base, nib: '9120006660002', businessName: 'Warung Jamu Eka Lestari', ownerName: 'Dwi Ayu Hartati' },
    ] })
    const found = async (q: string) => (await findMsmes({ user: asUser(admin), filter: { q } })).rows.map((r) => r.nib).filter((n) => n.startsWith('912000666'))
    for (const q of ['"sumber rejeki"', 'keripik eka', "siti ni'mah", 'NIMAH sumber']) expect(await found(q), q).toEqual(['9120006660001'])
    expect(await found('éka')).toEqual(['9120006660001', '9120006660002'])
    expect(await found('Éka Lestari')).toEqual(['9120006660002'])
    expect(await found('eka lestarii')).toEqual([])
    expect((await exportMsmes({ user: asUser(admin), filter: { q: '“Sumber Rejeki”' } })).map((r) => r.nib)).toEqual(['9120006660001'])
    expect((await syncMsmes({ user: asUser(admin), filter: { q: 'sumber rejeki eka' }, limit: 10 })).rows.map((r) => r.nib)).toEqual(['9120006660001'])
  })
})
