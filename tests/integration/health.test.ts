/**
 * The cooperative health assessment (Permenkop 9/2020): the seeded component template, the worksheet's
 * save (scored on the server with the template version it showed, answers and audit row in one
 * transaction, in the user's scope only), and template edits as new versions (old assessments never
 * recomputed, stale and concurrent edits refused).
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { db } from '@/lib/db'
import { saveHealthAssessment, saveHealthTemplate } from '@/lib/actions/health'
import { findCooperatives } from '@/lib/data/cooperatives'
import { getHealthWorksheet } from '@/lib/data/health'
import type { SessionUser } from '@/lib/session-user'
import { createTestUser, signInAs, submit } from '../support/session'

type TestUser = Awaited<ReturnType<typeof createTestUser>>
let admin: TestUser, jombang: TestUser, surabaya: TestUser, leader: TestUser
let coopId = ''

type Tpl = Awaited<ReturnType<typeof currentTemplate>>
function currentTemplate() {
  return db.healthTemplate.findFirstOrThrow({
    orderBy: { version: 'desc' },
    select: { version: true, bandSehat: true, bandCukupSehat: true, bandDalamPengawasan: true, bandsSource: true, components: { orderBy: { position: 'asc' } } },
  })
}

/**
 * The worksheet's fields: every scale answered `scale`, every ya/tidak `yes`, ratios entered by the
 * assessor as `entered` percent (parts out of 100), ratios from yearly figures as the worksheet prefills them.
 */
function worksheet(tpl: Tpl, opts: { scale: number; yes: 0 | 1; entered: number }, over: Record<string, string> = {}) {
  const fields: Record<string, string> = { cooperativeId: coopId, templateVersion: String(tpl.version), assessedOn: '2026-03-10', assessor: 'Tim Penilai Provinsi' }
  const figures: Record<string, string> = { ASSETS: '1.000.000.000', OWN_CAPITAL: '400.000.000', TOTAL_CAPITAL: '700.000.000', BUSINESS_VOLUME: '1.200.000.000', NET_SURPLUS: '80.000.000', EXTERNAL_CAPITAL: '300.000.000' }
  for (const c of tpl.components) {
    if (c.kind === 'RATIO') {
      fields[`a.${c.id}.numerator`] = c.numerator ? figures[c.numerator] : String(opts.entered)
      fields[`a.${c.id}.denominator`] = c.numerator && c.denominator ? figures[c.denominator] : '100'
    } else fields[`a.${c.id}.answer`] = String(c.kind === 'YES_NO' ? opts.yes : opts.scale)
  }
  return { ...fields, ...over }
}

/** The settings form's fields for a template, with changes. */
function templateFields(tpl: Tpl, over: Record<string, string> = {}) {
  const f: Record<string, string> = {
    version: String(tpl.version), sehat: tpl.bandSehat.toString(), cukupSehat: tpl.bandCukupSehat.toString(),
    dalamPengawasan: tpl.bandDalamPengawasan.toString(), bandsSource: tpl.bandsSource,
  }
  tpl.components.forEach((c, i) => {
    const bands = (c.bands as { min: number; score: number }[] | null)?.map((b) => `${String(b.min).replace('.', ',')}:${b.score}`).join('; ') ?? ''
    Object.assign(f, {
      [`components.${i}.code`]: c.code, [`components.${i}.aspect`]: c.aspect, [`components.${i}.label`]: c.label, [`components.${i}.kind`]: c.kind,
      [`components.${i}.numerator`]: c.numerator ?? '', [`components.${i}.denominator`]: c.denominator ?? '',
      [`components.${i}.numeratorLabel`]: c.numeratorLabel ?? '', [`components.${i}.denominatorLabel`]: c.denominatorLabel ?? '',
      [`components.${i}.labelEn`]: c.labelEn ?? '', [`components.${i}.numeratorLabelEn`]: c.numeratorLabelEn ?? '', [`components.${i}.denominatorLabelEn`]: c.denominatorLabelEn ?? '',
      [`components.${i}.weight`]: c.weight.toString(), [`components.${i}.bands`]: bands, [`components.${i}.source`]: c.source,
    })
  })
  return { ...f, ...over }
}

