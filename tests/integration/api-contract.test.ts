/**
 * The API keeps its own contract at the edges a tester found broken: real claim answers validate against the
 * OpenAPI document (additionalProperties false), snapshot downloads are audited as the pages' exports and
 * honour If-None-Match, a wrong method or an unknown path is a problem+json (405 with Allow, 404), zod's own
 * messages reach `detail` in Indonesian, an unknown regency is not a page of zeros, a repeated account in one
 * batch is named as such, `year` is as strict as `limit`, every answer is `no-store`, the API-client form
 * reports every field problem in one round, programme figures are read at the credit dashboard's as-of day (and say
 * when it is not the one asked), and the loans' and cooperatives' filters take the codes the rest of the app uses.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { signInAs } from '../support/session-mock'
import { createUser, form, unique } from '../support/factories'
import { apiBorrowers, callApi, createApiClientFor } from '../support/api'
import { db } from '@/lib/db'
import { runJobsUntilIdle } from '@/lib/jobs'
import { openApiDocument } from '@/lib/api/openapi'
import { apiWording } from '@/lib/api/problem'
import { isApiRefusal } from '@/lib/api/route'
import { SNAPSHOT_JOB } from '@/lib/api/snapshots'
import { createApiClient } from '@/lib/actions/api-clients'
import { jakartaDate } from '@/lib/dates'
import { jakartaToday } from '@/lib/dashboard/period'
import { resolveDashboardFilter } from '@/lib/data/dashboard'
import { getCurrentUser } from '@/lib/session'
import * as koperasiRoute from '@/app/api/v1/koperasi/route'
import * as penyaluranRoute from '@/app/api/v1/penyaluran/route'
import * as umkmRoute from '@/app/api/v1/umkm/route'
import * as snapshotRoute from '@/app/api/v1/snapshot/route'
import * as catchAll from '@/app/api/v1/[...path]/route'
import { PATCH as correctDisbursement } from '@/app/api/v1/penyaluran/[id]/route'
import { POST as submitClaim } from '@/app/api/v1/program/[id]/klaim/route'
import { GET as getClaim } from '@/app/api/v1/klaim/[id]/route'
import { GET as programmeFigures } from '@/app/api/v1/program/[id]/angka/route'
import { GET as listIndicators } from '@/app/api/v1/indikator/route'
import { GET as downloadSnapshot } from '@/app/api/v1/snapshot/[id]/unduh/route'
import '@/lib/jobs/kinds'

type Client = Awaited<ReturnType<typeof createApiClientFor>>
let programId: string
let bpr: Client
let reader: Client
const key = () => unique('kunci-')

async function problemOf(res: Response) {
  expect(res.headers.get('content-type')).toContain('application/problem+json')
  const body = await res.json()
  expect(body).toMatchObject({ type: expect.stringContaining('/problems/'), title: expect.any(String), status: res.status, detail: expect.any(String) })
  return body
}

type JsonSchema = { $ref?: string; type?: string | string[]; properties?: Record<string, JsonSchema>; required?: string[]; additionalProperties?: boolean | JsonSchema; items?: JsonSchema; anyOf?: JsonSchema[]; oneOf?: JsonSchema[]; enum?: unknown[]; const?: unknown }

/**
 * Where `value` breaks a component schema of the OpenAPI document: the subset of JSON Schema the document uses
 * (type, properties, required, additionalProperties, items, anyOf/oneOf, enum, const, $ref). No dependency: the
 * JSON Schema validators in node_modules are other packages' own.
 */
