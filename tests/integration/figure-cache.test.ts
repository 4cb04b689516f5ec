import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { signInAs } from '../support/session-mock'
import { createUser, form, unique } from '../support/factories'
import { db } from '@/lib/db'
import { createDisbursement } from '@/lib/actions/credit'
import { getCreditSummary } from '@/lib/data/credit'
import { getCachedCreditSummary, getCreditDashboard, getOverview, getProgrammeFigures, getRegencyFigures } from '@/lib/data/dashboard'
import { cachedFigures, figureCacheStats, resetFigureCache } from '@/lib/figure-cache'
import type { SessionUser } from '@/lib/session-user'

/**
 * The cross-request figure cache (lib/figure-cache.ts) keyed by the database snapshot: a figure read
 * twice while nothing commits is served from the cache; a write through a server action, a write by
 * raw SQL on another connection, and a write that commits between the snapshot and the figure read
 * are each visible on the next read; two scopes never share an entry. Other test files write to their
 * own databases of the same PostgreSQL at the same time, and transaction ids are cluster-wide: a
 * commit anywhere changes the snapshot (a miss, never a stale hit). So "read twice" is checked on a
 * pair of reads between which the snapshot did not change, retried until such a pair occurs.
 */
const JOMBANG = '35.17'
const MALANG = '35.07'
const asOf = '2025-12-31'
let programId = ''
let bprId = ''
let loanId = ''
let other: pg.Client
let leader: SessionUser
let officer: SessionUser
let bankUser: Awaited<ReturnType<typeof createUser>>

const asSession = (u: Awaited<ReturnType<typeof createUser>>): SessionUser => ({ id: u.id, username: u.username, name: 'Uji', role: u.role, regencyCode: u.regencyCode, bankId: u.bankId, mustChangePassword: false })

async function msme(regencyCode: string) {
  const nib = String(Date.now()).slice(-6) + String(Math.floor(Math.random() * 1e7)).padStart(7, '0')
  return db.msme.create({
    data: { nib, businessName: `Usaha ${unique()}`, ownerName: 'Siti Rahayu', ownerNik: `${regencyCode.replace('.', '')}011234560001`, ownerGender: 'P', kbli: '10792', regencyCode, computedScale: 'MIKRO' },
    select: { id: true, nib: true, ownerNik: true },
  })
}

async function snapshot(): Promise<string> {
  const { rows } = await other.query<{ s: string }>('SELECT pg_current_snapshot()::text AS s')
  return rows[0].s
}

/** Run `twice` until no transaction committed anywhere around it (other files' writes move the snapshot). */
async function whileNothingCommits<T>(twice: () => Promise<T>): Promise<T> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const before = await snapshot()
    const result = await twice()
    if ((await snapshot()) === before) return result
  }
  throw new Error('the snapshot kept changing: could not read twice without a commit in between')
}

beforeAll(async () => {
  other = new pg.Client({ connectionString: process.env.DATABASE_URL })
  await other.connect()
  bprId = (await db.bank.findUniqueOrThrow({ where: { code: 'BPRJATIM' }, select: { id: true } })).id
  const p = await db.creditProgram.create({
    data: {
      code: 'CACHE-2025', scheme: 'CACHE', name: 'Program Cache 2025', year: 2025, creditTarget: 100_000_000, beneficiaryTarget: 4, subsidyCeiling: 10_000_000,
      borrowerRate: 0.03, maxPlafond: 25_000_000, maxTenorMonths: 24, eligibleScales: ['MIKRO', 'KECIL'], banks: { create: [{ bankId: bprId }] },
      rates: { create: [{ bankId: bprId, effectiveFrom: new Date('2025-01-01'), rate: 0.12 }] },
    },
    select: { id: true },
  })
  programId = p.id
  for (const [regencyCode, plafond, day] of [[JOMBANG, 10_000_000, '2025-02-10'], [MALANG, 20_000_000, '2025-03-01']] as const) {
    const m = await msme(regencyCode)
    const d = await db.disbursement.create({
      data: { programId, bankId: bprId, accountNumber: `CACHE-${unique()}`, msmeId: m.id, regencyCode, contractDate: new Date(day), plafond, tenorMonths: 12, bankRate: 0.12, borrowerRate: 0.03 },
      select: { id: true },
    })
    loanId ||= d.id
  }
  leader = asSession(await createUser('LEADERSHIP'))
  officer = asSession(await createUser('DISTRICT_OFFICER', { regencyCode: JOMBANG }))
  bankUser = await createUser('BANK_OFFICER', { bankCode: 'BPRJATIM' })
  resetFigureCache()
})

afterAll(async () => {
  await other.end()
})

const filter = () => ({ programId, asOf })

