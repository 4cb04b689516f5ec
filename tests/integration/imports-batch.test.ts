import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { db, transactionCanCopy } from '@/lib/db'
import { createCooperative, updateCooperative } from '@/lib/actions/cooperatives'
import { createMsme, updateMsme } from '@/lib/actions/msmes'
import { runJobsUntilIdle } from '@/lib/jobs'
import { COOPERATIVE_FIELDS } from '@/lib/imports/kinds/cooperatives'
import { MSME_FIELDS } from '@/lib/imports/kinds/msmes'
import { IMPORT_LIMITS } from '@/lib/imports/file'
import { storeVerdicts } from '@/lib/imports/pipeline'
import { applyPlan, planStillHolds } from '@/lib/imports/planned'
import type { JobContext } from '@/lib/jobs'
import { cancelImport, createImport, importProgress, startCheck, startCommit } from '@/lib/imports/service'
import { MSME_TABLE, insertMsme, insertMsmes } from '@/lib/registers/writes'
import { createPrismaClientWithPool } from '@/lib/prisma-client'
import { msmeSchema } from '@/lib/validations/msmes'
import type { SessionUser } from '@/lib/session-user'
import { createTestUser, signInAs, submit } from '../support/session'
import { checkImport, commitImport, importVersion, msmeForm, msmeRow, xlsx } from '../support/imports'

/**
 * The import's batched write (lib/registers/writes.ts insertMsmes/updateMsmes and the cooperatives' twins,
 * one statement per batch) against the form's write of one record: the stored row and its audit row are the
 * same. A write conflict in all-or-nothing mode leaves the database as it was; two imports of overlapping files
 * at once leave every NIB once.
 */
type TestUser = Awaited<ReturnType<typeof createTestUser>>
let admin: TestUser
let session: SessionUser

beforeAll(async () => {
  admin = await createTestUser({ role: 'ADMIN' })
  session = { ...admin }
})

/** Another writer registers `nibValue` through the form's write and holds its transaction open until `commit()` or `rollback()`. */
async function registerUncommitted(nibValue: string): Promise<{ commit: () => Promise<void>; rollback: () => Promise<void> }> {
  let release!: (keep: boolean) => void
  const held = new Promise<boolean>((resolve) => { release = resolve })
  let inserted!: () => void
  const insertedOnce = new Promise<void>((resolve) => { inserted = resolve })
  const writer = db.$transaction(async (tx) => {
    await insertMsme(tx, { id: admin.id, username: admin.username, role: admin.role }, msmeSchema.parse({ ...msmeForm(nibValue), newRegistration: 'on' }))
    inserted()
    if (!(await held)) throw new Error('rolled back')
  }, { timeout: 120_000 })
  await insertedOnce
  return {
    commit: async () => { release(true); await writer },
    rollback: async () => { release(false); await expect(writer).rejects.toThrow('rolled back') },
  }
}

/** Until the import's insert waits for a lock (the uncommitted NIB of `registerUncommitted`). */
async function importWaitsForALock(): Promise<void> {
  // the batch's new records go by COPY (lib/registers/writes.ts batchInsert); a planned write's by INSERT … SELECT (lib/imports/planned.ts)
  await waitsForALock('COPY "msmes"%', 'INSERT INTO "msmes"%')
}

