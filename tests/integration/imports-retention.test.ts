import { beforeAll, describe, expect, it } from 'vitest'
import { db } from '@/lib/db'
import { getJob, runJobsUntilIdle } from '@/lib/jobs'
import { importDetail } from '@/lib/imports/history'
import { MSME_FIELDS } from '@/lib/imports/kinds/msmes'
import { IMPORT_TIDY, ensureImportTidySchedule, tidyImports } from '@/lib/imports/retention'
import { startCheck, startCommit } from '@/lib/imports/service'
import type { SessionUser } from '@/lib/session-user'
import { createTestUser } from '../support/session'
import { checkImport, commitImport, importVersion, msmeForm, msmeRow, xlsx } from '../support/imports'

/**
 * The hourly tidy of the imports (lib/imports/retention.ts): an ended import keeps only the rows its page and its
 * rejected-rows file read, without their planned writes; a dry run whose plan is from an earlier day loses the
 * plan and is still imported right (every row checked again); a failed import keeps everything; a tidy that
 * meets the start of a write leaves a correct import.
 */
let session: SessionUser

beforeAll(async () => {
  session = { ...(await createTestUser({ role: 'ADMIN' })) }
})

let seq = 0
const stamp = String(Date.now()).slice(-6)
/** a 13-digit NIB unique to this run */
const nib = () => `7${stamp}${String(++seq).padStart(6, '0')}`

/** The import's rows: each row's outcome, and whether it still holds a planned write. */
async function rowsOf(importId: string) {
  return db.$queryRaw<{ rowNumber: number; outcome: string; planned: boolean }[]>`
    SELECT row_number AS "rowNumber", outcome, (record_id IS NOT NULL OR seen_version IS NOT NULL OR seen_deleted IS NOT NULL
      OR record IS NOT NULL OR audit_before IS NOT NULL OR audit_after IS NOT NULL) AS planned
    FROM import_rows WHERE import_id = ${importId} ORDER BY row_number`
}

/** Dry run and import of a file of four rows against two stored MSMEs: one unchanged, one changed, one new, one refused. */
async function importedFourRows() {
  const [same, changed, fresh] = [nib(), nib(), nib()]
  const first = await checkImport(session, 'umkm', await xlsx(MSME_FIELDS, [msmeRow(msmeForm(same)), msmeRow(msmeForm(changed))], 'awal.xlsx'))
  expect((await commitImport(session, first.id)).status).toBe('DONE')
  // with a column of the user's own ("Catatan", left unmapped): each row keeps its cell until the tidy
  const dry = await checkImport(session, 'umkm', await xlsx([...MSME_FIELDS, { label: 'Catatan' }], [
    [...msmeRow(msmeForm(same)), 'a'], [...msmeRow(msmeForm(changed, { workers: '9' })), 'b'], [...msmeRow(msmeForm(fresh)), 'c'], [...msmeRow(msmeForm('123')), 'd'],
  ], 'kedua.xlsx'))
  expect(dry.check).toMatchObject({ unchanged: 1, update: 1, create: 1, invalid: 1 })
  expect((await commitImport(session, dry.id, 'VALID_ONLY')).status).toBe('DONE')
  return { first, id: dry.id, fresh }
}

