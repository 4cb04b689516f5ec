/**
 * The validation-rule and partner-bank configuration screens (issue 15): a rule previewed against the
 * existing reports with the quarterly form's own evaluator, then applied without touching approved
 * reports (the next submission of an open report is what it flags); stale and racing edits refused;
 * a bank joining and leaving programme years, refused while its claims are there; a deactivated bank's
 * users and history kept.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { db } from '@/lib/db'
import { createTestUser, signInAs, submit } from '../support/session'
import { seedReportingCatalogue } from '@/prisma/seed/reporting'
import { saveReport } from '@/lib/actions/reporting'
import { saveValidationRule, setValidationRuleActive } from '@/lib/actions/validation-rules'
import { addProgramBank, removeProgramBank, saveBank } from '@/lib/actions/banks'
import { saveProgram } from '@/lib/actions/credit'
import { findBanksForAdmin } from '@/lib/data/banks'
import type { RulePreview } from '@/lib/data/validation-rules'
import type { SessionUser } from '@/lib/session-user'

type TestUser = Awaited<ReturnType<typeof createTestUser>>
let admin: TestUser, otherAdmin: TestUser, officer: TestUser, leader: TestUser
const FORBIDDEN = 'Anda tidak berwenang melakukan tindakan ini.'

const JOMBANG = '35.17'
const MALANG = '35.07'
// Triwulan III 2026: the quarterly forms only (semester forms fall due in II and IV)
const VALID = {
  'values.KOP_TERDAFTAR': '347', 'values.KOP_AKTIF': '296', 'values.KSP_SEHAT': '10', 'values.MANAJER_KSP': '30', 'values.KOP_KAMPUNG': '12',
  'values.FASILITASI_KOP': '3', 'values.FASILITASI_UMKM': '20', 'values.BANTUAN_MODAL': '23', 'values.IUMK_TERBIT': '43.950', 'values.DAK_PENDAMPINGAN': '451.803.000',
}
const entry = (fields: Record<string, string | number>) => ({ year: 2026, quarter: 3, obstacles: 'Partisipasi anggota rendah', followUps: 'Pendampingan', ...fields })

const rule = (over: Record<string, string | number | boolean> = {}) => ({
  version: 0, code: 'KSP_SEHAT_MAKS_5', kind: 'RANGE', severity: 'ERROR', indicatorCode: 'KSP_SEHAT', max: '5',
  message: 'KSP sehat lebih dari 5: periksa hasil penilaian.', messageEn: 'More than 5 healthy KSP: check the assessments.', active: true, ...over,
})

/** A report with its values, exactly as stored (status, version, timestamps, every value and comment). */
const snapshot = (id: string) =>
  db.quarterlyReport.findUniqueOrThrow({ where: { id }, include: { values: { orderBy: { indicatorCode: 'asc' } } } })

let approvedId: string

beforeAll(async () => {
  await seedReportingCatalogue(db)
  admin = await createTestUser({ role: 'ADMIN' })
  otherAdmin = await createTestUser({ role: 'ADMIN' })
  officer = await createTestUser({ role: 'DISTRICT_OFFICER', regencyCode: JOMBANG })
  leader = await createTestUser({ role: 'LEADERSHIP' })
  // Malang: Triwulan II with 100 registered cooperatives, Triwulan III approved with 347 and 12 healthy KSP
  await db.quarterlyReport.create({
    data: { regencyCode: MALANG, year: 2026, quarter: 2, status: 'APPROVED', firstSubmittedAt: new Date('2026-07-05'), submittedAt: new Date('2026-07-05'), approvedAt: new Date('2026-07-20'), values: { create: [{ indicatorCode: 'KOP_TERDAFTAR', value: 100 }, { indicatorCode: 'KSP_SEHAT', value: 4 }] } },
  })
  approvedId = (await db.quarterlyReport.create({
    data: {
      regencyCode: MALANG, year: 2026, quarter: 3, status: 'APPROVED', firstSubmittedAt: new Date('2026-10-05'), submittedAt: new Date('2026-10-05'), approvedAt: new Date('2026-10-20'),
      values: { create: [{ indicatorCode: 'KOP_TERDAFTAR', value: 347 }, { indicatorCode: 'KOP_AKTIF', value: 296 }, { indicatorCode: 'KSP_SEHAT', value: 12 }] },
    },
    select: { id: true },
  })).id
  // Jombang: the officer's Triwulan III draft, 10 healthy KSP
  signInAs(officer)
  expect((await submit(saveReport, entry({ ...VALID, version: 0, intent: 'save' }))).state?.ok).toBe(true)
})

