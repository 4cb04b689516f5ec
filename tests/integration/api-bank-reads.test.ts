/**
 * The rest of the integration API (/api/v1), calling the route handlers as an HTTP client would: a bank's
 * instalment reports and monthly claims with the pages' services and checks (another bank's loan or claim
 * is 404, writes are idempotent), the claim's verification result line by line with its payments; scoped
 * reads of indicators (approved values only) and of meetings with their decisions and follow-ups
 * (incremental); register snapshots written by a job in bounded batches; the hourly purge; and the sync
 * watermark that keeps a cursor from passing a record a still-open transaction will commit.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { unique } from '../support/factories'
import { apiBorrowers, callApi, createApiClientFor } from '../support/api'
import { db } from '@/lib/db'
import { seedReportingCatalogue } from '@/prisma/seed/reporting'
import { runJobsUntilIdle } from '@/lib/jobs'
import { SNAPSHOT_BATCH, SNAPSHOT_FIELDS, SNAPSHOT_JOB } from '@/lib/api/snapshots'
import { API_MAINTENANCE, IDEMPOTENCY_KEEP_MS, purgeApiLeftovers } from '@/lib/api/jobs'
import { syncWatermark } from '@/lib/data/sync-watermark'
import { POST as createDisbursements } from '@/app/api/v1/penyaluran/route'
import { POST as reportInstalment } from '@/app/api/v1/penyaluran/[id]/periode/route'
import { GET as getLoan } from '@/app/api/v1/penyaluran/[id]/route'
import { POST as submitClaim } from '@/app/api/v1/program/[id]/klaim/route'
import { GET as getClaim } from '@/app/api/v1/klaim/[id]/route'
import { GET as listIndicators } from '@/app/api/v1/indikator/route'
import { GET as listMeetings } from '@/app/api/v1/rapat/route'
import { GET as listActions } from '@/app/api/v1/tindak-lanjut/route'
import { GET as listMsmes } from '@/app/api/v1/umkm/route'
import { POST as requestSnapshot } from '@/app/api/v1/snapshot/route'
import { GET as snapshotStatus } from '@/app/api/v1/snapshot/[id]/route'
import { GET as downloadSnapshot } from '@/app/api/v1/snapshot/[id]/unduh/route'
import '@/lib/jobs/kinds'

let programId: string
let dkiOnlyProgramId: string
let bprId: string
let dkiId: string
type Client = Awaited<ReturnType<typeof createApiClientFor>>
let bpr: Client
let dki: Client
let reader: Client

const msmes = (n: number, regencyCode = '35.17') => apiBorrowers(n, regencyCode, 'Klaim')

const key = () => unique('kunci-')

async function problemOf(res: Response) {
  expect(res.headers.get('content-type')).toContain('application/problem+json')
  const body = await res.json()
  expect(body).toMatchObject({ type: expect.stringContaining('/problems/'), title: expect.any(String), status: res.status, detail: expect.any(String) })
  expect(JSON.stringify(body)).not.toMatch(/at \w+ \(|\.ts:\d+|SELECT |INSERT |prisma/i)
  return body
}

/** Loans of a bank client through the API; returns their ids by account. */
async function loans(client: Client, n: number) {
  const ms = await msmes(n)
  const items = ms.map((m) => ({ programId, accountNumber: unique('KL-'), nib: m.nib, ownerNik: m.ownerNik, contractDate: '2025-02-10', plafond: 10_000_000, tenorMonths: 12, method: 'ANNUITY' }))
  const res = await callApi(createDisbursements, { path: '/api/v1/penyaluran', method: 'POST', token: client.token, body: { items }, headers: { 'idempotency-key': key() } })
  expect(res.status, await res.clone().text()).toBe(201)
  return ((await res.json()) as { data: { id: string; account_number: string; missed_claim_months: unknown[] }[] }).data
}

const period = (client: Client | null, id: string, body: unknown, k: string | null = key()) =>
  callApi(reportInstalment, { path: `/api/v1/penyaluran/${id}/periode`, method: 'POST', token: client?.token ?? null, body, params: { id }, headers: k ? { 'idempotency-key': k } : {} })