describe('a figure read twice while nothing commits', () => {
  it('is loaded once: the second read is served from the cache', async () => {
    const load = vi.fn(async () => ({ n: Math.random() }))
    const [a, b] = await whileNothingCommits(async () => {
      load.mockClear()
      return [await cachedFigures('spy', ['same'], load), await cachedFigures('spy', ['same'], load)]
    })
    expect(load).toHaveBeenCalledTimes(1)
    expect(b).toBe(a)
  })

  it('serves the overview, the credit dashboard, the programme page and a regency dashboard from the cache, equal to the figures read without it', async () => {
    const reads = [
      () => getOverview({ user: leader, filter: filter() }),
      () => getCreditDashboard({ user: leader, filter: filter() }),
      () => getProgrammeFigures({ user: leader, filter: filter() }),
      () => getRegencyFigures({ user: officer, filter: { ...filter(), regencyCode: JOMBANG } }),
    ]
    for (const read of reads) {
      const [first, second, before, after] = await whileNothingCommits(async () => {
        const first = await read()
        const before = figureCacheStats()
        const second = await read()
        return [first, second, before, figureCacheStats()] as const
      })
      // the second read loads nothing: its figure set is one hit, the programme its scope resolves another
      expect(after.misses - before.misses).toBe(0)
      const { 'programme-header': headerHits = 0, ...sets } = after.hitsByName
      expect(headerHits - (before.hitsByName['programme-header'] ?? 0)).toBeGreaterThanOrEqual(1)
      expect(Object.entries(sets).reduce((n, [name, h]) => n + h - (before.hitsByName[name] ?? 0), 0)).toBe(1)
      expect(second).toBe(first)
    }
    const overview = await getOverview({ user: leader, filter: filter() })
    expect(overview.summary).toEqual(await getCreditSummary({ user: leader, filter: filter() }))
    expect(overview.summary.disbursed).toBe(30_000_000)
    const programme = await getProgrammeFigures({ user: leader, filter: filter() })
    expect(programme.summary).toEqual(overview.summary)
    expect(programme.province).toEqual(overview.summary)
    const regency = await getRegencyFigures({ user: officer, filter: { ...filter(), regencyCode: JOMBANG } })
    expect(regency.summary).toEqual(await getCreditSummary({ user: officer, filter: { ...filter(), regencyCode: JOMBANG } }))
    expect(regency.summary.disbursed).toBe(10_000_000)
  })

  it('keeps cached values frozen, so no request can change another request\'s figures', async () => {
    const overview = await getOverview({ user: leader, filter: filter() })
    expect(Object.isFrozen(overview)).toBe(true)
    expect(Object.isFrozen(overview.summary)).toBe(true)
    expect(Object.isFrozen(overview.series)).toBe(true)
  })
})

