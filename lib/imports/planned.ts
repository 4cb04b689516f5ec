import 'server-only'
import { createHash } from 'node:crypto'
import { auditText, type AuditActor } from '@/lib/audit'
import { clientIp } from '@/lib/client-ip'
import { clientSql, db, transactionSql } from '@/lib/db'
import { PermanentJobError, type JobContext } from '@/lib/jobs'
import { changedColumns, ident, insertedColumnList, insertedValues, isUniqueViolationOn, planInsert, planUpdate, type RegisterTable } from '@/lib/registers/writes'
import type { AnyKind, Tx } from './kinds/types'
import type { Summary } from './pipeline'

/**
 * The planned writes of a register import (MSMEs, cooperatives). The dry run judges every row against the
 * record stored under its key; for a row to be created or changed it also makes the write itself, as the
 * register's batch write would make it (lib/registers/writes.ts planInsert / planUpdate: the record's column
 * texts, a new record's id, the audit row), and stores it beside the verdict with the id, version and deleted
 * flag of the record it compared the row with (import_rows). The commit then checks, in one statement, that
 * every record the dry run compared a row with is as it was (same id and version, as every write of a register
 * moves the version; deleted or not, also after a change outside the app) and that no record has appeared under
 * a key that had none. If so, and the plan was made under the same key (planKey: the importer's role, the day,
 * the register's columns), every verdict still holds: a verdict depends only on the row's texts, that record,
 * the role, the day (a date may not be in the future) and reference data the app does not change (regions,
 * KBLI). The commit then applies the plan set-based in SQL, a window of rows at a time, without reading,
 * checking or building any row again in JavaScript: the write of 100.000 new MSMEs is PostgreSQL's work alone
 * (docs/benchmarks.md, "The import's write applies the dry run's plan"). If not, the commit checks every row again
 * (lib/imports/pipeline.ts), as before.
 */

/** What a row's stored plan holds (the import_rows columns of the same names). */
export type PlanColumns = { recordId: string | null; seenVersion: number | null; seenDeleted: boolean | null; record: (string | null)[] | null; auditBefore: string | null; auditAfter: string | null }

const NO_PLAN: PlanColumns = { recordId: null, seenVersion: null, seenDeleted: null, record: null, auditBefore: null, auditAfter: null }

/** Row numbers per window of the commit's statements: progress and a cancel between them, each statement still set-based. */
export const PLAN_WINDOW_ROWS = 10_000

/**
 * What a plan was made under, stored with it (imports.plan_key) and compared by the commit: the importer's role
 * (the scope checks), the day in UTC (the one rule that reads the clock, a date not in the future, turns at
 * midnight UTC: lib/validations/registers-common.ts pastDate), and the register's columns and audited columns
 * (the stored texts are read back by position: a deploy that changes them leaves older plans unused). null: the
 * kind plans nothing.
 */
export function planKey(kind: AnyKind, role: string, now = new Date()): string | null {
  const register = kind.register
  if (!register) return null
  const { table, key, entity, columns, audited, keepWhenEmpty, newDefaults } = register.table
  const shape = createHash('sha256').update(JSON.stringify({ table, key, entity, columns, audited, keepWhenEmpty, newDefaults })).digest('hex').slice(0, 16)
  return `${role} ${now.toISOString().slice(0, 10)} ${shape}`
}

/**
 * The plan of one row's verdict: the record it was compared with (`seen`, stored under its key at the dry run;
 * undefined: none), and for a row to be created or changed its write (`input`: the row checked by the form's
 * schema; a change is planned on `seen`, the record as the audit row's before). A kind without `register` plans
 * nothing.
 */
export function planRow(kind: AnyKind, outcome: string, seen: { id: string; version: number; deletedAt: Date | null } | undefined, input: unknown): PlanColumns {
  const register = kind.register
  if (!register) return NO_PLAN
  const compared = { recordId: seen?.id ?? null, seenVersion: seen?.version ?? null, seenDeleted: seen ? seen.deletedAt !== null : null }
  if (outcome !== 'CREATE' && outcome !== 'UPDATE') return { ...NO_PLAN, ...compared }
  const record = register.record(input)
  const write = outcome === 'CREATE' ? planInsert(register.table, record) : planUpdate(register.table, seen!, record)
  return { ...compared, recordId: write.id, record: write.texts, auditBefore: auditText(write.audit.before), auditAfter: auditText(write.audit.after) }
}

/**
 * In one read of an import's rows: the counts of its verdicts, its last row number (0: no rows), and, given the
 * register whose plan the commit would apply, whether the dry run's plan still holds (see above): every row to
 * be written has its write, and no row's compared record changed, went, or appeared since (without a register:
 * false). Run in the commit's transaction after it took the kind's lock (no other import of the kind writes
 * meanwhile); a form that writes a planned key after this check makes applyPlan's write fail as a conflict.
 */
