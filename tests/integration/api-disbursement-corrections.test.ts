/**
 * A bank's loans through the integration API after they are recorded: listed for sync (its own bank's only,
 * by cursor and `updated_since`), read one by one with their version, and corrected from that version
 * (PATCH /api/v1/penyaluran/{id}) with the rules of a new loan — the subsidy schedule and the credit figures
 * follow in the same transaction; a stale version, another bank's loan, a loan in a live claim and a rule
 * breach write nothing. Races as races: two corrections of one version, and a correction against the bank's
 * claim of the month.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { createUser, form, unique } from '../support/factories'
import { signInAs } from '../support/session-mock'
import { apiBorrowers, callApi, createApiClientFor } from '../support/api'
import { db } from '@/lib/db'
import { correctLoan, returnClaim } from '@/lib/actions/credit'
import { getCreditSummary } from '@/lib/data/credit'
import { GET as listLoans, POST as createDisbursements } from '@/app/api/v1/penyaluran/route'
import { GET as readLoan, PATCH as patchLoan } from '@/app/api/v1/penyaluran/[id]/route'
import { POST as submitClaim } from '@/app/api/v1/program/[id]/klaim/route'

type Client = Awaited<ReturnType<typeof createApiClientFor>>
type Loan = { id: string; version: number; account_number: string; plafond: number; tenor_months: number; regency_code: string; nib: string; updated_at: string; bank_id: string }
let programId: string
let bprId: string
let bpr: Client
let dki: Client
let reader: Client
let regency78: Client

const msmes = (n: number, regencyCode = '35.17') => apiBorrowers(n, regencyCode, 'Koreksi')

const key = () => unique('kunci-')

async function problemOf(res: Response) {
  expect(res.headers.get('content-type')).toContain('application/problem+json')
  const body = await res.json()
  expect(JSON.stringify(body)).not.toMatch(/at \w+ \(|\.ts:\d+|SELECT |INSERT |prisma/i)
  return body
}

async function record(client: Client, n: number, regencyCode = '35.17') {
  const ms = await msmes(n, regencyCode)
  const items = ms.map((m) => ({ programId, accountNumber: unique('KOR-'), nib: m.nib, ownerNik: m.ownerNik, contractDate: '2025-02-10', plafond: 10_000_000, tenorMonths: 12, method: 'ANNUITY' }))
  const res = await callApi(createDisbursements, { path: '/api/v1/penyaluran', method: 'POST', token: client.token, body: { items }, headers: { 'idempotency-key': key() } })
  expect(res.status, await res.clone().text()).toBe(201)
  return ((await res.json()) as { data: { id: string }[] }).data.map((d) => d.id)
}

const read = (client: Client, id: string) => callApi(readLoan, { path: `/api/v1/penyaluran/${id}`, token: client.token, params: { id } })
const readOk = async (client: Client, id: string) => {
  const res = await read(client, id)
  expect(res.status, await res.clone().text()).toBe(200)
  return (await res.json()) as Loan
}
const patch = (client: Client, id: string, body: unknown, k: string = key()) =>
  callApi(patchLoan, { path: `/api/v1/penyaluran/${id}`, method: 'PATCH', token: client.token, body, params: { id }, headers: { 'idempotency-key': k } })
const list = async (client: Client, query = '') => {
  const res = await callApi(listLoans, { path: `/api/v1/penyaluran${query ? `?${query}` : ''}`, token: client.token })
  expect(res.status, await res.clone().text()).toBe(200)
  return (await res.json()) as { data: Loan[]; next_cursor: string | null; has_more: boolean }
}

/** What a loan's stored state is, to prove a refused call wrote nothing. */
async function fingerprint(id: string) {
  const [row] = await db.$queryRaw<{ f: string }[]>`
    SELECT md5(d::text || coalesce((SELECT string_agg(lm::text, ',' ORDER BY lm.period) FROM loan_months lm WHERE lm.disbursement_id = d.id), '')) AS f
    FROM disbursements d WHERE d.id = ${id}`
  const audits = await db.auditLog.count({ where: { entity: 'Disbursement', entityId: id } })
  return `${row.f}:${audits}`
}