/** Until a statement LIKE one of `queries` waits for a lock. */
async function waitsForALock(...queries: string[]): Promise<void> {
  for (;;) {
    const [w] = await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE ANY(${queries}::text[])`
    if (w.n > 0) return
    await new Promise((r) => setTimeout(r, 50))
  }
}

let seq = 0
const stamp = String(Date.now()).slice(-6)
/** a 13-digit NIB unique to this run */
const nib = () => `8${stamp}${String(++seq).padStart(6, '0')}`
/** a 16-digit NIK koperasi unique to this run */
const coopNik = () => `3517${stamp}${String(++seq).padStart(6, '0')}`

const coopForm = (nik: string, over: Record<string, string | boolean> = {}) => ({
  nik, name: 'KSP Batch Sejahtera', type: 'SIMPAN_PINJAM', form: 'PRIMER', pattern: 'SYARIAH', groupName: 'Kopwan', legalEntityNumber: '1234/BH/XVI/1996',
  legalEntityDate: '1996-03-12', regencyCode: '35.17', districtCode: '35.17.01', villageCode: '', address: 'Jl. Raya Diwek 5', membersMale: '120',
  membersFemale: '1.250', managers: '5', employees: '4', active: true as boolean, ...over,
})
const coopRow = (form: ReturnType<typeof coopForm>) =>
  COOPERATIVE_FIELDS.map((f) => (f.key === 'active' ? (form.active ? 'Ya' : 'Tidak') : String((form as Record<string, unknown>)[f.key] ?? '')))

/** A stored record without what differs by nature between two records (id, key, timestamps). */
function comparable(row: Record<string, unknown>, key: string) {
  return Object.fromEntries(Object.entries(row).filter(([field]) => !['id', 'createdAt', 'updatedAt', key].includes(field)))
}

/** The audit rows of a record as comparable values: who, what, before and after without the record's id and key. */
async function auditOf(entity: string, id: string, key: string) {
  const rows = await db.auditLog.findMany({ where: { entity, entityId: id }, orderBy: { id: 'asc' }, select: { userId: true, username: true, role: true, action: true, before: true, after: true } })
  return rows.map((r) => ({
    ...r,
    before: r.before ? comparable(r.before as Record<string, unknown>, key) : null,
    after: r.after ? comparable(r.after as Record<string, unknown>, key) : null,
  }))
}

/** Row count and a checksum of the MSME table and of the audit trail: "the database is untouched" as a fact. */
async function fingerprint() {
  const [r] = await db.$queryRaw<{ n: bigint; sum: string; audits: bigint }[]>`
    SELECT count(*) AS n, md5(coalesce(string_agg(nib || business_name || annual_sales::text || version, ',' ORDER BY nib), '')) AS sum,
      (SELECT count(*) FROM audit_logs WHERE entity = 'Msme') AS audits
    FROM msmes`
  return `${r.n}:${r.sum}:${r.audits}`
}

/**
 * The commit applies the dry run's planned writes in SQL when no record the dry run compared a row with has
 * changed since (lib/imports/planned.ts); otherwise it checks and writes every row again, batch by batch. The
 * tests of the write run both ways: `beforeCommit` takes the plan away for the second (as for a dry run made
 * before the plans existed).
 */
const WAYS = [{ way: 'planned by the dry run', plan: true }, { way: 'every row checked again', plan: false }]
async function beforeCommit(id: string, plan: boolean) {
  if (!plan) await db.dataImport.update({ where: { id }, data: { planKey: null } })
}
/** Which way the commit wrote the new records: under the ids the dry run planned (true), or under ids of its own. */
async function wroteThePlan(id: string): Promise<boolean> {
  const [r] = await db.$queryRaw<{ planned: number; created: number }[]>`
    SELECT count(m.id)::int AS planned, count(*)::int AS created FROM import_rows r LEFT JOIN msmes m ON m.id = r.record_id AND m.nib = r.key
    WHERE r.import_id = ${id} AND r.outcome = 'CREATE'`
  expect(r.created).toBeGreaterThan(0)
  return r.planned === r.created
}

describe.each(WAYS)('the batched write stores what the form stores ($way)', ({ plan }) => {
  it('an MSME created and then changed by the form equals one created and changed by an import (row and audit rows)', async () => {
    const [byForm, byImport] = [nib(), nib()]
    signInAs(admin)
    expect((await submit(createMsme, msmeForm(byForm))).redirect).toMatch(/^\/umkm\//)
    const dry = await checkImport(session, 'umkm', await xlsx(MSME_FIELDS, [msmeRow(msmeForm(byImport))]))
    expect(dry.check).toEqual({ total: 1, create: 1, update: 0, unchanged: 0, invalid: 0 })
    await beforeCommit(dry.id, plan)
    expect(await commitImport(session, dry.id)).toMatchObject({ status: 'DONE' })
    expect(await wroteThePlan(dry.id)).toBe(plan)

    const read = () => db.msme.findMany({ where: { nib: { in: [byForm, byImport] } }, orderBy: { nib: 'asc' } })
    let [formRow, importRow] = await read()
    expect(comparable(importRow, 'nib')).toEqual(comparable(formRow, 'nib'))
    expect(await auditOf('Msme', importRow.id, 'nib')).toEqual(await auditOf('Msme', formRow.id, 'nib'))

    // the same change by the form and by an import: an update of the figures, the scale recomputed, the version moved
    const change = { annualSales: '60.000.000', recordedScale: 'KECIL', newRegistration: false }
    signInAs(admin)
    expect((await submit(updateMsme, { ...msmeForm(byForm, change), id: formRow.id, version: formRow.version, ownerNik: '' })).redirect).toBeTruthy()
    const again = await checkImport(session, 'umkm', await xlsx(MSME_FIELDS, [msmeRow(msmeForm(byImport, change))]))
    expect(again.check).toMatchObject({ update: 1, invalid: 0 })
    await beforeCommit(again.id, plan)
    expect(await commitImport(session, again.id)).toMatchObject({ status: 'DONE' });
    [formRow, importRow] = await read()
    expect(importRow).toMatchObject({ version: 2, computedScale: 'MIKRO', scaleMismatch: true })
    expect(comparable(importRow, 'nib')).toEqual(comparable(formRow, 'nib'))
    const audits = await auditOf('Msme', importRow.id, 'nib')
    expect(audits.map((a) => a.action)).toEqual(['CREATE', 'UPDATE'])
    expect(audits).toEqual(await auditOf('Msme', formRow.id, 'nib'))
    // the trail keeps the owner NIK masked, as every screen does
    expect(JSON.stringify(audits)).not.toContain('3517014501900001')
  })

  it('a cooperative created and then changed by the form equals one created and changed by an import', async () => {
    const [byForm, byImport] = [coopNik(), coopNik()]
    signInAs(admin)
    expect((await submit(createCooperative, coopForm(byForm))).redirect).toMatch(/^\/koperasi\//)
    const dry = await checkImport(session, 'koperasi', await xlsx(COOPERATIVE_FIELDS, [coopRow(coopForm(byImport))]))
    expect(dry.check).toMatchObject({ create: 1, invalid: 0 })
    await beforeCommit(dry.id, plan)
    expect(await commitImport(session, dry.id)).toMatchObject({ status: 'DONE' })
    const read = () => db.cooperative.findMany({ where: { nik: { in: [byForm, byImport] } }, orderBy: { nik: 'asc' } })
    let [formRow, importRow] = await read()
    expect(comparable(importRow, 'nik')).toEqual(comparable(formRow, 'nik'))
    expect(await auditOf('Cooperative', importRow.id, 'nik')).toEqual(await auditOf('Cooperative', formRow.id, 'nik'))

    const change = { membersFemale: '1300', active: false, pattern: 'KONVENSIONAL' }
    signInAs(admin)
    expect((await submit(updateCooperative, { ...coopForm(byForm, change), id: formRow.id, version: formRow.version })).redirect).toBeTruthy()
    const again = await checkImport(session, 'koperasi', await xlsx(COOPERATIVE_FIELDS, [coopRow(coopForm(byImport, change))]))
    expect(again.check).toMatchObject({ update: 1, invalid: 0 })
    await beforeCommit(again.id, plan)
    expect(await commitImport(session, again.id)).toMatchObject({ status: 'DONE' });
    [formRow, importRow] = await read()
    expect(importRow).toMatchObject({ version: 2, active: false, membersFemale: 1300, pattern: 'KONVENSIONAL' })
    expect(comparable(importRow, 'nik')).toEqual(comparable(formRow, 'nik'))
    const audits = await auditOf('Cooperative', importRow.id, 'nik')
    expect(audits.map((a) => a.action)).toEqual(['CREATE', 'UPDATE'])
    expect(audits).toEqual(await auditOf('Cooperative', formRow.id, 'nik'))
  })
})

/**
 * A batch's new records go by COPY on the transaction's connection, or, where that connection is not known
 * (behind a pooler: here a client whose connections the app does not track), by `INSERT … FROM unnest`: the same
 * records and audit rows either way, and a key taken meanwhile is a conflict either way.
 */
describe('new records by COPY, or by statement behind a pooler', () => {
  const pooled = createPrismaClientWithPool(process.env.DATABASE_URL!, 2)
  afterAll(() => pooled.prisma.$disconnect())
  const actor = () => ({ id: admin.id, username: admin.username, role: admin.role })
  // COPY's text format escapes these: a tab, a backslash, a line break; and a row with empty optional columns
  const input = (n: string, i: number) => msmeSchema.parse({
    ...msmeForm(n, i === 1 ? { address: 'Jl. Tab\there \\ Gg. 2\nRT 01', businessName: 'Toko "Maju" \\N' } : i === 2 ? { iumkDate: '', iumkNumber: '', districtCode: '', phone: '' } : {}),
    newRegistration: 'on',
  })
  const inputs = (nibs: string[]) => nibs.map(input)

  it('writes the same records and audit rows either way, special characters and empty columns included', async () => {
    expect(await db.$transaction((tx) => transactionCanCopy(tx))).toBe(true)
    expect(await pooled.prisma.$transaction((tx) => transactionCanCopy(tx))).toBe(false)
    const [viaCopy, viaStatement] = [[nib(), nib(), nib()], [nib(), nib(), nib()]]
    expect(await db.$transaction((tx) => insertMsmes(tx, actor(), inputs(viaCopy)))).toEqual({ conflicts: [] })
    expect(await pooled.prisma.$transaction((tx) => insertMsmes(tx, actor(), inputs(viaStatement)))).toEqual({ conflicts: [] })
    const read = (nibs: string[]) => db.msme.findMany({ where: { nib: { in: nibs } }, orderBy: { nib: 'asc' } })
    const [copied, inserted] = [await read(viaCopy), await read(viaStatement)]
    expect(copied.map((r) => r.address)).toEqual(['Jl. Diponegoro 5', 'Jl. Tab\there \\ Gg. 2\nRT 01', 'Jl. Diponegoro 5'])
    expect(copied[1].businessName).toBe('Toko "Maju" \\N')
    expect(copied[2]).toMatchObject({ iumkDate: null, iumkNumber: null, districtCode: null, phone: null })
    for (const [i, row] of copied.entries()) {
      expect(comparable(row, 'nib')).toEqual(comparable(inserted[i], 'nib'))
      expect(await auditOf('Msme', row.id, 'nib')).toEqual(await auditOf('Msme', inserted[i].id, 'nib'))
    }
    // and as the form writes it
    const byForm = nib()
    await db.$transaction((tx) => insertMsme(tx, actor(), input(byForm, 1)))
    const [formRow] = await read([byForm])
    expect(comparable(copied[1], 'nib')).toEqual(comparable(formRow, 'nib'))
    expect(await auditOf('Msme', copied[1].id, 'nib')).toEqual(await auditOf('Msme', formRow.id, 'nib'))
  })

  it('a key someone stored meanwhile is a conflict either way, and nothing of the batch is kept', async () => {
    for (const client of [db, pooled.prisma]) {
      const nibs = [nib(), nib(), nib()]
      await db.$transaction((tx) => insertMsme(tx, actor(), input(nibs[1], 1)))
      const before = await fingerprint()
      await expect(client.$transaction(async (tx) => {
        expect(await insertMsmes(tx, actor(), inputs(nibs))).toEqual({ conflicts: [1] })
        // as the import does on any conflict
        throw new Error('roll back')
      })).rejects.toThrow('roll back')
      expect(await fingerprint()).toBe(before)
    }
  })
})

/**
 * The dry run's verdicts go into import_rows by COPY on its transaction's connection, or behind a pooler by one
 * INSERT of a JSON document: the same rows either way, whatever the cells held.
 */
describe('verdicts by COPY, or by statement behind a pooler', () => {
  const pooled = createPrismaClientWithPool(process.env.DATABASE_URL!, 2)
  afterAll(() => pooled.prisma.$disconnect())
  const rows = (importId: string) => [
    {
      importId, rowNumber: 2, outcome: 'CREATE', key: '9120001234567', values: { nib: '9120001234567', address: 'Jl. Tab\there \\ Gg. 2\nRT 01\r', businessName: 'Toko "Maju" \\N', ownerName: 'Ñoño – 日本' },
      // a planned write (lib/imports/planned.ts): the column texts and the audit row's JSON text, special characters included
      plan: {
        recordId: 'cplanned0001', seenVersion: null, seenDeleted: null, record: ['9120001234567', 'Toko "Maju" \\N', null, 'Jl. Tab\there\n'],
        auditBefore: null, auditAfter: JSON.stringify({ nib: '9120001234567', businessName: 'Toko "Maju" \\N', address: 'Jl.\tTab\r\n', ownerNik: '3517********0001' }),
      },
    },
    { importId, rowNumber: 3, outcome: 'INVALID', key: null, values: { nib: '91200', $problems: { workers: 'Jumlah tenaga kerja harus bilangan bulat 0 atau lebih.' } }, errors: [{ column: 'No. NIB', message: 'NIB harus 13 digit angka.' }] },
    {
      importId, rowNumber: 5, outcome: 'UPDATE', key: '9120001234568', values: { nib: '9120001234568', workers: '4' }, changes: [{ field: 'workers', column: 'Tenaga\tKerja', before: '3', after: '4' }],
      plan: { recordId: 'cstored0001', seenVersion: 3, seenDeleted: false, record: ['9120001234568', null], auditBefore: JSON.stringify({ workers: 3, version: 3 }), auditAfter: JSON.stringify({ workers: 4, version: 4 }) },
    },
    { importId, rowNumber: 6, outcome: 'UNCHANGED', key: '9120001234569', values: {} },
  ]
  const newImport = async () => {
    const [row] = await db.$queryRaw<{ id: string }[]>`INSERT INTO imports (id, kind, created_by_id, created_by_name, file_name, file_hash, file_size, file_format, file)
      VALUES (${`verdicts-${nib()}`}, 'umkm', ${admin.id}, 'Uji', 'umkm.xlsx', repeat('0', 64), 1, 'xlsx', '\\x00'::bytea) RETURNING id`
    return row.id
  }
  const stored = (importId: string) => db.importRow.findMany({ where: { importId }, orderBy: { rowNumber: 'asc' }, omit: { importId: true } })

  it('stores the same verdict rows either way', async () => {
    const [viaCopy, viaStatement] = [await newImport(), await newImport()]
    await db.$transaction(async (tx) => {
      expect(await transactionCanCopy(tx)).toBe(true)
      await storeVerdicts(tx, viaCopy, rows(viaCopy))
    })
    await pooled.prisma.$transaction(async (tx) => {
      expect(await transactionCanCopy(tx)).toBe(false)
      await storeVerdicts(tx, viaStatement, rows(viaStatement))
    })
    const copied = await stored(viaCopy)
    expect(copied).toEqual(await stored(viaStatement))
    expect(copied.map((r) => r.rowNumber)).toEqual([2, 3, 5, 6])
    expect(copied[0].values).toEqual(rows(viaCopy)[0].values)
    expect(copied[1]).toMatchObject({ key: null, errors: rows(viaCopy)[1].errors, changes: null })
    expect(copied[2].changes).toEqual(rows(viaCopy)[2].changes)
    // the plans: texts as sent, the audit rows' JSON as the JSON they hold
    const [created, , changed] = rows(viaCopy)
    expect(copied[0]).toMatchObject({ recordId: 'cplanned0001', seenVersion: null, record: created.plan!.record, auditAfter: JSON.parse(created.plan!.auditAfter!) })
    expect(copied[2]).toMatchObject({ recordId: 'cstored0001', seenVersion: 3, seenDeleted: false, auditBefore: { workers: 3, version: 3 }, auditAfter: { workers: 4, version: 4 } })
    expect(changed.plan!.record).toEqual(copied[2].record)
    await db.dataImport.deleteMany({ where: { id: { in: [viaCopy, viaStatement] } } })
  })

  it('a dry run cancelled in the middle leaves none of its verdicts', async () => {
    const id = await createImport(session, 'umkm', await xlsx(MSME_FIELDS, Array.from({ length: 1_200 }, () => msmeRow(msmeForm(nib())))))
    const imp = await db.dataImport.findUniqueOrThrow({ where: { id }, select: { sheetName: true, mapping: true } })
    // another session holds row 502 of this import (the second batch's first) uncommitted: the dry run's COPY of
    // the second batch waits for it, with the first batch stored in the dry run's transaction
    let release!: () => void
    const held = new Promise<void>((resolve) => { release = resolve })
    let taken!: () => void
    const takenOnce = new Promise<void>((resolve) => { taken = resolve })
    const blocker = db.$transaction(async (tx) => {
      await tx.$executeRaw`INSERT INTO import_rows (import_id, row_number, outcome, "values") VALUES (${id}, 502, 'CREATE', '{}')`
      taken()
      await held
      throw new Error('rolled back')
    }, { timeout: 120_000 })
    await takenOnce
    await startCheck(session, id, imp.sheetName!, imp.mapping as Record<string, string | null>)
    const running = runJobsUntilIdle()
    await waitsForALock('%import_rows (import_id%')
    await cancelImport(session, id)
    release()
    await expect(blocker).rejects.toThrow('rolled back')
    await running
    expect(await db.dataImport.findUniqueOrThrow({ where: { id }, select: { status: true } })).toEqual({ status: 'CANCELLED' })
    // the first batch's 500 verdicts went with the dry run's transaction
    expect(await db.importRow.count({ where: { importId: id } })).toBe(0)
  })

  it('shows the rows to check from the start, before the job has said its total', async () => {
    const id = await createImport(session, 'umkm', await xlsx(MSME_FIELDS, [nib(), nib(), nib()].map((n) => msmeRow(msmeForm(n)))))
    const imp = await db.dataImport.findUniqueOrThrow({ where: { id }, select: { sheetName: true, mapping: true } })
    await startCheck(session, id, imp.sheetName!, imp.mapping as Record<string, string | null>)
    // queued, not yet picked up by a worker: 0 of the 3 rows counted at upload, not "0 rows" of an unknown total
    expect(await importProgress(session, id)).toMatchObject({ status: 'CHECKING', done: 0, total: 3 })
    await runJobsUntilIdle()
    expect(await importProgress(session, id)).toMatchObject({ status: 'CHECKED', done: 3, total: 3 })
  })

  it('a cancel that arrives after the dry run ended discards it, as the user asked; a finished import is not undone', async () => {
    const dry = await checkImport(session, 'umkm', await xlsx(MSME_FIELDS, [nib(), nib()].map((n) => msmeRow(msmeForm(n)))))
    expect(dry.status).toBe('CHECKED')
    await cancelImport(session, dry.id)
    expect(await db.dataImport.findUniqueOrThrow({ where: { id: dry.id }, select: { status: true } })).toEqual({ status: 'CANCELLED' })
    const audit = await db.auditLog.findFirstOrThrow({ where: { entity: 'DataImport', entityId: dry.id }, orderBy: { id: 'desc' }, select: { before: true, after: true } })
    expect(audit).toEqual({ before: { status: 'CHECKED' }, after: { status: 'CANCELLED', discarded: true } })
    await expect(startCommit(session, dry.id, await importVersion(dry.id), 'ALL')).rejects.toThrow()

    // two cancels of one finished dry run at once (two tabs): one discards it, the other is told, one audit row
    const twice = await checkImport(session, 'umkm', await xlsx(MSME_FIELDS, [nib()].map((n) => msmeRow(msmeForm(n)))))
    const results = await Promise.allSettled([cancelImport(session, twice.id), cancelImport(session, twice.id)])
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected'])
    expect(await db.dataImport.findUniqueOrThrow({ where: { id: twice.id }, select: { status: true } })).toEqual({ status: 'CANCELLED' })
    expect(await db.auditLog.count({ where: { entity: 'DataImport', entityId: twice.id, after: { path: ['discarded'], equals: true } } })).toBe(1)

    const done = await checkImport(session, 'umkm', await xlsx(MSME_FIELDS, [nib()].map((n) => msmeRow(msmeForm(n)))))
    expect(await commitImport(session, done.id)).toMatchObject({ status: 'DONE' })
    await expect(cancelImport(session, done.id)).rejects.toThrow('Tidak ada proses yang berjalan untuk impor ini.')
    expect(await db.dataImport.findUniqueOrThrow({ where: { id: done.id }, select: { status: true } })).toEqual({ status: 'DONE' })
  })

  it('a dry run run again that fails leaves nothing of the previous one to read or commit', async () => {
    const id = await createImport(session, 'umkm', await xlsx(MSME_FIELDS, [nib(), nib(), nib()].map((n) => msmeRow(msmeForm(n)))))
    const imp = await db.dataImport.findUniqueOrThrow({ where: { id }, select: { sheetName: true, mapping: true } })
    const mapping = imp.mapping as Record<string, string | null>
    await startCheck(session, id, imp.sheetName!, mapping)
    await runJobsUntilIdle()
    expect(await db.importRow.count({ where: { importId: id } })).toBe(3)
    // the user maps again (the address left out) and this dry run fails: here the row limit lowered meanwhile
    const limit = IMPORT_LIMITS.maxRows
    IMPORT_LIMITS.maxRows = 2
    try {
      await startCheck(session, id, imp.sheetName!, { ...mapping, Alamat: null })
      await runJobsUntilIdle()
    } finally {
      IMPORT_LIMITS.maxRows = limit
    }
    expect(await db.dataImport.findUniqueOrThrow({ where: { id }, select: { status: true, summary: true } })).toEqual({ status: 'FAILED', summary: null })
    // the first dry run's rows, checked under the previous mapping, are gone, and there is nothing to commit
    expect(await db.importRow.count({ where: { importId: id } })).toBe(0)
    await expect(startCommit(session, id, await importVersion(id), 'VALID_ONLY')).rejects.toThrow('Jalankan pemeriksaan (uji coba) dulu')
  })
})

describe.each(WAYS)('conflicts ($way)', ({ plan }) => {
  it('writes nothing in all-or-nothing mode when one row of a batch was registered by someone else during the write', async () => {
    const nibs = [nib(), nib(), nib()]
    const dry = await checkImport(session, 'umkm', await xlsx(MSME_FIELDS, nibs.map((n) => msmeRow(msmeForm(n)))))
    expect(dry.check).toMatchObject({ create: 3, invalid: 0 })
    const before = await fingerprint()

    // another writer (the form's write path) registers the second NIB and holds its transaction open
    const other = await registerUncommitted(nibs[1])

    // the import's write meets the uncommitted NIB and waits for it; the other writer then commits
    await beforeCommit(dry.id, plan)
    await startCommit(session, dry.id, await importVersion(dry.id), 'ALL')
    const running = runJobsUntilIdle()
    await importWaitsForALock()
    await other.commit()
    await running
    const done = await db.dataImport.findUniqueOrThrow({ where: { id: dry.id }, select: { status: true, error: true } })
    expect(done.status).toBe('FAILED')
    expect(done.error).toMatch(/^Baris 3: data diubah orang lain selama impor/)
    // only the other writer's record is there: the import wrote no row and no audit row
    expect(await db.msme.findMany({ where: { nib: { in: nibs } }, select: { nib: true } })).toEqual([{ nib: nibs[1] }])
    await db.msme.delete({ where: { nib: nibs[1] } })
    await db.auditLog.deleteMany({ where: { entity: 'Msme', after: { path: ['nib'], equals: nibs[1] } } })
    expect(await fingerprint()).toBe(before)
  })

  it('two imports of overlapping files at once end with every NIB once, both done', async () => {
    const nibs = Array.from({ length: 9 }, () => nib())
    const first = await checkImport(session, 'umkm', await xlsx(MSME_FIELDS, nibs.slice(0, 6).map((n) => msmeRow(msmeForm(n))), 'a.xlsx'))
    const second = await checkImport(session, 'umkm', await xlsx(MSME_FIELDS, nibs.slice(3).map((n) => msmeRow(msmeForm(n))), 'b.xlsx'))
    expect([first.check.create, second.check.create]).toEqual([6, 6])
    await beforeCommit(first.id, plan)
    await startCommit(session, first.id, await importVersion(first.id), 'ALL')
    await beforeCommit(second.id, plan)
    await startCommit(session, second.id, await importVersion(second.id), 'ALL')
    // two drains of the queue at once: each takes one of the two jobs
    await Promise.all([runJobsUntilIdle(), runJobsUntilIdle()])
    const imports = await db.dataImport.findMany({ where: { id: { in: [first.id, second.id] } }, select: { status: true, error: true, summary: true } })
    expect(imports.map((i) => i.status)).toEqual(['DONE', 'DONE'])
    const commits = imports.map((i) => (i.summary as { commit: { create: number; unchanged: number } }).commit)
    // the one that wrote second found the overlap stored by the first
    expect(commits.map((c) => c.create).sort()).toEqual([3, 6])
    expect(commits.map((c) => c.unchanged).sort()).toEqual([0, 3])
    const stored = await db.msme.groupBy({ by: ['nib'], where: { nib: { in: nibs } }, _count: { _all: true } })
    expect(stored).toHaveLength(9)
    expect(stored.every((s) => s._count._all === 1)).toBe(true)
    // and one CREATE audit row each
    const [audits] = await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM audit_logs WHERE entity = 'Msme' AND action = 'CREATE' AND after->>'nib' = ANY(${nibs}::text[])`
    expect(audits.n).toBe(9)
  })
})

