/**
 * Pembinaan activities on the real database (issue #15): beneficiaries from the registers inside the
 * user's scope, counts feeding an activity-fed indicator for a regency × quarter, a time-bound target's
 * progress and pace counted from the records (a Sehat assessment moves "10 KSP sehat" by one), a stale
 * edit refused, and two officers adding the same beneficiary at once: exactly one row.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { db } from '@/lib/db'
import { signInAs } from '../support/session-mock'
import { createUser, form } from '../support/factories'
import { getCurrentUser } from '@/lib/session'
import type { SessionUser } from '@/lib/session-user'
import type { ActionState } from '@/lib/safe-action'
import { addBeneficiary, createActivity, createProgrammeTarget, removeBeneficiary, updateActivity, updateProgrammeTarget } from '@/lib/actions/activities'
import { activitiesReceived, activityIndicatorValues, findActivities, getActivity } from '@/lib/data/activities'
import { contributingRecords, getProgrammeTarget, nearestProgrammeTargets } from '@/lib/data/programme-targets'
import { seedReportingCatalogue } from '@/prisma/seed/reporting'

type U = Awaited<ReturnType<typeof createUser>>
let admin: U, jombang: U, surabaya: U, leader: U
const fx = { ksp17: '', ksp17b: '', ksp78: '', msme17: '', msme78: '' }
const NIK = { ksp17: '3517000000007001', ksp17b: '3517000000007002', ksp78: '3578000000007001' }
const NIB = { msme17: '9170000000001', msme78: '9780000000001' }

async function asUser(u: U): Promise<SessionUser> {
  signInAs(u)
  return (await getCurrentUser())!
}

/** A server action that redirects on success: the id in the redirect URL. */
async function redirected(run: () => Promise<unknown>): Promise<string> {
  try {
    const r = (await run()) as ActionState
    throw new Error(`no redirect: ${JSON.stringify(r)}`)
  } catch (e) {
    const digest = String((e as { digest?: string }).digest ?? '')
    if (!digest.startsWith('NEXT_REDIRECT')) throw e
    return digest.split(';')[2].split('?')[0].split('/').pop()!
  }
}

async function newActivity(u: U, fields: Record<string, string>) {
  signInAs(u)
  return redirected(() => createActivity(undefined, form({ kind: 'CERTIFICATION', title: 'Sertifikasi manajer KSP', startDate: '2026-05-12', ...fields })))
}

beforeAll(async () => {
  await seedReportingCatalogue(db)
  admin = await createUser('ADMIN')
  jombang = await createUser('DISTRICT_OFFICER', { regencyCode: '35.17' })
  surabaya = await createUser('DISTRICT_OFFICER', { regencyCode: '35.78' })
  leader = await createUser('LEADERSHIP')
  const coop = (nik: string, regencyCode: string, name: string) => db.cooperative.create({ data: { nik, name, type: 'SIMPAN_PINJAM', regencyCode }, select: { id: true } })
  fx.ksp17 = (await coop(NIK.ksp17, '35.17', 'KSP Binaan Jombang')).id
  fx.ksp17b = (await coop(NIK.ksp17b, '35.17', 'KSP Binaan Diwek')).id
  fx.ksp78 = (await coop(NIK.ksp78, '35.78', 'KSP Binaan Surabaya')).id
  const msme = (nib: string, regencyCode: string, name: string) =>
    db.msme.create({ data: { nib, businessName: name, ownerName: 'Siti', ownerNik: `${regencyCode.replace('.', '')}01450190000${nib.slice(-1)}`, ownerGender: 'P', kbli: '10792', regencyCode, computedScale: 'MIKRO' }, select: { id: true } })
  fx.msme17 = (await msme(NIB.msme17, '35.17', 'Keripik Binaan Jombang')).id
  fx.msme78 = (await msme(NIB.msme78, '35.78', 'Bakpia Binaan Surabaya')).id
})

