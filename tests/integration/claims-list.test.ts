/**
 * The claims list (/kredit/klaim) and its export as the agency reads them: filtered by programme, status and bank,
 * ordered by month or by an amount (claims not yet decided last), paged, the amounts summed in SQL, the file named by
 * the programme's code and the status in words. The bank officer's scope is in authorization-matrix.test.ts.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { db } from '@/lib/db'
import { signInAs } from '../support/session-mock'
import { createUser } from '../support/factories'
import { findClaims } from '@/lib/data/claims'
import { getCurrentUser } from '@/lib/session'
import { GET as claimsExport } from '@/app/api/kredit/klaim/ekspor/route'
import type { SessionUser } from '@/lib/session-user'
import type { ClaimStatus } from '@/lib/generated/prisma/enums'

let admin: SessionUser
let programA: string, programB: string, bpr: string, dki: string
const ids: Record<string, string> = {}

/** A claim with one line (claimed, computed, approved) of its own loan, and a payment when `paid`. */
async function claim(name: string, programId: string, bankId: string, month: string, status: ClaimStatus, [claimed, computed, approved]: [number, number, number | null], paid = 0) {
  const msme = await db.msme.findFirstOrThrow({ where: { nib: '9120000777001' }, select: { id: true } })
  const loan = await db.disbursement.create({
    data: { programId, bankId, accountNumber: `DAFTAR-${name}`, msmeId: msme.id, regencyCode: '35.17', contractDate: new Date('2025-01-15'), plafond: 20_000_000, tenorMonths: 12, bankRate: 0.12, borrowerRate: 0.03, eligibilityIssues: [] },
    select: { id: true },
  })
  const c = await db.subsidyClaim.create({ data: { programId, bankId, month: new Date(`${month}-01`), status }, select: { id: true } })
  await db.claimLine.create({ data: { claimId: c.id, disbursementId: loan.id, claimedAmount: claimed, computedAmount: computed, approvedAmount: approved } })
  if (paid) await db.claimPayment.create({ data: { claimId: c.id, amount: paid, paidOn: new Date(`${month}-20`), reference: `SP2D-${name}` } })
  ids[name] = c.id
}

beforeAll(async () => {
  bpr = (await db.bank.findUniqueOrThrow({ where: { code: 'BPRJATIM' } })).id
  dki = (await db.bank.findUniqueOrThrow({ where: { code: 'BANKDKI' } })).id
  const program = (code: string, banks: string[]) => db.creditProgram.create({
    data: {
      code, scheme: code.split('-')[0], name: `Program ${code}`, year: 2025, creditTarget: 100_000_000, beneficiaryTarget: 4, subsidyCeiling: 10_000_000,
      borrowerRate: 0.03, maxPlafond: 25_000_000, maxTenorMonths: 24, eligibleScales: ['MIKRO'], banks: { create: banks.map((bankId) => ({ bankId })) },
    },
    select: { id: true },
  })
  programA = (await program('DAFTARA-2025', [bpr, dki])).id
  programB = (await program('DAFTARB-2025', [bpr])).id
  await db.msme.create({
    data: { nib: '9120000777001', businessName: 'Usaha Daftar Klaim', ownerName: 'Siti Rahayu', ownerNik: '3517014101900777', ownerGender: 'P', kbli: '10792', regencyCode: '35.17', computedScale: 'MIKRO', businessCapital: 50_000_000, annualSales: 300_000_000 },
  })
  await claim('approved', programA, bpr, '2025-03', 'APPROVED', [300, 250, 250], 100)
  await claim('submitted', programA, bpr, '2025-04', 'SUBMITTED', [500, 500, null])
  await claim('returned', programB, bpr, '2025-05', 'RETURNED', [100, 90, null])
  await claim('paid', programA, dki, '2025-02', 'PAID', [200, 200, 200], 200)
  signInAs(await createUser('ADMIN'))
  admin = (await getCurrentUser())!
})

const listed = async (filter: Parameters<typeof findClaims>[0]['filter']) => {
  const r = await findClaims({ user: admin, filter })
  const mine = new Set(Object.values(ids))
  return r.rows.filter((c) => mine.has(c.id)).map((c) => Object.entries(ids).find(([, id]) => id === c.id)![0])
}