beforeAll(async () => {
  admin = await createTestUser({ role: 'ADMIN' })
  jombang = await createTestUser({ role: 'DISTRICT_OFFICER', regencyCode: '35.17' })
  surabaya = await createTestUser({ role: 'DISTRICT_OFFICER', regencyCode: '35.78' })
  leader = await createTestUser({ role: 'LEADERSHIP' })
  const coop = await db.cooperative.create({ data: { nik: '3517000000004501', name: 'KSP Kesehatan Uji', type: 'SIMPAN_PINJAM', regencyCode: '35.17' }, select: { id: true } })
  coopId = coop.id
  await db.cooperativeYear.create({
    data: { cooperativeId: coopId, year: 2025, assets: '1000000000', ownCapital: '400000000', externalCapital: '300000000', businessVolume: '1200000000', netSurplus: '80000000', ratHeld: true },
  })
})

describe('the seeded template (Permenkop 9/2020 worksheet structure)', () => {
  it('has the four aspects, weights adding up to 100, and a source on every weight and band', async () => {
    const tpl = await currentTemplate()
    expect(new Set(tpl.components.map((c) => c.aspect))).toEqual(new Set(['GOVERNANCE', 'RISK_PROFILE', 'FINANCIAL', 'CAPITAL']))
    expect(tpl.components.reduce((s, c) => s + Number(c.weight), 0)).toBe(100)
    for (const c of tpl.components) expect(c.source).toMatch(/Permenkop 9\/2020 Lampiran|setelan dinas — konfirmasi/i)
    expect(tpl.components.filter((c) => c.kind === 'RATIO').every((c) => c.source.includes('konfirmasi'))).toBe(true)
    expect(tpl.bandsSource).toMatch(/konfirmasi/)
    expect([Number(tpl.bandSehat), Number(tpl.bandCukupSehat), Number(tpl.bandDalamPengawasan)]).toEqual([80, 66, 51])
    // KK3 (RAT of the last book year held) reads the book year's recorded RAT, the one yes/no that does
    expect(tpl.components.filter((c) => c.numerator === 'RAT_HELD').map((c) => [c.code, c.kind])).toEqual([['KK3', 'YES_NO']])
    // every component and entered part worded in English too, for the English interface
    expect(tpl.components.filter((c) => !c.labelEn).map((c) => c.code)).toEqual([])
    expect(tpl.components.filter((c) => !!c.numeratorLabel !== !!c.numeratorLabelEn || !!c.denominatorLabel !== !!c.denominatorLabelEn).map((c) => c.code)).toEqual([])
    const pr2 = tpl.components.find((c) => c.code === 'PR2')!
    expect([pr2.labelEn, pr2.numeratorLabelEn, pr2.denominatorLabelEn]).toEqual(['Loans granted to total productive assets', 'Loans granted', 'Total productive assets'])
    // as the worksheet words them: English when the interface is, else the regulation's Indonesian
    const { componentWords } = await import('@/lib/registers/health')
    expect(componentWords(pr2, 'en')).toEqual({ label: 'Loans granted to total productive assets', numeratorLabel: 'Loans granted', denominatorLabel: 'Total productive assets' })
    expect(componentWords(pr2, 'id')).toEqual({ label: 'Pinjaman yang diberikan terhadap total aset produktif', numeratorLabel: 'Pinjaman yang diberikan', denominatorLabel: 'Total aset produktif' })
  })
})