describe('activities and their beneficiaries', () => {
  it('a district officer records its own regency only, and adds beneficiaries of its own registers only', async () => {
    signInAs(jombang)
    const other = await createActivity(undefined, form({ kind: 'TRAINING', title: 'Pelatihan di Surabaya', startDate: '2026-05-01', regencyCode: '35.78' }))
    expect(other.ok).toBe(false)
    expect(other.errors?.regencyCode).toBeDefined()
    const province = await createActivity(undefined, form({ kind: 'TRAINING', title: 'Pelatihan provinsi', startDate: '2026-05-01' }))
    expect(province.errors?.regencyCode).toBeDefined()

    const id = await newActivity(jombang, { kind: 'FINANCING_FACILITATION', title: 'Fasilitasi pembiayaan Jombang', startDate: '2026-06-23', regencyCode: '35.17', budgetSource: 'DAK', budgetAmount: '451.803.000' })
    const a = await db.activity.findUniqueOrThrow({ where: { id }, select: { budgetAmount: true, regencyCode: true } })
    expect(a.budgetAmount?.toString()).toBe('451803000')
    signInAs(jombang)
    expect(await addBeneficiary(undefined, form({ activityId: id, type: 'MSME', msmeNib: NIB.msme17 }))).toMatchObject({ ok: true })
    const foreign = await addBeneficiary(undefined, form({ activityId: id, type: 'MSME', msmeNib: NIB.msme78 }))
    expect(foreign.ok).toBe(false)
    expect(foreign.errors?.msmeNib?.[0]).toMatch(/tidak ada di register/)
    const twice = await addBeneficiary(undefined, form({ activityId: id, type: 'MSME', msmeNib: NIB.msme17 }))
    expect(twice.errors?.msmeNib?.[0]).toMatch(/sudah ada/)
    // the officer of Surabaya neither reads nor changes Jombang's activity
    const sby = await asUser(surabaya)
    expect(await getActivity({ user: sby, id })).toBeNull()
    expect((await findActivities({ user: sby, filter: {} })).rows.map((r) => r.id)).not.toContain(id)
    const refused = await addBeneficiary(undefined, form({ activityId: id, type: 'MSME', msmeNib: NIB.msme78 }))
    expect(refused.ok).toBe(false)
    expect(await db.activityBeneficiary.count({ where: { activityId: id } })).toBe(1)
    // the MSME's page lists what it received; leadership reads
    const lead = await asUser(leader)
    expect((await activitiesReceived({ user: lead, msmeId: fx.msme17 })).map((r) => r.activity.id)).toContain(id)
    expect(await db.auditLog.count({ where: { entity: 'ActivityBeneficiary', action: 'CREATE' } })).toBeGreaterThanOrEqual(1)
  })

  it('refuses a stale edit, naming who changed the activity', async () => {
    const id = await newActivity(admin, { title: 'Sertifikasi angkatan uji', regencyCode: '35.17' })
    const base = { id, kind: 'CERTIFICATION', startDate: '2026-05-12', regencyCode: '35.17' }
    signInAs(admin)
    await redirected(() => updateActivity(undefined, form({ ...base, version: 1, title: 'Sertifikasi angkatan uji (diubah)' })))
    signInAs(jombang)
    const stale = await updateActivity(undefined, form({ ...base, version: 1, title: 'Perubahan yang terlambat' }))
    expect(stale.ok).toBe(false)
    expect(stale.message).toMatch(/sudah diubah oleh Uji ADMIN/)
    expect((await db.activity.findUniqueOrThrow({ where: { id } })).title).toBe('Sertifikasi angkatan uji (diubah)')
  })

  it('two officers adding the same cooperative at once: exactly one row', async () => {
    const id = await newActivity(admin, { kind: 'SUPERVISION', title: 'Pengawasan KSP serentak', regencyCode: '35.17' })
    const [a, b] = await Promise.all([
      (async () => { signInAs(admin); return addBeneficiary(undefined, form({ activityId: id, type: 'COOPERATIVE', cooperativeNik: NIK.ksp17 })) })(),
      (async () => { signInAs(jombang); return addBeneficiary(undefined, form({ activityId: id, type: 'COOPERATIVE', cooperativeNik: NIK.ksp17 })) })(),
    ])
    expect([a.ok, b.ok].filter(Boolean)).toHaveLength(1)
    expect(await db.activityBeneficiary.count({ where: { activityId: id } })).toBe(1)
  })
})

