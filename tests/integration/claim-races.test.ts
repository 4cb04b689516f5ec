import { beforeAll, describe, expect, it } from 'vitest'
import { signInAs } from '../support/session-mock'
import { createUser, form, unique } from '../support/factories'
import { db } from '@/lib/db'
import { approveClaim, recordClaimPayment, returnClaim } from '@/lib/actions/credit'
import { approveReport, returnReport } from '@/lib/actions/reporting'
import { submitClaimFor } from '@/lib/credit/claim-submission'
import { getClaim } from '@/lib/data/claims'
import { recomputeLoanMonths } from '@/lib/credit/loan-months'
import { getCurrentUser } from '@/lib/session'
import { scanReminders } from '@/lib/reminders/scan'
import { notificationText } from '@/lib/reminders/texts'
import type { SessionUser } from '@/lib/session-user'
import type { ActionState } from '@/lib/safe-action'

/**
 * Races on the real database: two people deciding the same claim (or report) at the same moment, sent
 * together with Promise.all through the real server actions. Exactly one decision lands, the other is
 * told who changed the record and when, and paid never exceeds approved.
 */
let programId: string
let bank: SessionUser
let admin: Awaited<ReturnType<typeof createUser>>
/** A decision that met another's: told what was decided, by whom and when, and that the page now shows it (not to "reload, then repeat"). */
const DECIDED = (what: string) => new RegExp(`^Keputusan Anda tidak disimpan: klaim ini sudah ${what} oleh Uji ADMIN pada .+\\. Halaman kini menampilkan keadaan terbarunya\\.$`)
const DECIDED_ANY = DECIDED('(?:disetujui|dikembalikan ke bank)')

beforeAll(async () => {
  const bprId = (await db.bank.findUniqueOrThrow({ where: { code: 'BPRJATIM' } })).id
  programId = (await db.creditProgram.create({
    data: {
      code: 'BALAPAN-2025', scheme: 'BALAPAN', name: 'Program Balapan 2025', year: 2025, creditTarget: 100_000_000, beneficiaryTarget: 4, subsidyCeiling: 10_000_000,
      borrowerRate: 0.03, maxPlafond: 25_000_000, maxTenorMonths: 24, eligibleScales: ['MIKRO', 'KECIL'],
      banks: { create: [{ bankId: bprId }] }, rates: { create: [{ bankId: bprId, effectiveFrom: new Date('2025-01-01'), rate: 0.12 }] },
    },
  })).id
  const msme = await db.msme.create({
    data: {
      nib: String(Date.now()).slice(-6) + '4242424', businessName: `Usaha ${unique()}`, ownerName: 'Siti', ownerNik: '3517011234560001', ownerGender: 'P',
      kbli: '10792', regencyCode: '35.17', computedScale: 'MIKRO', businessCapital: 50_000_000, annualSales: 300_000_000,
    },
  })
  const loan = await db.disbursement.create({
    data: {
      programId, bankId: bprId, accountNumber: 'BALAP-1', msmeId: msme.id, regencyCode: '35.17', contractDate: new Date('2025-01-15'),
      plafond: 20_000_000, tenorMonths: 12, bankRate: 0.12, borrowerRate: 0.03, eligibilityIssues: [],
    },
  })
  await db.$transaction((tx) => recomputeLoanMonths(tx, [loan.id]))
  const banker = await createUser('BANK_OFFICER', { bankCode: 'BPRJATIM' })
  signInAs(banker)
  bank = (await getCurrentUser())!
  admin = await createUser('ADMIN')
})

/** A fresh submitted claim of the loan for `month`, and its version. */
async function submitted(month: string) {
  const id = await submitClaimFor(bank, { programId, month }, null)
  const { version } = await db.subsidyClaim.findUniqueOrThrow({ where: { id }, select: { version: true } })
  return { id, version }
}