describe('the claims list', () => {
  it('is newest month first, with each claim’s lines and amounts summed', async () => {
    expect(await listed({})).toEqual(['returned', 'submitted', 'approved', 'paid'])
    const row = (await findClaims({ user: admin, filter: { program: programA, status: 'APPROVED' } })).rows
    expect(row.map((c) => ({ lines: c.lines, claimed: c.claimed, computed: c.computed, approved: c.approved, paid: c.paid }))).toEqual([{ lines: 1, claimed: 300, computed: 250, approved: 250, paid: 100 }])
  })

  it('filters by programme, status and bank, alone and together', async () => {
    expect(await listed({ program: programB })).toEqual(['returned'])
    expect(await listed({ status: 'SUBMITTED' })).toEqual(['submitted'])
    expect(await listed({ bank: dki })).toEqual(['paid'])
    expect(await listed({ program: programA, bank: bpr })).toEqual(['submitted', 'approved'])
    expect(await listed({ program: programA, status: 'RETURNED' })).toEqual([])
  })

  it('sorts by an amount either way, a claim not yet decided last both ways', async () => {
    expect(await listed({ sort: 'claimed', dir: 'desc' })).toEqual(['submitted', 'approved', 'paid', 'returned'])
    expect(await listed({ sort: 'claimed', dir: 'asc' })).toEqual(['returned', 'paid', 'approved', 'submitted'])
    // approved: 200 (paid), 250; the undecided after them, newest month first
    expect(await listed({ sort: 'approved', dir: 'asc' })).toEqual(['paid', 'approved', 'returned', 'submitted'])
    expect(await listed({ sort: 'approved', dir: 'desc' })).toEqual(['approved', 'paid', 'returned', 'submitted'])
    expect(await listed({ sort: 'paid', dir: 'desc' })).toEqual(['paid', 'approved', 'returned', 'submitted'])
  })

  it('pages by 25 and counts what the filter holds', async () => {
    const first = await findClaims({ user: admin, filter: { program: programA } })
    expect(first).toMatchObject({ total: 3, page: 1, pageSize: 25 })
    const past = await findClaims({ user: admin, filter: { program: programA, page: 2 } })
    expect(past).toMatchObject({ total: 3, page: 2, rows: [] })
  })

  it('sums the amounts of every claim under the filter in the user’s scope, as an independent sum of the lines and payments', async () => {
    /** The same sums straight from the tables, for the claims of `programId` (and of `bankId`). */
    const direct = async (programId: string, bankId: string | null) => {
      const [l] = await db.$queryRaw<{ claimed: string; computed: string; approved: string | null }[]>`
        SELECT sum(cl.claimed_amount)::text AS claimed, sum(cl.computed_amount)::text AS computed, sum(cl.approved_amount)::text AS approved
        FROM claim_lines cl JOIN subsidy_claims c ON c.id = cl.claim_id WHERE c.program_id = ${programId} AND (${bankId}::text IS NULL OR c.bank_id = ${bankId})`
      const [p] = await db.$queryRaw<{ paid: string | null }[]>`
        SELECT sum(p.amount)::text AS paid FROM claim_payments p JOIN subsidy_claims c ON c.id = p.claim_id WHERE c.program_id = ${programId} AND (${bankId}::text IS NULL OR c.bank_id = ${bankId})`
      return { claimed: Number(l.claimed), computed: Number(l.computed), approved: l.approved === null ? null : Number(l.approved), paid: Number(p.paid ?? 0) }
    }
    // the agency: programme A's three claims, both banks; still to pay is the approved claim's 250 less its 100
    const all = (await findClaims({ user: admin, filter: { program: programA } })).sums
    expect(all).toEqual({ ...(await direct(programA, null)), unpaid: 150 })
    expect(all).toEqual({ claimed: 1000, computed: 950, approved: 450, paid: 300, unpaid: 150 })
    // every claim of the filter, not the page's: the first page's sums whichever page is shown
    expect((await findClaims({ user: admin, filter: { program: programA, page: 2 } })).sums).toEqual(all)
    // nothing approved under the filter: no approved sum ("–"), nothing to pay
    expect((await findClaims({ user: admin, filter: { program: programA, status: 'SUBMITTED' } })).sums).toEqual({ claimed: 500, computed: 500, approved: null, paid: 0, unpaid: 0 })
    // a bank officer: its bank's claims only, whatever bank its URL names
    signInAs(await createUser('BANK_OFFICER', { bankCode: 'BPRJATIM' }))
    const banker = (await getCurrentUser())!
    const own = { ...(await direct(programA, bpr)), unpaid: 150 }
    expect(own).toEqual({ claimed: 800, computed: 750, approved: 250, paid: 100, unpaid: 150 })
    expect((await findClaims({ user: banker, filter: { program: programA } })).sums).toEqual(own)
    expect((await findClaims({ user: banker, filter: { program: programA, bank: dki } })).sums).toEqual(own)
    signInAs(admin)
  })

  it('exports the list under its filter and order, named by the programme’s code and the status in words', async () => {
    const res = await claimsExport(new Request(`http://localhost/api/kredit/klaim/ekspor?format=csv&program=${programA}&sort=claimed&dir=desc`), undefined)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-disposition')).toMatch(/filename="klaim-subsidi-daftara-2025-\d{4}-\d{2}-\d{2}\.csv"/)
    const [head, ...lines] = (await res.text()).replace('\uFEFF', '').trimEnd().split('\r\n')
    const col = head.split(';')
    const rows = lines.map((l) => Object.fromEntries(l.split(';').map((c, i) => [col[i], c])))
    expect(rows.map((r) => [r.Status, r['Diklaim bank (Rp)']])).toEqual([['Diajukan', '500'], ['Disetujui', '300'], ['Lunas', '200']])
    const named = await claimsExport(new Request(`http://localhost/api/kredit/klaim/ekspor?format=csv&status=APPROVED&bank=${bpr}`), undefined)
    expect(named.headers.get('content-disposition')).toMatch(/filename="klaim-subsidi-disetujui-bpr-jatim-\d{4}-\d{2}-\d{2}\.csv"/)
  })
})