/**
 * The planned writes' own guard (lib/imports/planned.ts applyPlan): a record changed after the commit checked the
 * plan (planStillHolds) is not overwritten; the import ends naming the row. Run here in one transaction with the
 * change between the check and the write, which two writers can otherwise only race for.
 */
describe('planned writes', () => {
  const job = { job: { id: 'test', kind: 'import.commit', payload: {}, attempts: 1 }, progress: async () => {}, cancelRequested: async () => false } as unknown as JobContext
  const asActor = () => ({ id: admin.id, username: admin.username, role: admin.role })

  it('a new row with its workers cell empty takes 0, as the form starts it; a stored record keeps its figure', async () => {
    const [n1, n2] = [nib(), nib()]
    const first = await checkImport(session, 'umkm', await xlsx(MSME_FIELDS, [msmeRow(msmeForm(n1, { workers: '6' }))]))
    expect(await commitImport(session, first.id)).toMatchObject({ status: 'DONE' })
    const dry = await checkImport(session, 'umkm', await xlsx(MSME_FIELDS, [msmeRow(msmeForm(n1, { workers: '' })), msmeRow(msmeForm(n2, { workers: '' }))]))
    expect(dry.check).toMatchObject({ create: 1, unchanged: 1, invalid: 0 })
    expect(await commitImport(session, dry.id)).toMatchObject({ status: 'DONE' })
    const stored = await db.msme.findMany({ where: { nib: { in: [n1, n2] } }, select: { nib: true, workers: true } })
    expect(Object.fromEntries(stored.map((m) => [m.nib, m.workers]))).toEqual({ [n1]: 6, [n2]: 0 })
  })

  it('a change planned at a version that moved after the check ends the import, naming its row, and writes nothing', async () => {
    const [n1, n2] = [nib(), nib()]
    const first = await checkImport(session, 'umkm', await xlsx(MSME_FIELDS, [msmeRow(msmeForm(n1)), msmeRow(msmeForm(n2))]))
    expect(await commitImport(session, first.id)).toMatchObject({ status: 'DONE' })
    const dry = await checkImport(session, 'umkm', await xlsx(MSME_FIELDS, [msmeRow(msmeForm(n1, { workers: '7' })), msmeRow(msmeForm(n2, { workers: '8' }))]))
    expect(dry.check).toMatchObject({ update: 2, invalid: 0 })
    const before = await fingerprint()
    await expect(db.$transaction(async (tx) => {
      expect(await planStillHolds(tx, MSME_TABLE, dry.id)).toBe(true)
      // the second row's record is saved by someone else now
      await tx.msme.update({ where: { nib: n2 }, data: { version: { increment: 1 } } })
      await applyPlan(tx, job, asActor(), MSME_TABLE, dry.id, { total: 2, last: 3 })
    })).rejects.toThrow('Baris 3: data diubah orang lain selama impor; ulangi impor.')
    expect(await fingerprint()).toBe(before)
  })

  it('applies a plan window by window: every new and changed record and its audit row, the progress rising to the total', async () => {
    const old = [nib(), nib()]
    const first = await checkImport(session, 'umkm', await xlsx(MSME_FIELDS, old.map((n) => msmeRow(msmeForm(n)))))
    expect(await commitImport(session, first.id)).toMatchObject({ status: 'DONE' })
    const fresh = [nib(), nib(), nib()]
    // rows 2–6: new, changed, new, changed, new
    const file = [fresh[0], old[0], fresh[1], old[1], fresh[2]].map((n, i) => msmeRow(msmeForm(n, { workers: String(20 + i) })))
    const dry = await checkImport(session, 'umkm', await xlsx(MSME_FIELDS, file))
    expect(dry.check).toMatchObject({ create: 3, update: 2, invalid: 0 })
    const progress: number[] = []
    const counting = { ...job, progress: async (done: number) => { progress.push(done) } } as JobContext
    await db.$transaction(async (tx) => {
      expect(await planStillHolds(tx, MSME_TABLE, dry.id)).toBe(true)
      // windows of two row numbers: (0, 2], (2, 4], (4, 6]
      await applyPlan(tx, counting, asActor(), MSME_TABLE, dry.id, { total: 5, last: 6, windowRows: 2 })
    })
    expect(progress).toEqual([2, 3, 5])
    const stored = await db.msme.findMany({ where: { nib: { in: [...old, ...fresh] } }, select: { id: true, nib: true, workers: true, version: true } })
    expect(Object.fromEntries(stored.map((m) => [m.nib, [m.workers, m.version]]))).toEqual({
      [fresh[0]]: [20, 1], [old[0]]: [21, 2], [fresh[1]]: [22, 1], [old[1]]: [23, 2], [fresh[2]]: [24, 1],
    })
    for (const m of stored) {
      const actions = (await db.auditLog.findMany({ where: { entity: 'Msme', entityId: m.id }, orderBy: { id: 'asc' }, select: { action: true } })).map((a) => a.action)
      expect(actions).toEqual(old.includes(m.nib) ? ['CREATE', 'UPDATE'] : ['CREATE'])
    }
  })

  it('a plan made under another key (another day, role or register shape) is not applied: every row is checked again', async () => {
    const n = nib()
    const dry = await checkImport(session, 'umkm', await xlsx(MSME_FIELDS, [msmeRow(msmeForm(n))]))
    const { planKey } = await db.dataImport.findUniqueOrThrow({ where: { id: dry.id }, select: { planKey: true } })
    expect(planKey).toMatch(new RegExp(`^ADMIN ${new Date().toISOString().slice(0, 10)} [0-9a-f]{16}$`))
    // made yesterday: a date that was "in the future" then may not be now
    await db.dataImport.update({ where: { id: dry.id }, data: { planKey: planKey!.replace(/ \d{4}-\d{2}-\d{2} /, ' 2000-01-01 ') } })
    expect(await commitImport(session, dry.id)).toMatchObject({ status: 'DONE', summary: { commit: { create: 1 } } })
    expect(await wroteThePlan(dry.id)).toBe(false)
  })

  it('the commit checks every row again when a record the dry run compared has changed, and writes what is true now', async () => {
    const [n1, n2] = [nib(), nib()]
    const first = await checkImport(session, 'umkm', await xlsx(MSME_FIELDS, [msmeRow(msmeForm(n1))]))
    expect(await commitImport(session, first.id)).toMatchObject({ status: 'DONE' })
    const dry = await checkImport(session, 'umkm', await xlsx(MSME_FIELDS, [msmeRow(msmeForm(n1, { workers: '9' })), msmeRow(msmeForm(n2))]))
    expect(dry.check).toMatchObject({ create: 1, update: 1 })
    // after the dry run, someone changes the first record to what the file says: the plan no longer holds
    await db.msme.update({ where: { nib: n1 }, data: { workers: 9, version: { increment: 1 } } })
    const done = await commitImport(session, dry.id)
    expect(done).toMatchObject({ status: 'DONE', summary: { commit: { create: 1, update: 0, unchanged: 1 } } })
    expect(await wroteThePlan(dry.id)).toBe(false)
    expect(await db.msme.findUniqueOrThrow({ where: { nib: n1 }, select: { workers: true, version: true } })).toEqual({ workers: 9, version: 2 })
  })
})