async function money(claimId: string) {
  const [r] = await db.$queryRaw<{ approved: string | null; paid: string }[]>`
    SELECT (SELECT sum(approved_amount) FROM claim_lines WHERE claim_id = ${claimId})::text AS approved,
           (SELECT coalesce(sum(amount), 0) FROM claim_payments WHERE claim_id = ${claimId})::text AS paid`
  return { approved: r.approved === null ? null : Number(r.approved), paid: Number(r.paid) }
}

const audits = (claimId: string, action: string) => db.auditLog.count({ where: { entity: 'SubsidyClaim', entityId: claimId, action } })

function oneWinner(results: ActionState[]) {
  expect(results.filter((r) => r.ok)).toHaveLength(1)
  const loser = results.find((r) => !r.ok)!
  expect(loser.message).toMatch(DECIDED_ANY)
  // its page was drawn again with the refusal, which the frame announces (the decision's form is gone from it)
  expect(loser.data).toEqual({ refreshed: '1' })
  return loser
}

describe('claim decisions sent at the same moment', () => {
  it('two approvals: one lands, one APPROVE audit row, the other is told who approved', async () => {
    const c = await submitted('2025-02')
    signInAs(admin)
    const loser = oneWinner(await Promise.all([approveClaim(undefined, form({ claimId: c.id, version: c.version })), approveClaim(undefined, form({ claimId: c.id, version: c.version }))]))
    expect(loser.message).toMatch(DECIDED('disetujui'))
    expect(await audits(c.id, 'APPROVE')).toBe(1)
    expect((await db.subsidyClaim.findUniqueOrThrow({ where: { id: c.id } })).status).toBe('APPROVED')
  })

  it('an approval and a return: one lands, and the claim is consistently what the winner decided', async () => {
    const c = await submitted('2025-03')
    signInAs(admin)
    const [approved, returned] = await Promise.all([
      approveClaim(undefined, form({ claimId: c.id, version: c.version })),
      returnClaim(undefined, form({ claimId: c.id, version: c.version, reason: 'Rekening koran belum dilampirkan.' })),
    ])
    const loser = oneWinner([approved, returned])
    expect(loser.message).toMatch(DECIDED(approved.ok ? 'disetujui' : 'dikembalikan ke bank'))
    const claim = await db.subsidyClaim.findUniqueOrThrow({ where: { id: c.id }, select: { status: true, returnReason: true } })
    const { approved: approvedAmount } = await money(c.id)
    if (approved.ok) {
      expect(claim).toEqual({ status: 'APPROVED', returnReason: null })
      expect(approvedAmount).toBeGreaterThan(0)
      expect(await audits(c.id, 'RETURN')).toBe(0)
    } else {
      expect(claim).toEqual({ status: 'RETURNED', returnReason: 'Rekening koran belum dilampirkan.' })
      expect(approvedAmount).toBeNull() // the loser's line approvals rolled back with it
      expect(await audits(c.id, 'APPROVE')).toBe(0)
    }
    // the bank is told of the winner's decision only (the loser's notice rolled back with its transaction)
    const told = await db.notification.findMany({ where: { userId: bank.id, link: `/kredit/klaim/${c.id}`, kind: { in: ['CLAIM_APPROVED', 'CLAIM_RETURNED'] } }, select: { kind: true } })
    expect(told.map((n) => n.kind)).toEqual([approved.ok ? 'CLAIM_APPROVED' : 'CLAIM_RETURNED'])
  })

  it('an approval that arrives after the payment is refused; paid stays equal to approved', async () => {
    const c = await submitted('2025-04')
    signInAs(admin)
    expect(await approveClaim(undefined, form({ claimId: c.id, version: c.version }))).toMatchObject({ ok: true })
    const { approved } = await money(c.id)
    const v2 = (await db.subsidyClaim.findUniqueOrThrow({ where: { id: c.id } })).version
    expect(await recordClaimPayment(undefined, form({ claimId: c.id, version: v2, paidOn: '2025-05-15', amount: String(approved), reference: 'SP2D/BALAP/1' }))).toMatchObject({ ok: true })
    // the second admin's page still shows the claim as submitted at the first version
    const late = await approveClaim(undefined, form({ claimId: c.id, version: c.version }))
    expect(late.ok).toBe(false)
    // paid since: what it met is still its approval
    expect(late.message).toMatch(DECIDED('disetujui'))
    expect(late.data).toEqual({ refreshed: '1' })
    const after = await db.subsidyClaim.findUniqueOrThrow({ where: { id: c.id }, select: { status: true } })
    expect(after.status).toBe('PAID')
    expect(await money(c.id)).toEqual({ approved, paid: approved })
  })

  it('three full payments: one is recorded, the claim is PAID once, paid = approved (two: below, after a part payment)', async () => {
    for (const [month, racers] of [['2025-06', 3]] as const) {
      const c = await submitted(month)
      signInAs(admin)
      await approveClaim(undefined, form({ claimId: c.id, version: c.version }))
      const { approved } = await money(c.id)
      const version = (await db.subsidyClaim.findUniqueOrThrow({ where: { id: c.id } })).version
      const results = await Promise.all(Array.from({ length: racers }, (_, i) =>
        recordClaimPayment(undefined, form({ claimId: c.id, version, paidOn: '2025-07-15', amount: String(approved), reference: `SP2D/BALAP/${month}/${i}` }))))
      expect(results.filter((r) => r.ok)).toHaveLength(1)
      for (const r of results.filter((x) => !x.ok)) {
        // the claim is paid in full: the loser is told so and by whom, not to check and try again (its page was
        // drawn again with the refusal)
        expect(r.message).toMatch(/^Pembayaran tidak dicatat: klaim ini sudah lunas; pembayaran terakhirnya dicatat oleh Uji ADMIN pada .+\. Halaman kini menampilkan pembayarannya\.$/)
        expect(r.data).toEqual({ refreshed: '1' })
        // what was typed is given back to the form
        expect(r.values).toMatchObject({ amount: String(approved), paidOn: '2025-07-15' })
      }
      expect(await money(c.id)).toEqual({ approved, paid: approved })
      expect(await audits(c.id, 'PAY')).toBe(1)
    }
  })

  it('two part payments at once, then two of the rest: one of each is recorded; the others are told, nothing of them kept', async () => {
    const c = await submitted('2025-05')
    signInAs(admin)
    await approveClaim(undefined, form({ claimId: c.id, version: c.version }))
    const { approved } = await money(c.id)
    const version = (await db.subsidyClaim.findUniqueOrThrow({ where: { id: c.id } })).version
    const part = String(Math.floor(approved! / 4))
    const results = await Promise.all([1, 2].map((i) =>
      recordClaimPayment(undefined, form({ claimId: c.id, version, paidOn: '2025-09-15', amount: part, reference: `SP2D/SEBAGIAN/${i}` }))))
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    const lost = results.find((r) => !r.ok)!
    // still to be paid: the generic word, that nothing was saved and the page now shows the claim as it is
    expect(lost.message).toMatch(/^Klaim sudah diubah oleh Uji ADMIN pada .+; perubahan Anda tidak disimpan, dan halaman kini menampilkan keadaan terbarunya\.$/)
    expect(lost.data).toEqual({ refreshed: '1' })
    expect(await money(c.id)).toEqual({ approved, paid: Number(part) })
    expect(await audits(c.id, 'PAY')).toBe(1)
    // two payments of the rest at once: the claim is PAID once, paid = approved, and the loser hears it is paid
    const next = (await db.subsidyClaim.findUniqueOrThrow({ where: { id: c.id } })).version
    const rest = await Promise.all([1, 2].map((i) =>
      recordClaimPayment(undefined, form({ claimId: c.id, version: next, paidOn: '2025-09-16', amount: String(approved! - Number(part)), reference: `SP2D/SISA/${i}` }))))
    expect(rest.filter((r) => r.ok)).toHaveLength(1)
    expect(rest.find((r) => !r.ok)!.message).toMatch(/^Pembayaran tidak dicatat: klaim ini sudah lunas; pembayaran terakhirnya dicatat oleh Uji ADMIN pada .+\. Halaman kini menampilkan pembayarannya\.$/)
    expect(await money(c.id)).toEqual({ approved, paid: approved })
    expect((await db.subsidyClaim.findUniqueOrThrow({ where: { id: c.id } })).status).toBe('PAID')
    expect(await audits(c.id, 'PAY')).toBe(2)
  })

  it('two resubmissions of a returned claim: one lands, with one set of lines', async () => {
    const c = await submitted('2025-07')
    signInAs(admin)
    await returnClaim(undefined, form({ claimId: c.id, version: c.version, reason: 'Lampiran belum lengkap, kirim ulang.' }))
    const results = await Promise.allSettled([submitClaimFor(bank, { programId, month: '2025-07' }, null), submitClaimFor(bank, { programId, month: '2025-07' }, null)])
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
    const lost = results.find((r) => r.status === 'rejected') as PromiseRejectedResult
    // the loser is refused either way it met the winner: it had read the claim as returned and its conditional
    // update found it changed ("diubah oleh …"), or, scheduled after the winner's commit (two cores, a loaded
    // machine), it read the claim already submitted. Which one is timing; that one lands and one is refused is not
    expect(String(lost.reason.message)).toMatch(/^(Klaim sudah diubah oleh Uji BANK_OFFICER pada .+; muat ulang halaman|Klaim bulan ini sudah diajukan\.$)/)
    expect(await db.claimLine.count({ where: { claimId: c.id } })).toBe(1)
    expect(await audits(c.id, 'SUBMIT')).toBe(2)
  })

  it('the database itself refuses a payment above the approved total, and a payment of a claim not approved', async () => {
    const c = await submitted('2025-08')
    await expect(db.claimPayment.create({ data: { claimId: c.id, paidOn: new Date('2025-09-15'), amount: 1, reference: 'LANGSUNG' } })).rejects.toThrow(/has payments but status SUBMITTED/)
    signInAs(admin)
    await approveClaim(undefined, form({ claimId: c.id, version: c.version }))
    const { approved } = await money(c.id)
    await expect(db.claimPayment.create({ data: { claimId: c.id, paidOn: new Date('2025-09-15'), amount: approved! + 1, reference: 'LANGSUNG' } })).rejects.toThrow(/exceeds approved/)
    await db.claimPayment.create({ data: { claimId: c.id, paidOn: new Date('2025-09-15'), amount: approved!, reference: 'LANGSUNG' } })
    // nor can the approved amount be lowered under what was paid, nor the lines deleted
    await expect(db.claimLine.updateMany({ where: { claimId: c.id }, data: { approvedAmount: 0 } })).rejects.toThrow(/exceeds approved/)
    await expect(db.claimLine.deleteMany({ where: { claimId: c.id } })).rejects.toThrow(/exceeds approved/)
    expect(await money(c.id)).toEqual({ approved, paid: approved })
  })

  it('a decision from a tab left open: refused, told what was decided meanwhile, its page drawn again, what was typed kept', async () => {
    // every month of the 2025 loan is raced above: a loan of its own, in a 2026 programme
    const first = await db.disbursement.findFirstOrThrow({ where: { accountNumber: 'BALAP-1' }, select: { bankId: true, msmeId: true } })
    const program2026 = (await db.creditProgram.create({
      data: {
        code: 'BALAPAN-2026', scheme: 'BALAPAN', name: 'Program Balapan 2026', year: 2026, creditTarget: 100_000_000, beneficiaryTarget: 4, subsidyCeiling: 10_000_000,
        borrowerRate: 0.03, maxPlafond: 25_000_000, maxTenorMonths: 24, eligibleScales: ['MIKRO', 'KECIL'],
        banks: { create: [{ bankId: first.bankId }] }, rates: { create: [{ bankId: first.bankId, effectiveFrom: new Date('2026-01-01'), rate: 0.12 }] },
      },
    })).id
    const loan = await db.disbursement.create({
      data: {
        programId: program2026, bankId: first.bankId, accountNumber: 'BALAP-2026', msmeId: first.msmeId, regencyCode: '35.17', contractDate: new Date('2026-01-15'),
        plafond: 20_000_000, tenorMonths: 12, bankRate: 0.12, borrowerRate: 0.03, eligibilityIssues: [],
      },
    })
    await db.$transaction((tx) => recomputeLoanMonths(tx, [loan.id]))
    const id = await submitClaimFor(bank, { programId: program2026, month: '2026-02' }, null)
    const c = { id, version: (await db.subsidyClaim.findUniqueOrThrow({ where: { id }, select: { version: true } })).version }
    signInAs(admin)
    expect(await returnClaim(undefined, form({ claimId: c.id, version: c.version, reason: 'Rekening koran belum dilampirkan.' }))).toMatchObject({ ok: true })
    // the other tab still shows it submitted: approving it meets the return
    const approveLate = await approveClaim(undefined, form({ claimId: c.id, version: c.version }))
    expect(approveLate).toMatchObject({ ok: false, data: { refreshed: '1' } })
    expect(approveLate.message).toMatch(DECIDED('dikembalikan ke bank'))
    // filed again by the bank: the old tab's approval meets a claim submitted anew, not a decision (the general word)
    await submitClaimFor(bank, { programId: program2026, month: '2026-02' }, null)
    const resubmitted = await approveClaim(undefined, form({ claimId: c.id, version: c.version }))
    expect(resubmitted).toMatchObject({ ok: false, data: { refreshed: '1' } })
    expect(resubmitted.message).toMatch(/^Klaim sudah diubah oleh Uji BANK_OFFICER pada .+; perubahan Anda tidak disimpan, dan halaman kini menampilkan keadaan terbarunya\.$/)
    const { version } = await db.subsidyClaim.findUniqueOrThrow({ where: { id: c.id }, select: { version: true } })
    expect(await approveClaim(undefined, form({ claimId: c.id, version }))).toMatchObject({ ok: true })
    // a return typed in a tab still at that version meets the approval; its reason is given back to the form
    const returnLate = await returnClaim(undefined, form({ claimId: c.id, version, reason: 'Lampiran belum lengkap, kirim ulang.' }))
    expect(returnLate).toMatchObject({ ok: false, data: { refreshed: '1' }, values: { reason: 'Lampiran belum lengkap, kirim ulang.' } })
    expect(returnLate.message).toMatch(DECIDED('disetujui'))
    // nothing of the late decisions was kept: one return, one approval, the claim approved without a reason (the
    // first return's was cleared by the resubmission; the late one's never written)
    expect(await audits(c.id, 'RETURN')).toBe(1)
    expect(await audits(c.id, 'APPROVE')).toBe(1)
    expect(await db.subsidyClaim.findUniqueOrThrow({ where: { id: c.id }, select: { status: true, returnReason: true } })).toEqual({ status: 'APPROVED', returnReason: null })
  })
})