describe('saveHealthAssessment', () => {
  it('scores the worksheet on the server and saves it with its answers, the cooperative’s outcome and an audit row', async () => {
    const tpl = await currentTemplate()
    signInAs(jombang)
    // scales 3 → 60 (TK1 8 + TK2 8 + TK3 9 + PR3 6 + PR4 6 = 37 → 2220), RAT tidak → 0 (KK3 7),
    // PR1 and PR2 50% → 50 (7 + 6 → 650), figures: SHU 8% → 100 (10), volume 120% → 100 (8),
    // own capital 40% → 100 (13), 400 ÷ 700 = 57,1% → 100 (12) → 4300; total (2220 + 650 + 4300) ÷ 100 = 71,70
    const r = await submit(saveHealthAssessment, worksheet(tpl, { scale: 3, yes: 0, entered: 50 }))
    const saved = await db.healthAssessment.findFirstOrThrow({
      where: { cooperativeId: coopId }, include: { answers: { include: { component: { select: { code: true } } } } },
    })
    expect(r.redirect).toBe(`/koperasi/${coopId}/kesehatan/${saved.id}?disimpan=1`)
    expect([saved.governanceScore, saved.riskProfileScore, saved.financialScore, saved.capitalScore, saved.totalScore].map(String)).toEqual(['60', '54.8', '72', '100', '71.7'])
    expect(saved.outcome).toBe('CUKUP_SEHAT')
    expect(saved.templateVersion).toBe(tpl.version)
    expect(saved.answers).toHaveLength(tpl.components.length)
    const byCode = Object.fromEntries(saved.answers.map((a) => [a.component.code, a]))
    expect([byCode.PM2.value.toString(), byCode.PM2.score.toString(), byCode.PM2.figuresYear]).toEqual(['57.1429', '100', 2025])
    expect([byCode.PR1.value.toString(), byCode.PR1.figuresYear]).toEqual(['50', null])
    expect((await db.cooperative.findUniqueOrThrow({ where: { id: coopId } })).healthOutcome).toBe('CUKUP_SEHAT')
    const audit = await db.auditLog.findFirstOrThrow({ where: { entity: 'HealthAssessment', entityId: saved.id } })
    expect(audit).toMatchObject({ action: 'CREATE', userId: jombang.id })
    expect((audit.after as { answers: unknown[] }).answers).toHaveLength(tpl.components.length)
  })

  it('keeps the latest assessment by date as the cooperative’s outcome', async () => {
    const tpl = await currentTemplate()
    signInAs(admin)
    // everything at its best: 100 → Sehat, dated later
    expect((await submit(saveHealthAssessment, worksheet(tpl, { scale: 5, yes: 1, entered: 90 }, { assessedOn: '2026-04-01' }))).redirect).toBeTruthy()
    // an older assessment entered afterwards does not replace the current outcome
    expect((await submit(saveHealthAssessment, worksheet(tpl, { scale: 1, yes: 0, entered: 10 }, { assessedOn: '2025-01-15' }))).redirect).toBeTruthy()
    const list = await db.healthAssessment.findMany({ where: { cooperativeId: coopId }, orderBy: { assessedOn: 'desc' }, select: { totalScore: true, outcome: true } })
    expect(list.map((a) => a.outcome)).toEqual(['SEHAT', 'CUKUP_SEHAT', expect.any(String)])
    expect(list[0].totalScore.toString()).toBe('100')
    expect((await db.cooperative.findUniqueOrThrow({ where: { id: coopId } })).healthOutcome).toBe('SEHAT')
    const asAdmin: SessionUser = { ...admin }
    expect((await findCooperatives({ user: asAdmin, filter: { health: 'SEHAT' } })).rows.map((r) => r.id)).toContain(coopId)
  })

  it('refuses another regency’s officer and leadership, writing nothing', async () => {
    const tpl = await currentTemplate()
    const before = await db.healthAssessment.count({ where: { cooperativeId: coopId } })
    signInAs(surabaya)
    const other = await submit(saveHealthAssessment, worksheet(tpl, { scale: 5, yes: 1, entered: 90 }))
    expect(other.redirect).toBeUndefined()
    expect(other.state?.ok).toBe(false)
    expect(other.state?.message).toBe('Data tidak ditemukan.')
    signInAs(leader)
    expect((await submit(saveHealthAssessment, worksheet(tpl, { scale: 5, yes: 1, entered: 90 }))).state?.message).toBe('Anda tidak berwenang melakukan tindakan ini.')
    expect(await db.healthAssessment.count({ where: { cooperativeId: coopId } })).toBe(before)
  })

  it('names the field that is wrong: a missing answer, a zero denominator, no assessor — all in one round', async () => {
    const tpl = await currentTemplate()
    const scale = tpl.components.find((c) => c.kind === 'SCALE_1_5')!
    const ratio = tpl.components.find((c) => c.kind === 'RATIO')!
    signInAs(admin)
    const before = await db.healthAssessment.count({ where: { cooperativeId: coopId } })
    const r = await submit(saveHealthAssessment, worksheet(tpl, { scale: 4, yes: 1, entered: 70 }, { [`a.${scale.id}.answer`]: '7', [`a.${ratio.id}.denominator`]: '0', assessor: '' }))
    expect(r.state?.errors?.assessor).toEqual(['Isi nama penilai (minimal 3 karakter).'])
    expect(r.state?.errors?.[`a.${scale.id}.answer`]).toEqual(['Pilih nilai 1–5.'])
    expect(r.state?.errors?.[`a.${ratio.id}.denominator`]).toEqual(['Penyebut harus lebih dari nol.'])
    expect(await db.healthAssessment.count({ where: { cooperativeId: coopId } })).toBe(before)
  })

  it('reports every error of an empty worksheet, and a bad date with a bad numerator, in the first submit', async () => {
    const tpl = await currentTemplate()
    signInAs(admin)
    // an empty submit: only the hidden fields and the prefilled date travel
    const empty: Record<string, string> = { cooperativeId: coopId, templateVersion: String(tpl.version), assessedOn: '2026-03-10', assessor: '' }
    const r = await submit(saveHealthAssessment, empty)
    expect(r.state?.ok).toBe(false)
    expect(r.state?.errors?.assessor).toEqual(['Isi nama penilai (minimal 3 karakter).'])
    for (const c of tpl.components) {
      if (c.kind === 'RATIO') {
        expect(r.state?.errors?.[`a.${c.id}.numerator`], c.code).toEqual(['Isi angka pembilang.'])
        expect(r.state?.errors?.[`a.${c.id}.denominator`], c.code).toEqual(['Isi angka penyebut.'])
      } else expect(r.state?.errors?.[`a.${c.id}.answer`], c.code).toHaveLength(1)
    }
    const [ratio, other] = tpl.components.filter((c) => c.kind === 'RATIO')
    const r2 = await submit(saveHealthAssessment, worksheet(tpl, { scale: 4, yes: 1, entered: 70 }, {
      assessedOn: '2026-02-31', [`a.${ratio.id}.numerator`]: 'satu juta', [`a.${other.id}.denominator`]: '0',
    }))
    expect(r2.state?.errors?.assessedOn).toEqual(['Tanggal penilaian harus tanggal yang valid.'])
    // "satu juta" is typed, not empty: said as not a number
    expect(r2.state?.errors?.[`a.${ratio.id}.numerator`]).toEqual(['Isi angka, misalnya 43.950 atau 85,30.'])
    expect(r2.state?.errors?.[`a.${other.id}.denominator`]).toEqual(['Penyebut harus lebih dari nol.'])
    expect(Object.keys(r2.state?.errors ?? {}).sort()).toEqual(['assessedOn', `a.${ratio.id}.numerator`, `a.${other.id}.denominator`].sort())
  })
})

