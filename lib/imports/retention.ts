import 'server-only'
import { db } from '@/lib/db'
import type { JobContext } from '@/lib/jobs'
import { dropFinishedRuns, ensureHourlyRun, queueNextHourlyRun } from '@/lib/jobs/hourly'

/**
 * What an import keeps of its dry run (import_rows) once part of it can no longer be used: a 100.000-row MSME
 * import stored 159 MB of rows, half of it the planned writes (lib/imports/planned.ts), and kept them for good.
 * Every hour (job `import.tidy`, lib/jobs/hourly.ts):
 * - an import that ended (DONE, CANCELLED; neither can be written again without a new dry run, which stores
 *   its rows afresh) loses its new and unchanged rows, which nothing reads again (its page lists the refused
 *   rows and the changes, the rejected-rows file the refused rows, its counts are in its summary), the planned
 *   writes of the rows it keeps, and a changed row's cells of the columns the user ignored (only a refused row's go
 *   into a file);
 * - a dry run not imported (CHECKED, or FAILED in its write) whose plan can no longer be applied loses it: a plan
 *   made on an earlier day (UTC), or kept without a key (a dry run that ran past midnight) — the commit would not
 *   apply it (planKey has the day) and checks every row again instead, from the rows, which stay.
 * The uploaded file and the import's record stay (what was imported, by whom, with which counts).
 * An import is tidied once per version (imports.rows_tidied_version): starting a dry run or a write moves the
 * version (lib/imports/service.ts), so a cancelled import checked again and imported is tidied again.
 */

export const IMPORT_TIDY = 'import.tidy'

/** The planned-write columns of import_rows, cleared. */
const NO_PLAN = 'record_id = NULL, seen_version = NULL, seen_deleted = NULL, record = NULL, audit_before = NULL, audit_after = NULL'
const HAS_PLAN = '(record_id IS NOT NULL OR seen_version IS NOT NULL OR seen_deleted IS NOT NULL OR record IS NOT NULL OR audit_before IS NOT NULL OR audit_after IS NOT NULL)'

/**
 * Which tidy an import needs, as SQL over `imports` ($1: the start of the current UTC day, as timestamptz text):
 * `ended` or `stale` (see above), neither once tidied at its version.
 */
const ENDED_SQL = `status IN ('DONE', 'CANCELLED') AND rows_tidied_version IS DISTINCT FROM version`
const STALE_SQL = `status IN ('CHECKED', 'FAILED') AND rows_tidied_version IS DISTINCT FROM version
  AND (plan_key IS NULL OR checked_at IS NULL OR checked_at < ($1::timestamptz AT TIME ZONE 'UTC'))`

/** Imports read per statement that finds them. */
const IMPORTS_PER_ROUND = 20

export type TidyResult = { ended: number; stalePlans: number; busy: number; failed: number }

/**
 * Tidy every import that needs it (see above), each in a transaction of its own that first locks the import's
 * record and reads what it needs again. An import whose record is locked (a dry run or a write starting, or
 * storing rows: each row's insert locks its import's record) is left for the next hour rather than waited for:
 * `busy`. One that fails is logged and left too (`failed`): the others are still tidied. `now`: the instant whose
 * UTC day a plan must have been made on to be kept; `each`: called after each import (the job's progress, which
 * keeps its lease).
 */
export async function tidyImports(now = new Date(), each: (done: number) => Promise<void> = async () => {}): Promise<TidyResult> {
  const today = `${now.toISOString().slice(0, 10)}T00:00:00.000Z`
  const done: TidyResult = { ended: 0, stalePlans: 0, busy: 0, failed: 0 }
  // each import once per run, whatever its state after its turn
  const handled: string[] = []
  for (;;) {
    const candidates = await db.$queryRawUnsafe<{ id: string }[]>(`
      SELECT id FROM imports WHERE id <> ALL($2::text[]) AND (${ENDED_SQL} OR ${STALE_SQL})
      ORDER BY created_at, id LIMIT ${IMPORTS_PER_ROUND}`, today, handled)
    if (!candidates.length) return done
    for (const { id } of candidates) {
      handled.push(id)
      try {
        const sort = await tidyImport(id, today)
        if (sort !== 'none') done[sort]++
      } catch (e) {
        console.error(`[imports] tidy of import ${id}:`, e instanceof Error ? e.message : e)
        done.failed++
      }
      await each(handled.length)
    }
  }
}

/** Tidy one import (tidyImports): which sort it was; `busy` when its record is locked; `none` when it no longer needed it. */
async function tidyImport(id: string, today: string): Promise<'ended' | 'stalePlans' | 'busy' | 'none'> {
  return db.$transaction(async (tx) => {
    const [imp] = await tx.$queryRawUnsafe<{ ended: boolean; stale: boolean }[]>(`
      SELECT ${ENDED_SQL} AS ended, ${STALE_SQL} AS stale FROM imports WHERE id = $2 FOR UPDATE SKIP LOCKED`, today, id)
    if (!imp) return (await tx.dataImport.count({ where: { id } })) ? 'busy' : 'none'
    if (!imp.ended && !imp.stale) return 'none'
    if (imp.ended) {
      await tx.$executeRaw`DELETE FROM import_rows WHERE import_id = ${id} AND outcome IN ('CREATE', 'UNCHANGED')`
      // the cells of the columns the user left unmapped go back only into the rejected-rows file: a changed row it
      // keeps (for its before → after) no longer holds them (lib/imports/pipeline.ts storedValues)
      await tx.$executeRaw`UPDATE import_rows SET "values" = "values" - '$ignored' WHERE import_id = ${id} AND outcome <> 'INVALID' AND "values" ? '$ignored'`
    }
    await tx.$executeRawUnsafe(`UPDATE import_rows SET ${NO_PLAN} WHERE import_id = $1 AND ${HAS_PLAN}`, id)
    await tx.$executeRaw`UPDATE imports SET rows_tidied_version = version, plan_key = NULL WHERE id = ${id}`
    return imp.ended ? 'ended' : 'stalePlans'
  }, { timeout: 10 * 60_000, maxWait: 60_000 })
}

/** Queue this hour's tidy (called when a worker process starts, lib/jobs/start.ts). */
export function ensureImportTidySchedule(now = new Date()): Promise<string> {
  return ensureHourlyRun(IMPORT_TIDY, now)
}

/** The hourly job's run: the next hour's queued first (the chain survives a failed run), then the tidy, its progress per import. */
export async function runImportTidy(ctx: JobContext): Promise<TidyResult> {
  await queueNextHourlyRun(IMPORT_TIDY)
  const tidied = await tidyImports(new Date(), (n) => ctx.progress(n, null, 'Merapikan impor'))
  await dropFinishedRuns(IMPORT_TIDY)
  return tidied
}