describe('validation rules', () => {
  it('previews a new rule with the quarterly form’s evaluator: which reports, their status, the message; writes nothing', async () => {
    signInAs(admin)
    const audits = await db.auditLog.count()
    const r = await submit(saveValidationRule, rule({ intent: 'preview' }))
    expect(r.state?.ok).toBe(true)
    expect(r.state?.message).toBe('Aturan ini akan menandai 2 dari 3 laporan. Belum disimpan.')
    const preview = JSON.parse(r.state!.data!.preview) as RulePreview
    expect(preview.from).toEqual({ year: 2026, quarter: 2 })
    expect(preview.to).toEqual({ year: 2026, quarter: 3 })
    expect(preview.flaggedByStatus).toEqual({ DRAFT: 1, SUBMITTED: 0, RETURNED: 0, APPROVED: 1 })
    expect(preview.rows.map((f) => [f.regencyCode, f.quarter, f.status, f.indicatorCode, f.severity, f.message]).sort()).toEqual([
      [MALANG, 3, 'APPROVED', 'KSP_SEHAT', 'ERROR', 'KSP sehat lebih dari 5: periksa hasil penilaian.'],
      [JOMBANG, 3, 'DRAFT', 'KSP_SEHAT', 'ERROR', 'KSP sehat lebih dari 5: periksa hasil penilaian.'],
    ].sort())
    expect(await db.validationRule.count({ where: { code: 'KSP_SEHAT_MAKS_5' } })).toBe(0)
    expect(await db.auditLog.count()).toBe(audits)
  })

  it('previews a change from the previous quarter against that regency’s previous report', async () => {
    signInAs(admin)
    const r = await submit(saveValidationRule, rule({ intent: 'preview', code: 'PERUBAHAN_UJI', kind: 'MAX_CHANGE', severity: 'WARNING', indicatorCode: 'KOP_TERDAFTAR', max: '', thresholdPercent: '100', message: 'Berubah {change} (lebih dari {threshold}).', messageEn: 'Changed {change} (more than {threshold}).' }))
    const preview = JSON.parse(r.state!.data!.preview) as RulePreview
    // Malang 100 → 347 is +247%; Jombang has no Triwulan II, so nothing to compare
    expect(preview.rows.map((f) => [f.regencyCode, f.status, f.severity, f.message])).toEqual([[MALANG, 'APPROVED', 'WARNING', 'Berubah +247% (lebih dari 100%).']])
  })

  it('refuses what cannot be a rule: bounds the wrong way round, a pair of different units, a province-level indicator, leadership', async () => {
    signInAs(admin)
    expect((await submit(saveValidationRule, rule({ min: '10', max: '5' }))).state?.errors?.max).toEqual(['Batas atas tidak boleh di bawah batas bawah.'])
    const units = await submit(saveValidationRule, rule({ kind: 'LESS_OR_EQUAL', indicatorCode: 'DAK_PENDAMPINGAN', otherIndicatorCode: 'KOP_TERDAFTAR' }))
    expect(units.state?.errors?.otherIndicatorCode?.[0]).toMatch(/^Satuan tidak sebanding: DAK_PENDAMPINGAN dalam rupiah, KOP_TERDAFTAR dalam jumlah/)
    expect((await submit(saveValidationRule, rule({ indicatorCode: 'PDRB_KUMKM' }))).state?.errors?.indicatorCode?.[0]).toMatch(/tingkat provinsi/)
    expect((await submit(saveValidationRule, rule({ kind: 'MAX_CHANGE' }))).state?.errors?.thresholdPercent).toBeDefined()
    signInAs(leader)
    expect((await submit(saveValidationRule, rule())).state?.message).toBe(FORBIDDEN)
    expect((await submit(saveValidationRule, rule({ intent: 'preview' }))).state?.message).toBe(FORBIDDEN)
    expect(await db.validationRule.count({ where: { code: 'KSP_SEHAT_MAKS_5' } })).toBe(0)
  })

  it('applies the rule without touching the approved report; the open report’s next submission is flagged with the previewed message', async () => {
    const approvedBefore = await snapshot(approvedId)
    const draft = await db.quarterlyReport.findUniqueOrThrow({ where: { regencyCode_year_quarter: { regencyCode: JOMBANG, year: 2026, quarter: 3 } }, select: { id: true } })
    const draftBefore = await snapshot(draft.id)
    signInAs(admin)
    expect((await submit(saveValidationRule, rule())).redirect).toBe('/pengaturan/aturan?disimpan=KSP_SEHAT_MAKS_5')
    expect(await db.auditLog.findFirst({ where: { entity: 'ValidationRule', entityId: 'KSP_SEHAT_MAKS_5' }, select: { action: true, username: true } })).toEqual({ action: 'CREATE', username: admin.username })
    // saving a rule changes no report
    expect(await snapshot(approvedId)).toEqual(approvedBefore)
    expect(await snapshot(draft.id)).toEqual(draftBefore)
    // the next submission is judged by it
    signInAs(officer)
    const blocked = await submit(saveReport, entry({ ...VALID, version: draftBefore.version, intent: 'submit' }))
    expect(blocked.state?.errors?.['values.KSP_SEHAT']).toEqual(['KSP sehat lebih dari 5: periksa hasil penilaian.'])
    expect((await snapshot(draft.id)).status).toBe('DRAFT')
    expect(await snapshot(approvedId)).toEqual(approvedBefore)
  })

  it('refuses a stale edit naming who changed the rule; of two racing edits exactly one lands', async () => {
    signInAs(admin)
    expect((await submit(saveValidationRule, rule({ version: 1, max: '8' }))).redirect).toBeDefined()
    signInAs(otherAdmin)
    const stale = await submit(saveValidationRule, rule({ version: 1, max: '50' }))
    expect(stale.state?.message).toMatch(/^Aturan validasi sudah diubah oleh Tes ADMIN pada .*muat ulang/)
    const kept = await db.validationRule.findUniqueOrThrow({ where: { code: 'KSP_SEHAT_MAKS_5' }, select: { max: true, version: true } })
    expect([Number(kept.max), kept.version]).toEqual([8, 2])
    const race = await Promise.all([submit(saveValidationRule, rule({ version: 2, max: '6' })), submit(saveValidationRule, rule({ version: 2, max: '7' }))])
    expect(race.filter((r) => r.redirect).length).toBe(1)
    expect(race.filter((r) => r.state?.message?.startsWith('Aturan validasi sudah diubah oleh')).length).toBe(1)
    expect((await db.validationRule.findUniqueOrThrow({ where: { code: 'KSP_SEHAT_MAKS_5' } })).version).toBe(3)
  })

  it('deactivates a rule (never deletes it): the open report may then be submitted, the approved one still unchanged', async () => {
    const approvedBefore = await snapshot(approvedId)
    signInAs(admin)
    const off = await submit(setValidationRuleActive, { code: 'KSP_SEHAT_MAKS_5', version: 3, active: 'false' })
    expect(off.state?.ok).toBe(true)
    expect(await db.validationRule.findUniqueOrThrow({ where: { code: 'KSP_SEHAT_MAKS_5' }, select: { active: true, version: true } })).toEqual({ active: false, version: 4 })
    expect((await submit(setValidationRuleActive, { code: 'KSP_SEHAT_MAKS_5', version: 3, active: 'true' })).state?.message).toMatch(/sudah diubah oleh/)
    signInAs(officer)
    const draft = await db.quarterlyReport.findUniqueOrThrow({ where: { regencyCode_year_quarter: { regencyCode: JOMBANG, year: 2026, quarter: 3 } }, select: { version: true } })
    const sent = await submit(saveReport, entry({ ...VALID, version: draft.version, intent: 'submit' }))
    expect(sent.state?.errors).toBeUndefined()
    expect((await db.quarterlyReport.findUniqueOrThrow({ where: { regencyCode_year_quarter: { regencyCode: JOMBANG, year: 2026, quarter: 3 } } })).status).toBe('SUBMITTED')
    expect(await snapshot(approvedId)).toEqual(approvedBefore)
  })
})