export async function planState<Row>(tx: Tx, importId: string, table: RegisterTable<Row> | null): Promise<{ counts: Summary; last: number; holds: boolean }> {
  const holds = table ? `NOT coalesce(bool_or(
        r.outcome IN ('CREATE', 'UPDATE') AND r.record IS NULL
        OR r.key IS NOT NULL AND CASE WHEN r.seen_version IS NULL THEN t.id IS NOT NULL
          ELSE t.id IS DISTINCT FROM r.record_id OR t.version <> r.seen_version OR (t.deleted_at IS NOT NULL) <> r.seen_deleted END), false)` : 'false'
  const [state] = await transactionSql<Summary & { last: number; holds: boolean }>(tx, `
    SELECT count(*)::int AS total, count(*) FILTER (WHERE r.outcome = 'CREATE')::int AS "create", count(*) FILTER (WHERE r.outcome = 'UPDATE')::int AS "update",
      count(*) FILTER (WHERE r.outcome = 'UNCHANGED')::int AS unchanged, count(*) FILTER (WHERE r.outcome = 'INVALID')::int AS invalid,
      coalesce(max(r.row_number), 0)::int AS last, ${holds} AS holds
    FROM import_rows r ${table ? `LEFT JOIN ${ident(table.table)} t ON t.${ident(table.columns[table.key][0])} = r.key` : ''}
    WHERE r.import_id = $1`, [importId])
  const { last, holds: still, ...counts } = state
  return { counts, last, holds: still }
}

/** Whether the dry run's plan still holds (planState). */
export const planStillHolds = async <Row>(tx: Tx, table: RegisterTable<Row>, importId: string) => (await planState(tx, importId, table)).holds

/** The message of a write that found its record changed by someone else after the check (the pipeline's, for either path). */
export const changedMeanwhile = (rowNumber: number) => `Baris ${rowNumber}: data diubah orang lain selama impor; ulangi impor.`
/** The same when the row cannot be named (its taken key could not be read back). */
const CHANGED_MEANWHILE = 'Data diubah orang lain selama impor; ulangi impor.'

/** A row's planned column text as SQL (the i-th element of its record array; parenthesised: `::` binds tighter than `->>`). */
const planned = (alias: string) => (i: number) => `(${alias}.record->>${i})`

/**
 * Apply the plan of an import whose plan still holds (planStillHolds), in the commit's transaction: per window
 * of PLAN_WINDOW_ROWS rows, one INSERT of the new records, one UPDATE of the changed ones (each at the version the
 * dry run saw) and one INSERT of their audit rows, all from import_rows; the job's progress (and a cancel)
 * between windows. `total`: the import's rows; `last`: its last row number; `windowRows`: row numbers per window.
 * A key stored by someone else meanwhile, or a record changed meanwhile, ends the import (PermanentJobError
 * naming the row), as in the row-by-row check.
 */
export async function applyPlan<Row>(
  tx: Tx, job: JobContext, actor: AuditActor, table: RegisterTable<Row>, importId: string,
  { total, last, windowRows = PLAN_WINDOW_ROWS }: { total: number; last: number; windowRows?: number },
): Promise<void> {
  const keyColumn = ident(table.columns[table.key][0])
  const inWindow = 'r.import_id = $1 AND r.row_number > $2 AND r.row_number <= $3'
  const insertSql = `INSERT INTO ${ident(table.table)} (${insertedColumnList(table)})
    SELECT ${insertedValues(table, 'r.record_id', planned('r'))} FROM import_rows r WHERE ${inWindow} AND r.outcome = 'CREATE' ORDER BY r.row_number`
  // the first planned change not written (its record changed after planStillHolds), or null
  const updateSql = `WITH p AS (SELECT r.row_number, r.record_id, r.seen_version, r.record FROM import_rows r WHERE ${inWindow} AND r.outcome = 'UPDATE'),
    written AS (
      UPDATE ${ident(table.table)} AS t SET ${changedColumns(table, planned('p')).join(', ')}
      FROM p WHERE t.id = p.record_id AND t.version = p.seen_version AND t.deleted_at IS NULL
      RETURNING p.row_number)
    SELECT min(p.row_number) AS "conflict" FROM p WHERE p.row_number NOT IN (SELECT row_number FROM written)`
  const auditSql = `INSERT INTO audit_logs (user_id, username, role, action, entity, entity_id, before, after, ip)
    SELECT $4::text, $5::text, $6::text, r.outcome, $7::text, r.record_id, r.audit_before, r.audit_after, $8::text
    FROM import_rows r WHERE ${inWindow} AND r.outcome IN ('CREATE', 'UPDATE') ORDER BY r.row_number`
  const ip = await clientIp()
  // windows of row numbers (a sheet's rows are numbered one after another; blank rows leave a window a little short)
  for (let after = 0; after < last; after += windowRows) {
    const end = Math.min(after + windowRows, last)
    try {
      await transactionSql(tx, insertSql, [importId, after, end])
    } catch (e) {
      if (!isUniqueViolationOn(e, table.table)) throw e
      // the transaction is aborted: which planned key is taken, read on the pool (committed, as the violation was)
      const taken = await clientSql<{ rowNumber: number | null }>(db, `
        SELECT min(r.row_number) AS "rowNumber" FROM import_rows r JOIN ${ident(table.table)} t ON t.${keyColumn} = r.key
        WHERE r.import_id = $1 AND r.outcome = 'CREATE'`, [importId]).catch(() => [])
      const row = taken[0]?.rowNumber
      throw new PermanentJobError(row ? changedMeanwhile(row) : CHANGED_MEANWHILE)
    }
    const [{ conflict }] = await transactionSql<{ conflict: number | null }>(tx, updateSql, [importId, after, end])
    if (conflict !== null) throw new PermanentJobError(changedMeanwhile(conflict))
    await transactionSql(tx, auditSql, [importId, after, end, actor.id, actor.username, actor.role, table.entity, ip])
    // the rows written so far, in proportion to the row numbers passed (exact at the end)
    await job.progress(Math.round((total * end) / last), total, 'Menyimpan')
  }
}