const claim = (client: Client, program: string, body: unknown, k: string = key()) =>
  callApi(submitClaim, { path: `/api/v1/program/${program}/klaim`, method: 'POST', token: client.token, body, params: { id: program }, headers: { 'idempotency-key': k } })

const readClaim = (client: Client, id: string, query = '') => callApi(getClaim, { path: `/api/v1/klaim/${id}${query}`, token: client.token, params: { id } })

beforeAll(async () => {
  bprId = (await db.bank.findUniqueOrThrow({ where: { code: 'BPRJATIM' } })).id
  dkiId = (await db.bank.findUniqueOrThrow({ where: { code: 'BANKDKI' } })).id
  const p = await db.creditProgram.create({
    data: {
      code: unique('KLAIM-'), scheme: 'UJI-KLAIM', name: 'Program Uji Klaim 2025', year: 2025, creditTarget: 20_000_000_000, beneficiaryTarget: 2000, subsidyCeiling: 1_000_000_000,
      borrowerRate: 0.03, maxPlafond: 25_000_000, maxTenorMonths: 24, eligibleScales: ['MIKRO', 'KECIL'],
      banks: { create: [{ bankId: bprId }, { bankId: dkiId }] },
      rates: { create: [{ bankId: bprId, effectiveFrom: new Date('2025-01-01'), rate: 0.12 }, { bankId: dkiId, effectiveFrom: new Date('2025-01-01'), rate: 0.12 }] },
    },
  })
  programId = p.id
  dkiOnlyProgramId = (await db.creditProgram.create({
    data: {
      code: unique('KLAIM-DKI-'), scheme: 'UJI-KLAIM-DKI', name: 'Program Uji DKI', year: 2025, creditTarget: 1_000_000_000, beneficiaryTarget: 10, subsidyCeiling: 100_000_000,
      borrowerRate: 0.03, maxPlafond: 25_000_000, maxTenorMonths: 24, eligibleScales: [], banks: { create: [{ bankId: dkiId }] },
      rates: { create: [{ bankId: dkiId, effectiveFrom: new Date('2025-01-01'), rate: 0.12 }] },
    },
  })).id
  bpr = await createApiClientFor('BANK_OFFICER', { bankCode: 'BPRJATIM' })
  dki = await createApiClientFor('BANK_OFFICER', { bankCode: 'BANKDKI' })
  reader = await createApiClientFor('LEADERSHIP')
})

describe('bank: instalment status and collectibility per period', () => {
  it("records a period with the page's service; another bank's loan is 404; a read client cannot write; a retry writes nothing", async () => {
    const [loan] = await loans(bpr, 1)
    const before = await db.loanMonth.findUniqueOrThrow({ where: { disbursementId_period: { disbursementId: loan.id, period: 2 } }, select: { subsidyDue: true } })
    expect(Number(before.subsidyDue)).toBeGreaterThan(0)

    // another bank's client: not found, and nothing changed
    const foreign = await period(dki, loan.id, { period: 2, instalmentPaid: 'unpaid', collectibility: 2 })
    expect(foreign.status).toBe(404)
    await problemOf(foreign)
    // a province-wide read client: forbidden
    expect((await period(reader, loan.id, { period: 2, instalmentPaid: 'unpaid', collectibility: 2 })).status).toBe(403)
    expect((await db.loanMonth.findUniqueOrThrow({ where: { disbursementId_period: { disbursementId: loan.id, period: 2 } }, select: { reportedAt: true } })).reportedAt).toBeNull()

    const k = key()
    const res = await period(bpr, loan.id, { period: 2, instalmentPaid: 'unpaid', collectibility: 2 }, k)
    expect(res.status, await res.clone().text()).toBe(200)
    const body = await res.json()
    expect(body).toMatchObject({ disbursement_id: loan.id, period: 2, instalment_paid: false, collectibility: 2, subsidy_due: 0, loan_status: 'ACTIVE' })
    const audits = await db.auditLog.count({ where: { entity: 'LoanMonth', entityId: `${loan.id}#2`, userId: bpr.id } })
    expect(audits).toBe(1)
    // the same request again: the first answer, no second audit row
    const again = await period(bpr, loan.id, { period: 2, instalmentPaid: 'unpaid', collectibility: 2 }, k)
    expect(again.headers.get('idempotent-replayed')).toBe('true')
    expect(await again.json()).toEqual(body)
    expect(await db.auditLog.count({ where: { entity: 'LoanMonth', entityId: `${loan.id}#2` } })).toBe(1)

    // the page's checks and messages: a period after maturity, under its field
    const late = await period(bpr, loan.id, { period: 13, instalmentPaid: 'paid', collectibility: 1 })
    expect(late.status).toBe(400)
    expect((await problemOf(late)).errors).toEqual([{ path: 'period', detail: 'Periode 1 sampai 12.' }])
    // strict JSON types: a number as text, an unknown collectibility, a missing key
    const wrong = await period(bpr, loan.id, { period: '2', instalmentPaid: 'ya', collectibility: 6 })
    expect(wrong.status).toBe(400)
    expect((await problemOf(wrong)).errors.map((e: { path: string }) => e.path).sort()).toEqual(['collectibility', 'instalmentPaid', 'period'])
    expect((await period(bpr, loan.id, { period: 3, instalmentPaid: 'paid', collectibility: 1 }, null)).status).toBe(400)
  })
})