beforeAll(async () => {
  bprId = (await db.bank.findUniqueOrThrow({ where: { code: 'BPRJATIM' } })).id
  const dkiId = (await db.bank.findUniqueOrThrow({ where: { code: 'BANKDKI' } })).id
  const p = await db.creditProgram.create({
    data: {
      code: unique('KOR-'), scheme: unique('UJI-KOREKSI-'), name: 'Program Uji Koreksi 2025', year: 2025, creditTarget: 20_000_000_000, beneficiaryTarget: 2000, subsidyCeiling: 1_000_000_000,
      borrowerRate: 0.03, maxPlafond: 25_000_000, maxTenorMonths: 24, eligibleScales: ['MIKRO', 'KECIL'],
      banks: { create: [{ bankId: bprId }, { bankId: dkiId }] },
      rates: { create: [{ bankId: bprId, effectiveFrom: new Date('2025-01-01'), rate: 0.12 }, { bankId: bprId, effectiveFrom: new Date('2025-04-01'), rate: 0.14 }, { bankId: dkiId, effectiveFrom: new Date('2025-01-01'), rate: 0.12 }] },
      allocations: { create: [{ regencyCode: '35.17', creditTarget: 12_000_000_000 }, { regencyCode: '35.78', creditTarget: 8_000_000_000 }] },
    },
  })
  programId = p.id
  bpr = await createApiClientFor('BANK_OFFICER')
  dki = await createApiClientFor('BANK_OFFICER', { bankCode: 'BANKDKI' })
  reader = await createApiClientFor('LEADERSHIP')
  regency78 = await createApiClientFor('DISTRICT_OFFICER', { regencyCode: '35.78' })
})

describe('listing and reading loans', () => {
  it("a bank lists only its own bank's loans, by cursor; a regency client its regency's; another bank's loan is 404", async () => {
    const own = await record(bpr, 3)
    const other = await record(dki, 2, '35.78')
    const pages: Loan[] = []
    let cursor = ''
    for (;;) {
      const page = await list(bpr, `program=${programId}&limit=2${cursor ? `&cursor=${cursor}` : ''}`)
      pages.push(...page.data)
      if (!page.has_more) break
      cursor = page.next_cursor!
    }
    expect(pages.map((l) => l.id).sort()).toEqual([...own].sort())
    expect(new Set(pages.map((l) => l.bank_id))).toEqual(new Set([bprId]))

    // the province reader sees both banks' loans of the programme; the 35.78 client only 35.78's
    expect((await list(reader, `program=${programId}&limit=500`)).data.map((l) => l.id).sort()).toEqual([...own, ...other].sort())
    expect((await list(regency78, `program=${programId}&limit=500`)).data.map((l) => l.id).sort()).toEqual([...other].sort())

    const loan = await readOk(bpr, own[0])
    expect(loan).toMatchObject({ id: own[0], version: 1, plafond: 10_000_000, tenor_months: 12, regency_code: '35.17' })
    expect((await read(bpr, other[0])).status).toBe(404)
    expect((await read(dki, own[0])).status).toBe(404)
    // a bank client asking for another bank's loans by filter reads none of them: refused 400, as a programme its bank
    // does not lend in (an empty page had read as a bank without loans)
    const dkiBank = (await readOk(dki, other[0])).bank_id
    const asked = await callApi(listLoans, { path: `/api/v1/penyaluran?program=${programId}&bank=${dkiBank}`, token: bpr.token })
    expect(asked.status).toBe(400)
    expect(JSON.stringify(await asked.json())).not.toContain(other[0])
  })
})