describe('beneficiary counts feed an indicator', () => {
  /** a day after every activity below has ended (they are dated in 2027) */
  const AFTER = '2027-12-31'
  it('counts distinct certified people per regency in the quarter (FLOW), as the quarterly form shows it', async () => {
    // a provincial certification: the managers count in their cooperative's regency
    const id = await newActivity(admin, { title: 'Sertifikasi kompetensi manajer KSP 2027', startDate: '2027-05-12', endDate: '2027-05-14' })
    signInAs(admin)
    for (const [name, nik, cert] of [['Sri Wahyuni', NIK.ksp17, 'LSP/1'], ['Agus Santoso', NIK.ksp17b, 'LSP/2'], ['Dewi Lestari', NIK.ksp78, 'LSP/3']]) {
      expect(await addBeneficiary(undefined, form({ activityId: id, type: 'PERSON', personName: name, personRole: 'Manajer KSP', certificateNumber: cert, cooperativeNik: nik }))).toMatchObject({ ok: true })
    }
    const officer = await asUser(jombang)
    // only once completed: while the certification runs (or before it), it counts nothing
    expect((await activityIndicatorValues({ user: officer, regencyCode: '35.17', year: 2027, quarter: 2, today: '2027-05-13' })).MANAJER_KSP).toBe(0)
    expect((await activityIndicatorValues({ user: officer, regencyCode: '35.17', year: 2027, quarter: 2, today: '2027-05-14' })).MANAJER_KSP).toBe(2)
    expect((await activityIndicatorValues({ user: officer, regencyCode: '35.17', year: 2027, quarter: 2, today: AFTER })).MANAJER_KSP).toBe(2)
    // outside the quarter (FLOW): nothing; in Surabaya: one
    expect((await activityIndicatorValues({ user: officer, regencyCode: '35.17', year: 2027, quarter: 3, today: AFTER })).MANAJER_KSP).toBe(0)
    const adm = await asUser(admin)
    expect((await activityIndicatorValues({ user: adm, regencyCode: '35.78', year: 2027, quarter: 2, today: AFTER })).MANAJER_KSP).toBe(1)
    // the same person certified twice in the quarter counts once
    const again = await newActivity(admin, { title: 'Sertifikasi ulang', startDate: '2027-06-02', regencyCode: '35.17' })
    signInAs(admin)
    await addBeneficiary(undefined, form({ activityId: again, type: 'PERSON', personName: 'sri wahyuni', personRole: 'Manajer KSP', certificateNumber: 'LSP/1' }))
    expect((await activityIndicatorValues({ user: adm, regencyCode: '35.17', year: 2027, quarter: 2, today: AFTER })).MANAJER_KSP).toBe(2)
    // another regency's figures are refused to a district officer
    await expect(activityIndicatorValues({ user: officer, regencyCode: '35.78', year: 2027, quarter: 2, today: AFTER })).rejects.toMatchObject({ code: 'FORBIDDEN' })
  })
})