describe('a book year with unreported amounts', () => {
  it('prefills no ratio part the year did not report, and credits no ratio typed for it to the year', async () => {
    const tpl = await currentTemplate()
    const coop = await db.cooperative.create({ data: { nik: '3517000000004502', name: 'KSP Tanpa SHU Uji', type: 'SIMPAN_PINJAM', regencyCode: '35.17' }, select: { id: true } })
    // the officer knew the year's assets and own capital only: external capital, business volume and SHU are not reported
    await db.cooperativeYear.create({ data: { cooperativeId: coop.id, year: 2025, assets: '1000000000', ownCapital: '400000000', ratHeld: true } })
    const sheet = await getHealthWorksheet({ user: { ...jombang } as SessionUser, cooperativeId: coop.id })
    expect(sheet?.figures).toEqual({ year: 2025, ownCapital: 400_000_000, externalCapital: null, assets: 1_000_000_000, businessVolume: null, netSurplus: null, ratHeld: true })
    const code = (c: string) => tpl.components.find((x) => x.code === c)!.id
    signInAs(jombang)
    // the assessor types an SHU of 0 and a total capital equal to the own capital, as an unreported 0 had prefilled them
    const r = await submit(saveHealthAssessment, worksheet(tpl, { scale: 3, yes: 1, entered: 50 }, {
      cooperativeId: coop.id, [`a.${code('KK1')}.numerator`]: '0', [`a.${code('PM2')}.denominator`]: '400.000.000',
    }))
    expect(r.redirect).toMatch(new RegExp(`^/koperasi/${coop.id}/kesehatan/`))
    const answers = await db.healthAssessmentAnswer.findMany({ where: { assessment: { cooperativeId: coop.id } }, select: { figuresYear: true, component: { select: { code: true } } } })
    const year = Object.fromEntries(answers.map((a) => [a.component.code, a.figuresYear]))
    // own capital ÷ assets: both reported, prefilled and unchanged → the year's; the others are the assessor's figures
    expect([year.PM1, year.KK1, year.PM2]).toEqual([2025, null, null])
  })
})