describe('correcting a loan', () => {
  it('a correction from the version read changes the loan, recomputes its subsidy schedule and moves the figures; the audit keeps before and after', async () => {
    const [id] = await record(bpr, 1)
    const leadership = { ...(await createUser('LEADERSHIP')), name: 'Pimpinan', mustChangePassword: false }
    const before = await getCreditSummary({ user: leadership, filter: { programId, asOf: '2025-12-31' } })
    const since = (await readOk(bpr, id)).updated_at

    const res = await patch(bpr, id, { version: 1, plafond: 'Rp15.000.000', tenorMonths: 18 })
    expect(res.status, await res.clone().text()).toBe(200)
    const after = (await res.json()) as Loan
    expect(after).toMatchObject({ id, version: 2, plafond: 15_000_000, tenor_months: 18 })

    const periods = await db.loanMonth.findMany({ where: { disbursementId: id }, select: { period: true, openingBalance: true }, orderBy: { period: 'asc' } })
    expect(periods).toHaveLength(18)
    expect(Number(periods[0].openingBalance)).toBe(15_000_000)
    const now = await getCreditSummary({ user: leadership, filter: { programId, asOf: '2025-12-31' } })
    expect(now.disbursed - before.disbursed).toBe(5_000_000)
    expect(now.loans).toBe(before.loans)

    const audit = await db.auditLog.findFirstOrThrow({ where: { entity: 'Disbursement', entityId: id, action: 'UPDATE' }, select: { before: true, after: true, role: true } })
    expect(audit.role).toBe('BANK_OFFICER')
    expect(audit.before).toMatchObject({ plafond: '10000000', tenorMonths: 12, version: 1 })
    expect(audit.after).toMatchObject({ plafond: '15000000', tenorMonths: 18, version: 2 })

    // the correction is a change since the loan was read: incremental sync returns it
    const changed = await list(bpr, `program=${programId}&updated_since=${encodeURIComponent(since)}`)
    expect(changed.data.map((l) => l.id)).toContain(id)

    // a contract date that moves into the second rate's window takes that rate
    const moved = await patch(bpr, id, { version: 2, contractDate: '2025-04-15' })
    expect(moved.status, await moved.clone().text()).toBe(200)
    expect(await moved.json()).toMatchObject({ contract_date: '2025-04-15', bank_rate: 0.14, version: 3 })
  })

  it('a stale version, a rule breach, another bank, a read-only client and a bad body each write nothing', async () => {
    const [id] = await record(bpr, 1)
    expect((await patch(bpr, id, { version: 1, tenorMonths: 6 })).status).toBe(200)
    const stored = await fingerprint(id)

    const stale = await patch(bpr, id, { version: 1, tenorMonths: 9 })
    expect(stale.status).toBe(409)
    expect((await problemOf(stale)).detail).toMatch(/Pinjaman sudah diubah oleh .+ pada /)

    const breach = await patch(bpr, id, { version: 2, plafond: 30_000_000 })
    expect(breach.status).toBe(422)
    const problem = await problemOf(breach)
    expect(problem.detail).toContain('Koreksi ditolak')
    expect(problem.errors.map((e: { path: string }) => e.path)).toContain('plafond')

    const unknownBorrower = await patch(bpr, id, { version: 2, nib: '9999999999999', ownerNik: '3517000000000000' })
    expect(unknownBorrower.status).toBe(422)
    expect((await problemOf(unknownBorrower)).errors.map((e: { path: string }) => e.path)).toEqual(expect.arrayContaining(['nib', 'ownerNik']))

    expect((await patch(dki, id, { version: 2, tenorMonths: 9 })).status).toBe(404)
    expect((await patch(reader, id, { version: 2, tenorMonths: 9 })).status).toBe(403)

    for (const [body, path] of [
      [{ tenorMonths: 9 }, 'version'],
      [{ version: 2 }, '(body)'],
      [{ version: 2, nib: '1234567890123' }, 'ownerNik'],
      [{ version: 2, programId }, '(body)'],
      [{ version: 2, tenorMonths: '9' }, 'tenorMonths'],
    ] as const) {
      const res = await patch(bpr, id, body)
      expect(res.status, JSON.stringify(body)).toBe(400)
      const p = await problemOf(res)
      expect(p.errors[0].path, JSON.stringify(p)).toBe(path)
    }
    expect(await fingerprint(id)).toBe(stored)
  })

  it('the borrower is corrected by NIB and owner NIK together, and the regency follows the corrected borrower', async () => {
    const [id] = await record(bpr, 1)
    const [other] = await msmes(1, '35.78')
    const res = await patch(bpr, id, { version: 1, nib: other.nib, ownerNik: other.ownerNik })
    expect(res.status, await res.clone().text()).toBe(200)
    expect(await res.json()).toMatchObject({ nib: other.nib, regency_code: '35.78', version: 2 })
  })

  it('an account number the bank already recorded is refused in its field', async () => {
    const [a, b] = await record(bpr, 2)
    const taken = (await readOk(bpr, b)).account_number
    const res = await patch(bpr, a, { version: 1, accountNumber: taken })
    expect(res.status).toBe(422)
    expect((await problemOf(res)).errors[0].path).toBe('accountNumber')
  })

  it('a retry with the same Idempotency-Key answers the first correction and writes nothing more', async () => {
    const [id] = await record(bpr, 1)
    const k = key()
    const first = await patch(bpr, id, { version: 1, tenorMonths: 10 }, k)
    expect(first.status).toBe(200)
    const stored = await fingerprint(id)
    const again = await patch(bpr, id, { version: 1, tenorMonths: 10 }, k)
    expect(again.status).toBe(200)
    expect(again.headers.get('idempotent-replayed')).toBe('true')
    expect(await again.json()).toEqual(await first.json())
    expect(await fingerprint(id)).toBe(stored)
  })

  it('a loan in a submitted claim is refused until the agency returns the claim', async () => {
    const [id] = await record(bpr, 1)
    const claimed = await callApi(submitClaim, { path: `/api/v1/program/${programId}/klaim`, method: 'POST', token: bpr.token, body: { month: '2025-03' }, params: { id: programId }, headers: { 'idempotency-key': key() } })
    expect(claimed.status, await claimed.clone().text()).toBe(201)
    const claim = (await claimed.json()) as { id: string; version: number }
    expect(await db.claimLine.count({ where: { claimId: claim.id, disbursementId: id } })).toBe(1)
    const stored = await fingerprint(id)

    const refused = await patch(bpr, id, { version: 1, plafond: 12_000_000 })
    expect(refused.status).toBe(409)
    expect((await problemOf(refused)).detail).toContain('sudah masuk klaim Maret 2025 yang sedang diverifikasi')
    expect(await fingerprint(id)).toBe(stored)

    signInAs(await createUser('ADMIN'))
    const back = await returnClaim(undefined, form({ claimId: claim.id, version: String(claim.version), reason: 'Plafon pinjaman salah ketik; mohon koreksi dan ajukan ulang.' }))
    expect(back.ok, JSON.stringify(back)).toBe(true)
    const res = await patch(bpr, id, { version: 1, plafond: 12_000_000 })
    expect(res.status, await res.clone().text()).toBe(200)
  })
})