describe('time-bound targets: progress and pace from the records', () => {
  it('a Sehat assessment in the window moves "10 KSP sehat" by one; one outside it or of another outcome does not', async () => {
    const id = await (async () => {
      signInAs(admin)
      return redirected(() => createProgrammeTarget(undefined, form({ name: '10 KSP sehat dalam 100 hari kerja', measure: 'HEALTHY_KSP', targetValue: '10', startDate: '2025-03-03', deadline: '2025-07-18', regencyCode: '35.17', workingDays: 'on' })))
    })()
    const user = await asUser(admin)
    const progress = async () => (await getProgrammeTarget({ user, id, today: '2025-05-09' }))!
    const before = await progress()
    expect(before.progress).toBe(0)
    expect(before.pace).toMatchObject({ status: 'BEHIND', totalDays: 100, elapsedDays: 50, expected: 5, daysLeft: 50 })
    const assess = (cooperativeId: string, assessedOn: string, outcome: 'SEHAT' | 'CUKUP_SEHAT') =>
      db.healthAssessment.create({ data: { cooperativeId, assessedOn: new Date(assessedOn), assessor: 'Tim', governanceScore: 85, riskProfileScore: 85, financialScore: 85, capitalScore: 85, totalScore: 85, outcome } })
    await assess(fx.ksp17, '2025-04-10', 'SEHAT')
    expect((await progress()).progress).toBe(1)
    await assess(fx.ksp17, '2025-05-02', 'SEHAT') // the same KSP again: still one
    await assess(fx.ksp17b, '2025-08-01', 'SEHAT') // after the deadline
    await assess(fx.ksp17b, '2025-04-11', 'CUKUP_SEHAT')
    await assess(fx.ksp78, '2025-04-11', 'SEHAT') // another regency
    expect((await progress()).progress).toBe(1)
    await assess(fx.ksp17b, '2025-05-05', 'SEHAT')
    const after = await progress()
    expect(after.progress).toBe(2)
    const counted = await contributingRecords({ target: after })
    expect(counted.map((r) => r.label).sort()).toEqual(['KSP Binaan Diwek', 'KSP Binaan Jombang'])
    // each with its NIK as a labelled code and its score, for the page to say what the number is (a bare NIK had been all)
    expect(counted.find((r) => r.label === 'KSP Binaan Jombang')).toMatchObject({ detail: null, code: { kind: 'NIK', value: NIK.ksp17 }, score: 85 })
    // read on an earlier day of the window: the assessment of 5 May is not yet progress (the overview's "Per tanggal")
    expect((await getProgrammeTarget({ user, id, today: '2025-05-04' }))!.progress).toBe(1)
    // the overview's card on that day: this target is running then, with that day's progress
    const nearest = await nearestProgrammeTargets({ user, today: '2025-05-04', limit: 50 })
    expect(nearest.find((t) => t.id === id)).toMatchObject({ progress: 1 })
    expect((await nearestProgrammeTargets({ user, today: '2025-07-19', limit: 50 })).some((t) => t.id === id)).toBe(false)
    // not yet running before its start; under another regency's filter, not this regency's target
    expect((await nearestProgrammeTargets({ user, today: '2025-03-02', limit: 50 })).some((t) => t.id === id)).toBe(false)
    expect((await nearestProgrammeTargets({ user, today: '2025-05-04', limit: 50, regencyCode: '35.78' })).some((t) => t.id === id)).toBe(false)
    expect((await nearestProgrammeTargets({ user, today: '2025-05-04', limit: 50, regencyCode: '35.17' })).some((t) => t.id === id)).toBe(true)
    // the officer of Surabaya does not read Jombang's target
    expect(await getProgrammeTarget({ user: await asUser(surabaya), id })).toBeNull()
    // after the deadline without 10: missed
    expect((await getProgrammeTarget({ user, id, today: '2025-07-21' }))!.pace.status).toBe('MISSED')
  })

  it('counts an activity kind\'s beneficiaries in the window, and a stale target edit is refused', async () => {
    signInAs(admin)
    const id = await redirected(() => createProgrammeTarget(undefined, form({ name: 'Fasilitasi pembiayaan 3 koperasi', measure: 'ACTIVITY_BENEFICIARIES', activityKind: 'FINANCING_FACILITATION', beneficiaryType: 'COOPERATIVE', targetValue: '3', startDate: '2028-01-01', deadline: '2028-12-31' })))
    const user = await asUser(admin)
    const activity = await newActivity(admin, { kind: 'FINANCING_FACILITATION', title: 'Fasilitasi LPDB 2028', startDate: '2028-03-10', regencyCode: '35.17' })
    signInAs(admin)
    await addBeneficiary(undefined, form({ activityId: activity, type: 'COOPERATIVE', cooperativeNik: NIK.ksp17 }))
    await addBeneficiary(undefined, form({ activityId: activity, type: 'COOPERATIVE', cooperativeNik: NIK.ksp78 }))
    expect((await getProgrammeTarget({ user, id, today: '2028-07-01' }))!.progress).toBe(2)
    // an activity counts once it has taken place: the day before, nothing (nor among the records counted)
    const early = (await getProgrammeTarget({ user, id, today: '2028-03-09' }))!
    expect(early.progress).toBe(0)
    expect(await contributingRecords({ target: early, today: '2028-03-09' })).toEqual([])
    // a cooperative counted: the activity in words, its NIK as a labelled code
    expect((await contributingRecords({ target: (await getProgrammeTarget({ user, id, today: '2028-07-01' }))!, today: '2028-07-01' })).find((r) => r.label === 'KSP Binaan Jombang'))
      .toMatchObject({ detail: 'Fasilitasi LPDB 2028', code: { kind: 'NIK', value: NIK.ksp17 }, score: null })
    const rows = (await getActivity({ user, id: activity }))!.beneficiaries
    // the officer of Jombang cannot take Surabaya's cooperative off a Jombang activity: it counts in Surabaya's figures
    const surabaya = rows.find((b) => b.regencyCode === '35.78')!
    signInAs(jombang)
    expect(await removeBeneficiary(undefined, form({ id: surabaya.id }))).toMatchObject({ ok: false })
    expect(await db.activityBeneficiary.count({ where: { id: surabaya.id } })).toBe(1)
    signInAs(admin)
    expect(await removeBeneficiary(undefined, form({ id: rows[0].id }))).toMatchObject({ ok: true })
    const t = (await getProgrammeTarget({ user, id, today: '2028-07-01' }))!
    expect(t.progress).toBe(1)
    expect(t.pace.status).toBe('ON_TRACK') // 1 ≥ floor(3 × 182/366) = 1

    const edit = { id, name: 'Fasilitasi pembiayaan 3 koperasi', measure: 'ACTIVITY_BENEFICIARIES', activityKind: 'FINANCING_FACILITATION', beneficiaryType: 'COOPERATIVE', targetValue: '4', startDate: '2028-01-01', deadline: '2028-12-31' }
    signInAs(admin)
    await redirected(() => updateProgrammeTarget(undefined, form({ ...edit, version: 1 })))
    const stale = await updateProgrammeTarget(undefined, form({ ...edit, version: 1, targetValue: '5' }))
    expect(stale.message).toMatch(/sudah diubah oleh/)
    expect(Number((await db.programmeTarget.findUniqueOrThrow({ where: { id } })).targetValue)).toBe(4)
  })
})