describe('a returned claim tells the bank', () => {
  it('its officers, once, with the reason, in the return\'s transaction; the admins\' review notice read; answered by the resubmission', async () => {
    const other = await createUser('BANK_OFFICER', { bankCode: 'BANKDKI' })
    const c = await submitted('2025-09')
    // the admins hear of the submission with it, not at the next hourly scan
    expect(await db.notification.count({ where: { userId: admin.id, kind: 'REVIEW_CLAIM', eventKey: `review-claim:${c.id}:${c.version}`, readAt: null } })).toBe(1)
    signInAs(admin)
    expect(await returnClaim(undefined, form({ claimId: c.id, version: c.version, reason: 'Rekening koran September belum dilampirkan.' }))).toMatchObject({ ok: true })
    const notices = () => db.notification.findMany({ where: { kind: 'CLAIM_RETURNED', eventKey: { startsWith: `claim-returned:${c.id}:` } }, select: { userId: true, link: true, params: true, readAt: true } })
    const mine = (await notices()).filter((n) => n.userId === bank.id)
    expect(mine).toEqual([{ userId: bank.id, link: `/kredit/klaim/${c.id}`, params: expect.objectContaining({ reason: 'Rekening koran September belum dilampirkan.', month: '2025-09-01' }), readAt: null }])
    expect(notificationText('CLAIM_RETURNED', mine[0].params, 'id')).toEqual({
      title: 'Klaim September 2025 dikembalikan',
      body: 'Dinas mengembalikan klaim subsidi bunga BPR Jatim untuk September 2025 (Program Balapan 2025) agar diperbaiki. Alasan: Rekening koran September belum dilampirkan.',
    })
    // another bank's officers and the admins are not told; the admin's review notice is settled by the decision
    expect((await notices()).filter((n) => n.userId === other.id || n.userId === admin.id)).toEqual([])
    expect(await db.notification.count({ where: { userId: admin.id, kind: 'REVIEW_CLAIM', eventKey: `review-claim:${c.id}:${c.version}`, readAt: null } })).toBe(0)
    // the hourly scan does not tell it again
    await scanReminders()
    expect((await notices()).filter((n) => n.userId === bank.id)).toHaveLength(1)
    // sent again: the notice is answered at once
    await submitClaimFor(bank, { programId, month: '2025-09' }, null)
    expect((await notices()).filter((n) => n.userId === bank.id).map((n) => n.readAt)).toEqual([expect.any(Date)])
  })

  it('returned twice: the first notice is read, the second (its own reason) is not; a decision reads the admins\' review notice; the scan looks back 90 days', async () => {
    const c = await submitted('2025-12')
    signInAs(admin)
    await returnClaim(undefined, form({ claimId: c.id, version: c.version, reason: 'Rekening koran belum ada.' }))
    const notices = () => db.notification.findMany({ where: { userId: bank.id, kind: 'CLAIM_RETURNED', eventKey: { startsWith: `claim-returned:${c.id}:` } }, select: { params: true, readAt: true }, orderBy: { createdAt: 'asc' } })
    await submitClaimFor(bank, { programId, month: '2025-12' }, null)
    const again = await db.subsidyClaim.findUniqueOrThrow({ where: { id: c.id }, select: { version: true } })
    expect(await db.notification.count({ where: { userId: admin.id, kind: 'REVIEW_CLAIM', eventKey: `review-claim:${c.id}:${again.version}`, readAt: null } })).toBe(1)
    await returnClaim(undefined, form({ claimId: c.id, version: again.version, reason: 'Tanda tangan direksi belum ada.' }))
    expect((await notices()).map((n) => [(n.params as { reason: string }).reason, n.readAt === null])).toEqual([['Rekening koran belum ada.', false], ['Tanda tangan direksi belum ada.', true]])
    // the admins' notice of the second submission is read with the return
    expect(await db.notification.count({ where: { userId: admin.id, kind: 'REVIEW_CLAIM', eventKey: `review-claim:${c.id}:${again.version}`, readAt: null } })).toBe(0)
    // a return read by the settle's own key: the older notice unread again is read by the scan, the newer stays
    await db.notification.updateMany({ where: { userId: bank.id, kind: 'CLAIM_RETURNED', eventKey: { startsWith: `claim-returned:${c.id}:` } }, data: { readAt: null } })
    await scanReminders()
    expect((await notices()).map((n) => n.readAt === null)).toEqual([false, true])
    // a return older than the scan looks back (a first scan after installing) is not told by the scan
    await db.notification.deleteMany({ where: { kind: 'CLAIM_RETURNED', eventKey: { startsWith: `claim-returned:${c.id}:` } } })
    await db.subsidyClaim.update({ where: { id: c.id }, data: { reviewedAt: new Date(Date.now() - 200 * 86_400_000) } })
    await scanReminders()
    expect(await notices()).toEqual([])
  })
})

