/**
 * The integration API (/api/v1) over real HTTP against `next start` (the production build), as a partner
 * bank's core system or a data hub would call it: a bank token never touches another bank's loans, a read
 * token never writes, an expired or revoked token gets 401, a retried write is answered once, a 1.000-loan
 * batch with one bad item writes nothing, malformed JSON, wrong types and oversized bodies get problem
 * details, and the rate limit holds across two instances on one database (requests split between them,
 * the 429 comes at the same total count). Clients and borrowers are made with SQL on the server's database.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { createHash, randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { expect, test, type APIRequestContext } from '@playwright/test'
import { sql } from './db'

const FIRST = `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 3100)}`
/** The second instance's port (E2E_API_SECOND_PORT, else E2E_PORT + 8: instances.spec.ts takes + 7). */
const SECOND_PORT = Number(process.env.E2E_API_SECOND_PORT ?? Number(process.env.E2E_PORT ?? 3100) + 8)
const SECOND = `http://127.0.0.1:${SECOND_PORT}`
let child: ChildProcess | undefined

const run = randomBytes(3).toString('hex')
let seq = 0
const id = (p: string) => `${p}-${run}-${seq++}`

/** An API client written straight to the database; returns its token. */
async function client(role: 'BANK_OFFICER' | 'LEADERSHIP', opts: { bankCode?: string; expiresInDays?: number; revoked?: boolean; rateLimit?: number } = {}) {
  const token = `lmb_${randomBytes(32).toString('base64url')}`
  const [bank] = opts.bankCode ? await sql<{ id: string }>('SELECT id FROM banks WHERE code = $1', [opts.bankCode]) : [null]
  const [row] = await sql<{ id: string }>(
    `INSERT INTO api_clients (id, name, owner, role, bank_id, token_hash, token_prefix, expires_at, revoked_at, rate_limit_per_minute, created_by_id, updated_at)
     VALUES ($1, $1, 'Uji e2e', $2::"Role", $3, $4, $5, now() + ($6 || ' days')::interval, CASE WHEN $7 THEN now() END, $8, 'e2e', now()) RETURNING id`,
    [id('klien'), role, bank?.id ?? null, createHash('sha256').update(token).digest('hex'), token.slice(0, 12), String(opts.expiresInDays ?? 30), opts.revoked ?? false, opts.rateLimit ?? 10_000],
  )
  return { id: row.id, token, auth: { authorization: `Bearer ${token}` } }
}

/** `n` new micro MSMEs in 35.17 (unique NIB and NIK), made in one statement. */
async function borrowers(n: number) {
  // six digits unique per call in this run: five of the clock and a call counter
  const base = `${Date.now()}`.slice(-5) + String(seq++ % 10)
  return sql<{ nib: string; owner_nik: string }>(
    `INSERT INTO msmes (id, nib, business_name, owner_name, owner_nik, owner_gender, kbli, regency_code, computed_scale, business_capital, annual_sales, updated_at)
     SELECT 'e2e-' || $1 || '-' || i, $1 || lpad(i::text, 7, '0'), 'Usaha API ' || i, 'Siti Rahayu', '3517' || $1 || lpad(i::text, 6, '0'), 'P', '10792', '35.17', 'MIKRO', 50000000, 300000000, now()
     FROM generate_series(1, $2::int) i RETURNING nib, owner_nik`,
    [base, n],
  )
}

let programme: { id: string; year: number; max_plafond: string; max_tenor_months: number }

const loan = (b: { nib: string; owner_nik: string }, account: string, extra: Record<string, unknown> = {}) => ({
  programId: programme.id, accountNumber: account, nib: b.nib, ownerNik: b.owner_nik, contractDate: `${programme.year}-06-10`,
  plafond: 5_000_000, tenorMonths: Math.min(12, programme.max_tenor_months), method: 'ANNUITY', ...extra,
})

type Problem = { title: string; detail: string; errors: { path: string; detail: string }[]; items: { index: number; errors: { path: string }[] }[] }