describe('saveHealthTemplate', () => {
  it('saves an edit as the next version; earlier assessments keep theirs, a worksheet of the old version is refused', async () => {
    const tpl = await currentTemplate()
    const earlier = await db.healthAssessment.findMany({ where: { cooperativeId: coopId }, orderBy: { id: 'asc' }, select: { id: true, totalScore: true, outcome: true, templateVersion: true } })
    signInAs(admin)
    // the agency raises the Sehat bound to 90 and moves 5 points from TK1 to PM1
    const i1 = tpl.components.findIndex((c) => c.code === 'TK1')
    const i2 = tpl.components.findIndex((c) => c.code === 'PM1')
    const r = await submit(saveHealthTemplate, templateFields(tpl, {
      sehat: '90', bandsSource: 'Keputusan Kepala Dinas 2026',
      [`components.${i1}.weight`]: String(Number(tpl.components[i1].weight) - 5), [`components.${i2}.weight`]: String(Number(tpl.components[i2].weight) + 5),
    }))
    expect(r.state?.ok).toBe(true)
    const next = await currentTemplate()
    expect(next.version).toBe(tpl.version + 1)
    expect(Number(next.bandSehat)).toBe(90)
    expect(next.components).toHaveLength(tpl.components.length)
    // KK3 keeps reading the book year's RAT in the new version, and every component its English wording
    expect(next.components.find((c) => c.code === 'KK3')?.numerator).toBe('RAT_HELD')
    expect(next.components.map((c) => [c.labelEn, c.numeratorLabelEn, c.denominatorLabelEn])).toEqual(tpl.components.map((c) => [c.labelEn, c.numeratorLabelEn, c.denominatorLabelEn]))
    // the earlier version is still there, unchanged, and so is every assessment it computed
    expect((await db.healthTemplateComponent.count({ where: { templateVersion: tpl.version } }))).toBe(tpl.components.length)
    expect(await db.healthAssessment.findMany({ where: { cooperativeId: coopId }, orderBy: { id: 'asc' }, select: { id: true, totalScore: true, outcome: true, templateVersion: true } })).toEqual(earlier)
    const audit = await db.auditLog.findFirstOrThrow({ where: { entity: 'HealthTemplate', entityId: String(next.version) } })
    expect(audit).toMatchObject({ action: 'CREATE', userId: admin.id })
    // a worksheet opened before the edit is refused rather than scored with a template it did not show
    const stale = await submit(saveHealthAssessment, worksheet(tpl, { scale: 5, yes: 1, entered: 90 }))
    expect(stale.state?.message).toMatch(/sudah diubah sejak lembar kerja ini dibuka/)
    // the same best answers under the new version: total 100 still Sehat (≥ 90), recorded with version + 1
    const fresh = await submit(saveHealthAssessment, worksheet(next, { scale: 5, yes: 1, entered: 90 }, { assessedOn: '2026-05-02' }))
    expect(fresh.redirect).toBeTruthy()
    const latest = await db.healthAssessment.findFirstOrThrow({ where: { cooperativeId: coopId, assessedOn: new Date('2026-05-02') }, select: { templateVersion: true, outcome: true } })
    expect(latest).toEqual({ templateVersion: next.version, outcome: 'SEHAT' })
  })

  it('refuses a stale edit, and of two concurrent edits of one version exactly one lands', async () => {
    const tpl = await currentTemplate()
    signInAs(admin)
    const stale = await submit(saveHealthTemplate, templateFields({ ...tpl, version: tpl.version - 1 }))
    expect(stale.state?.ok).toBe(false)
    expect(stale.state?.message).toMatch(/Templat penilaian kesehatan sudah diubah oleh/)
    // two saves from the same version at once, against the real database
    const results = await Promise.all([
      submit(saveHealthTemplate, templateFields(tpl, { bandsSource: 'Versi simpan pertama' })),
      submit(saveHealthTemplate, templateFields(tpl, { bandsSource: 'Versi simpan kedua' })),
    ])
    expect(results.filter((x) => x.state?.ok)).toHaveLength(1)
    expect(results.find((x) => !x.state?.ok)?.state?.message).toMatch(/sudah diubah oleh/)
    expect(await db.healthTemplate.count({ where: { version: tpl.version + 1 } })).toBe(1)
    expect(await db.healthTemplate.count({ where: { version: tpl.version + 2 } })).toBe(0)
  })

  it('refuses weights that do not add up to 100, bands out of order and overlapping ratio bands, each under its field', async () => {
    const tpl = await currentTemplate()
    const ratio = tpl.components.findIndex((c) => c.kind === 'RATIO')
    signInAs(admin)
    const bands = await submit(saveHealthTemplate, templateFields(tpl, { [`components.${ratio}.bands`]: '10:100; 20:75', [`components.${ratio}.weight`]: 'banyak' }))
    expect(bands.state?.errors?.[`components.${ratio}.bands`], JSON.stringify(bands.state)).toEqual(['Batas harus berurutan dari yang terbesar ke yang terkecil, tanpa batas yang sama.'])
    expect(bands.state?.errors?.[`components.${ratio}.weight`]).toEqual(['Bobot harus angka 0–100.'])
    // the rules across components run once every component is valid itself
    const r = await submit(saveHealthTemplate, templateFields(tpl, {
      'components.0.weight': String(Number(tpl.components[0].weight) + 5), cukupSehat: String(Number(tpl.bandSehat) + 1), 'components.1.code': tpl.components[0].code,
    }))
    expect(r.state?.ok).toBe(false)
    expect(r.state?.errors?.weights).toEqual(['Jumlah bobot semua komponen harus 100 (sekarang 105).'])
    expect(r.state?.errors?.cukupSehat).toEqual(['Batas Cukup Sehat harus di bawah batas Sehat.'])
    expect(r.state?.errors?.['components.1.code']).toEqual(['Kode komponen sudah dipakai di templat ini.'])
    expect(await db.healthTemplate.count({ where: { version: { gt: tpl.version } } })).toBe(0)
    signInAs(jombang)
    expect((await submit(saveHealthTemplate, templateFields(tpl))).state?.message).toBe('Anda tidak berwenang melakukan tindakan ini.')
  })

  it('keeps the book year\'s RAT as a yes/no\'s answer only: refused on a ratio, a figure dropped from a yes/no', async () => {
    const tpl = await currentTemplate()
    const ratio = tpl.components.findIndex((c) => c.kind === 'RATIO')
    const yesNo = tpl.components.findIndex((c) => c.kind === 'YES_NO' && c.code !== 'KK3')
    signInAs(admin)
    const refused = await submit(saveHealthTemplate, templateFields(tpl, { [`components.${ratio}.numerator`]: 'RAT_HELD' }))
    expect(refused.state?.errors?.[`components.${ratio}.numerator`]).toEqual(['Pilih angka tahunan atau "diisi penilai".'])
    const saved = await submit(saveHealthTemplate, templateFields(tpl, { [`components.${yesNo}.numerator`]: 'OWN_CAPITAL' }))
    expect(saved.state?.ok).toBe(true)
    const next = await currentTemplate()
    expect(next.components.map((c) => [c.code, c.numerator])).toEqual(tpl.components.map((c) => [c.code, c.numerator]))
  })
})