describe('a write is visible on the next read', () => {
  it('through a server action', async () => {
    const before = await getCachedCreditSummary({ user: leader, filter: filter() })
    signInAs(bankUser)
    const m = await msme(JOMBANG)
    const res = await createDisbursement(undefined, form({ programId, accountNumber: `CACHE-${unique()}`, nib: m.nib, ownerNik: m.ownerNik, contractDate: '2025-04-15', plafond: '5.000.000', tenorMonths: 12, method: 'ANNUITY' }))
    expect(res, JSON.stringify(res)).toMatchObject({ ok: true })
    const after = await getCachedCreditSummary({ user: leader, filter: filter() })
    expect(after.disbursed).toBe(before.disbursed + 5_000_000)
    expect(after.loans).toBe(before.loans + 1)
    expect((await getOverview({ user: leader, filter: filter() })).summary.disbursed).toBe(after.disbursed)
  })

  it('through raw SQL on another connection (a console, a job, another instance)', async () => {
    const before = await getOverview({ user: leader, filter: filter() })
    await other.query('UPDATE disbursements SET plafond = plafond + 1000000 WHERE id = $1', [loanId])
    const registersBefore = before.registers!.msmes.total
    await other.query(`INSERT INTO msmes (id, nib, business_name, owner_name, owner_nik, owner_gender, kbli, regency_code, computed_scale, created_at, updated_at)
      VALUES ($1, $2, 'Usaha konsol', 'Budi', '3517011234560002', 'L', '10792', $3, 'KECIL', now(), now())`, [unique('m'), String(8_100_000_000_000 + Math.floor(Math.random() * 1e9)), JOMBANG])
    const after = await getOverview({ user: leader, filter: filter() })
    expect(after.summary.disbursed).toBe(before.summary.disbursed + 1_000_000)
    expect(after.registers!.msmes.total).toBe(registersBefore + 1)
    expect(after.registers!.msmes.kecil).toBe(before.registers!.msmes.kecil + 1)
    const dashboard = await getCreditDashboard({ user: leader, filter: filter() })
    expect(dashboard.summary.disbursed).toBe(after.summary.disbursed)
    expect((await getProgrammeFigures({ user: leader, filter: filter() })).summary.disbursed).toBe(after.summary.disbursed)
    // the loan changed is Jombang's: its regency dashboard moves with it
    const regencyFilter = { ...filter(), regencyCode: JOMBANG }
    const regencyBefore = await getRegencyFigures({ user: officer, filter: regencyFilter })
    await other.query('UPDATE disbursements SET plafond = plafond + 1000000 WHERE id = $1', [loanId])
    expect((await getRegencyFigures({ user: officer, filter: regencyFilter })).summary.disbursed).toBe(regencyBefore.summary.disbursed + 1_000_000)
  })

  it('of the programme itself (its target, its banks): the header every figure resolves is cached by the same key', async () => {
    const before = await getCachedCreditSummary({ user: leader, filter: filter() })
    await other.query('UPDATE credit_programs SET credit_target = credit_target + 1000000 WHERE id = $1', [programId])
    try {
      const after = await getCachedCreditSummary({ user: leader, filter: filter() })
      expect(after.creditTarget).toBe(before.creditTarget + 1_000_000)
      expect((await getOverview({ user: leader, filter: filter() })).summary.creditTarget).toBe(after.creditTarget)
      // the bank leaves the programme: its officer is refused at once, not served the cached header
      expect((await getCachedCreditSummary({ user: asSession(bankUser), filter: filter() })).bankId).toBe(bankUser.bankId)
      const banks = await other.query('DELETE FROM credit_program_banks WHERE program_id = $1 AND bank_id = $2 RETURNING *', [programId, bankUser.bankId])
      expect(banks.rowCount).toBe(1)
      await expect(getCachedCreditSummary({ user: asSession(bankUser), filter: filter() })).rejects.toMatchObject({ code: 'NOT_FOUND' })
      for (const b of banks.rows) await other.query('INSERT INTO credit_program_banks SELECT * FROM json_populate_record(NULL::credit_program_banks, $1)', [JSON.stringify(b)])
    } finally {
      await other.query('UPDATE credit_programs SET credit_target = credit_target - 1000000 WHERE id = $1', [programId])
    }
  })

  it('that commits between the snapshot and the figure read: the entry is newer than its key, and the next read has another key', async () => {
    const parts = ['between', programId]
    const read = () => getCreditSummary({ user: leader, filter: filter() })
    const before = await read()
    const snapshotBefore = await snapshot()
    const first = await cachedFigures('between', parts, async () => {
      // the cache has read this request's snapshot; a write commits now, before the figures are read
      await other.query('UPDATE disbursements SET plafond = plafond + 2000000 WHERE id = $1', [loanId])
      return read()
    })
    expect(first.disbursed).toBe(before.disbursed + 2_000_000)
    expect(await snapshot()).not.toBe(snapshotBefore)
    const load = vi.fn(read)
    const next = await cachedFigures('between', parts, load)
    expect(load).toHaveBeenCalledTimes(1)
    expect(next).toEqual(await read())
    // and the same through the page's own figure set
    expect((await getCachedCreditSummary({ user: leader, filter: filter() })).disbursed).toBe(first.disbursed)
  })
})

describe('two scopes never share an entry', () => {
  it('a district officer gets its regency, the province gets the province, the bank officer its bank', async () => {
    const bankSession = asSession(bankUser)
    const [province, regency, bank, provinceAgain] = await whileNothingCommits(async () => [
      await getOverview({ user: leader, filter: filter() }),
      await getOverview({ user: officer, filter: { ...filter(), regencyCode: JOMBANG } }),
      await getOverview({ user: bankSession, filter: filter() }),
      await getOverview({ user: leader, filter: filter() }),
    ] as const)
    expect(provinceAgain).toBe(province)
    expect(regency).not.toBe(province)
    expect(regency.summary).toEqual(await getCreditSummary({ user: officer, filter: { ...filter(), regencyCode: JOMBANG } }))
    expect(regency.summary.disbursed).toBeLessThan(province.summary.disbursed)
    expect(regency.registers!.msmes.total).toBeLessThan(province.registers!.msmes.total)
    expect(bank).not.toBe(province)
    expect(bank.summary).toEqual(await getCreditSummary({ user: bankSession, filter: { ...filter(), bankId: bprId } }))
    expect(bank.registers).toBeNull()
  })

  it('an officer asking for its own regency never gets the entry of the province, nor of a leader with the same filter', async () => {
    const sameFilter = { ...filter(), regencyCode: JOMBANG }
    const [byLeader, byOfficer] = await whileNothingCommits(async () => [
      await getOverview({ user: leader, filter: sameFilter }),
      await getOverview({ user: officer, filter: sameFilter }),
    ] as const)
    expect(byOfficer).not.toBe(byLeader)
    expect(byOfficer.summary).toEqual(byLeader.summary)
  })
})