describe('a month of real size (12,000 lines)', () => {
  const LINES = 12_000
  /** A claim of `status` for `month` with LINES lines, each of its own loan, written straight into the database. */
  async function bigClaim(month: string, status: 'SUBMITTED' | 'RETURNED') {
    const tag = `BIG-${month}-${unique()}`
    const [{ bank_id, msme_id }] = await db.$queryRaw<{ bank_id: string; msme_id: string }[]>`SELECT bank_id, msme_id FROM disbursements WHERE program_id = ${programId} LIMIT 1`
    await db.$executeRaw`INSERT INTO disbursements (id, program_id, bank_id, account_number, msme_id, regency_code, contract_date, plafond, tenor_months, bank_rate, borrower_rate, updated_at)
      SELECT ${tag} || '-' || g, ${programId}, ${bank_id}, ${tag} || '-' || g, ${msme_id}, '35.17', DATE '2025-01-15', 20000000, 12, 0.12, 0.03, now() FROM generate_series(1, ${LINES}) g`
    const claim = await db.subsidyClaim.create({ data: { programId, bankId: bank_id, month: new Date(`${month}-01`), status, submittedById: bank.id }, select: { id: true, version: true } })
    await db.$executeRaw`INSERT INTO claim_lines (id, claim_id, disbursement_id, claimed_amount, computed_amount)
      SELECT ${tag} || '-line-' || g, ${claim.id}, ${tag} || '-' || g,
        CASE WHEN g % 5 = 0 THEN 140000 ELSE 150000 END, CASE WHEN g % 3 = 0 THEN 148000 ELSE 150000 END FROM generate_series(1, ${LINES}) g`
    return claim
  }

  // each line's check once summed every line of the claim: 12,000² row reads, past any transaction's time-out
  it('is approved through the form, every line at once, and the database still guards what was paid', async () => {
    const c = await bigClaim('2025-10', 'SUBMITTED')
    signInAs(admin)
    // what the approval dialog states, summed in SQL: each line at the lower of the bank's claim and the computation
    const [{ expected }] = await db.$queryRaw<{ expected: number }[]>`SELECT sum(least(claimed_amount, computed_amount))::float8 AS expected FROM claim_lines WHERE claim_id = ${c.id}`
    expect((await getClaim({ user: (await getCurrentUser())!, id: c.id }))!.totals).toMatchObject({ lines: LINES, approvable: expected })
    // before the decision no line is approved below the claim: that view is every line
    expect((await getClaim({ user: (await getCurrentUser())!, id: c.id, view: 'dipotong' }))!).toMatchObject({ views: ['semua', 'berbeda'], view: 'semua', viewTotal: LINES })
    const result = await approveClaim(undefined, form({ claimId: c.id, version: c.version }))
    expect(result).toMatchObject({ ok: true })
    expect(await money(c.id)).toEqual({ approved: expected, paid: 0 })
    // the claim's page lists the lines of a view, a page at a time: the differing ones (every fifth claims 140.000,
    // every third computes 148.000: 2.400 + 4.000 − 800) and those approved below the claim (every third that is not
    // every fifth: 150.000 claimed, 148.000 approved)
    const me = (await getCurrentUser())!
    const viewed = (view: 'semua' | 'berbeda' | 'dipotong', page = 1) => getClaim({ user: me, id: c.id, view, page }).then((x) => x!)
    const [differing, reduced, all, past] = await Promise.all([viewed('berbeda'), viewed('dipotong'), viewed('semua'), viewed('dipotong', 65)])
    expect([differing.viewTotal, reduced.viewTotal, all.viewTotal, reduced.totals.reduced]).toEqual([5_600, 3_200, LINES, 3_200])
    expect(reduced.views).toEqual(['semua', 'berbeda', 'dipotong'])
    expect(differing.lines).toHaveLength(50)
    expect(differing.lines.every((l) => Number(l.claimedAmount) !== Number(l.computedAmount))).toBe(true)
    expect(reduced.lines.every((l) => Number(l.approvedAmount) === 148_000 && Number(l.claimedAmount) === 150_000)).toBe(true)
    expect(past.lines).toHaveLength(0)
    // one loan looked for among the 12.000 lines: by its account's beginning, within the view, counted for its pages
    const acct = (await db.claimLine.findFirstOrThrow({ where: { claimId: c.id, id: { endsWith: '-line-1234' } }, select: { disbursement: { select: { accountNumber: true } } } })).disbursement.accountNumber
    const found = (await getClaim({ user: me, id: c.id, q: acct }))!
    expect(found).toMatchObject({ viewTotal: 1, q: acct, totals: { lines: LINES } })
    expect(found.lines.map((l) => l.disbursement.accountNumber)).toEqual([acct])
    // `…-1` begins the accounts 1, 10–19, 100–199, 1.000–1.999 and 10.000–12.000
    const prefix = acct.slice(0, -3)
    expect((await getClaim({ user: me, id: c.id, q: prefix }))!.viewTotal).toBe(1 + 10 + 100 + 1_000 + 2_001)
    // line 1234 agrees with the computation: not in the differing view; a LIKE wildcard is a character, not "anything"
    expect((await getClaim({ user: me, id: c.id, view: 'berbeda', q: acct }))!).toMatchObject({ viewTotal: 0, lines: [] })
    expect((await getClaim({ user: me, id: c.id, q: '%' }))!.viewTotal).toBe(0)
    await db.claimPayment.create({ data: { claimId: c.id, paidOn: new Date('2025-11-20'), amount: expected, reference: 'SP2D-BESAR' } })
    // one line lowered in a statement of its own, and a delete of a few: each still refused
    const one = await db.claimLine.findFirstOrThrow({ where: { claimId: c.id }, select: { id: true } })
    await expect(db.claimLine.update({ where: { id: one.id }, data: { approvedAmount: 0 } })).rejects.toThrow(/exceeds approved/)
    await expect(db.claimLine.deleteMany({ where: { claimId: c.id, id: { endsWith: '-line-7' } } })).rejects.toThrow(/exceeds approved/)
    expect(await db.claimLine.count({ where: { claimId: c.id } })).toBe(LINES)
    // nor can a line be approved below nothing to make room for another
    await expect(db.claimLine.update({ where: { id: one.id }, data: { approvedAmount: -1 } })).rejects.toThrow(/claim_lines_approved_not_negative/)
  })

  it('is submitted again after a return: its old lines go, the month\'s lines come', async () => {
    const c = await bigClaim('2025-11', 'RETURNED')
    await submitClaimFor(bank, { programId, month: '2025-11' }, null)
    const after = await db.subsidyClaim.findUniqueOrThrow({ where: { id: c.id }, select: { status: true, _count: { select: { lines: true } } } })
    // the one loan with a schedule is due that month; the bulk loans have none
    expect(after).toEqual({ status: 'SUBMITTED', _count: { lines: 1 } })
  })
})

describe('report decisions sent at the same moment', () => {
  it('an approval and a return of one submitted report: one lands, the other is told who decided', async () => {
    const report = await db.quarterlyReport.create({
      data: { regencyCode: '35.17', year: 2025, quarter: 3, status: 'SUBMITTED', submittedAt: new Date('2025-10-05'), firstSubmittedAt: new Date('2025-10-05') },
      select: { id: true, version: true },
    })
    signInAs(admin)
    const results = await Promise.all([
      approveReport(undefined, form({ id: report.id, version: report.version })),
      returnReport(undefined, form({ id: report.id, version: report.version, reason: 'Angka IUMK belum sesuai sumber.' })),
    ])
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    expect(results.find((r) => !r.ok)!.message).toMatch(/^Laporan sudah diubah oleh Uji ADMIN pada .+; muat ulang halaman/)
    const actions = await db.auditLog.findMany({ where: { entity: 'QuarterlyReport', entityId: report.id }, select: { action: true } })
    expect(actions).toHaveLength(1)
  })
})
