/**
 * A programme's administration on /kredit/[id] and /kredit/[id]/ubah (tester's round s18): the regency
 * allocations saved from the version the admin opened (a race of two saves lands exactly one), never above
 * the programme's target, with a message per refused cell; a bank officer reading only its own bank's
 * contract rates; a bank-rate change that first says how many running loans it recomputes and from when; and
 * the programme's own settings edited from a version, with what a loan fixes locked.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { createUser, form, unique } from '../support/factories'
import { signInAs, submit } from '../support/session'
import { db } from '@/lib/db'
import { addRateChange, reportInstalment, saveAllocations, setAmortisationBasis, updateProgram } from '@/lib/actions/credit'
import { recomputeLoanMonths } from '@/lib/credit/loan-months'
import { RATE_CHANGE_JOB, rateChangesOf } from '@/lib/credit/rate-change'
import { lockBankLoans, RATE_CHANGE_HOLDS_BANK } from '@/lib/credit/bank-lock'
import { runJobsUntilIdle } from '@/lib/jobs'
import { getProgramSettings } from '@/lib/data/credit-programs'
import { serverText } from '@/lib/i18n/server-text'
import { getCurrentUser } from '@/lib/session'

let bpr: string
let dki: string
let adminA: Awaited<ReturnType<typeof createUser>>
let adminB: Awaited<ReturnType<typeof createUser>>

async function programme(creditTarget = 11_000_000_000) {
  const code = unique('PRG').toUpperCase()
  return (await db.creditProgram.create({
    data: {
      code: `${code}-2026`, scheme: code, name: `Program ${code}`, year: 2026, creditTarget, beneficiaryTarget: 100, subsidyCeiling: 1_000_000_000,
      borrowerRate: 0.03, maxPlafond: 25_000_000, maxTenorMonths: 24, eligibleScales: ['MIKRO', 'KECIL'],
      banks: { create: [{ bankId: bpr }, { bankId: dki }] },
      rates: { create: [{ bankId: bpr, effectiveFrom: new Date('2026-01-01'), rate: 0.11 }, { bankId: dki, effectiveFrom: new Date('2026-01-01'), rate: 0.125 }] },
    },
    select: { id: true, version: true },
  }))
}

async function loan(programId: string, contractDate: string, tenorMonths: number) {
  const msme = await db.msme.create({
    data: {
      nib: String(Math.floor(Math.random() * 1e13)).padStart(13, '8'), businessName: `Usaha ${unique()}`, ownerName: 'Siti', ownerNik: '3517011234560001', ownerGender: 'P',
      kbli: '10792', regencyCode: '35.17', computedScale: 'MIKRO', businessCapital: 50_000_000, annualSales: 300_000_000,
    },
  })
  const d = await db.disbursement.create({
    data: { programId, bankId: bpr, accountNumber: unique('ACC'), msmeId: msme.id, regencyCode: '35.17', contractDate: new Date(contractDate), plafond: 20_000_000, tenorMonths, bankRate: 0.11, borrowerRate: 0.03, eligibilityIssues: [] },
  })
  await db.$transaction((tx) => recomputeLoanMonths(tx, [d.id]))
  return d.id
}

const allocationsOf = async (programId: string) =>
  Object.fromEntries((await db.programAllocation.findMany({ where: { programId }, select: { regencyCode: true, creditTarget: true } })).map((a) => [a.regencyCode, Number(a.creditTarget)]))

beforeAll(async () => {
  bpr = (await db.bank.findUniqueOrThrow({ where: { code: 'BPRJATIM' } })).id
  dki = (await db.bank.findUniqueOrThrow({ where: { code: 'BANKDKI' } })).id
  adminA = await createUser('ADMIN')
  adminB = await createUser('ADMIN')
})

describe('regency allocations', () => {
  it('refuses a save from a page opened before another admin saved, naming who, and keeps both the stored figures and what was typed', async () => {
    const p = await programme()
    signInAs(adminA)
    const a = await saveAllocations(undefined, form({ programId: p.id, version: p.version, 'alloc_35.17': '2.000.000.000', 'alloc_35.78': '3.000.000.000', 'alloc_35.03': '6.000.000.000' }))
    expect(a).toMatchObject({ ok: true, message: 'Alokasi disimpan: jumlah Rp11.000.000.000 dari target program Rp11.000.000.000.' })
    // B's page was opened at the first version: only Jombang changed, the others as B's page showed them (0)
    signInAs(adminB)
    const b = await saveAllocations(undefined, form({ programId: p.id, version: p.version, 'alloc_35.17': '1.000.000.000', 'alloc_35.78': '0', 'alloc_35.03': '0' }))
    expect(b.ok).toBe(false)
    expect(b.message).toMatch(/^Alokasi program sudah diubah oleh .+ pada .+; muat ulang halaman, lalu ulangi\.$/)
    expect(b.values?.['alloc_35.17']).toBe('1.000.000.000')
    expect(await allocationsOf(p.id)).toEqual({ '35.17': 2_000_000_000, '35.78': 3_000_000_000, '35.03': 6_000_000_000 })
    // the allocations move the programme's version: B's other forms opened before A's save are stale too
    expect((await setAmortisationBasis(undefined, form({ programId: p.id, version: p.version, amortisationBasis: 'BANK_RATE' }))).message).toMatch(/^Program sudah diubah oleh /)
    // reloaded, B saves from the version A's save made
    const version = (await db.creditProgram.findUniqueOrThrow({ where: { id: p.id }, select: { version: true } })).version
    expect(Number(a.data?.version)).toBe(version)
    expect(await saveAllocations(undefined, form({ programId: p.id, version, 'alloc_35.17': '1.000.000.000' }))).toMatchObject({ ok: true })
    expect(await allocationsOf(p.id)).toEqual({ '35.17': 1_000_000_000, '35.78': 3_000_000_000, '35.03': 6_000_000_000 })
  })

  it('of two saves racing from the same version, exactly one lands (against the real database)', async () => {
    const p = await programme()
    signInAs(adminA)
    const results = await Promise.all([
      saveAllocations(undefined, form({ programId: p.id, version: p.version, 'alloc_35.17': '4.000.000.000', 'alloc_35.78': '1.000.000.000' })),
      saveAllocations(undefined, form({ programId: p.id, version: p.version, 'alloc_35.17': '1.000.000.000', 'alloc_35.78': '5.000.000.000' })),
    ])
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    const loser = results.find((r) => !r.ok)!
    expect(loser.message).toMatch(/sudah diubah oleh .+; muat ulang halaman/)
    const winner = results.findIndex((r) => r.ok)
    expect(await allocationsOf(p.id)).toEqual(winner === 0 ? { '35.17': 4_000_000_000, '35.78': 1_000_000_000 } : { '35.17': 1_000_000_000, '35.78': 5_000_000_000 })
    expect(await db.auditLog.count({ where: { entity: 'ProgramAllocation', entityId: p.id } })).toBe(1)
    expect((await db.creditProgram.findUniqueOrThrow({ where: { id: p.id }, select: { version: true } })).version).toBe(p.version + 1)
  })

  it('refuses a total above the programme’s credit target, saying by how much', async () => {
    const p = await programme(10_000_000_000)
    signInAs(adminA)
    const r = await saveAllocations(undefined, form({ programId: p.id, version: p.version, 'alloc_35.17': '6.000.000.000', 'alloc_35.78': '5.000.000.000' }))
    expect(r).toMatchObject({ ok: false, message: 'Jumlah alokasi Rp11.000.000.000 melebihi target kredit program Rp10.000.000.000 sebesar Rp1.000.000.000. Kurangi alokasi, atau ubah target program lebih dulu.' })
    expect(serverText(r.message, 'en')).toBe('The allocations total Rp11,000,000,000, above the programme\'s credit target Rp10,000,000,000 by Rp1,000,000,000. Reduce the allocations, or change the programme target first.')
    expect(await allocationsOf(p.id)).toEqual({})
    expect((await db.creditProgram.findUniqueOrThrow({ where: { id: p.id }, select: { version: true } })).version).toBe(p.version)
  })

  it('says what is wrong in each refused cell', async () => {
    const p = await programme()
    signInAs(adminA)
    const r = await saveAllocations(undefined, form({ programId: p.id, version: p.version, 'alloc_35.17': 'abc', 'alloc_35.78': '1,5', 'alloc_35.03': 'Rp 1.234.567,89', 'alloc_35.07': '' }))
    expect(r.ok).toBe(false)
    expect(r.errors).toEqual({
      'alloc_35.17': ['Alokasi harus angka Rupiah, mis. 1.500.000.'],
      'alloc_35.78': ['Alokasi harus dalam Rupiah bulat, tanpa sen.'],
      'alloc_35.03': ['Alokasi harus dalam Rupiah bulat, tanpa sen.'],
    })
    expect(await allocationsOf(p.id)).toEqual({})
  })
})

describe('a programme’s settings as a bank officer reads them', () => {
  it('holds only its own bank’s contract rates and membership; an admin reads every bank’s', async () => {
    const p = await programme()
    const officer = await createUser('BANK_OFFICER', { bankCode: 'BPRJATIM' })
    signInAs(officer)
    const asBank = await getProgramSettings((await getCurrentUser())!, p.id)
    expect(asBank.rates.map((r) => r.bank.id)).toEqual([bpr])
    expect(asBank.banks.map((b) => b.bank.id)).toEqual([bpr])
    signInAs(adminA)
    const asAdmin = await getProgramSettings((await getCurrentUser())!, p.id)
    expect(asAdmin.rates.map((r) => r.bank.id).sort()).toEqual([bpr, dki].sort())
  })
})

describe('a bank-rate change', () => {
  it('first says how many running loans it recomputes and from when, writing nothing; then saves only at that count', async () => {
    const p = await programme()
    await loan(p.id, '2026-02-10', 12) // running on 1 July
    await loan(p.id, '2026-03-10', 24) // running
    await loan(p.id, '2026-01-05', 3) // matured on 5 April: nothing left to recompute
    await loan(p.id, '2026-08-01', 12) // contracted after: agreed the rate in force then
    signInAs(adminA)
    const fields = { programId: p.id, bankId: bpr, effectiveFrom: '2026-07-01', rate: '12' }
    const preview = await addRateChange(undefined, form({ ...fields, intent: 'preview' }))
    expect(preview).toMatchObject({ ok: true, data: { loans: '2', effectiveFrom: '2026-07-01', bankId: bpr, rate: '12' } })
    expect(await db.programRate.count({ where: { programId: p.id, bankId: bpr } })).toBe(1)
    const moved = await addRateChange(undefined, form({ ...fields, intent: 'submit', expectedLoans: 3 }))
    expect(moved).toMatchObject({ ok: false, message: 'Data berubah sejak Anda memeriksanya: kini 2 pinjaman dihitung ulang mulai 1 Juli 2026. Periksa lagi lalu simpan.' })
    expect(await db.programRate.count({ where: { programId: p.id, bankId: bpr } })).toBe(1)
    const saved = await addRateChange(undefined, form({ ...fields, intent: 'submit', expectedLoans: 2 }))
    expect(saved).toMatchObject({ ok: true, message: 'Perubahan suku bunga mulai 1 Juli 2026 sedang dihitung; kemajuannya tampil di bawah.' })
    expect(serverText(saved.message, 'en')).toBe('The rate change from 1 July 2026 is being calculated; its progress shows below.')
    // queued, not done in the request: the rate and the loans change when the job has run
    expect(await db.programRate.count({ where: { programId: p.id, bankId: bpr } })).toBe(1)
    expect(await rateChangesOf(p.id)).toMatchObject([{ state: 'QUEUED', bankId: bpr, effectiveFrom: '2026-07-01', rate: 12, by: adminA.username }])
    await runJobsUntilIdle()
    expect(await db.programRate.count({ where: { programId: p.id, bankId: bpr } })).toBe(2)
    expect(await rateChangesOf(p.id)).toMatchObject([{ state: 'SUCCEEDED', done: 2, total: 2, loans: 2, error: null }])
    // the preview names the rate that day already has; a confirmation made before another admin's is refused
    const again = await addRateChange(undefined, form({ ...fields, rate: '13', intent: 'preview' }))
    expect(again).toMatchObject({ ok: true, data: { replaces: '12' } })
    const unseen = await addRateChange(undefined, form({ ...fields, rate: '13', intent: 'submit', expectedLoans: 2, expectedReplaces: '' }))
    expect(unseen).toMatchObject({ ok: false })
    const replaced = await addRateChange(undefined, form({ ...fields, rate: '13', intent: 'submit', expectedLoans: 2, expectedReplaces: '12' }))
    expect(replaced).toMatchObject({ ok: true })
    await runJobsUntilIdle()
    const audit = await db.auditLog.findFirstOrThrow({ where: { entity: 'ProgramRate', entityId: p.id }, orderBy: { id: 'desc' }, select: { before: true, after: true } })
    expect(audit.before).toMatchObject({ rate: 0.12 })
    expect(audit.after).toMatchObject({ rate: 0.13 })
  })

  it('recomputes the loans in the job at the new rate from that day, the earlier periods kept', async () => {
    const p = await programme()
    const id = await loan(p.id, '2026-02-10', 12)
    const before = await db.loanMonth.findMany({ where: { disbursementId: id }, select: { period: true, dueDate: true, subsidyDue: true }, orderBy: { period: 'asc' } })
    signInAs(adminA)
    const fields = { programId: p.id, bankId: bpr, effectiveFrom: '2026-07-01', rate: '14' }
    expect(await addRateChange(undefined, form({ ...fields, intent: 'submit', expectedLoans: 1, expectedReplaces: '' }))).toMatchObject({ ok: true })
    await runJobsUntilIdle()
    const after = await db.loanMonth.findMany({ where: { disbursementId: id }, select: { period: true, dueDate: true, subsidyDue: true }, orderBy: { period: 'asc' } })
    expect(after.map((m) => m.period)).toEqual(before.map((m) => m.period))
    for (const [i, m] of after.entries()) {
      // 11 % → 14 % above the borrower's 3 %: a period from 1 July on earns more subsidy, an earlier one the same
      // (the period due on 10 July straddles the day and is left out)
      const due = m.dueDate.toISOString().slice(0, 10)
      if (due < '2026-07-01') expect(Number(m.subsidyDue), `period ${m.period}`).toBe(Number(before[i].subsidyDue))
      else if (due > '2026-08-01') expect(Number(m.subsidyDue), `period ${m.period}`).toBeGreaterThan(Number(before[i].subsidyDue))
    }
  })

  it('runs one change of a programme and bank at a time: of two confirmations at once one is queued, the other told', async () => {
    const p = await programme()
    await loan(p.id, '2026-02-10', 12)
    signInAs(adminA)
    const fields = { programId: p.id, bankId: bpr, effectiveFrom: '2026-07-01', intent: 'submit', expectedLoans: 1, expectedReplaces: '' }
    const both = await Promise.all([addRateChange(undefined, form({ ...fields, rate: '12' })), addRateChange(undefined, form({ ...fields, rate: '13' }))])
    expect(both.filter((r) => r.ok)).toHaveLength(1)
    const busy = 'Perubahan suku bunga untuk bank ini sedang dihitung; tunggu sampai selesai, lalu periksa lagi.'
    expect(both.find((r) => !r.ok)).toMatchObject({ ok: false, errors: { bankId: [busy] } })
    expect(await db.job.count({ where: { kind: RATE_CHANGE_JOB, payload: { path: ['programId'], equals: p.id } } })).toBe(1)
    // while it waits for a worker, a preview for the same bank is refused too; another bank's is not
    expect(await addRateChange(undefined, form({ ...fields, rate: '12', intent: 'preview' }))).toMatchObject({ ok: false, errors: { bankId: [busy] } })
    expect(await addRateChange(undefined, form({ ...fields, bankId: dki, rate: '14', intent: 'preview' }))).toMatchObject({ ok: true })
    await runJobsUntilIdle()
    expect(await db.programRate.count({ where: { programId: p.id, bankId: bpr } })).toBe(2)
    expect(await addRateChange(undefined, form({ ...fields, effectiveFrom: '2026-08-01', rate: '12', intent: 'preview' }))).toMatchObject({ ok: true })
  })

  it('checks again in the job: a claim submitted after the confirmation fails it, and nothing changes', async () => {
    const p = await programme()
    const id = await loan(p.id, '2026-02-10', 12)
    const months = async () => (await db.loanMonth.findMany({ where: { disbursementId: id }, select: { period: true, subsidyDue: true }, orderBy: { period: 'asc' } })).map((m) => `${m.period}:${m.subsidyDue}`)
    const before = await months()
    signInAs(adminA)
    expect(await addRateChange(undefined, form({ programId: p.id, bankId: bpr, effectiveFrom: '2026-07-01', rate: '14', intent: 'submit', expectedLoans: 1, expectedReplaces: '' }))).toMatchObject({ ok: true })
    await db.subsidyClaim.create({ data: { programId: p.id, bankId: bpr, month: new Date('2026-07-01'), status: 'SUBMITTED' } })
    await runJobsUntilIdle()
    const [status] = await rateChangesOf(p.id)
    expect(status).toMatchObject({ state: 'FAILED', loans: null })
    expect(status.error).toContain('Klaim Juli 2026 sudah dihitung dengan suku bunga lama')
    expect(serverText(status.error!, 'en')).toContain('July 2026')
    expect(await db.programRate.count({ where: { programId: p.id, bankId: bpr } })).toBe(1)
    expect(await months()).toEqual(before)
    // the request's row of who asked stays; no row of a change made
    expect(await db.auditLog.findMany({ where: { entity: 'ProgramRate', entityId: p.id }, select: { action: true } })).toEqual([{ action: 'SUBMIT' }])
  })

  it('tells whoever needs the bank’s turn while its rate change is being computed at once, and waits behind a short turn', async () => {
    const p = await programme()
    const id = await loan(p.id, '2026-02-10', 12)
    const officer = await createUser('BANK_OFFICER', { bankCode: 'BPRJATIM' })
    // the bank's turn held by a transaction, as the job holds it while it recomputes
    const hold = () => {
      let release!: () => void
      let taken!: () => void
      const released = new Promise<void>((r) => { release = r })
      const took = new Promise<void>((r) => { taken = r })
      const done = db.$transaction(async (tx) => { await lockBankLoans(tx, bpr, { wait: true }); taken(); await released }, { timeout: 60_000 })
      return { took, release, done }
    }
    const job = await db.job.create({ data: { kind: RATE_CHANGE_JOB, state: 'RUNNING', payload: { programId: p.id, bankId: bpr } }, select: { id: true } })
    const rateChange = hold()
    await rateChange.took
    try {
      signInAs(officer)
      const started = Date.now()
      const report = await reportInstalment(undefined, form({ disbursementId: id, version: 1, period: 1, instalmentPaid: 'unpaid', collectibility: 2 }))
      expect(report).toMatchObject({ ok: false, message: RATE_CHANGE_HOLDS_BANK })
      expect(serverText(report.message!, 'en')).toContain('being recalculated')
      expect(Date.now() - started).toBeLessThan(4_000)
      expect(await db.loanMonth.count({ where: { disbursementId: id, reportedAt: { not: null } } })).toBe(0)
    } finally {
      rateChange.release()
      await rateChange.done
      await db.job.update({ where: { id: job.id }, data: { state: 'SUCCEEDED' }, select: { id: true } })
    }
    // a turn held by anything else (a claim being written) is waited for, not refused
    const claim = hold()
    await claim.took
    const waiting = db.$transaction((tx) => lockBankLoans(tx, bpr), { timeout: 30_000 })
    await new Promise((r) => setTimeout(r, 300))
    claim.release()
    await expect(waiting).resolves.toBeUndefined()
    await claim.done
    expect(await reportInstalment(undefined, form({ disbursementId: id, version: 1, period: 1, instalmentPaid: 'unpaid', collectibility: 2 }))).toMatchObject({ ok: true })
  })

  it('does not rewrite a month a live claim was computed from: the claim goes back first', async () => {
    const p = await programme()
    await loan(p.id, '2026-02-01', 12)
    await db.subsidyClaim.create({ data: { programId: p.id, bankId: bpr, month: new Date('2026-07-01'), status: 'APPROVED' } })
    signInAs(adminA)
    const refused = await addRateChange(undefined, form({ programId: p.id, bankId: bpr, effectiveFrom: '2026-07-15', rate: '12', intent: 'preview' }))
    expect(refused).toMatchObject({ ok: false, errors: { effectiveFrom: [expect.stringContaining('Klaim Juli 2026 sudah dihitung dengan suku bunga lama')] } })
    expect(serverText(refused.errors!.effectiveFrom![0], 'en')).toContain('July 2026')
    // from the month after the last claim on, the change is allowed
    expect(await addRateChange(undefined, form({ programId: p.id, bankId: bpr, effectiveFrom: '2026-08-01', rate: '12', intent: 'preview' }))).toMatchObject({ ok: true })
    // another bank's claims do not hold this bank back
    expect(await addRateChange(undefined, form({ programId: p.id, bankId: dki, effectiveFrom: '2026-07-15', rate: '13', intent: 'preview' }))).toMatchObject({ ok: true })
  })

  it('refuses a rate from outside the programme year and its longest tenor (a mistyped year), on the date', async () => {
    const p = await programme()
    signInAs(adminA)
    for (const effectiveFrom of ['2019-01-01', '2025-12-31', '2029-01-01']) {
      const refused = await addRateChange(undefined, form({ programId: p.id, bankId: bpr, effectiveFrom, rate: '12', intent: 'preview' }))
      expect(refused, effectiveFrom).toMatchObject({ ok: false, errors: { effectiveFrom: ['Tanggal berlaku harus di antara 1 Januari 2026 dan 31 Desember 2028 (tahun program dan tenor terpanjangnya).'] } })
      expect(serverText(refused.errors!.effectiveFrom![0], 'en')).toBe("The effective date must be between 1 January 2026 and 31 December 2028 (the programme's year and its longest tenor).")
    }
    for (const effectiveFrom of ['2026-01-01', '2028-12-31']) {
      expect(await addRateChange(undefined, form({ programId: p.id, bankId: bpr, effectiveFrom, rate: '12', intent: 'preview' })), effectiveFrom).toMatchObject({ ok: true })
    }

    // an admin-accepted loan signed after the year runs on beyond the nominal span: a rate there still changes it
    await loan(p.id, '2027-03-01', 24)
    const widened = await addRateChange(undefined, form({ programId: p.id, bankId: bpr, effectiveFrom: '2029-01-15', rate: '12', intent: 'preview' }))
    expect(widened).toMatchObject({ ok: true, data: { loans: '1' } })
    expect((await addRateChange(undefined, form({ programId: p.id, bankId: bpr, effectiveFrom: '2029-03-02', rate: '12', intent: 'preview' }))).errors?.effectiveFrom?.[0]).toMatch(/dan 1 Maret 2029 /)
  })
})

describe('editing a programme’s settings', () => {
  const settings = { name: 'Program Diubah', creditTarget: '12.000.000.000', beneficiaryTarget: '120', subsidyCeiling: '1.200.000.000', borrowerRate: '3', maxPlafond: '30.000.000', maxTenorMonths: '36' }

  it('saves from the version opened, with its audit row; a stale form is refused naming who saved first', async () => {
    const p = await programme()
    const { scheme, year } = await db.creditProgram.findUniqueOrThrow({ where: { id: p.id }, select: { scheme: true, year: true } })
    signInAs(adminA)
    const ok = await submit(updateProgram, { id: p.id, version: p.version, scheme, year, ...settings })
    expect(ok.redirect).toBe(`/kredit/${p.id}`)
    expect(await db.creditProgram.findUniqueOrThrow({ where: { id: p.id }, select: { name: true, maxTenorMonths: true, creditTarget: true, version: true } }))
      .toMatchObject({ name: 'Program Diubah', maxTenorMonths: 36, version: p.version + 1 })
    expect(await db.auditLog.count({ where: { entity: 'CreditProgram', entityId: p.id, action: 'UPDATE' } })).toBe(1)
    signInAs(adminB)
    const stale = await submit(updateProgram, { id: p.id, version: p.version, scheme, year, ...settings, name: 'Program Basi' })
    expect(stale.state?.message).toMatch(/^Program sudah diubah oleh .+ pada .+; muat ulang halaman, lalu ulangi\.$/)
    expect((await db.creditProgram.findUniqueOrThrow({ where: { id: p.id }, select: { name: true } })).name).toBe('Program Diubah')
  })

  it('keeps scheme, year and borrower rate once the programme has a loan, and the target at least what is allocated', async () => {
    const p = await programme()
    await loan(p.id, '2026-02-10', 12)
    signInAs(adminA)
    const alloc = await saveAllocations(undefined, form({ programId: p.id, version: p.version, 'alloc_35.17': '9.000.000.000' }))
    expect(alloc.ok).toBe(true)
    const version = p.version + 1
    const { scheme } = await db.creditProgram.findUniqueOrThrow({ where: { id: p.id }, select: { scheme: true } })
    const locked = await submit(updateProgram, { id: p.id, version, scheme: 'LAIN', year: 2027, ...settings, borrowerRate: '4', creditTarget: '8.000.000.000' })
    expect(locked.state?.errors).toEqual({
      scheme: ['Terkunci: program ini sudah memiliki pinjaman.'],
      year: ['Terkunci: program ini sudah memiliki pinjaman.'],
      borrowerRate: ['Terkunci: program ini sudah memiliki pinjaman.'],
      creditTarget: ['Paling sedikit Rp9.000.000.000, jumlah alokasi kabupaten/kota.'],
    })
    expect((await db.creditProgram.findUniqueOrThrow({ where: { id: p.id }, select: { version: true } })).version).toBe(version)
    // the limits for new loans and the targets still change
    expect((await submit(updateProgram, { id: p.id, version, scheme, year: 2026, ...settings })).redirect).toBe(`/kredit/${p.id}`)
  })

  it('refuses a target of beneficiaries written with English grouping, which would read as 1', async () => {
    const p = await programme()
    const { scheme, year } = await db.creditProgram.findUniqueOrThrow({ where: { id: p.id }, select: { scheme: true, year: true } })
    signInAs(adminA)
    const r = await submit(updateProgram, { id: p.id, version: p.version, scheme, year, ...settings, beneficiaryTarget: '1,000' })
    expect(r.state?.errors).toEqual({ beneficiaryTarget: ['Target penerima: tulis ribuan dengan titik, mis. 25.000.'] })
    expect((await submit(updateProgram, { id: p.id, version: p.version, scheme, year, ...settings, beneficiaryTarget: '1.000' })).redirect).toBe(`/kredit/${p.id}`)
    expect((await db.creditProgram.findUniqueOrThrow({ where: { id: p.id }, select: { beneficiaryTarget: true } })).beneficiaryTarget).toBe(1000)
  })

  it('keeps the subsidy ceiling at least the subsidy of the claims already approved', async () => {
    const p = await programme()
    const loanId = await loan(p.id, '2026-02-10', 12)
    await db.subsidyClaim.create({
      data: { programId: p.id, bankId: bpr, month: new Date('2026-03-01'), status: 'APPROVED', lines: { create: [{ disbursementId: loanId, claimedAmount: 900_000.5, computedAmount: 900_000.5, approvedAmount: 900_000.5 }] } },
    })
    const { scheme, year, version } = await db.creditProgram.findUniqueOrThrow({ where: { id: p.id }, select: { scheme: true, year: true, version: true } })
    signInAs(adminA)
    const below = await submit(updateProgram, { id: p.id, version, scheme, year, ...settings, subsidyCeiling: '900.000' })
    expect(below.state?.errors).toEqual({ subsidyCeiling: ['Paling sedikit Rp900.000,50, subsidi klaim yang sudah disetujui program ini.'] })
    expect((await db.creditProgram.findUniqueOrThrow({ where: { id: p.id }, select: { version: true } })).version).toBe(version)
    expect((await submit(updateProgram, { id: p.id, version, scheme, year, ...settings, subsidyCeiling: '900.001' })).redirect).toBe(`/kredit/${p.id}`)
  })
})

describe('a loan is recorded at the terms in force when it is written', () => {
  it('a rate changed between the loan’s check and its write refuses the loan, nothing written; unchanged terms write it', async () => {
    const { prepareDisbursements, insertDisbursements, TERMS_CHANGED } = await import('@/lib/credit/disbursements')
    const p = await programme()
    const msme = await db.msme.create({
      data: {
        nib: String(Math.floor(Math.random() * 1e13)).padStart(13, '7'), businessName: `Usaha ${unique()}`, ownerName: 'Siti', ownerNik: '3517011234569999', ownerGender: 'P',
        kbli: '10792', regencyCode: '35.17', computedScale: 'MIKRO', businessCapital: 50_000_000, annualSales: 300_000_000,
      },
      select: { nib: true, ownerNik: true },
    })
    signInAs(adminA)
    const user = (await getCurrentUser())!
    const input = { programId: p.id, bankId: bpr, accountNumber: unique('TERMS'), nib: msme.nib, ownerNik: msme.ownerNik, contractDate: '2026-03-02', plafond: 10_000_000, tenorMonths: 12, method: 'ANNUITY' as const }
    const judged = await prepareDisbursements([input], user)
    if (!judged.ok) throw new Error(JSON.stringify(judged.refusals))
    // the admin's rate change lands between the check and the write
    await db.programRate.update({ where: { programId_bankId_effectiveFrom: { programId: p.id, bankId: bpr, effectiveFrom: new Date('2026-01-01') } }, data: { rate: 0.115 } })
    await expect(db.$transaction((tx) => insertDisbursements(tx, judged.loans, user))).rejects.toThrow(TERMS_CHANGED)
    expect(await db.disbursement.count({ where: { programId: p.id } })).toBe(0)
    // so does a borrower rate edited meanwhile
    const again = await prepareDisbursements([input], user)
    if (!again.ok) throw new Error(JSON.stringify(again.refusals))
    await db.creditProgram.update({ where: { id: p.id }, data: { borrowerRate: 0.025 } })
    await expect(db.$transaction((tx) => insertDisbursements(tx, again.loans, user))).rejects.toThrow(TERMS_CHANGED)
    // checked again at the terms now in force, it is written
    const fresh = await prepareDisbursements([input], user)
    if (!fresh.ok) throw new Error(JSON.stringify(fresh.refusals))
    expect(await db.$transaction((tx) => insertDisbursements(tx, fresh.loans, user))).toHaveLength(1)
  })
})
