/**
 * The integration API (/api/v1), calling its route handlers as an HTTP client would: tokens (shown once,
 * stored hashed, 401 when missing, unknown, expired or revoked), scope (a bank client never touches
 * another bank's loans, a read client never writes, a regency client never reads another regency),
 * idempotent retries (sequential and concurrent), an all-or-nothing 1.000-loan batch, problem details for
 * malformed JSON, wrong types, oversized and hostile bodies, the rate limit counted in PostgreSQL, and
 * incremental sync returning exactly the changes since a cursor, deletions as tombstones.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { signInAs } from '../support/session-mock'
import { createUser, form, unique } from '../support/factories'
import { apiBorrowers, callApi, createApiClientFor } from '../support/api'
import { db } from '@/lib/db'
import { hashToken } from '@/lib/api/clients'
import { createApiClient, revokeApiClient } from '@/lib/actions/api-clients'
import { getCreditSummary } from '@/lib/data/credit'
import { MESSAGES } from '@/lib/safe-action'
import { GET as listCooperatives } from '@/app/api/v1/koperasi/route'
import { GET as listMsmes } from '@/app/api/v1/umkm/route'
import { GET as listProgrammes } from '@/app/api/v1/program/route'
import { GET as programmeFigures } from '@/app/api/v1/program/[id]/angka/route'
import { POST as createDisbursements } from '@/app/api/v1/penyaluran/route'
import { GET as openapi } from '@/app/api/v1/openapi.json/route'

let programId: string
let dkiOnlyProgramId: string
let bprId: string
let dkiId: string

const msmes = (n: number, regencyCode = '35.17') => apiBorrowers(n, regencyCode, 'API')

const loan = (m: { nib: string; ownerNik: string }, accountNumber: string, extra: Record<string, unknown> = {}) => ({
  programId, accountNumber, nib: m.nib, ownerNik: m.ownerNik, contractDate: '2025-02-10', plafond: 10_000_000, tenorMonths: 12, method: 'ANNUITY', ...extra,
})

const post = (token: string | null, body: unknown, key: string | null = unique('kunci-'), headers: Record<string, string> = {}) =>
  callApi(createDisbursements, { path: '/api/v1/penyaluran', method: 'POST', token, body, headers: { ...(key && { 'idempotency-key': key }), ...headers } })

async function problemOf(res: Response) {
  expect(res.headers.get('content-type')).toContain('application/problem+json')
  const body = await res.json()
  expect(body).toMatchObject({ type: expect.stringContaining('/problems/'), title: expect.any(String), status: res.status, detail: expect.any(String) })
  // never a stack trace or SQL
  expect(JSON.stringify(body)).not.toMatch(/at \w+ \(|\.ts:\d+|SELECT |INSERT |prisma/i)
  return body
}

beforeAll(async () => {
  bprId = (await db.bank.findUniqueOrThrow({ where: { code: 'BPRJATIM' } })).id
  dkiId = (await db.bank.findUniqueOrThrow({ where: { code: 'BANKDKI' } })).id
  const p = await db.creditProgram.create({
    data: {
      code: unique('API-'), scheme: 'UJI-API', name: 'Program Uji API 2025', year: 2025, creditTarget: 20_000_000_000, beneficiaryTarget: 2000, subsidyCeiling: 1_000_000_000,
      borrowerRate: 0.03, maxPlafond: 25_000_000, maxTenorMonths: 24, eligibleScales: ['MIKRO', 'KECIL'],
      banks: { create: [{ bankId: bprId }, { bankId: dkiId }] },
      rates: { create: [{ bankId: bprId, effectiveFrom: new Date('2025-01-01'), rate: 0.12 }, { bankId: dkiId, effectiveFrom: new Date('2025-01-01'), rate: 0.12 }] },
      allocations: { create: [{ regencyCode: '35.17', creditTarget: 12_000_000_000 }, { regencyCode: '35.78', creditTarget: 8_000_000_000 }] },
    },
  })
  programId = p.id
  const dkiOnly = await db.creditProgram.create({
    data: {
      code: unique('API-DKI-'), scheme: 'UJI-DKI', name: 'Program Uji DKI', year: 2025, creditTarget: 1_000_000_000, beneficiaryTarget: 10, subsidyCeiling: 100_000_000,
      borrowerRate: 0.03, maxPlafond: 25_000_000, maxTenorMonths: 24, eligibleScales: [], banks: { create: [{ bankId: dkiId }] },
      rates: { create: [{ bankId: dkiId, effectiveFrom: new Date('2025-01-01'), rate: 0.12 }] },
    },
  })
  dkiOnlyProgramId = dkiOnly.id
})

describe('API clients and tokens', () => {
  it('an admin creates a client; the token is shown once and only its SHA-256 is stored; other roles are refused', async () => {
    const admin = await createUser('ADMIN')
    signInAs(admin)
    const expiresOn = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10)
    const res = await createApiClient(undefined, form({ name: 'Core banking BPR Jatim', owner: 'Divisi TI BPR Jatim, ti@bprjatim.example', role: 'BANK_OFFICER', bankId: bprId, expiresOn }))
    expect(res.ok, JSON.stringify(res)).toBe(true)
    const token = res.data!.token
    expect(token).toMatch(/^lmb_[A-Za-z0-9_-]{43}$/)
    const stored = await db.apiClient.findUniqueOrThrow({ where: { id: res.data!.id }, select: { tokenHash: true, tokenPrefix: true, bankId: true, role: true } })
    expect(stored).toMatchObject({ tokenHash: hashToken(token), tokenPrefix: token.slice(0, 12), bankId: bprId, role: 'BANK_OFFICER' })
    const asText = (v: unknown) => JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? String(x) : x))
    const everything = asText(await db.apiClient.findMany()) + asText(await db.auditLog.findMany({ where: { entity: 'ApiClient' } }))
    expect(everything).not.toContain(token)
    expect(await db.auditLog.count({ where: { entity: 'ApiClient', entityId: res.data!.id, action: 'CREATE' } })).toBe(1)

    // a bank client without a bank, an expiry in the past: refused in the field
    const bad = await createApiClient(undefined, form({ name: 'Tanpa bank', owner: 'Uji', role: 'BANK_OFFICER', expiresOn: '2020-01-01' }))
    expect(bad.ok).toBe(false)
    expect(bad.errors?.bankId).toBeDefined()

    for (const role of ['DISTRICT_OFFICER', 'LEADERSHIP', 'BANK_OFFICER'] as const) {
      signInAs(await createUser(role))
      expect(await createApiClient(undefined, form({ name: 'Klien nakal', owner: 'Uji', role: 'LEADERSHIP', expiresOn }))).toMatchObject({ ok: false, message: MESSAGES.forbidden })
    }
  })

  it('401 for a missing, malformed, unknown, expired or revoked token; a valid one records when and from where it was used', async () => {
    const reader = await createApiClientFor('LEADERSHIP')
    const expired = await createApiClientFor('LEADERSHIP', { expiresAt: new Date(Date.now() - 1000) })
    const get = (token: string | null, headers: Record<string, string> = {}) => callApi(listCooperatives, { path: '/api/v1/koperasi', token, headers })
    for (const token of [null, 'lmb_tidak-dikenal-sama-sekali-0123456789', expired.token]) {
      const res = await get(token)
      expect(res.status).toBe(401)
      expect(res.headers.get('www-authenticate')).toContain('Bearer')
      expect((await problemOf(res)).title).toBe('Unauthorized')
    }
    expect((await callApi(listCooperatives, { path: '/api/v1/koperasi', headers: { authorization: `Basic ${reader.token}` } })).status).toBe(401)

    const ok = await get(reader.token, { 'x-forwarded-for': '203.0.113.9' })
    expect(ok.status).toBe(200)
    const used = await db.apiClient.findUniqueOrThrow({ where: { id: reader.id }, select: { lastUsedAt: true, lastUsedIp: true } })
    expect(used.lastUsedAt).not.toBeNull()
    expect(used.lastUsedIp).toBe('203.0.113.9')

    const admin = await createUser('ADMIN')
    signInAs(admin)
    expect(await revokeApiClient(undefined, form({ id: reader.id }))).toMatchObject({ ok: true })
    expect((await get(reader.token)).status).toBe(401)
    expect(await db.auditLog.count({ where: { entity: 'ApiClient', entityId: reader.id, action: 'DEACTIVATE' } })).toBe(1)
    // revoking twice: refused, not a second audit row
    // revoked once: the second is told who revoked it and when (lib/transitions.ts)
    expect(await revokeApiClient(undefined, form({ id: reader.id }))).toMatchObject({ ok: false, message: expect.stringMatching(/^Token klien ini sudah diubah oleh .+ pada /) })
  })
})

describe('scope: the same permission table and scope helpers as the pages', () => {
  it('a read-only province client reads registers and figures but cannot write; nothing is written', async () => {
    const reader = await createApiClientFor('LEADERSHIP')
    const [m] = await msmes(1)
    const before = await db.disbursement.count()
    const res = await post(reader.token, { items: [loan(m, unique('BACA-'))] })
    expect(res.status).toBe(403)
    expect((await problemOf(res)).title).toBe('Forbidden')
    expect(await db.disbursement.count()).toBe(before)
    expect(await db.apiIdempotency.count({ where: { clientId: reader.id } })).toBe(0)
    expect((await callApi(listMsmes, { path: '/api/v1/umkm', token: reader.token })).status).toBe(200)
  })

  it("a bank client records only its own bank's loans, never reads the registers, and gets 404 for a programme its bank does not lend in", async () => {
    const bpr = await createApiClientFor('BANK_OFFICER', { bankCode: 'BPRJATIM' })
    const [m] = await msmes(1)
    const account = unique('BPR-')
    // naming Bank DKI in the body is refused on the field, nothing saved; its own bank, or none, is its own bank's loan
    const sneaky = await post(bpr.token, { items: [{ ...loan(m, account), bankId: dkiId }] })
    expect(sneaky.status).toBe(422)
    expect((await problemOf(sneaky)).items).toEqual([{ index: 0, errors: [{ path: 'items.0.bankId', detail: 'Petugas bank hanya mencatat pinjaman banknya sendiri; kosongkan bank atau isi bank Anda.' }] }])
    expect(await db.disbursement.count({ where: { accountNumber: account } })).toBe(0)
    expect((await post(bpr.token, { items: [{ ...loan(m, account), bankId: bprId }] })).status).toBe(201)
    const saved = await db.disbursement.findFirstOrThrow({ where: { accountNumber: account }, select: { bankId: true, createdById: true } })
    expect(saved).toEqual({ bankId: bprId, createdById: bpr.id })
    expect(await db.auditLog.count({ where: { entity: 'Disbursement', userId: bpr.id } })).toBeGreaterThanOrEqual(1)

    expect((await callApi(listCooperatives, { path: '/api/v1/koperasi', token: bpr.token })).status).toBe(403)
    expect((await callApi(listMsmes, { path: '/api/v1/umkm', token: bpr.token })).status).toBe(403)
    const programmes = await (await callApi(listProgrammes, { path: '/api/v1/program', token: bpr.token })).json()
    expect(programmes.data.map((p: { id: string }) => p.id)).toContain(programId)
    expect(programmes.data.map((p: { id: string }) => p.id)).not.toContain(dkiOnlyProgramId)
    const hidden = await callApi(programmeFigures, { path: `/api/v1/program/${dkiOnlyProgramId}/angka`, token: bpr.token, params: { id: dkiOnlyProgramId } })
    expect(hidden.status).toBe(404)
    await problemOf(hidden)
    // a NUL byte in the path's id is a 400 problem, never a database error
    const nul = await callApi(programmeFigures, { path: '/api/v1/program/%00/angka', token: bpr.token, params: { id: '\u0000' } })
    expect(nul.status).toBe(400)
    await problemOf(nul)

    // its figures are its own bank's: the DKI loan below does not count for BPR
    const dki = await createApiClientFor('BANK_OFFICER', { bankCode: 'BANKDKI' })
    const [m2] = await msmes(1)
    expect((await post(dki.token, { items: [loan(m2, unique('DKI-'), { plafond: 20_000_000 })] })).status).toBe(201)
    const figures = await (await callApi(programmeFigures, { path: `/api/v1/program/${programId}/angka?asOf=2025-12-31`, token: bpr.token, params: { id: programId } })).json()
    expect(figures.bank_id).toBe(bprId)
    const bprUser = await createUser('BANK_OFFICER', { bankCode: 'BPRJATIM' })
    const asPage = await getCreditSummary({ user: { ...bprUser, name: 'x', mustChangePassword: false }, filter: { programId, asOf: '2025-12-31' } })
    expect(figures.summary.disbursed).toBe(asPage.disbursed)
    expect(figures.summary.beneficiaries).toBe(asPage.beneficiaries)
    expect(figures.by_month).toHaveLength(12)
    expect(figures.as_of).toBe('2025-12-31')
  })

  it('a regency client reads only its regency; owner NIKs are always masked', async () => {
    const district = await createApiClientFor('DISTRICT_OFFICER', { regencyCode: '35.17' })
    const [m17] = await msmes(1, '35.17')
    const [m78] = await msmes(1, '35.78')
    const body = await (await callApi(listMsmes, { path: `/api/v1/umkm?q=${m17.nib}`, token: district.token })).json()
    expect(body.data).toHaveLength(1)
    expect(body.data[0].owner_nik_masked).toMatch(/^\d{4}•+\d{4}$/)
    expect(JSON.stringify(body)).not.toContain(m17.ownerNik)
    const other = await (await callApi(listMsmes, { path: `/api/v1/umkm?q=${m78.nib}`, token: district.token })).json()
    expect(other.data).toEqual([])
    // asking for another regency is refused, not answered with an empty page (authorization-matrix.test.ts: every endpoint)
    expect((await callApi(listMsmes, { path: '/api/v1/umkm?regency=35.78', token: district.token })).status).toBe(403)
    // its regency's figures; another regency's are refused
    expect((await callApi(programmeFigures, { path: `/api/v1/program/${programId}/angka?regency=35.78`, token: district.token, params: { id: programId } })).status).toBe(403)
  })
})

describe('writes: idempotency and all-or-nothing batches', () => {
  it('a retry with the same key returns the first answer and writes nothing; another body with that key is refused', async () => {
    const bpr = await createApiClientFor('BANK_OFFICER')
    const [m] = await msmes(1)
    const body = { items: [loan(m, unique('IDEM-'))] }
    const first = await post(bpr.token, body, 'kunci-ulang-1')
    expect(first.status).toBe(201)
    const firstBody = await first.json()
    const audits = await db.auditLog.count({ where: { userId: bpr.id } })
    const retry = await post(bpr.token, body, 'kunci-ulang-1')
    expect(retry.status).toBe(201)
    expect(retry.headers.get('idempotent-replayed')).toBe('true')
    expect(await retry.json()).toEqual(firstBody)
    expect(await db.disbursement.count({ where: { accountNumber: body.items[0].accountNumber } })).toBe(1)
    expect(await db.auditLog.count({ where: { userId: bpr.id } })).toBe(audits)
    const reused = await post(bpr.token, { items: [loan(m, unique('IDEM-'))] }, 'kunci-ulang-1')
    expect(reused.status).toBe(422)
    expect((await problemOf(reused)).title).toBe('Idempotency-Key reused')
    // the key is the client's own: another client may use the same string
    const other = await createApiClientFor('BANK_OFFICER')
    const [m2] = await msmes(1)
    expect((await post(other.token, { items: [loan(m2, unique('IDEM-'))] }, 'kunci-ulang-1')).status).toBe(201)
    // a write without a key is refused before anything happens
    const noKey = await post(bpr.token, { items: [loan(m2, unique('IDEM-'))] }, null)
    expect(noKey.status).toBe(400)
    expect((await problemOf(noKey)).title).toBe('Idempotency-Key required')
  })

  it('two concurrent requests with one key: one loan, both answered with it', async () => {
    const bpr = await createApiClientFor('BANK_OFFICER')
    const [m] = await msmes(1)
    const body = { items: [loan(m, unique('RACE-'))] }
    const [a, b] = await Promise.all([post(bpr.token, body, 'kunci-balapan'), post(bpr.token, body, 'kunci-balapan')])
    expect([a.status, b.status]).toEqual([201, 201])
    expect(await a.json()).toEqual(await b.json())
    expect(await db.disbursement.count({ where: { accountNumber: body.items[0].accountNumber } })).toBe(1)
  })

  it('a batch of 1.000 loans with one bad item writes nothing and names the item; corrected, all 1.000 are recorded', async () => {
    const bpr = await createApiClientFor('BANK_OFFICER')
    const borrowers = await msmes(1000)
    const prefix = unique('B')
    const items = borrowers.map((m, i) => loan(m, `${prefix}-${i}`))
    items[737] = { ...items[737], plafond: 30_000_000 } // above the programme's Rp25 juta
    const before = await db.disbursement.count()
    const audits = await db.auditLog.count()
    const refused = await post(bpr.token, { items })
    expect(refused.status).toBe(422)
    const p = await problemOf(refused)
    expect(p.items).toEqual([{ index: 737, errors: [{ path: 'items.737.plafond', detail: expect.stringContaining('Plafon') }] }])
    expect(p.detail).toContain('1 dari 1000 pinjaman ditolak')
    expect(await db.disbursement.count()).toBe(before)
    expect(await db.auditLog.count()).toBe(audits)

    items[737] = { ...items[737], plafond: 25_000_000 }
    const saved = await post(bpr.token, { items })
    expect(saved.status, JSON.stringify(await saved.clone().json()).slice(0, 500)).toBe(201)
    const body = await saved.json()
    expect(body.data).toHaveLength(1000)
    expect(body.data[737]).toMatchObject({ index: 737, account_number: `${prefix}-737`, plafond: 25_000_000, bank_id: bprId })
    expect(await db.disbursement.count()).toBe(before + 1000)
    // more than 1.000 is refused as a whole
    const tooMany = await post(bpr.token, { items: [...items, items[0]] })
    expect(tooMany.status).toBe(400)
    expect((await problemOf(tooMany)).errors[0].path).toBe('items')
  }, 180_000) // two 1.000-loan transactions: 30 s and more on a busy 2-core machine; the assertions, not the clock, judge it

  it('the form and the API refuse an ineligible loan with the same message', async () => {
    const bpr = await createApiClientFor('BANK_OFFICER')
    const [m] = await msmes(1)
    const viaApi = await problemOf(await post(bpr.token, { items: [loan(m, unique('SAMA-'), { tenorMonths: 36 })] }))
    signInAs(await createUser('BANK_OFFICER'))
    const { createDisbursement } = await import('@/lib/actions/credit')
    const viaForm = await createDisbursement(undefined, form({ ...loan(m, unique('SAMA-'), { tenorMonths: 36 }) } as Record<string, string | number>))
    expect(viaForm.ok).toBe(false)
    expect(viaApi.items[0].errors).toEqual([{ path: 'items.0.tenorMonths', detail: viaForm.errors!.tenorMonths![0] }])
    expect(viaApi.detail).toContain(viaForm.message)
  })
})

describe('errors as problem details', () => {
  it('malformed JSON, wrong types, unknown fields, hostile text, a wrong media type and an oversized body', async () => {
    const bpr = await createApiClientFor('BANK_OFFICER')
    const [m] = await msmes(1)
    const malformed = await post(bpr.token, '{"items": [', 'k-rusak')
    expect(malformed.status).toBe(400)
    expect((await problemOf(malformed)).title).toBe('Malformed JSON')

    // 200 KB of nested arrays: refused as malformed, not a 500 from walking it
    const deep = await post(bpr.token, `{"items": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`, 'k-dalam')
    expect(deep.status).toBe(400)
    expect(await problemOf(deep)).toMatchObject({ title: 'Malformed JSON', detail: 'Badan permintaan terlalu bertingkat: paling banyak 32 tingkat.' })

    const wrongTypes = await post(bpr.token, { items: [loan(m, 'TIPE-1', { tenorMonths: true, plafond: [1] })] })
    expect(wrongTypes.status).toBe(400)
    const paths = (await problemOf(wrongTypes)).errors.map((e: { path: string }) => e.path)
    expect(paths).toEqual(expect.arrayContaining(['items.0.tenorMonths', 'items.0.plafond']))

    const unknownField = await problemOf(await post(bpr.token, { items: [loan(m, 'TIPE-2')], extra: 1 }))
    expect(unknownField.status).toBe(400)

    const hostile = await problemOf(await post(bpr.token, { items: [loan(m, 'TIPE-3', { accountNumber: 'AB\u0000CD' })] }))
    expect(hostile.errors[0].path).toBe('items.0.accountNumber')

    const asForm = await post(bpr.token, 'items=1', 'k-form', { 'content-type': 'application/x-www-form-urlencoded' })
    expect(asForm.status).toBe(415)
    await problemOf(asForm)

    const huge = await post(bpr.token, JSON.stringify({ items: [loan(m, 'BESAR')], padding: 'x'.repeat(3 * 1024 * 1024) }), 'k-besar')
    expect(huge.status).toBe(413)
    await problemOf(huge)
    expect(await db.disbursement.count({ where: { accountNumber: { startsWith: 'TIPE-' } } })).toBe(0)

    const badQuery = await callApi(listCooperatives, { path: '/api/v1/koperasi?limit=5000&updated_since=kemarin&sort=x', token: (await createApiClientFor('LEADERSHIP')).token })
    expect(badQuery.status).toBe(400)
    const q = await problemOf(badQuery)
    expect(q.errors.map((e: { path: string }) => e.path)).toEqual(expect.arrayContaining(['query.limit', 'query.updated_since']))
    // a limit Number() would read (hexadecimal, exponent) is not a limit
    for (const limit of ['0x10', '1e2', '16.0']) {
      const odd = await problemOf(await callApi(listCooperatives, { path: `/api/v1/koperasi?limit=${limit}`, token: (await createApiClientFor('LEADERSHIP')).token }))
      expect(odd.errors).toEqual([{ path: 'query.limit', detail: 'Limit harus bilangan bulat, mis. 100.' }])
    }
  })

  it('the OpenAPI document is public and describes every route', async () => {
    const res = await openapi()
    expect(res.status).toBe(200)
    const doc = await res.json()
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/penyaluran', '/api/v1/koperasi', '/api/v1/umkm', '/api/v1/program', '/api/v1/program/{id}/angka']))
  })
})

describe('rate limit per client, counted in PostgreSQL', () => {
  it('of six concurrent requests against a limit of three, exactly three pass; the others get 429 with Retry-After', async () => {
    const limited = await createApiClientFor('LEADERSHIP', { rateLimitPerMinute: 3 })
    // the six must fall in one one-minute window: start them away from a minute's end
    const [{ s }] = await db.$queryRaw<{ s: number }[]>`SELECT extract(second FROM now())::float8 AS s`
    if (s > 50) await new Promise((r) => setTimeout(r, (61 - s) * 1000))
    const answers = await Promise.all(Array.from({ length: 6 }, () => callApi(listProgrammes, { path: '/api/v1/program', token: limited.token })))
    const statuses = answers.map((a) => a.status).sort()
    expect(statuses).toEqual([200, 200, 200, 429, 429, 429])
    const refused = answers.find((a) => a.status === 429)!
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1)
    expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(60)
    expect((await problemOf(refused)).title).toBe('Too Many Requests')
    // another client is not held back by this one
    expect((await callApi(listProgrammes, { path: '/api/v1/program', token: (await createApiClientFor('LEADERSHIP')).token })).status).toBe(200)
  }, 90_000)
})

describe('incremental sync', () => {
  it('pages by cursor, then returns exactly the records changed since, deletions as tombstones, never another regency', async () => {
    const district = await createApiClientFor('DISTRICT_OFFICER', { regencyCode: '35.17' })
    const tag = unique('SINK')
    const mk = (regencyCode: string, i: number) => db.cooperative.create({
      data: { nik: `${Date.now()}`.slice(-10) + String(i).padStart(6, '0'), name: `Koperasi ${tag} ${i}`, type: 'KONSUMEN', regencyCode },
      select: { id: true },
    })
    const ours = [await mk('35.17', 1), await mk('35.17', 2), await mk('35.17', 3)]
    await mk('35.78', 4)
    const read = async (query: string) => {
      const res = await callApi(listCooperatives, { path: `/api/v1/koperasi?q=${encodeURIComponent(tag)}&${query}`, token: district.token })
      expect(res.status).toBe(200)
      return res.json() as Promise<{ data: { id: string; deleted: boolean; name?: string }[]; next_cursor: string | null; has_more: boolean }>
    }
    // the full read, two per page
    const seen: string[] = []
    let cursor = ''
    for (let page = await read('limit=2'); ; page = await read(`limit=2&cursor=${cursor}`)) {
      seen.push(...page.data.map((d) => d.id))
      cursor = page.next_cursor!
      if (!page.has_more) break
    }
    expect(seen.sort()).toEqual(ours.map((o) => o.id).sort())
    // nothing changed: nothing new, and the cursor stays
    const quiet = await read(`cursor=${cursor}`)
    expect(quiet.data).toEqual([])
    expect(quiet.next_cursor).toBe(cursor)

    await db.cooperative.update({ where: { id: ours[0].id }, data: { name: `Koperasi ${tag} 1 baru` } })
    await db.cooperative.update({ where: { id: ours[1].id }, data: { deletedAt: new Date() } })
    await mk('35.78', 5)
    const changes = await read(`cursor=${cursor}`)
    expect(changes.data.map((d) => [d.id, d.deleted]).sort()).toEqual([[ours[0].id, false], [ours[1].id, true]].sort())
    expect(changes.data.find((d) => d.id === ours[0].id)!.name).toBe(`Koperasi ${tag} 1 baru`)

    // updated_since gives the same changes
    const since = await read(`updated_since=${encodeURIComponent(new Date(Date.now() - 60_000).toISOString())}`)
    expect(since.data.map((d) => d.id)).toEqual(expect.arrayContaining([ours[0].id, ours[1].id]))
    // a full read (no cursor) lists only live records
    expect((await read('limit=10')).data.map((d) => d.id).sort()).toEqual([ours[0].id, ours[2].id].sort())
  })
})