describe('bank: monthly claims and their verification result', () => {
  it('submits at computed amounts, reads the result line by line with payments; another bank gets 404; a retry answers the same claim', async () => {
    const made = await loans(bpr, 3)
    const k = key()
    const res = await claim(bpr, programId, { month: '2025-03' }, k)
    expect(res.status, await res.clone().text()).toBe(201)
    const c = await res.json()
    // every BPR loan of the programme due in March: the three above and the one of the instalment test
    const due = (await db.disbursement.findMany({ where: { programId, bankId: bprId }, select: { accountNumber: true } })).map((d) => d.accountNumber).sort()
    expect(due).toEqual(expect.arrayContaining(made.map((m) => m.account_number)))
    expect(c).toMatchObject({ program: { id: programId }, month: '2025-03', status: 'SUBMITTED', totals: { lines: due.length, differing: 0 }, has_more: false })
    expect(c.lines.map((l: { account_number: string }) => l.account_number).sort()).toEqual(due)
    expect(c.totals.claimed).toBe(c.totals.computed)
    expect(await db.auditLog.count({ where: { entity: 'SubsidyClaim', entityId: c.id, action: 'SUBMIT', userId: bpr.id } })).toBe(1)

    // a retry with the same key: the same claim, nothing written again
    const again = await claim(bpr, programId, { month: '2025-03' }, k)
    expect(again.status).toBe(201)
    expect(again.headers.get('idempotent-replayed')).toBe('true')
    expect((await again.json()).id).toBe(c.id)
    expect(await db.subsidyClaim.count({ where: { programId, bankId: bprId } })).toBe(1)
    // a new key for the same month: the form's refusal under `month`
    const twice = await claim(bpr, programId, { month: '2025-03' })
    expect(twice.status).toBe(400)
    expect((await problemOf(twice)).errors).toEqual([{ path: 'month', detail: 'Klaim bulan ini sudah diajukan.' }])

    // the agency pays part of it; the bank reads payments and, a page at a time, every line
    await db.claimLine.updateMany({ where: { claimId: c.id }, data: { approvedAmount: 1000 } })
    const n = due.length
    await db.subsidyClaim.update({ where: { id: c.id }, data: { status: 'APPROVED' } })
    await db.claimPayment.create({ data: { claimId: c.id, paidOn: new Date('2025-04-20'), amount: 2000, reference: 'SP2D-0001' } })
    const page1 = await (await readClaim(bpr, c.id, '?limit=2')).json()
    expect(page1).toMatchObject({ status: 'APPROVED', totals: { lines: n, approved: n * 1000, paid: 2000 }, payments: [{ paid_on: '2025-04-20', amount: 2000, reference: 'SP2D-0001' }], has_more: true })
    expect(page1.lines).toHaveLength(2)
    const read = [...page1.lines]
    let next = page1.next_cursor
    while (next) {
      const more = await (await readClaim(bpr, c.id, `?limit=2&cursor=${next}`)).json()
      read.push(...more.lines)
      next = more.next_cursor
    }
    expect(read.map((l: { account_number: string }) => l.account_number)).toEqual(due)

    // the month is in the approved claim: a report that would move its subsidy is a conflict, and nothing moves
    const [firstLoan] = made
    const march = await db.loanMonth.findFirstOrThrow({ where: { disbursementId: firstLoan.id, claimMonth: new Date('2025-03-01') }, select: { period: true, subsidyDue: true } })
    const moved = await period(bpr, firstLoan.id, { period: march.period, instalmentPaid: 'unpaid', collectibility: 2 })
    expect(moved.status).toBe(409)
    expect((await problemOf(moved)).detail).toMatch(/^Klaim bulan Maret 2025 sudah dihitung dari jadwal pinjaman ini dan sudah disetujui Dinas; laporan tidak disimpan, karena klaim yang sudah disetujui tidak dapat dikembalikan\./)
    expect((await db.loanMonth.findFirstOrThrow({ where: { disbursementId: firstLoan.id, period: march.period }, select: { subsidyDue: true } })).subsidyDue).toEqual(march.subsidyDue)

    // scope: another bank's claim and a programme the bank does not lend in are 404; a read client may not read claims
    const hidden = await readClaim(dki, c.id)
    expect(hidden.status).toBe(404)
    await problemOf(hidden)
    expect((await claim(bpr, dkiOnlyProgramId, { month: '2025-03' })).status).toBe(404)
    expect((await callApi(getClaim, { path: `/api/v1/klaim/${c.id}`, token: reader.token, params: { id: c.id } })).status).toBe(403)
    expect((await readClaim(bpr, c.id, '?cursor=%%%')).status).toBe(400)

    // a loan recorded now, dated before March: its March was claimed (and approved) without it, and the answer says
    // so, as the form says it on saving; the loans recorded before the claim had no such month
    expect(made.map((m) => m.missed_claim_months)).toEqual([[], [], []])
    const [late] = await msmes(1)
    const lateRes = await callApi(createDisbursements, {
      path: '/api/v1/penyaluran', method: 'POST', token: bpr.token, headers: { 'idempotency-key': key() },
      body: { items: [{ programId, accountNumber: unique('KL-'), nib: late.nib, ownerNik: late.ownerNik, contractDate: '2025-02-10', plafond: 10_000_000, tenorMonths: 12, method: 'ANNUITY' }] },
    })
    expect(lateRes.status, await lateRes.clone().text()).toBe(201)
    const [recorded] = (await lateRes.json()).data
    const dueMarch = await db.loanMonth.findFirstOrThrow({ where: { disbursementId: recorded.id, claimMonth: new Date('2025-03-01') }, select: { subsidyDue: true } })
    expect(Number(dueMarch.subsidyDue)).toBeGreaterThan(0)
    expect(recorded.missed_claim_months).toEqual([{ month: '2025-03', claim: 'DECIDED', subsidy_due: Number(dueMarch.subsidyDue) }])
    // and reading the loan later says the same (a client that lost the answer); another bank's client gets 404
    const reread = await callApi(getLoan, { path: `/api/v1/penyaluran/${recorded.id}`, token: bpr.token, params: { id: recorded.id } })
    expect(reread.status).toBe(200)
    expect((await reread.json()).missed_claim_months).toEqual(recorded.missed_claim_months)
    expect((await callApi(getLoan, { path: `/api/v1/penyaluran/${recorded.id}`, token: dki.token, params: { id: recorded.id } })).status).toBe(404)
  })

  it("the bank's own amounts: each line recomputed with the reason of a difference; an account not of the bank refuses the whole claim", async () => {
    const [a, b] = await loans(dki, 2)
    const [foreign] = await loans(bpr, 1)
    const claimsBefore = await db.subsidyClaim.count()
    const refused = await claim(dki, programId, { month: '2025-04', lines: [{ accountNumber: a.account_number, amount: 1 }, { accountNumber: foreign.account_number, amount: 1 }] })
    expect(refused.status).toBe(422)
    const p = await problemOf(refused)
    expect(p.detail).toContain(foreign.account_number)
    expect(p.errors[0].path).toBe('lines')
    expect(await db.subsidyClaim.count()).toBe(claimsBefore)
    // an amount no month's subsidy comes near (more than 10% of the Rp10.000.000 plafond): the whole claim refused
    const huge = await claim(dki, programId, { month: '2025-04', lines: [{ accountNumber: a.account_number, amount: 1_000_000_000_000_000 }, { accountNumber: b.account_number, amount: 1 }] })
    expect(huge.status).toBe(422)
    expect((await problemOf(huge)).detail).toBe(`Jumlah klaim lebih dari 10% plafon pinjamannya untuk rekening: ${a.account_number}. Subsidi bunga sebulan tidak sebesar itu; periksa angkanya.`)
    expect(await db.subsidyClaim.count()).toBe(claimsBefore)

    const dup = await claim(dki, programId, { month: '2025-04', lines: [{ accountNumber: a.account_number, amount: 1 }, { accountNumber: a.account_number, amount: 2 }] })
    expect(dup.status).toBe(400)
    expect((await problemOf(dup)).errors).toEqual([{ path: 'lines.1.accountNumber', detail: 'Nomor rekening ini sudah ada di baris lain klaim ini.' }])

    const computed = await db.loanMonth.findFirstOrThrow({ where: { disbursementId: b.id, claimMonth: new Date('2025-04-01') }, select: { subsidyDue: true, openingBalance: true } })
    const res = await claim(dki, programId, { month: '2025-04', lines: [
      { accountNumber: a.account_number, amount: 'Rp1.000.000', balance: 1, days: 30, rate: '12' },
      { accountNumber: b.account_number, amount: Number(computed.subsidyDue) },
    ] })
    expect(res.status, await res.clone().text()).toBe(201)
    const c = await res.json()
    const byAccount = Object.fromEntries(c.lines.map((l: { account_number: string }) => [l.account_number, l]))
    expect(byAccount[a.account_number]).toMatchObject({ claimed_amount: 1_000_000, reason: 'BALANCE_DIFFERS', reason_text: expect.stringContaining('Saldo awal'), claimed_balance: 1, claimed_days: 30, claimed_rate: 0.12 })
    expect(byAccount[b.account_number]).toMatchObject({ reason: null, claimed_amount: Number(computed.subsidyDue), computed_amount: Number(computed.subsidyDue) })
    expect(c.totals.differing).toBe(1)
  })
})

