import 'server-only'
import { db } from '@/lib/db'
import { dropFinishedRuns, ensureHourlyRun, queueNextHourlyRun } from '@/lib/jobs/hourly'

/**
 * What an import keeps of its dry run (import_rows) once part of it can no longer be used: a 100.000-row MSME
 * import stored 159 MB of rows, half of it the planned writes (lib/imports/planned.ts), and kept them for good.
 * Every hour (job `import.tidy`, lib/jobs/hourly.ts):
 * - an import that ended (DONE, CANCELLED; neither can be written again without a new dry run, which stores
 *   its rows afresh) loses its new and unchanged rows, which nothing reads again (its page lists the refused
 *   rows and the changes, the rejected-rows file the refused rows, its counts are in its summary), and the
 *   planned writes of the rows it keeps;
 * - a dry run not imported yet (CHECKED) whose plan was made on an earlier day (UTC) loses its plan and its plan
 *   key: the commit would not apply it anyway (planKey has the day) and checks every row again instead, from the
 *   rows, which stay.
 * A FAILED import keeps everything: its write can be started again from its dry run. The uploaded file and the
 * import's record stay (what was imported, by whom, with which counts).
 */

export const IMPORT_TIDY = 'import.tidy'

/** The planned-write columns of import_rows, cleared. */
const NO_PLAN = 'record_id = NULL, seen_version = NULL, seen_deleted = NULL, record = NULL, audit_before = NULL, audit_after = NULL'
const HAS_PLAN = '(record_id IS NOT NULL OR seen_version IS NOT NULL OR seen_deleted IS NOT NULL OR record IS NOT NULL OR audit_before IS NOT NULL OR audit_after IS NOT NULL)'

/** Imports handled per statement that finds them. */
const IMPORTS_PER_ROUND = 20

type Candidate = { id: string }

/**
 * Tidy every import that needs it (see above), each in a transaction of its own that first locks the import's
 * record and reads its status again: an import started meanwhile (a new dry run of a cancelled one, the write of
 * a checked one: their updates of the record wait for this lock) is left alone, or tidied before it starts.
 * `now`: the instant whose UTC day a plan must have been made on to be kept. Returns how many imports of each
 * sort were tidied.
 */
export async function tidyImports(now = new Date()): Promise<{ ended: number; stalePlans: number }> {
  const today = `${now.toISOString().slice(0, 10)}T00:00:00.000Z`
  const done = { ended: 0, stalePlans: 0 }
  // each import once per run, whatever its state after its turn
  const handled: string[] = []
  for (;;) {
    const candidates = await db.$queryRaw<Candidate[]>`
      SELECT id FROM imports
      WHERE id <> ALL(${handled}::text[]) AND (
        status IN ('DONE', 'CANCELLED') AND (rows_tidied_at IS NULL OR rows_tidied_at < finished_at)
        OR status = 'CHECKED' AND plan_key IS NOT NULL AND checked_at < (${today}::timestamptz AT TIME ZONE 'UTC'))
      ORDER BY created_at, id LIMIT ${IMPORTS_PER_ROUND}`
    if (!candidates.length) return done
    for (const { id } of candidates) {
      handled.push(id)
      const sort = await tidyImport(id, today)
      if (sort) done[sort]++
    }
  }
}

/** Tidy one import (tidyImports); which sort it was, or null when it no longer needed it. */
async function tidyImport(id: string, today: string): Promise<'ended' | 'stalePlans' | null> {
  return db.$transaction(async (tx) => {
    const [imp] = await tx.$queryRaw<{ ended: boolean; stale: boolean }[]>`
      SELECT status IN ('DONE', 'CANCELLED') AND (rows_tidied_at IS NULL OR rows_tidied_at < finished_at) AS ended,
        status = 'CHECKED' AND plan_key IS NOT NULL AND checked_at < (${today}::timestamptz AT TIME ZONE 'UTC') AS stale
      FROM imports WHERE id = ${id} FOR UPDATE`
    if (imp?.ended) {
      await tx.$executeRaw`DELETE FROM import_rows WHERE import_id = ${id} AND outcome IN ('CREATE', 'UNCHANGED')`
      await tx.$executeRawUnsafe(`UPDATE import_rows SET ${NO_PLAN} WHERE import_id = $1 AND ${HAS_PLAN}`, id)
      // never before its end as the app's clock stamped it (finished_at): the database's clock may be behind
      await tx.$executeRaw`UPDATE imports SET rows_tidied_at = greatest(now() AT TIME ZONE 'UTC', finished_at) WHERE id = ${id}`
      return 'ended'
    }
    if (imp?.stale) {
      await tx.$executeRawUnsafe(`UPDATE import_rows SET ${NO_PLAN} WHERE import_id = $1 AND ${HAS_PLAN}`, id)
      await tx.$executeRaw`UPDATE imports SET plan_key = NULL WHERE id = ${id}`
      return 'stalePlans'
    }
    return null
  }, { timeout: 10 * 60_000, maxWait: 60_000 })
}

/** Queue this hour's tidy (called when a worker process starts, lib/jobs/start.ts). */
export function ensureImportTidySchedule(now = new Date()): Promise<string> {
  return ensureHourlyRun(IMPORT_TIDY, now)
}

/** The hourly job's run: the next hour's queued first (the chain survives a failed run), then the tidy. */
export async function runImportTidy(): Promise<{ ended: number; stalePlans: number }> {
  await queueNextHourlyRun(IMPORT_TIDY)
  const tidied = await tidyImports()
  await dropFinishedRuns(IMPORT_TIDY)
  return tidied
}