async function expectProblem(res: Awaited<ReturnType<APIRequestContext['get']>>, status: number): Promise<Problem> {
  expect(res.status()).toBe(status)
  expect(res.headers()['content-type']).toContain('application/problem+json')
  const body = (await res.json()) as Problem
  expect(body).toMatchObject({ type: expect.stringContaining('/problems/'), title: expect.any(String), status, detail: expect.any(String) })
  expect(JSON.stringify(body)).not.toMatch(/at \w+ \(|\.ts:\d+|SELECT |INSERT |prisma/i)
  return body
}

test.beforeAll(async () => {
  test.setTimeout(300_000)
  // a BPR Jatim programme of a year that has begun (the demo data's), with its bank's rate
  ;[programme] = await sql(
    `SELECT p.id, p.year, p.max_plafond::text, p.max_tenor_months FROM credit_programs p
     JOIN credit_program_banks pb ON pb.program_id = p.id JOIN banks b ON b.id = pb.bank_id
     WHERE b.code = 'BPRJATIM' AND p.year <= extract(year FROM now()) AND 'MIKRO' = ANY(p.eligible_scales::text[])
       AND EXISTS (SELECT 1 FROM program_rates r WHERE r.program_id = p.id AND r.bank_id = b.id AND r.effective_from <= make_date(p.year, 6, 10))
     ORDER BY p.year DESC LIMIT 1`,
  )
  expect(programme, 'the demo data has a BPR Jatim programme').toBeTruthy()
  child = spawn('node_modules/.bin/next', ['start', '--port', String(SECOND_PORT)], {
    env: { ...process.env, DATABASE_URL: readFileSync('test-results/e2e-database-url', 'utf8').trim(), NEXT_TELEMETRY_DISABLED: '1', JOBS_WORKER: 'off' },
    stdio: 'ignore',
  })
  for (let i = 0; i < 480; i++) {
    if (await fetch(`${SECOND}/api/health`).then((r) => r.ok, () => false)) return
    await new Promise((r) => setTimeout(r, 500))
  }
  throw new Error('the second instance did not start')
})

test.afterAll(() => {
  child?.kill('SIGTERM')
})

test('tokens and scope: expired or revoked 401, a read token never writes, a bank never touches another bank\'s loans', async ({ request }) => {
  for (const bad of [await client('LEADERSHIP', { expiresInDays: -1 }), await client('LEADERSHIP', { revoked: true })]) {
    const res = await request.get(`${FIRST}/api/v1/program`, { headers: bad.auth })
    await expectProblem(res, 401)
    expect(res.headers()['www-authenticate']).toContain('Bearer')
  }
  await expectProblem(await request.get(`${FIRST}/api/v1/program`), 401)

  const [b] = await borrowers(1)
  const reader = await client('LEADERSHIP')
  const refused = await request.post(`${FIRST}/api/v1/penyaluran`, { headers: { ...reader.auth, 'idempotency-key': id('k') }, data: { items: [loan(b, id('BACA'))] } })
  expect((await expectProblem(refused, 403)).title).toBe('Forbidden')
  expect((await request.get(`${FIRST}/api/v1/umkm?limit=1`, { headers: reader.auth })).status()).toBe(200)

  const bpr = await client('BANK_OFFICER', { bankCode: 'BPRJATIM' })
  const dki = await client('BANK_OFFICER', { bankCode: 'BANKDKI' })
  const account = id('BPR')
  const created = await request.post(`${FIRST}/api/v1/penyaluran`, { headers: { ...bpr.auth, 'idempotency-key': id('k') }, data: { items: [loan(b, account)] } })
  expect(created.status(), await created.text()).toBe(201)
  const loanId = (await created.json()).data[0].id
  // Bank DKI reporting BPR Jatim's loan: not found, and nothing recorded on it
  const foreign = await request.post(`${SECOND}/api/v1/penyaluran/${loanId}/periode`, { headers: { ...dki.auth, 'idempotency-key': id('k') }, data: { period: 1, instalmentPaid: 'unpaid', collectibility: 2 } })
  await expectProblem(foreign, 404)
  expect(await sql('SELECT 1 FROM loan_months WHERE disbursement_id = $1 AND reported_at IS NOT NULL', [loanId])).toHaveLength(0)
  // its own bank: recorded, on the other instance
  const own = await request.post(`${SECOND}/api/v1/penyaluran/${loanId}/periode`, { headers: { ...bpr.auth, 'idempotency-key': id('k') }, data: { period: 1, instalmentPaid: 'unpaid', collectibility: 2 } })
  expect(own.status(), await own.text()).toBe(200)
  expect(await own.json()).toMatchObject({ period: 1, instalment_paid: false, collectibility: 2, subsidy_due: 0 })
})

test('a bank lists its own loans and corrects one from the version it read; another bank gets 404, a stale version 409', async ({ request }) => {
  const bpr = await client('BANK_OFFICER', { bankCode: 'BPRJATIM' })
  const dki = await client('BANK_OFFICER', { bankCode: 'BANKDKI' })
  const [b] = await borrowers(1)
  const since = new Date(Date.now() - 1000).toISOString()
  const created = await request.post(`${FIRST}/api/v1/penyaluran`, { headers: { ...bpr.auth, 'idempotency-key': id('k') }, data: { items: [loan(b, id('KOREKSI'))] } })
  expect(created.status(), await created.text()).toBe(201)
  const loanId = (await created.json()).data[0].id

  // the incremental list since before the write has it, with its version; Bank DKI's list never does
  const listed = await request.get(`${SECOND}/api/v1/penyaluran?program=${programme.id}&updated_since=${encodeURIComponent(since)}&limit=500`, { headers: bpr.auth })
  expect(listed.status(), await listed.text()).toBe(200)
  const mine = ((await listed.json()).data as { id: string; version: number; bank_id: string }[]).find((l) => l.id === loanId)
  expect(mine).toMatchObject({ id: loanId, version: 1 })
  // a programme Bank DKI does not lend in names nothing for it (400, as an unknown one); its own list never has the loan
  await expectProblem(await request.get(`${FIRST}/api/v1/penyaluran?program=${programme.id}&updated_since=${encodeURIComponent(since)}&limit=500`, { headers: dki.auth }), 400)
  const theirs = await request.get(`${FIRST}/api/v1/penyaluran?updated_since=${encodeURIComponent(since)}&limit=500`, { headers: dki.auth })
  expect(theirs.status(), await theirs.text()).toBe(200)
  expect(((await theirs.json()).data as { id: string }[]).map((l) => l.id)).not.toContain(loanId)
  await expectProblem(await request.get(`${FIRST}/api/v1/penyaluran/${loanId}`, { headers: dki.auth }), 404)

  const tenor = Math.min(6, programme.max_tenor_months)
  await expectProblem(await request.patch(`${FIRST}/api/v1/penyaluran/${loanId}`, { headers: { ...dki.auth, 'idempotency-key': id('k') }, data: { version: 1, tenorMonths: tenor } }), 404)
  const corrected = await request.patch(`${SECOND}/api/v1/penyaluran/${loanId}`, { headers: { ...bpr.auth, 'idempotency-key': id('k') }, data: { version: 1, plafond: 'Rp6.000.000', tenorMonths: tenor } })
  expect(corrected.status(), await corrected.text()).toBe(200)
  expect(await corrected.json()).toMatchObject({ id: loanId, version: 2, plafond: 6_000_000, tenor_months: tenor })
  expect(await sql('SELECT period FROM loan_months WHERE disbursement_id = $1', [loanId])).toHaveLength(tenor)
  const stale = await expectProblem(await request.patch(`${FIRST}/api/v1/penyaluran/${loanId}`, { headers: { ...bpr.auth, 'idempotency-key': id('k') }, data: { version: 1, tenorMonths: tenor } }), 409)
  expect(stale.detail).toContain('Pinjaman sudah diubah oleh')
})

test('an idempotent retry, across instances, writes once and answers the same', async ({ request }) => {
  const bpr = await client('BANK_OFFICER', { bankCode: 'BPRJATIM' })
  const [b] = await borrowers(1)
  const key = id('kunci')
  const body = { items: [loan(b, id('ULANG'))] }
  const first = await request.post(`${FIRST}/api/v1/penyaluran`, { headers: { ...bpr.auth, 'idempotency-key': key }, data: body })
  expect(first.status()).toBe(201)
  const retry = await request.post(`${SECOND}/api/v1/penyaluran`, { headers: { ...bpr.auth, 'idempotency-key': key }, data: body })
  expect(retry.status()).toBe(201)
  expect(retry.headers()['idempotent-replayed']).toBe('true')
  expect((await retry.json()).data[0].id).toBe((await first.json()).data[0].id)
  expect(await sql('SELECT id FROM disbursements WHERE account_number = $1', [body.items[0].accountNumber])).toHaveLength(1)
  const other = await request.post(`${FIRST}/api/v1/penyaluran`, { headers: { ...bpr.auth, 'idempotency-key': key }, data: { items: [loan(b, id('LAIN'))] } })
  expect((await expectProblem(other, 422)).title).toBe('Idempotency-Key reused')
})

test('a 1.000-loan batch with one bad item writes nothing and names it; corrected, all 1.000 are recorded', async ({ request }) => {
  test.setTimeout(240_000)
  const bpr = await client('BANK_OFFICER', { bankCode: 'BPRJATIM' })
  const people = await borrowers(1000)
  const prefix = id('B')
  const items = people.map((p, i) => loan(p, `${prefix}-${i}`))
  items[737] = { ...items[737], plafond: Number(programme.max_plafond) + 1_000_000 }
  const refused = await request.post(`${FIRST}/api/v1/penyaluran`, { headers: { ...bpr.auth, 'idempotency-key': id('k') }, data: { items }, timeout: 180_000 })
  const problem = await expectProblem(refused, 422)
  expect(problem.items).toEqual([{ index: 737, errors: [expect.objectContaining({ path: 'items.737.plafond' })] }])
  expect(await sql('SELECT 1 FROM disbursements WHERE account_number LIKE $1', [`${prefix}-%`])).toHaveLength(0)
  items[737] = { ...items[737], plafond: 5_000_000 }
  const ok = await request.post(`${SECOND}/api/v1/penyaluran`, { headers: { ...bpr.auth, 'idempotency-key': id('k') }, data: { items }, timeout: 180_000 })
  expect(ok.status(), (await ok.text()).slice(0, 300)).toBe(201)
  expect((await ok.json()).data).toHaveLength(1000)
  const [{ n }] = await sql<{ n: number }>('SELECT count(*)::int AS n FROM disbursements WHERE account_number LIKE $1', [`${prefix}-%`])
  expect(n).toBe(1000)
})

test('malformed JSON, wrong types and an oversized body get problem details', async ({ request }) => {
  const bpr = await client('BANK_OFFICER', { bankCode: 'BPRJATIM' })
  // the bytes as given (Playwright would JSON-encode a string body sent as application/json)
  const post = (data: string | Buffer, headers: Record<string, string> = {}) =>
    request.post(`${FIRST}/api/v1/penyaluran`, { headers: { ...bpr.auth, 'idempotency-key': id('k'), 'content-type': 'application/json', ...headers }, data: typeof data === 'string' ? Buffer.from(data) : data })
  expect((await expectProblem(await post('{"items": [ {'), 400)).title).toBe('Malformed JSON')
  const wrong = await expectProblem(await post(JSON.stringify({ items: [{ ...loan({ nib: '1', owner_nik: '2' }, 'X-1'), tenorMonths: '12' }] })), 400)
  expect(wrong.errors.map((e) => e.path)).toEqual(expect.arrayContaining(['items.0.tenorMonths', 'items.0.nib']))
  expect((await expectProblem(await post(Buffer.alloc(3 * 1024 * 1024, 0x20)), 413)).title).toBe('Payload Too Large')
  expect((await expectProblem(await post('items=1', { 'content-type': 'application/x-www-form-urlencoded' }), 415)).title).toBe('Unsupported Media Type')
  // a path whose percent-encoding does not decode: Next itself would answer a bare 500 (proxy.ts answers first)
  const badPath = await expectProblem(await request.get(`${FIRST}/api/v1/klaim/%E0%A4%A`, { headers: bpr.auth }), 400)
  expect(badPath.detail).toMatch(/kode persen yang tidak sah/)
  // with a body too (the proxy sees bodied API requests only when their path is suspect)
  const badPost = await expectProblem(await request.post(`${FIRST}/api/v1/klaim/%E0%A4%A`, { headers: { ...bpr.auth, 'content-type': 'application/json' }, data: Buffer.from('{}') }), 400)
  expect(badPost.detail).toMatch(/kode persen yang tidak sah/)
  expect((await request.put(`${FIRST}/api/v1/klaim/%2G`, { headers: { ...bpr.auth, 'content-type': 'application/json' }, data: Buffer.from('{}') })).status()).toBe(400)
  const page = await request.get(`${FIRST}/rapat/%E0%A4%A`, { maxRedirects: 0 })
  expect(page.status()).toBe(400)
})

test('the rate limit holds across two instances: the 429 comes at the same total count', async ({ request }) => {
  const limit = 12
  const c = await client('LEADERSHIP', { rateLimit: limit })
  // a guard, not a timing assertion: start the burst early in a database minute so it stays in one window
  const [{ s }] = await sql<{ s: number }>('SELECT extract(second FROM now())::float8 AS s')
  if (s > 40) await new Promise((r) => setTimeout(r, (61 - s) * 1000))
  const statuses: number[] = []
  for (let i = 0; i < limit + 4; i++) {
    const res = await request.get(`${i % 2 ? SECOND : FIRST}/api/v1/program`, { headers: c.auth })
    statuses.push(res.status())
    if (res.status() === 429) expect(Number(res.headers()['retry-after'])).toBeGreaterThanOrEqual(1)
  }
  expect(statuses.slice(0, limit)).toEqual(Array(limit).fill(200))
  expect(statuses.slice(limit)).toEqual([429, 429, 429, 429])
})