describe('reads: indicators, meetings and follow-ups, scoped as the pages', () => {
  beforeAll(async () => {
    await seedReportingCatalogue(db)
    const report = (regencyCode: string, quarter: number, status: 'APPROVED' | 'SUBMITTED', value: number) =>
      db.quarterlyReport.create({ data: { regencyCode, year: 2026, quarter, status, approvedAt: status === 'APPROVED' ? new Date('2026-04-20T03:00:00Z') : null, values: { create: [{ indicatorCode: 'IUMK_TERBIT', value }] } } })
    await report('35.17', 1, 'APPROVED', 6952)
    await report('35.17', 2, 'SUBMITTED', 99999)
    await report('35.78', 1, 'APPROVED', 1000)
    await db.indicatorTarget.createMany({
      data: [
        { indicatorCode: 'IUMK_TERBIT', year: 2026, quarter: 0, regencyCode: null, value: 500000 },
        { indicatorCode: 'IUMK_TERBIT', year: 2026, quarter: 0, regencyCode: '35.17', value: 50902 },
        { indicatorCode: 'IUMK_TERBIT', year: 2026, quarter: 0, regencyCode: '35.78', value: 4000 },
      ],
    })
  })

  it('indicators: targets and approved values only; a regency client its regency, another regency refused', async () => {
    const jombang = await createApiClientFor('DISTRICT_OFFICER', { regencyCode: '35.17' })
    // another regency is a 403, not Jombang's rows under the code asked for (a hub would store them as Surabaya's)
    const other = await callApi(listIndicators, { path: '/api/v1/indikator?year=2026&regency=35.78', token: jombang.token })
    expect(other.status).toBe(403)
    expect(JSON.stringify(await problemOf(other))).not.toContain('6952')
    const own = await (await callApi(listIndicators, { path: '/api/v1/indikator?year=2026', token: jombang.token })).json()
    expect(own.regency_code).toBe('35.17')
    expect(own.indicators.map((i: { code: string }) => i.code)).toContain('IUMK_TERBIT')
    expect(own.values).toEqual([{ indicator_code: 'IUMK_TERBIT', regency_code: '35.17', quarter: 1, value: 6952, approved_at: '2026-04-20T03:00:00.000Z' }])
    expect(own.targets.map((t: { regency_code: string | null }) => t.regency_code).sort()).toEqual(['35.17', null].sort())
    const all = await (await callApi(listIndicators, { path: '/api/v1/indikator?year=2026', token: reader.token })).json()
    expect(all.values.map((v: { regency_code: string; value: number }) => `${v.regency_code}:${v.value}`).sort()).toEqual(['35.17:6952', '35.78:1000'])
    expect(all.targets).toHaveLength(3)
    // a bank client does not read district reporting; a bad year is a 400 under its query field
    expect((await callApi(listIndicators, { path: '/api/v1/indikator?year=2026', token: bpr.token })).status).toBe(403)
    const bad = await callApi(listIndicators, { path: '/api/v1/indikator?year=dua', token: reader.token })
    expect((await problemOf(bad)).errors[0].path).toBe('query.year')
  })

  it("meetings with their decisions and follow-ups: the meeting pages' scope, incremental by cursor", async () => {
    const meeting = (title: string, hostRegencyCode: string) =>
      db.meeting.create({ data: { title, type: 'RAKOR', startsAt: new Date('2025-03-10T02:00:00Z'), endsAt: new Date('2025-03-10T06:00:00Z'), organiser: 'Dinkop UMKM Jatim', hostRegencyCode }, select: { id: true } })
    const m17 = await meeting('Rakor Jombang', '35.17')
    const m78 = await meeting('Rakor Surabaya', '35.78')
    const agenda = await db.agendaItem.create({ data: { meetingId: m17.id, position: 1, title: 'Evaluasi penyaluran' } })
    await db.meetingOutcome.create({ data: { meetingId: m17.id, agendaItemId: agenda.id, kind: 'DECISION', text: 'Percepat penyaluran' } })
    await db.actionItem.create({ data: { meetingId: m78.id, title: 'Tindak lanjut Surabaya', dueDate: new Date('2025-04-30'), ownerKind: 'REGENCY', ownerRegencyCode: '35.78' } })
    const a17 = await db.actionItem.create({ data: { meetingId: m17.id, title: 'Tindak lanjut Jombang', dueDate: new Date('2025-04-30'), ownerKind: 'REGENCY', ownerRegencyCode: '35.17' } })

    const jombang = await createApiClientFor('DISTRICT_OFFICER', { regencyCode: '35.17' })
    const seen = await (await callApi(listMeetings, { path: '/api/v1/rapat', token: jombang.token })).json()
    expect(seen.data.map((m: { id: string }) => m.id)).toEqual([m17.id])
    expect(seen.data[0].outcomes).toEqual([expect.objectContaining({ kind: 'DECISION', text: 'Percepat penyaluran', agenda_item: 'Evaluasi penyaluran' })])
    const everyone = await (await callApi(listMeetings, { path: '/api/v1/rapat', token: reader.token })).json()
    expect(everyone.data.map((m: { id: string }) => m.id)).toEqual(expect.arrayContaining([m17.id, m78.id]))

    const actions = await (await callApi(listActions, { path: '/api/v1/tindak-lanjut', token: jombang.token })).json()
    expect(actions.data.map((a: { id: string }) => a.id)).toEqual([a17.id])
    // nothing changed since the cursor: nothing; one follow-up changed: exactly it
    const cursor = actions.next_cursor
    expect((await (await callApi(listActions, { path: `/api/v1/tindak-lanjut?cursor=${cursor}`, token: jombang.token })).json()).data).toEqual([])
    await db.actionItem.update({ where: { id: a17.id }, data: { status: 'DONE', closedAt: new Date() } })
    const changed = await (await callApi(listActions, { path: `/api/v1/tindak-lanjut?cursor=${cursor}`, token: jombang.token })).json()
    expect(changed.data).toEqual([expect.objectContaining({ id: a17.id, status: 'DONE' })])
  })
})