describe('the imports\' tidy', () => {
  it('an ended import keeps its refused and changed rows without their plans, and its page and counts as they were', async () => {
    const { first, id } = await importedFourRows()
    expect((await rowsOf(id)).map((r) => [r.outcome, r.planned])).toEqual([['UNCHANGED', true], ['UPDATE', true], ['CREATE', true], ['INVALID', false]])
    const shown = await importDetail(id)
    const msmes = await db.msme.count()

    // the file's first test: its two imports are the only ones
    expect(await tidyImports()).toEqual({ ended: 2, stalePlans: 0, busy: 0, failed: 0 })

    expect((await rowsOf(id)).map((r) => [r.rowNumber, r.outcome, r.planned])).toEqual([[3, 'UPDATE', false], [5, 'INVALID', false]])
    expect(await rowsOf(first.id)).toEqual([])
    // what its page shows (the refused row with its cells for the rejected-rows file, the change) and its counts
    expect(await importDetail(id)).toEqual(shown)
    const [refused] = await db.importRow.findMany({ where: { importId: id, outcome: 'INVALID' }, select: { values: true } })
    expect(refused.values).toMatchObject({ nib: '123', businessName: 'Keripik Tempe Bu Sri' })
    // the ignored column's cells: kept by the refused row (its line in the rejected-rows file), dropped from the changed one
    const ignoredOf = async () => (await db.importRow.findMany({ where: { importId: id }, orderBy: { rowNumber: 'asc' }, select: { values: true } }))
      .map((r) => (r.values as Record<string, unknown>)['$ignored'] ?? null)
    expect(await ignoredOf()).toEqual([null, { Catatan: 'd' }])
    expect(await db.msme.count()).toBe(msmes)
    // once: a second run finds nothing to do
    expect(await tidyImports()).toEqual({ ended: 0, stalePlans: 0, busy: 0, failed: 0 })
  })

  it('a dry run planned on an earlier day, or kept without its key, loses its plan and keeps its rows; it is still imported right, every row checked again', async () => {
    const [old, today, late] = [nib(), nib(), nib()]
    const stale = await checkImport(session, 'umkm', await xlsx(MSME_FIELDS, [msmeRow(msmeForm(old, { workers: '7' }))]))
    const fresh = await checkImport(session, 'umkm', await xlsx(MSME_FIELDS, [msmeRow(msmeForm(today))]))
    const pastMidnight = await checkImport(session, 'umkm', await xlsx(MSME_FIELDS, [msmeRow(msmeForm(late))]))
    // as two days ago's dry run left it (its key names its day), and as one that ran past midnight leaves it (no key)
    await db.$executeRaw`UPDATE imports SET checked_at = checked_at - interval '2 days',
      plan_key = regexp_replace(plan_key, ' \d{4}-\d{2}-\d{2} ', ' ' || to_char(checked_at - interval '2 days', 'YYYY-MM-DD') || ' ') WHERE id = ${stale.id}`
    await db.dataImport.update({ where: { id: pastMidnight.id }, data: { planKey: null } })
    const [planned] = await db.importRow.findMany({ where: { importId: stale.id }, select: { recordId: true } })
    // "today" is the day the fresh dry run ended, whenever this runs
    const now = (await db.dataImport.findUniqueOrThrow({ where: { id: fresh.id }, select: { checkedAt: true } })).checkedAt!

    expect((await tidyImports(now)).stalePlans).toBe(2)

    for (const id of [stale.id, pastMidnight.id]) {
      expect(await rowsOf(id)).toEqual([{ rowNumber: 2, outcome: 'CREATE', planned: false }])
      expect((await db.dataImport.findUniqueOrThrow({ where: { id }, select: { planKey: true } })).planKey).toBeNull()
    }
    expect(await rowsOf(fresh.id)).toEqual([{ rowNumber: 2, outcome: 'CREATE', planned: true }])
    expect((await db.dataImport.findUniqueOrThrow({ where: { id: fresh.id }, select: { planKey: true } })).planKey).not.toBeNull()

    expect((await commitImport(session, stale.id)).status).toBe('DONE')
    const stored = await db.msme.findUniqueOrThrow({ where: { nib: old }, select: { id: true, workers: true, businessName: true } })
    expect(stored).toMatchObject({ workers: 7, businessName: 'Keripik Tempe Bu Sri' })
    // written by the check again (under an id of its own), not by the plan the dry run made (its planned id)
    expect(planned.recordId).not.toBeNull()
    expect(stored.id).not.toBe(planned.recordId)
    expect(await db.auditLog.count({ where: { entity: 'Msme', entityId: stored.id, action: 'CREATE' } })).toBe(1)
  })

  it('a failed import keeps every row (its write can be started again), and its plan while it may still be applied', async () => {
    const dry = await checkImport(session, 'umkm', await xlsx(MSME_FIELDS, [msmeRow(msmeForm(nib())), msmeRow(msmeForm(nib()))]))
    await db.dataImport.update({ where: { id: dry.id }, data: { status: 'FAILED', error: 'Proses berhenti di tengah jalan.', finishedAt: new Date() } })
    const before = await rowsOf(dry.id)
    expect(before.every((r) => r.planned)).toBe(true)
    const checkedAt = (await db.dataImport.findUniqueOrThrow({ where: { id: dry.id }, select: { checkedAt: true } })).checkedAt!

    await tidyImports(checkedAt)
    expect(await rowsOf(dry.id)).toEqual(before)

    // the next day its plan can no longer be applied: it goes, the rows stay
    await tidyImports(new Date(checkedAt.getTime() + 24 * 3_600_000))
    expect(await rowsOf(dry.id)).toEqual(before.map((r) => ({ ...r, planned: false })))
    expect((await commitImport(session, dry.id)).status).toBe('DONE')
  })

  it('a cancelled import checked again and imported is tidied again', async () => {
    const dry = await checkImport(session, 'umkm', await xlsx(MSME_FIELDS, [msmeRow(msmeForm(nib()))]))
    await db.dataImport.update({ where: { id: dry.id }, data: { status: 'CANCELLED', finishedAt: new Date() } })
    await tidyImports()
    expect(await rowsOf(dry.id)).toEqual([])

    const imp = await db.dataImport.findUniqueOrThrow({ where: { id: dry.id }, select: { sheetName: true, mapping: true } })
    await startCheck(session, dry.id, imp.sheetName!, imp.mapping as Record<string, string | null>)
    await runJobsUntilIdle()
    expect(await rowsOf(dry.id)).toEqual([{ rowNumber: 2, outcome: 'CREATE', planned: true }])
    expect((await commitImport(session, dry.id)).status).toBe('DONE')

    await tidyImports()
    expect(await rowsOf(dry.id)).toEqual([])
  })

  it('an import whose new dry run is starting when the tidy comes to it is left for the next hour, not waited for', async () => {
    const dry = await checkImport(session, 'umkm', await xlsx(MSME_FIELDS, [msmeRow(msmeForm(nib()))]))
    await db.dataImport.update({ where: { id: dry.id }, data: { status: 'CANCELLED', finishedAt: new Date() } })
    // the new dry run's start (startCheck's update of the import) is under way, not committed yet
    let release!: () => void
    const released = new Promise<void>((resolve) => { release = resolve })
    let started!: () => void
    const startedOnce = new Promise<void>((resolve) => { started = resolve })
    const restart = db.$transaction(async (tx) => {
      await tx.dataImport.update({ where: { id: dry.id }, data: { status: 'CHECKING', version: { increment: 1 } }, select: { id: true } })
      started()
      await released
    }, { timeout: 60_000 })
    await startedOnce
    const tidy = tidyImports()
    const outcome = await Promise.race([tidy, new Promise<'waited'>((resolve) => setTimeout(() => resolve('waited'), 5_000))])
    release()
    await restart
    await tidy

    expect(outcome).toMatchObject({ ended: 0, busy: 1 })
    expect(await rowsOf(dry.id)).toEqual([{ rowNumber: 2, outcome: 'CREATE', planned: true }])
  })

  it('a tidy and the start of the write of a dry run planned yesterday, at once: the import writes every row, right', async () => {
    const nibs = Array.from({ length: 30 }, () => nib())
    const dry = await checkImport(session, 'umkm', await xlsx(MSME_FIELDS, nibs.map((n, i) => msmeRow(msmeForm(n, { workers: String(i) })))))
    await db.$executeRaw`UPDATE imports SET checked_at = checked_at - interval '1 day' WHERE id = ${dry.id}`

    const seen = await importVersion(dry.id)
    await Promise.all([tidyImports(), startCommit(session, dry.id, seen, 'ALL')])
    await runJobsUntilIdle({ kinds: ['import.commit'] })

    const done = await db.dataImport.findUniqueOrThrow({ where: { id: dry.id }, select: { status: true, error: true } })
    expect(done).toEqual({ status: 'DONE', error: null })
    const stored = await db.msme.findMany({ where: { nib: { in: nibs } }, select: { nib: true, workers: true, id: true } })
    expect(stored.map((m) => [m.nib, m.workers]).sort()).toEqual(nibs.map((n, i) => [n, i]).sort())
    expect(await db.auditLog.count({ where: { entity: 'Msme', entityId: { in: stored.map((m) => m.id) }, action: 'CREATE' } })).toBe(30)
  })

  it('runs every hour: queued once however often it is asked, each run queueing the next hour\'s', async () => {
    const at = new Date()
    const ids = await Promise.all([ensureImportTidySchedule(at), ensureImportTidySchedule(at)])
    expect(ids[0]).toBe(ids[1])
    await runJobsUntilIdle({ kinds: [IMPORT_TIDY] })
    expect((await getJob(ids[0]))?.state).toBe('SUCCEEDED')
    const next = await db.job.findMany({ where: { kind: IMPORT_TIDY, state: 'QUEUED' }, select: { runAt: true } })
    expect(next).toHaveLength(1)
    // on the hour after the run (the hour may have turned since `at`)
    const runAt = next[0].runAt.getTime()
    expect(runAt % 3_600_000).toBe(0)
    expect(runAt).toBeGreaterThan(at.getTime())
    expect(runAt).toBeLessThanOrEqual(at.getTime() + 2 * 3_600_000)
  })
})