describe("the loan page's correction form", () => {
  it('corrects through the same service with the errors in their fields; another bank is refused, a stale page told who changed it', async () => {
    const [id] = await record(bpr, 1)
    const loan = await db.disbursement.findUniqueOrThrow({ where: { id }, select: { accountNumber: true, msme: { select: { nib: true, ownerNik: true } } } })
    const base = { disbursementId: id, version: '1', accountNumber: loan.accountNumber, nib: loan.msme.nib, ownerNik: loan.msme.ownerNik, contractDate: '2025-02-10', plafond: '10.000.000', tenorMonths: '12', method: 'ANNUITY' }
    signInAs(await createUser('BANK_OFFICER', { bankCode: 'BANKDKI' }))
    const foreign = await correctLoan(undefined, form({ ...base, plafond: '12.000.000' }))
    expect(foreign.ok).toBe(false)
    signInAs(await createUser('BANK_OFFICER', { bankCode: 'BPRJATIM' }))
    const breach = await correctLoan(undefined, form({ ...base, plafond: '30.000.000' }))
    expect(breach.ok).toBe(false)
    expect(breach.errors?.plafond).toBeDefined()
    const ok = await correctLoan(undefined, form({ ...base, plafond: '12.000.000' }))
    expect(ok, JSON.stringify(ok)).toMatchObject({ ok: true })
    expect(Number((await db.disbursement.findUniqueOrThrow({ where: { id }, select: { plafond: true } })).plafond)).toBe(12_000_000)
    const stale = await correctLoan(undefined, form({ ...base, plafond: '13.000.000' }))
    expect(stale.ok).toBe(false)
    expect(stale.message).toMatch(/Pinjaman sudah diubah oleh .+ pada /)
  })
})