describe('sync watermark: a record a long transaction commits late is not skipped', () => {
  it('the cursor stops before a running writer; once it commits, its record comes next', async () => {
    const reader17 = await createApiClientFor('DISTRICT_OFFICER', { regencyCode: '35.17' })
    const [first] = await msmes(1)
    const page = async (cursor?: string) => (await callApi(listMsmes, { path: `/api/v1/umkm?limit=500${cursor ? `&cursor=${cursor}` : ''}`, token: reader17.token })).json()
    let all = await page()
    while (all.has_more) all = await page(all.next_cursor)
    let cursor: string = all.next_cursor
    expect(all.data.map((r: { nib: string }) => r.nib)).toContain(first.nib)

    // a long transaction writes an MSME, then holds; meanwhile another one is written and committed
    let release!: () => void
    const held = new Promise<void>((r) => { release = r })
    let written!: () => void
    const wrote = new Promise<void>((r) => { written = r })
    const stamp = String(Date.now()).slice(-12)
    const late = { nib: `9${stamp}`, ownerNik: `3517${stamp}` }
    const longTx = db.$transaction(async (tx) => {
      await tx.msme.create({ data: { nib: late.nib, businessName: 'Usaha Terlambat', ownerName: 'Budi', ownerNik: late.ownerNik, ownerGender: 'L', kbli: '10792', regencyCode: '35.17', computedScale: 'MIKRO', businessCapital: 1, annualSales: 1 } })
      written()
      await held
    }, { timeout: 60_000 })
    await wrote
    const [early] = await msmes(1)
    // while the long transaction runs, the read stops before its start: the later, committed record waits too
    const during = await page(cursor)
    expect(during.data.map((r: { nib: string }) => r.nib)).not.toContain(early.nib)
    expect(new Date(await syncWatermark()).getTime()).toBeLessThanOrEqual(Date.now())
    cursor = during.next_cursor
    release()
    await longTx
    // committed: both come, the late writer's record included, although it is stamped before the other
    const after = await page(cursor)
    expect(after.data.map((r: { nib: string }) => r.nib).sort()).toEqual([early.nib, late.nib].sort())
  })
})