/**
 * The commit of a register kind overlaps its batches (lib/imports/pipeline.ts runCommit): the next batch is read
 * and checked while the previous one is written. Everything is still one transaction: a failure in a later
 * batch leaves nothing of the earlier ones, and each batch is checked again against the database as it is now.
 */
describe.each(WAYS)('a file of several batches ($way)', ({ plan }) => {
  /** rows for `count` new NIBs: three batches of 500 and more */
  const manyRows = (count: number) => {
    const nibs = Array.from({ length: count }, () => nib())
    return { nibs, rows: nibs.map((n) => msmeRow(msmeForm(n))) }
  }

  // the conflict in the last batch (the first two written by then: batches are written in file order), and in the
  // second of four (the third and fourth checked and sent behind it meanwhile: none of their statements may run
  // after the ROLLBACK, on their own)
  it.each([
    { count: 1_100, at: 1_050, where: 'the third and last batch' },
    { count: 2_000, at: 600, where: 'the second of four batches' },
  ])('writes nothing, not a record nor an audit row, when a row of $where meets a NIB someone registers during the write', async ({ count, at }) => {
    const { nibs, rows } = manyRows(count)
    const dry = await checkImport(session, 'umkm', await xlsx(MSME_FIELDS, rows))
    expect(dry.check).toMatchObject({ create: count, invalid: 0 })
    const before = await fingerprint()
    // the header is row 1
    const late = nibs[at]
    const other = await registerUncommitted(late)

    await beforeCommit(dry.id, plan)

    await startCommit(session, dry.id, await importVersion(dry.id), 'VALID_ONLY')
    const running = runJobsUntilIdle()
    // the import's batch waits for the other writer's uncommitted NIB, which then commits
    await importWaitsForALock()
    await other.commit()
    await running
    const done = await db.dataImport.findUniqueOrThrow({ where: { id: dry.id }, select: { status: true, error: true } })
    expect(done).toEqual({ status: 'FAILED', error: `Baris ${at + 2}: data diubah orang lain selama impor; ulangi impor.` })
    // none of the other rows, nor an audit row: the batches before went with this one, those after never ran
    expect(await db.msme.findMany({ where: { nib: { in: nibs } }, select: { nib: true } })).toEqual([{ nib: late }])
    await db.msme.delete({ where: { nib: late } })
    await db.auditLog.deleteMany({ where: { entity: 'Msme', after: { path: ['nib'], equals: late } } })
    expect(await fingerprint()).toBe(before)
  })

  it('a cancel during the write takes back the batches already written', async () => {
    const { nibs, rows } = manyRows(1_600)
    const dry = await checkImport(session, 'umkm', await xlsx(MSME_FIELDS, rows))
    expect(dry.check).toMatchObject({ create: 1_600, invalid: 0 })
    const before = await fingerprint()
    // row 602 of the sheet, in the second batch: its write waits for another writer holding the same NIB, with the
    // first batch written in the import's transaction and the third checked and sent behind it
    const other = await registerUncommitted(nibs[600])

    await beforeCommit(dry.id, plan)

    await startCommit(session, dry.id, await importVersion(dry.id), 'VALID_ONLY')
    const running = runJobsUntilIdle()
    await importWaitsForALock()
    // the user cancels; the other writer then gives up its NIB, so the import's write goes on until its next progress
    await cancelImport(session, dry.id)
    await other.rollback()
    await running
    const done = await db.dataImport.findUniqueOrThrow({ where: { id: dry.id }, select: { status: true } })
    expect(done.status).toBe('CANCELLED')
    // not one of the 1.600 rows, nor an audit row: what was written before the cancel went with the transaction
    expect(await db.msme.count({ where: { nib: { in: nibs } } })).toBe(0)
    expect(await fingerprint()).toBe(before)
  })

  it('checks every batch again: a row whose record was deleted after the dry run is refused, in any batch', async () => {
    const { nibs, rows } = manyRows(1_100)
    const dry = await checkImport(session, 'umkm', await xlsx(MSME_FIELDS, rows))
    expect(dry.check).toMatchObject({ create: 1_100, invalid: 0 })
    // after the dry run, the NIB of row 1.002 (third batch) is registered and then deleted by someone else
    const actor = { id: admin.id, username: admin.username, role: admin.role }
    const gone = nibs[1_000]
    await db.$transaction((tx) => insertMsme(tx, actor, msmeSchema.parse({ ...msmeForm(gone), newRegistration: 'on' })))
    await db.msme.update({ where: { nib: gone }, data: { deletedAt: new Date() } })
    const before = await fingerprint()

    // all or nothing: the stale verdict (CREATE) is checked again, the row refused, nothing written
    await beforeCommit(dry.id, plan)
    const all = await commitImport(session, dry.id, 'ALL')
    expect(all).toMatchObject({ status: 'FAILED', error: expect.stringMatching(/^1 baris tidak valid; tidak ada yang disimpan/) })
    expect(await fingerprint()).toBe(before)

    // the valid rows only: the other 1.099 written with one CREATE audit row each, the refused row's verdict stored anew
    const again = await checkImport(session, 'umkm', await xlsx(MSME_FIELDS, rows))
    expect(again.check).toMatchObject({ create: 1_099, invalid: 1 })
    await db.msme.update({ where: { nib: gone }, data: { deletedAt: null } })
    const restoredBefore = await db.importRow.findFirstOrThrow({ where: { importId: again.id, key: gone }, select: { outcome: true } })
    expect(restoredBefore.outcome).toBe('INVALID')
    // the record came back after this dry run: its row is now a change of a live record (UNCHANGED: same values)
    await beforeCommit(again.id, plan)
    const valid = await commitImport(session, again.id, 'VALID_ONLY')
    expect(valid).toMatchObject({ status: 'DONE', summary: { commit: { create: 1_099, unchanged: 1, invalid: 0 } } })
    const stale = await db.importRow.findFirstOrThrow({ where: { importId: again.id, key: gone }, select: { outcome: true, errors: true } })
    expect(stale).toEqual({ outcome: 'UNCHANGED', errors: null })
    expect(await db.msme.count({ where: { nib: { in: nibs } } })).toBe(1_100)
    const [audits] = await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM audit_logs WHERE entity = 'Msme' AND action = 'CREATE' AND after->>'nib' = ANY(${nibs}::text[])`
    // the deleted-and-restored record's own CREATE by the form path, plus the import's 1.099
    expect(audits.n).toBe(1_100)
  })
})