describe('partner banks', () => {
  let programId: string
  let bprId: string

  beforeAll(async () => {
    bprId = (await db.bank.findUniqueOrThrow({ where: { code: 'BPRJATIM' }, select: { id: true } })).id
    programId = (await db.creditProgram.create({
      data: {
        code: 'UJI-BANK-2026', scheme: 'UJI-BANK', name: 'Program uji bank mitra', year: 2026, creditTarget: 1_000_000_000, beneficiaryTarget: 10, subsidyCeiling: 100_000_000,
        borrowerRate: 0.03, maxPlafond: 50_000_000, maxTenorMonths: 36, banks: { create: { bankId: bprId } },
        rates: { create: { bankId: bprId, effectiveFrom: new Date('2026-01-01'), rate: 0.12 } },
      },
      select: { id: true },
    })).id
    // a claim of BPR Jatim in the programme: it cannot leave any more
    await db.subsidyClaim.create({ data: { programId, bankId: bprId, month: new Date('2026-03-01') } })
  })

  const programVersion = async () => (await db.creditProgram.findUniqueOrThrow({ where: { id: programId }, select: { version: true } })).version
  const bankId = async (code: string) => (await db.bank.findUniqueOrThrow({ where: { code }, select: { id: true } })).id

  it('creates a bank, audited; refuses a duplicate code and leadership', async () => {
    signInAs(admin)
    const r = await submit(saveBank, { version: 0, code: 'bpr_uji', name: 'PT BPR Uji Sejahtera', shortName: 'BPR Uji', active: true })
    expect(r.redirect).toMatch(/^\/pengaturan\/bank\?disimpan=BPR_UJI/)
    const id = await bankId('BPR_UJI')
    expect(await db.auditLog.findFirst({ where: { entity: 'Bank', entityId: id }, select: { action: true } })).toEqual({ action: 'CREATE' })
    expect((await submit(saveBank, { version: 0, code: 'BPRJATIM', name: 'Tiruan', shortName: 'Tiruan', active: true })).state?.errors?.code).toEqual(['Kode sudah dipakai; pilih kode lain.'])
    signInAs(leader)
    expect((await submit(saveBank, { version: 0, code: 'TOLAK', name: 'Bank Ditolak', shortName: 'Ditolak', active: true })).state?.message).toBe(FORBIDDEN)
    expect(await db.bank.count({ where: { code: 'TOLAK' } })).toBe(0)
  })

  it('refuses a stale edit; of two racing edits exactly one lands', async () => {
    const id = await bankId('BPR_UJI')
    signInAs(admin)
    expect((await submit(saveBank, { id, version: 1, code: 'BPR_UJI', name: 'PT BPR Uji Sejahtera (Perseroda)', shortName: 'BPR Uji', active: true })).redirect).toBeDefined()
    signInAs(otherAdmin)
    expect((await submit(saveBank, { id, version: 1, code: 'BPR_UJI', name: 'Nama basi', shortName: 'BPR Uji', active: true })).state?.message).toMatch(/^Bank sudah diubah oleh Tes ADMIN pada/)
    const race = await Promise.all([
      submit(saveBank, { id, version: 2, code: 'BPR_UJI', name: 'PT BPR Uji A', shortName: 'BPR Uji', active: true }),
      submit(saveBank, { id, version: 2, code: 'BPR_UJI', name: 'PT BPR Uji B', shortName: 'BPR Uji', active: true }),
    ])
    expect(race.filter((r) => r.redirect).length).toBe(1)
    expect(await db.bank.findUniqueOrThrow({ where: { id }, select: { version: true } })).toEqual({ version: 3 })
  })

  it('joins a programme with its contract rate (programme version checked), and leaves it while it has no loans', async () => {
    const id = await bankId('BPR_UJI')
    signInAs(admin)
    const low = await submit(addProgramBank, { programId, bankId: id, version: await programVersion(), effectiveFrom: '2026-01-01', rate: '2' })
    expect(low.state?.errors?.rate).toEqual(['Bunga bank harus di atas bunga debitur.'])
    // a mistyped year joins no loan of this programme: refused on the date, nothing written
    const mistyped = await submit(addProgramBank, { programId, bankId: id, version: await programVersion(), effectiveFrom: '2019-01-01', rate: '11,5' })
    expect(mistyped.state?.errors?.effectiveFrom?.[0]).toMatch(/^Tanggal berlaku harus di antara 1 Januari 2026 dan /)
    expect(await db.creditProgramBank.count({ where: { programId, bankId: id } })).toBe(0)
    const v = await programVersion()
    const joined = await submit(addProgramBank, { programId, bankId: id, version: v, effectiveFrom: '2026-01-01', rate: '11,5' })
    expect(joined.state?.ok).toBe(true)
    expect(await db.creditProgramBank.count({ where: { programId, bankId: id } })).toBe(1)
    expect(Number((await db.programRate.findFirstOrThrow({ where: { programId, bankId: id } })).rate)).toBe(0.115)
    expect(await programVersion()).toBe(v + 1)
    // the same form again: the programme moved on
    expect((await submit(addProgramBank, { programId, bankId: id, version: v, effectiveFrom: '2026-01-01', rate: '11,5' })).state?.message).toMatch(/^Program sudah diubah oleh/)
    const left = await submit(removeProgramBank, { programId, bankId: id, version: v + 1 })
    expect(left.state?.ok).toBe(true)
    expect(await db.creditProgramBank.count({ where: { programId, bankId: id } })).toBe(0)
    expect(await db.programRate.count({ where: { programId, bankId: id } })).toBe(0)
    const trail = await db.auditLog.findMany({ where: { entity: 'CreditProgram', entityId: programId }, select: { action: true, before: true, after: true }, orderBy: { id: 'asc' } })
    expect(trail.map((a) => a.action)).toEqual(['UPDATE', 'UPDATE'])
    expect(trail[0].after).toMatchObject({ bankJoined: { bankId: id, effectiveFrom: '2026-01-01', rate: 0.115 } })
    expect(trail[1].before).toMatchObject({ bankLeft: { bankId: id } })
  })

  it('refuses removing a bank from a programme where it has claims, with the reason; nothing changes', async () => {
    signInAs(admin)
    const v = await programVersion()
    const r = await submit(removeProgramBank, { programId, bankId: bprId, version: v })
    expect(r.state?.ok).toBe(false)
    expect(r.state?.message).toBe('BPR Jatim tidak dapat dikeluarkan dari program UJI-BANK-2026: sudah ada 0 penyaluran dan 1 klaim subsidi yang dihitung dengan keikutsertaannya.')
    expect(await db.creditProgramBank.count({ where: { programId, bankId: bprId } })).toBe(1)
    expect(await db.programRate.count({ where: { programId, bankId: bprId } })).toBe(1)
    expect(await programVersion()).toBe(v)
  })

  it('deactivates a bank with users: its users and counts stay readable, it can no longer join a programme', async () => {
    const id = await bankId('BPR_UJI')
    const bankOfficer = await createTestUser({ role: 'BANK_OFFICER', bankCode: 'BPR_UJI' })
    signInAs(admin)
    const version = (await db.bank.findUniqueOrThrow({ where: { id }, select: { version: true } })).version
    expect((await submit(saveBank, { id, version, code: 'BPR_UJI', name: 'PT BPR Uji Sejahtera', shortName: 'BPR Uji', active: false })).redirect).toBeDefined()
    expect(await db.user.findUniqueOrThrow({ where: { id: bankOfficer.id }, select: { bankId: true, active: true } })).toEqual({ bankId: id, active: true })
    const listed = (await findBanksForAdmin({ user: { ...admin } as SessionUser })).find((b) => b.code === 'BPR_UJI')
    expect(listed).toMatchObject({ active: false, _count: { users: 1 } })
    const refused = await submit(addProgramBank, { programId, bankId: id, version: await programVersion(), effectiveFrom: '2026-01-01', rate: '11' })
    expect(refused.state?.errors?.bankId).toEqual(['Aktifkan bank ini terlebih dahulu.'])
    expect(await db.creditProgramBank.count({ where: { programId, bankId: id } })).toBe(0)
    // nor a new programme year through the programme form
    const newProgram = await submit(saveProgram, { scheme: 'UJI-NONAKTIF', name: 'Program bank nonaktif', year: 2027, creditTarget: '1.000.000.000', beneficiaryTarget: 10, subsidyCeiling: '100.000.000', borrowerRate: 3, bankRate: 12, maxPlafond: '10.000.000', maxTenorMonths: 12, bankId: id })
    expect(newProgram.state?.errors?.bankId).toEqual(['Pilih bank mitra yang aktif.'])
    expect(await db.creditProgram.count({ where: { scheme: 'UJI-NONAKTIF' } })).toBe(0)
  })
})