function violations(component: string, value: unknown): string[] {
  const schemas = (JSON.parse(JSON.stringify(openApiDocument())) as { components: { schemas: Record<string, JsonSchema> } }).components.schemas
  const typeOf = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : Number.isInteger(v) ? 'integer' : typeof v)
  const check = (s: JsonSchema, v: unknown, at: string): string[] => {
    if (s.$ref) return check(schemas[s.$ref.split('/').pop()!], v, at)
    const branches = s.anyOf ?? s.oneOf
    if (branches) return branches.some((b) => check(b, v, at).length === 0) ? [] : [`${at}: no branch matches ${JSON.stringify(v)?.slice(0, 80)}`]
    if (s.enum && !s.enum.includes(v)) return [`${at}: ${JSON.stringify(v)} not in enum`]
    if ('const' in s && s.const !== v) return [`${at}: not ${JSON.stringify(s.const)}`]
    const types = s.type === undefined ? [] : Array.isArray(s.type) ? s.type : [s.type]
    const t = typeOf(v)
    if (types.length && !types.includes(t) && !(t === 'integer' && types.includes('number'))) return [`${at}: ${t}, expected ${types.join('|')}`]
    if (t === 'array' && s.items) return (v as unknown[]).flatMap((x, i) => check(s.items!, x, `${at}.${i}`))
    if (t !== 'object') return []
    const o = v as Record<string, unknown>
    const problems = (s.required ?? []).filter((k) => !(k in o)).map((k) => `${at}.${k}: missing`)
    for (const [k, x] of Object.entries(o)) {
      const sub = s.properties?.[k]
      if (sub) problems.push(...check(sub, x, `${at}.${k}`))
      else if (s.additionalProperties === false) problems.push(`${at}.${k}: not in the schema (additionalProperties false)`)
    }
    return problems
  }
  return check({ $ref: `#/components/schemas/${component}` }, value, component)
}

async function loans(n: number, prefix = 'KT-') {
  const ms = await apiBorrowers(n, '35.17', 'Kontrak')
  const items = ms.map((m) => ({ programId, accountNumber: unique(prefix), nib: m.nib, ownerNik: m.ownerNik, contractDate: '2025-02-10', plafond: 10_000_000, tenorMonths: 12, method: 'ANNUITY' }))
  const res = await callApi(penyaluranRoute.POST, { path: '/api/v1/penyaluran', method: 'POST', token: bpr.token, body: { items }, headers: { 'idempotency-key': key() } })
  expect(res.status, await res.clone().text()).toBe(201)
  return ((await res.json()) as { data: { id: string; account_number: string }[] }).data
}

beforeAll(async () => {
  const bprId = (await db.bank.findUniqueOrThrow({ where: { code: 'BPRJATIM' } })).id
  programId = (await db.creditProgram.create({
    data: {
      code: unique('KONTRAK-'), scheme: 'UJI-KONTRAK', name: 'Program Uji Kontrak 2025', year: 2025, creditTarget: 20_000_000_000, beneficiaryTarget: 2000, subsidyCeiling: 1_000_000_000,
      borrowerRate: 0.03, maxPlafond: 25_000_000, maxTenorMonths: 24, eligibleScales: ['MIKRO', 'KECIL'],
      banks: { create: [{ bankId: bprId }] }, rates: { create: [{ bankId: bprId, effectiveFrom: new Date('2025-01-01'), rate: 0.12 }] },
    },
  })).id
  bpr = await createApiClientFor('BANK_OFFICER', { bankCode: 'BPRJATIM' })
  reader = await createApiClientFor('LEADERSHIP')
})

describe('answers match the OpenAPI document', () => {
  it('a submitted claim and its read validate against the Claim schema, approvable totals included', async () => {
    const made = await loans(2)
    const submitted = await callApi(submitClaim, { path: `/api/v1/program/${programId}/klaim`, method: 'POST', token: bpr.token, params: { id: programId }, headers: { 'idempotency-key': key() }, body: { month: '2025-03', lines: made.map((l) => ({ accountNumber: l.account_number, amount: 1 })) } })
    expect(submitted.status, await submitted.clone().text()).toBe(201)
    const c = await submitted.json()
    expect(violations('Claim', c)).toEqual([])
    // what an approval would write: per line the lesser of computed and claimed
    expect(c.totals.approvable).toBe(c.lines.reduce((s: number, l: { claimed_amount: number; computed_amount: number }) => s + Math.min(l.claimed_amount, l.computed_amount), 0))
    const read = await callApi(getClaim, { path: `/api/v1/klaim/${c.id}?limit=1`, token: bpr.token, params: { id: c.id } })
    expect(read.headers.get('cache-control')).toBe('no-store')
    const body = await read.json()
    expect(violations('Claim', body)).toEqual([])
    expect(body.has_more).toBe(true)
    // the checker itself: a key the schema lacks is found
    expect(violations('Claim', { ...body, totals: { ...body.totals, extra: 1 } })).toEqual(['Claim.totals.extra: not in the schema (additionalProperties false)'])
  })
})