describe('races', () => {
  it('two corrections from the same version at once: exactly one lands, the other is a conflict', async () => {
    const [id] = await record(bpr, 1)
    const results = await Promise.all([patch(bpr, id, { version: 1, tenorMonths: 6 }), patch(bpr, id, { version: 1, tenorMonths: 9 })])
    expect(results.map((r) => r.status).sort()).toEqual([200, 409])
    const loan = await db.disbursement.findUniqueOrThrow({ where: { id }, select: { version: true, tenorMonths: true } })
    expect(loan.version).toBe(2)
    const winner = (await results.find((r) => r.status === 200)!.json()) as Loan
    expect(loan.tenorMonths).toBe(winner.tenor_months)
    expect(await db.loanMonth.count({ where: { disbursementId: id } })).toBe(winner.tenor_months)
    expect(await db.auditLog.count({ where: { entity: 'Disbursement', entityId: id, action: 'UPDATE' } })).toBe(1)
  })

  it("a correction racing the bank's claim of the month: either the correction is refused, or the claim is computed from the corrected schedule", async () => {
    for (let round = 0; round < 3; round++) {
      // a programme of its own per round, so each claim month is new
      const p = await db.creditProgram.create({
        data: {
          code: unique('KORR-'), scheme: unique('UJI-RACE-'), name: 'Program Uji Balapan', year: 2025, creditTarget: 1_000_000_000, beneficiaryTarget: 10, subsidyCeiling: 100_000_000,
          borrowerRate: 0.03, maxPlafond: 25_000_000, maxTenorMonths: 24, eligibleScales: [], banks: { create: [{ bankId: bprId }] },
          rates: { create: [{ bankId: bprId, effectiveFrom: new Date('2025-01-01'), rate: 0.12 }] },
        },
      })
      const [m] = await msmes(1)
      const made = await callApi(createDisbursements, {
        path: '/api/v1/penyaluran', method: 'POST', token: bpr.token, headers: { 'idempotency-key': key() },
        body: { items: [{ programId: p.id, accountNumber: unique('RACE-'), nib: m.nib, ownerNik: m.ownerNik, contractDate: '2025-02-10', plafond: 10_000_000, tenorMonths: 12, method: 'ANNUITY' }] },
      })
      expect(made.status).toBe(201)
      const id = ((await made.json()) as { data: { id: string }[] }).data[0].id
      const [claimRes, patchRes] = await Promise.all([
        callApi(submitClaim, { path: `/api/v1/program/${p.id}/klaim`, method: 'POST', token: bpr.token, body: { month: '2025-03' }, params: { id: p.id }, headers: { 'idempotency-key': key() } }),
        patch(bpr, id, { version: 1, plafond: 20_000_000 }),
      ])
      expect(claimRes.status, await claimRes.clone().text()).toBe(201)
      expect([200, 409]).toContain(patchRes.status)
      const line = await db.claimLine.findFirstOrThrow({ where: { disbursementId: id }, select: { computedAmount: true } })
      const [due] = await db.$queryRaw<{ due: string }[]>`SELECT coalesce(sum(subsidy_due), 0)::text AS due FROM loan_months WHERE disbursement_id = ${id} AND claim_month = '2025-03-01'`
      // the claim's recomputation is the schedule as stored now, whichever went first
      expect(Number(line.computedAmount)).toBe(Number(due.due))
    }
  })
})