describe('a rule preview compares as the form does', () => {
  it('never with a previous quarter not sent: a draft Triwulan II of 100 beside an approved 347 is no change', async () => {
    const SURABAYA = '35.78'
    await db.quarterlyReport.create({ data: { regencyCode: SURABAYA, year: 2026, quarter: 2, status: 'DRAFT', values: { create: [{ indicatorCode: 'KOP_TERDAFTAR', value: 100 }] } } })
    await db.quarterlyReport.create({
      data: {
        regencyCode: SURABAYA, year: 2026, quarter: 3, status: 'APPROVED', firstSubmittedAt: new Date('2026-10-05'), submittedAt: new Date('2026-10-05'), approvedAt: new Date('2026-10-20'),
        values: { create: [{ indicatorCode: 'KOP_TERDAFTAR', value: 347 }] },
      },
    })
    signInAs(admin)
    const r = await submit(saveValidationRule, rule({ intent: 'preview', code: 'PERUBAHAN_UJI', kind: 'MAX_CHANGE', severity: 'WARNING', indicatorCode: 'KOP_TERDAFTAR', max: '', thresholdPercent: '100', message: 'Berubah {change} (lebih dari {threshold}).', messageEn: 'Changed {change} (more than {threshold}).' }))
    const preview = JSON.parse(r.state!.data!.preview) as RulePreview
    // Malang's approved Triwulan II still compares; Surabaya's draft does not
    expect(preview.rows.map((f) => [f.regencyCode, f.message])).toEqual([[MALANG, 'Berubah +247% (lebih dari 100%).']])
  })
})