describe('refusals outside the handlers', () => {
  it('a wrong method is a 405 problem with Allow; an unknown path is a 404 problem for any method', async () => {
    const del = await callApi(koperasiRoute.DELETE, { path: '/api/v1/koperasi', method: 'DELETE', token: reader.token })
    expect(del.status).toBe(405)
    expect(del.headers.get('allow')).toBe('GET, HEAD, OPTIONS')
    expect(await problemOf(del)).toMatchObject({ title: 'Method Not Allowed', instance: '/api/v1/koperasi' })
    const put = await callApi(penyaluranRoute.PUT, { path: '/api/v1/penyaluran', method: 'PUT', token: bpr.token, body: {} })
    expect(put.headers.get('allow')).toBe('GET, POST, HEAD, OPTIONS')
    const get = await callApi(snapshotRoute.GET, { path: '/api/v1/snapshot', token: reader.token })
    expect(get.status).toBe(405)
    expect(get.headers.get('allow')).toBe('POST, OPTIONS')
    // every route file answers every method it does not serve
    for (const [name, mod] of [['koperasi', koperasiRoute], ['penyaluran', penyaluranRoute], ['snapshot', snapshotRoute]] as const) {
      for (const m of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']) expect(typeof (mod as Record<string, unknown>)[m], `${name} ${m}`).toBe('function')
    }
    // the refusals are recognisable (the authorization matrix classifies them at once), the real handlers are not
    expect([koperasiRoute.DELETE, penyaluranRoute.PUT, snapshotRoute.GET, catchAll.GET].every(isApiRefusal)).toBe(true)
    expect([koperasiRoute.GET, penyaluranRoute.POST, snapshotRoute.POST].some(isApiRefusal)).toBe(false)

    for (const m of ['GET', 'POST', 'DELETE', 'OPTIONS'] as const) {
      const res = await callApi(catchAll[m], { path: '/api/v1/nonexistent', method: m, token: reader.token })
      expect(res.status).toBe(404)
      expect(await problemOf(res)).toMatchObject({ title: 'Not Found', instance: '/api/v1/nonexistent' })
    }
  })

  it("zod's own messages reach `detail` in Indonesian; a misspelt correction field is not also 'nothing sent'", async () => {
    const bad = await problemOf(await callApi(koperasiRoute.GET, { path: '/api/v1/koperasi?sort=nama', token: reader.token }))
    expect(bad.errors).toEqual([{ path: 'query', detail: 'Isian tidak dikenal: "sort". Periksa ejaan nama isian pada dokumen OpenAPI.' }])
    const nullBody = await problemOf(await callApi(penyaluranRoute.POST, { path: '/api/v1/penyaluran', method: 'POST', token: bpr.token, body: 'null', headers: { 'idempotency-key': key() } }))
    expect(nullBody.errors).toEqual([{ path: '(body)', detail: 'Harus berupa objek JSON, bukan null.' }])

    const [loan] = await loans(1)
    const patch = (body: unknown) => callApi(correctDisbursement, { path: `/api/v1/penyaluran/${loan.id}`, method: 'PATCH', token: bpr.token, params: { id: loan.id }, body, headers: { 'idempotency-key': key() } })
    const misspelt = await problemOf(await patch({ version: 1, tenor: 18 }))
    expect(misspelt.errors).toEqual([{ path: '(body)', detail: 'Isian tidak dikenal: "tenor". Periksa ejaan nama isian pada dokumen OpenAPI.' }])
    expect((await problemOf(await patch({ version: 1 }))).errors).toEqual([{ path: '(body)', detail: 'Kirim minimal satu isian yang dikoreksi.' }])
    const all = JSON.stringify([bad, nullBody, misspelt])
    expect(all).not.toMatch(/Unrecognized|Invalid input|Too big|expected/)
  })

  it('a stale version or another conflict tells a machine client to read again, not to reload a page', () => {
    expect(apiWording('Pinjaman sudah diubah oleh Admin pada 2 Desember 2026 09.15; muat ulang halaman, lalu ulangi.')).toBe('Pinjaman sudah diubah oleh Admin pada 2 Desember 2026 09.15; baca ulang datanya melalui API (GET), lalu kirim ulang permintaannya.')
    expect(apiWording('Data sudah diubah orang lain. Muat ulang halaman.')).not.toMatch(/halaman/)
  })
})

describe('strict queries', () => {
  it('an unknown regency is refused, not answered with zeros; year is four digits as limit is plain digits', async () => {
    const figures = await callApi(programmeFigures, { path: `/api/v1/program/${programId}/angka?regency=99.99`, token: reader.token, params: { id: programId } })
    expect(figures.status).toBe(400)
    expect((await problemOf(figures)).errors).toEqual([{ path: 'query.regency', detail: 'Kabupaten/kota 99.99 tidak dikenal.' }])
    const known = await callApi(programmeFigures, { path: `/api/v1/program/${programId}/angka?regency=35.17`, token: reader.token, params: { id: programId } })
    expect(known.status).toBe(200)
    expect(known.headers.get('cache-control')).toBe('no-store')

    for (const year of ['0x7E9', '2025.0', '%202025%20', '']) {
      const odd = await problemOf(await callApi(listIndicators, { path: `/api/v1/indikator?year=${year}`, token: reader.token }))
      expect(odd.errors).toEqual([{ path: 'query.year', detail: 'Tahun berbentuk empat angka, mis. 2025.' }])
    }
    expect((await callApi(listIndicators, { path: '/api/v1/indikator?year=2025', token: reader.token })).status).toBe(200)
  })

  it('two loans with one account number in a batch are named as repeated in the batch, both refused', async () => {
    const ms = await apiBorrowers(3, '35.17', 'Kembar')
    const account = unique('KEMBAR-')
    const items = ms.map((m, i) => ({ programId, accountNumber: i === 1 ? unique('LAIN-') : account, nib: m.nib, ownerNik: m.ownerNik, contractDate: '2025-02-10', plafond: 10_000_000, tenorMonths: 12 }))
    const res = await callApi(penyaluranRoute.POST, { path: '/api/v1/penyaluran', method: 'POST', token: bpr.token, body: { items }, headers: { 'idempotency-key': key() } })
    expect(res.status).toBe(422)
    const p = await problemOf(res)
    expect(p.detail).toBe('2 dari 3 pinjaman ditolak; tidak ada yang disimpan. Nomor rekening items.0 dan items.2 sama.')
    expect(p.items).toEqual([
      { index: 0, errors: [{ path: 'items.0.accountNumber', detail: 'Nomor rekening ini sama dengan items.2; dalam satu permintaan setiap pinjaman harus bernomor rekening berbeda.' }] },
      { index: 2, errors: [{ path: 'items.2.accountNumber', detail: 'Nomor rekening ini sama dengan items.0; dalam satu permintaan setiap pinjaman harus bernomor rekening berbeda.' }] },
    ])
    expect(await db.disbursement.count({ where: { accountNumber: account } })).toBe(0)
  })
})

describe("programme figures as of a day: the credit dashboard's own rule", () => {
  it('a day not yet come is read as today, one before the programme year as the default; the answer says so, and the year-end is not final', async () => {
    const today = jakartaToday()
    const year = Number(today.slice(0, 4))
    const bprId = (await db.bank.findUniqueOrThrow({ where: { code: 'BPRJATIM' } })).id
    const code = unique('TANGGAL-')
    const program = await db.creditProgram.create({
      data: {
        code, scheme: code, name: `Program Uji Tanggal ${year}`, year, creditTarget: 1_000_000_000, beneficiaryTarget: 100, subsidyCeiling: 100_000_000,
        borrowerRate: 0.03, maxPlafond: 25_000_000, maxTenorMonths: 24, eligibleScales: ['MIKRO', 'KECIL'],
        banks: { create: [{ bankId: bprId }] }, rates: { create: [{ bankId: bprId, effectiveFrom: new Date(`${year}-01-01`), rate: 0.12 }] },
      },
    })
    // a loan on 1 January of this year: today's figures are not zeros
    const [m] = await apiBorrowers(1, '35.17', 'Tanggal')
    const item = { programId: program.id, accountNumber: unique('TGL-'), nib: m.nib, ownerNik: m.ownerNik, contractDate: `${year}-01-01`, plafond: 10_000_000, tenorMonths: 12 }
    const posted = await callApi(penyaluranRoute.POST, { path: '/api/v1/penyaluran', method: 'POST', token: bpr.token, body: { items: [item] }, headers: { 'idempotency-key': key() } })
    expect(posted.status, await posted.clone().text()).toBe(201)
    const figures = async (asOf?: string) => {
      const res = await callApi(programmeFigures, { path: `/api/v1/program/${program.id}/angka${asOf ? `?asOf=${asOf}` : ''}`, token: reader.token, params: { id: program.id } })
      expect(res.status, await res.clone().text()).toBe(200)
      const body = await res.json()
      expect(violations('ProgrammeFigures', body)).toEqual([])
      return body
    }
    signInAs(await createUser('LEADERSHIP'))
    const leader = (await getCurrentUser())!
    // the year has ended only at the end of its 31 December: run on that day, the year-end is final for today too
    const yearOver = today === `${year}-12-31`

    const now = await figures()
    expect(now).toMatchObject({ as_of: today, as_of_requested: null, as_of_adjusted: null })
    expect(now.summary.disbursed).toBe(10_000_000)
    expect(now.summary.projection.final).toBe(yearOver)
    // the walk's requests: 1 January of next year and a day of last year (the API had echoed them, with a "final"
    // year-end equal to today's disbursement, and a page of zeros)
    for (const [asked, adjusted] of [[`${year + 1}-01-01`, 'future'], [`${year - 1}-06-30`, 'before_programme_year']] as const) {
      const f = await figures(asked)
      expect(f).toMatchObject({ as_of: today, as_of_requested: asked, as_of_adjusted: adjusted })
      expect(f.summary).toEqual(now.summary)
      expect(f.summary.projection.final).toBe(yearOver)
      expect(f.by_month).toEqual(now.by_month)
      // the credit dashboard reads the same request at the same day
      const { filter } = await resolveDashboardFilter({ user: leader, params: { program: code, asOf: asked } })
      expect(filter!.asOf).toBe(f.as_of)
    }
    if (!yearOver) {
      expect(await figures(`${year}-12-31`)).toMatchObject({ as_of: today, as_of_requested: `${year}-12-31`, as_of_adjusted: 'future', summary: { projection: { final: false } } })
    }
    // a day of the year already come is read as asked
    expect(await figures(`${year}-01-01`)).toMatchObject({ as_of: `${year}-01-01`, as_of_requested: `${year}-01-01`, as_of_adjusted: null, summary: { disbursed: 10_000_000 } })
  })
})

describe('filters of the loans and the cooperatives', () => {
  it('`program` takes the code the dashboards use as well as the id; one naming no programme the client may read is 400; `from` after `to` is 400 naming both', async () => {
    const [loan] = await loans(1, 'SARING-')
    const code = (await db.creditProgram.findUniqueOrThrow({ where: { id: programId }, select: { code: true } })).code
    const list = (query: string, token = reader.token) => callApi(penyaluranRoute.GET, { path: `/api/v1/penyaluran?${query}`, token })
    const ids = async (query: string, token?: string) => {
      const res = await list(query, token)
      expect(res.status, await res.clone().text()).toBe(200)
      return ((await res.json()) as { data: { id: string }[] }).data.map((d) => d.id)
    }
    const byId = await ids(`program=${programId}&limit=500`)
    expect(byId).toContain(loan.id)
    expect(await ids(`program=${encodeURIComponent(code)}&limit=500`)).toEqual(byId)
    expect(await ids(`program=${encodeURIComponent(code)}&limit=500`, bpr.token)).toContain(loan.id)

    const unknown = async (program: string, token?: string) => {
      const res = await list(`program=${program}`, token)
      expect(res.status).toBe(400)
      expect((await problemOf(res)).errors).toEqual([{ path: 'query.program', detail: `Program ${program} tidak dikenal; gunakan id atau kode program dari GET /api/v1/program.` }])
    }
    await unknown('zzz')
    await unknown('PROKESRA-1999')
    // a programme the bank does not lend in is the same 400 as none at all (a bank does not learn other programmes)
    const dki = (await db.bank.findUniqueOrThrow({ where: { code: 'BANKDKI' } })).id
    const dkiCode = unique('SARING-DKI-')
    await db.creditProgram.create({
      data: { code: dkiCode, scheme: dkiCode, name: 'Program Uji Saring DKI', year: 2025, creditTarget: 1_000_000, beneficiaryTarget: 1, subsidyCeiling: 100_000, borrowerRate: 0.03, maxPlafond: 25_000_000, maxTenorMonths: 24, banks: { create: [{ bankId: dki }] } },
    })
    expect((await list(`program=${dkiCode}`)).status).toBe(200)
    await unknown(dkiCode, bpr.token)

    const backwards = await list('from=2025-03-01&to=2025-02-01')
    expect(backwards.status).toBe(400)
    expect((await problemOf(backwards)).errors).toEqual([{ path: 'query.from', detail: 'Tanggal from (2025-03-01) sesudah tanggal to (2025-02-01); from harus sama dengan atau sebelum to.' }])
    // one day, from and to the same, is a range
    expect(await ids(`from=2025-02-10&to=2025-02-10&program=${encodeURIComponent(code)}&limit=500`)).toContain(loan.id)
  })

  it('`bank` of the loans and `koperasi` of the MSMEs naming nothing, or a record the client may not read, are 400 (never an empty page)', async () => {
    const [loan] = await loans(1, 'BANKSARING-')
    const dki = (await db.bank.findUniqueOrThrow({ where: { code: 'BANKDKI' } })).id
    const list = (route: { GET: typeof penyaluranRoute.GET }, path: string, token: string) => callApi(route.GET, { path, token })
    const refused = async (res: Response, path: string, detail: string) => {
      expect(res.status, await res.clone().text()).toBe(400)
      expect((await problemOf(res)).errors).toEqual([{ path, detail }])
    }
    const noBank = (id: string) => `Bank ${id} tidak dikenal; gunakan id bank (bank_id) dari data penyaluran.`
    // its own bank (a reader: any bank) answers its loans
    for (const token of [reader.token, bpr.token]) {
      const res = await list(penyaluranRoute, `/api/v1/penyaluran?bank=${bpr.bankId}&limit=500`, token)
      expect(res.status).toBe(200)
      expect(((await res.json()) as { data: { id: string }[] }).data.map((d) => d.id)).toContain(loan.id)
    }
    expect((await list(penyaluranRoute, `/api/v1/penyaluran?bank=${dki}`, reader.token)).status).toBe(200)
    // a bank that does not exist; another bank's id from a bank client, the same 400 (as `program`)
    await refused(await list(penyaluranRoute, '/api/v1/penyaluran?bank=zzz', reader.token), 'query.bank', noBank('zzz'))
    await refused(await list(penyaluranRoute, '/api/v1/penyaluran?bank=zzz', bpr.token), 'query.bank', noBank('zzz'))
    await refused(await list(penyaluranRoute, `/api/v1/penyaluran?bank=${dki}`, bpr.token), 'query.bank', noBank(dki))

    const nik = () => `3517${String(Math.floor(Math.random() * 1e12)).padStart(12, '0')}`
    const jombangCoop = await db.cooperative.create({ data: { nik: nik(), name: `KSP ${unique('Saring')}`, type: 'SIMPAN_PINJAM', regencyCode: '35.17' }, select: { id: true } })
    const surabayaCoop = await db.cooperative.create({ data: { nik: nik().replace(/^3517/, '3578'), name: `KSP ${unique('Saring')}`, type: 'SIMPAN_PINJAM', regencyCode: '35.78' }, select: { id: true } })
    const jombang = await createApiClientFor('DISTRICT_OFFICER', { regencyCode: '35.17' })
    const noCoop = (id: string) => `Koperasi ${id} tidak dikenal; gunakan id koperasi dari GET /api/v1/koperasi.`
    for (const [token, id] of [[reader.token, jombangCoop.id], [reader.token, surabayaCoop.id], [jombang.token, jombangCoop.id]]) {
      expect((await list(umkmRoute, `/api/v1/umkm?koperasi=${id}`, token)).status).toBe(200)
    }
    await refused(await list(umkmRoute, '/api/v1/umkm?koperasi=zzz', reader.token), 'query.koperasi', noCoop('zzz'))
    await refused(await list(umkmRoute, `/api/v1/umkm?koperasi=${surabayaCoop.id}`, jombang.token), 'query.koperasi', noCoop(surabayaCoop.id))
  })

  it('`status` of the cooperatives takes the upper-case codes ACTIVE and INACTIVE, as `type` and `health` do, and still aktif and nonaktif', async () => {
    const word = unique('Status')
    const nik = () => `3517${String(Math.floor(Math.random() * 1e12)).padStart(12, '0')}`
    const active = await db.cooperative.create({ data: { nik: nik(), name: `KSP ${word} Aktif`, type: 'SIMPAN_PINJAM', regencyCode: '35.17', active: true }, select: { id: true } })
    const inactive = await db.cooperative.create({ data: { nik: nik(), name: `KSP ${word} Tidur`, type: 'SIMPAN_PINJAM', regencyCode: '35.17', active: false }, select: { id: true } })
    const ids = async (status: string) => {
      const res = await callApi(koperasiRoute.GET, { path: `/api/v1/koperasi?q=${word}&status=${status}`, token: reader.token })
      expect(res.status, await res.clone().text()).toBe(200)
      return ((await res.json()) as { data: { id: string }[] }).data.map((d) => d.id)
    }
    expect(await ids('ACTIVE')).toEqual([active.id])
    expect(await ids('aktif')).toEqual([active.id])
    expect(await ids('INACTIVE')).toEqual([inactive.id])
    expect(await ids('nonaktif')).toEqual([inactive.id])
    const odd = await callApi(koperasiRoute.GET, { path: '/api/v1/koperasi?status=active', token: reader.token })
    expect(odd.status).toBe(400)
    expect((await problemOf(odd)).errors).toEqual([{ path: 'query.status', detail: 'Status: ACTIVE atau INACTIVE (juga aktif atau nonaktif).' }])
  })
})

describe('snapshots', () => {
  it('a download is audited as an export naming the client; If-None-Match with its ETag is 304 without a body or audit row; the name has the Jakarta date', async () => {
    await apiBorrowers(3, '35.78', 'Snap')
    const queued = await callApi(snapshotRoute.POST, { path: '/api/v1/snapshot', method: 'POST', token: reader.token, body: { register: 'umkm', format: 'csv' }, headers: { 'idempotency-key': key() } })
    expect(queued.status).toBe(202)
    expect(queued.headers.get('cache-control')).toBe('no-store')
    const { id } = await queued.json()
    await runJobsUntilIdle({ kinds: [SNAPSHOT_JOB] })
    const client = await db.apiClient.findUniqueOrThrow({ where: { id: reader.id }, select: { name: true } })
    const download = (headers: Record<string, string> = {}) => callApi(downloadSnapshot, { path: `/api/v1/snapshot/${id}/unduh`, token: reader.token, params: { id }, headers })
    const exports = () => db.auditLog.findMany({ where: { action: 'EXPORT', userId: reader.id }, select: { entity: true, username: true, after: true } })

    const file = await download()
    expect(file.status).toBe(200)
    await file.text()
    const snap = await db.apiSnapshot.findUniqueOrThrow({ where: { id }, select: { asOf: true, sha256: true, rows: true } })
    expect(file.headers.get('content-disposition')).toBe(`attachment; filename="umkm-${jakartaDate(snap.asOf!)}.csv"`)
    const etag = file.headers.get('etag')!
    expect(etag).toBe(`"${snap.sha256}"`)
    const rows = await exports()
    expect(rows).toEqual([{ entity: 'Msme', username: `api:${client.name}`, after: expect.objectContaining({ format: 'csv', reference: id, rows: snap.rows, fileHash: snap.sha256 }) }])

    for (const inm of [etag, `W/${etag}`, `"other", ${etag}`, '*']) {
      const again = await download({ 'if-none-match': inm })
      expect(again.status, inm).toBe(304)
      expect(await again.text()).toBe('')
      expect(again.headers.get('etag')).toBe(etag)
    }
    expect(await exports()).toHaveLength(1)
    expect((await download({ 'if-none-match': '"other"' })).status).toBe(200)
    expect(await exports()).toHaveLength(2)
  })
})

describe('the API-client form', () => {
  it('reports every field problem in the first round: no bank and an expiry in the past together', async () => {
    signInAs(await createUser('ADMIN'))
    const res = await createApiClient(undefined, form({ name: 'Tanpa bank', owner: 'Uji', role: 'BANK_OFFICER', expiresOn: '2020-01-01' }))
    expect(res.ok).toBe(false)
    expect(res.errors).toMatchObject({ bankId: ['Klien bank harus terikat pada satu bank mitra.'], expiresOn: ['Tanggal kedaluwarsa harus setelah hari ini.'] })
    const far = await createApiClient(undefined, form({ name: 'Terlalu lama', owner: 'Uji', role: 'LEADERSHIP', expiresOn: '2099-01-01' }))
    expect(far.errors?.expiresOn?.[0]).toMatch(/^Token berlaku paling lama 730 hari: paling lambat \d{1,2} [A-Z][a-z]+ \d{4}\.$/)
  })
})