describe('the activities list sorts', () => {
  it('by budget (an activity without a budget last), by title, and newest start first by default', async () => {
    const ids = {
      small: await newActivity(jombang, { title: 'Urut B anggaran kecil', startDate: '2026-03-01', regencyCode: '35.17', budgetSource: 'APBD_PROVINCE', budgetAmount: '5.000.000' }),
      none: await newActivity(jombang, { title: 'Urut C tanpa anggaran', startDate: '2026-04-01', regencyCode: '35.17' }),
      large: await newActivity(jombang, { title: 'Urut A anggaran besar', startDate: '2026-02-01', regencyCode: '35.17', budgetSource: 'APBD_PROVINCE', budgetAmount: '90.000.000' }),
    }
    const user = await asUser(jombang)
    const order = async (filter: Parameters<typeof findActivities>[0]['filter']) =>
      (await findActivities({ user, filter: { q: 'Urut', ...filter } })).rows.map((r) => r.id)
    expect(await order({})).toEqual([ids.none, ids.small, ids.large])
    expect(await order({ sort: 'budgetAmount', dir: 'desc' })).toEqual([ids.large, ids.small, ids.none])
    expect(await order({ sort: 'budgetAmount', dir: 'asc' })).toEqual([ids.small, ids.large, ids.none])
    expect(await order({ sort: 'title' })).toEqual([ids.large, ids.small, ids.none])
  })
})