describe('register snapshots', () => {
  it('a province read client gets the MSME register as NDJSON and CSV, written in bounded batches, NIK masked; a regency client is refused', async () => {
    const rows = 2 * SNAPSHOT_BATCH + 345
    await msmes(rows, '35.78')
    const live = await db.msme.count({ where: { deletedAt: null } })
    const jombang = await createApiClientFor('DISTRICT_OFFICER', { regencyCode: '35.17' })
    const ask = (client: Client, body: unknown, k = key()) => callApi(requestSnapshot, { path: '/api/v1/snapshot', method: 'POST', token: client.token, body, headers: { 'idempotency-key': k } })
    expect((await ask(jombang, { register: 'umkm' })).status).toBe(403)
    expect((await ask(bpr, { register: 'umkm' })).status).toBe(403)
    expect((await ask(reader, { register: 'semua' })).status).toBe(400)

    const k = key()
    const queued = await ask(reader, { register: 'umkm', format: 'ndjson' }, k)
    expect(queued.status).toBe(202)
    const s = await queued.json()
    expect(s).toMatchObject({ status: 'QUEUED', download_url: null, fields: [...SNAPSHOT_FIELDS.umkm] })
    // a retry: the same snapshot, no second job
    expect((await (await ask(reader, { register: 'umkm', format: 'ndjson' }, k)).json()).id).toBe(s.id)
    expect(await db.job.count({ where: { kind: SNAPSHOT_JOB } })).toBe(1)
    const status = () => callApi(snapshotStatus, { path: `/api/v1/snapshot/${s.id}`, token: reader.token, params: { id: s.id } })
    const download = (client: Client = reader) => callApi(downloadSnapshot, { path: `/api/v1/snapshot/${s.id}/unduh`, token: client.token, params: { id: s.id } })
    expect((await download()).status).toBe(409)

    await runJobsUntilIdle({ kinds: [SNAPSHOT_JOB] })
    const ready = await (await status()).json()
    expect(ready).toMatchObject({ status: 'READY', rows: live, download_url: `/api/v1/snapshot/${s.id}/unduh` })
    // bounded by design: one chunk per batch of SNAPSHOT_BATCH records, none larger than a batch's text
    const chunks = await db.$queryRaw<{ n: number; max: number }[]>`SELECT count(*)::int AS n, max(octet_length(data))::int AS max FROM api_snapshot_chunks WHERE snapshot_id = ${s.id}`
    expect(chunks[0].n).toBe(Math.ceil(live / SNAPSHOT_BATCH))
    expect(chunks[0].max).toBeLessThan(SNAPSHOT_BATCH * 1024)

    const file = await download()
    expect(file.status).toBe(200)
    expect(file.headers.get('content-type')).toContain('application/x-ndjson')
    const text = await file.text()
    expect(Buffer.byteLength(text)).toBe(ready.bytes)
    const lines = text.trimEnd().split('\n').map((l) => JSON.parse(l))
    expect(lines).toHaveLength(live)
    expect(new Set(lines.map((l: { id: string }) => l.id)).size).toBe(live)
    expect(Object.keys(lines[0])).toEqual([...SNAPSHOT_FIELDS.umkm])
    for (const l of lines) expect(l.owner_nik_masked).toMatch(/^\d{4}•+\d{4}$/)
    expect(text).not.toMatch(/"\d{16}"/)
    // another client's snapshot is not found
    expect((await download(jombang)).status).toBe(404)

    const csv = await (await ask(reader, { register: 'koperasi', format: 'csv' })).json()
    await runJobsUntilIdle({ kinds: [SNAPSHOT_JOB] })
    const csvFile = await callApi(downloadSnapshot, { path: `/api/v1/snapshot/${csv.id}/unduh`, token: reader.token, params: { id: csv.id } })
    // the bytes as stored (Response.text() would drop the BOM)
    const csvText = Buffer.from(await csvFile.arrayBuffer()).toString('utf8')
    expect(csvText.startsWith('\uFEFF' + SNAPSHOT_FIELDS.koperasi.join(';') + '\r\n')).toBe(true)
  })

  it('the hourly purge removes expired snapshots, old idempotency answers and old rate windows, and nothing current', async () => {
    const client = await createApiClientFor('LEADERSHIP')
    const old = new Date(Date.now() - IDEMPOTENCY_KEEP_MS - 60_000)
    await db.apiIdempotency.createMany({ data: [{ clientId: client.id, key: 'lama', requestHash: 'x', status: 201, body: {}, createdAt: old }, { clientId: client.id, key: 'baru', requestHash: 'x', status: 201, body: {} }] })
    await db.apiRateWindow.createMany({ data: [{ clientId: client.id, windowStart: new Date(Date.now() - 2 * 3_600_000), count: 5 }, { clientId: client.id, windowStart: new Date(Math.floor(Date.now() / 60_000) * 60_000), count: 1 }] })
    const expired = await db.apiSnapshot.create({ data: { clientId: client.id, register: 'umkm', format: 'csv', status: 'READY', expiresAt: new Date(Date.now() - 1000), chunks: { create: [{ seq: 0, data: Buffer.from('x') }] } } })
    const current = await db.apiSnapshot.create({ data: { clientId: client.id, register: 'umkm', format: 'csv', expiresAt: new Date(Date.now() + 3_600_000) } })
    await purgeApiLeftovers()
    expect((await db.apiIdempotency.findMany({ where: { clientId: client.id }, select: { key: true } })).map((r) => r.key)).toEqual(['baru'])
    expect(await db.apiRateWindow.count({ where: { clientId: client.id } })).toBe(1)
    expect(await db.apiSnapshot.findUnique({ where: { id: expired.id } })).toBeNull()
    expect(await db.apiSnapshotChunk.count({ where: { snapshotId: expired.id } })).toBe(0)
    expect(await db.apiSnapshot.findUnique({ where: { id: current.id } })).not.toBeNull()
    // the job runs it and queues the next hour's run
    const { ensureApiMaintenanceSchedule } = await import('@/lib/api/jobs')
    await ensureApiMaintenanceSchedule()
    await runJobsUntilIdle({ kinds: [API_MAINTENANCE], max: 1 })
    expect(await db.job.count({ where: { kind: API_MAINTENANCE, state: 'SUCCEEDED' } })).toBe(1)
    expect(await db.job.count({ where: { kind: API_MAINTENANCE, state: 'QUEUED', runAt: { gt: new Date() } } })).toBe(1)
  })
})
