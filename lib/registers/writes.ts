import 'server-only'
import { randomBytes } from 'node:crypto'
import { Prisma } from '@/lib/generated/prisma/client'
import { writeAudit, writeAudits, type AuditActor, type AuditEntry } from '@/lib/audit'
import { clientSql, copyLine, db, transactionCanCopy, transactionCopy, transactionSql } from '@/lib/db'
import { maskNik } from '@/lib/registers/nik'
import { computeScale, isScaleMismatch } from '@/lib/registers/scale'
import type { CooperativeInput, CooperativeYearInput } from '@/lib/validations/cooperatives'
import type { MsmeInput } from '@/lib/validations/msmes'

/**
 * The one write path of the registers, shared by the forms' server actions (lib/actions/msmes.ts,
 * lib/actions/cooperatives.ts) and the spreadsheet imports (lib/imports): a record and its audit row in the
 * caller's transaction, the MSME's scale computed on every write, optimistic locking on the version.
 * A form writes one record (insertMsme, updateMsmeRecord, …); an import writes a batch of records in one
 * statement each for the records and their audit rows (insertMsmes, updateMsmes, …), with the same columns
 * (msmeRecord, cooperativeRecord) and the same audit content.
 * Permission, scope and location checks are the caller's (they differ: one form vs. a whole file).
 */

export const msmeAuditSelect = {
  id: true, nib: true, businessName: true, ownerName: true, ownerNik: true, ownerGender: true, kbli: true, regencyCode: true,
  districtCode: true, villageCode: true, address: true, phone: true, workers: true, businessCapital: true, annualSales: true,
  recordedScale: true, computedScale: true, scaleMismatch: true, newRegistration: true, iumkNumber: true, iumkDate: true,
  cooperativeId: true, deletedAt: true, version: true,
} satisfies Prisma.MsmeSelect

export type MsmeAuditRow = Prisma.MsmeGetPayload<{ select: typeof msmeAuditSelect }>

/** The audit trail is read by admins: it keeps the owner NIK masked like every other screen. */
export const msmeForAudit = (row: MsmeAuditRow) => ({ ...row, ownerNik: maskNik(row.ownerNik) })

/** The PP 7/2021 scale and the mismatch flag, computed on every write from the figures. */
export function msmeScaleFields(input: Pick<MsmeInput, 'businessCapital' | 'annualSales' | 'newRegistration' | 'recordedScale'>) {
  const computedScale = computeScale(input)
  return { computedScale, scaleMismatch: isScaleMismatch(input.recordedScale, computedScale) }
}

export type MsmeWritable = Omit<MsmeInput, 'ownerNik' | 'nikElsewhereConfirmed'> & { ownerNik: string | null }

/**
 * What a stored MSME is: the record's columns from the form's checked input (the form's confirmation of the NIK
 * warning, nikElsewhereConfirmed, is not stored) plus the scale computed from the figures. The one definition
 * shared by the form's write (one record through Prisma) and the import's batch (`insertMsmes` / `updateMsmes`,
 * many records in one statement): both store exactly these columns.
 */
export function msmeRecord<Nik extends string | null>(input: Omit<MsmeWritable, 'ownerNik'> & { ownerNik: Nik }) {
  return {
    nib: input.nib, businessName: input.businessName, ownerName: input.ownerName, ownerNik: input.ownerNik, ownerGender: input.ownerGender,
    kbli: input.kbli, regencyCode: input.regencyCode, districtCode: input.districtCode, villageCode: input.villageCode, address: input.address,
    phone: input.phone, workers: input.workers, businessCapital: input.businessCapital, annualSales: input.annualSales,
    recordedScale: input.recordedScale, ...msmeScaleFields(input), newRegistration: input.newRegistration, iumkNumber: input.iumkNumber,
    iumkDate: input.iumkDate, cooperativeId: input.cooperativeId,
  }
}
type MsmeRecord = ReturnType<typeof msmeRecord<string | null>>

/** Each field of msmeRecord as an SQL column and type, for the batch statements (the compiler holds it to msmeRecord's fields). */
const MSME_COLUMNS: BatchColumns<MsmeRecord> = {
  nib: ['nib', 'text'], businessName: ['business_name', 'text'], ownerName: ['owner_name', 'text'], ownerNik: ['owner_nik', 'text'],
  ownerGender: ['owner_gender', '"Gender"'], kbli: ['kbli', 'text'], regencyCode: ['regency_code', 'text'], districtCode: ['district_code', 'text'],
  villageCode: ['village_code', 'text'], address: ['address', 'text'], phone: ['phone', 'text'], workers: ['workers', 'int'],
  businessCapital: ['business_capital', 'numeric'], annualSales: ['annual_sales', 'numeric'], recordedScale: ['recorded_scale', '"BusinessScale"'],
  computedScale: ['computed_scale', '"BusinessScale"'], scaleMismatch: ['scale_mismatch', 'boolean'], newRegistration: ['new_registration', 'boolean'],
  iumkNumber: ['iumk_number', 'text'], iumkDate: ['iumk_date', 'date'], cooperativeId: ['cooperative_id', 'text'],
}
/** msmeAuditSelect's fields as SQL columns: what a batch statement returns, read as Prisma's select would */
const MSME_AUDIT_COLUMNS: BatchColumns<MsmeAuditRow> = { id: ['id', 'text'], ...MSME_COLUMNS, deletedAt: ['deleted_at', 'timestamp'], version: ['version', 'int'] }

/** What a new record has in an audited column the record does not set: the table's defaults. */
const NEW_RECORD_DEFAULTS = { deletedAt: null, version: 1 }

/** The MSMEs as the batch writes see them: by NIB; an empty owner NIK on a change keeps the stored one; the trail masks the NIK. */
export const MSME_TABLE: RegisterTable<MsmeAuditRow> = {
  table: 'msmes', key: 'nib', entity: 'Msme', columns: MSME_COLUMNS, audited: MSME_AUDIT_COLUMNS, newDefaults: NEW_RECORD_DEFAULTS,
  keepWhenEmpty: ['ownerNik'], forAudit: msmeForAudit,
}

export async function insertMsme(tx: Prisma.TransactionClient, actor: AuditActor, input: Omit<MsmeInput, 'nikElsewhereConfirmed'>): Promise<string> {
  const created = await tx.msme.create({ data: msmeRecord(input), select: msmeAuditSelect })
  await writeAudit(tx, actor, { action: 'CREATE', entity: 'Msme', entityId: created.id, after: msmeForAudit(created) })
  return created.id
}

/** Update at the version the writer saw; false (nothing written) when someone saved in between. */
export async function updateMsmeRecord(
  tx: Prisma.TransactionClient, actor: AuditActor, before: MsmeAuditRow, data: MsmeWritable,
): Promise<boolean> {
  const { ownerNik, ...rest } = msmeRecord(data)
  const { count } = await tx.msme.updateMany({
    where: { id: before.id, version: before.version, deletedAt: null },
    data: { ...rest, ...(ownerNik ? { ownerNik } : {}), version: { increment: 1 } },
  })
  if (count === 0) return false
  const after = await tx.msme.findUniqueOrThrow({ where: { id: before.id }, select: msmeAuditSelect })
  await writeAudit(tx, actor, { action: 'UPDATE', entity: 'Msme', entityId: before.id, before: msmeForAudit(before), after: msmeForAudit(after) })
  return true
}

/**
 * The MSMEs stored under these NIBs (an import's batch: deleted ones too), as Prisma's `findMany` with
 * msmeAuditSelect returns them, in one statement without Prisma's per-call cost (lib/db.ts clientSql).
 */
export function findMsmesByNib(client: Prisma.TransactionClient, nibs: string[]): Promise<MsmeAuditRow[]> {
  return clientSql<MsmeAuditRow>(client, `SELECT ${returning('t', MSME_AUDIT_COLUMNS)} FROM msmes AS t WHERE t.nib = ANY($1::text[])`, [nibs])
}

/**
 * Many new MSMEs at once (an import's batch): one `COPY` of msmeRecord's columns and one of their audit rows
 * (batchInsert; behind a pooler two INSERTs); the same records and audit rows as insertMsme row by row. A NIB someone registered
 * meanwhile: its index in `inputs` among the conflicts, and the caller must roll back (the transaction may be
 * aborted already; no audit row is written).
 */
export async function insertMsmes(tx: Prisma.TransactionClient, actor: AuditActor, inputs: Omit<MsmeInput, 'nikElsewhereConfirmed'>[]): Promise<BatchResult> {
  return batchInsert(tx, actor, MSME_TABLE, inputs.map(msmeRecord))
}

/**
 * Many changed MSMEs at once, each at the version its writer saw: one `UPDATE … FROM unnest(…)` and one INSERT of
 * the audit rows, as updateMsmeRecord row by row (an empty owner NIK keeps the stored one). A record saved by
 * someone else meanwhile is not written: its index is among the conflicts.
 */
export async function updateMsmes(tx: Prisma.TransactionClient, actor: AuditActor, rows: { before: MsmeAuditRow; input: MsmeWritable }[]): Promise<BatchResult> {
  return batchUpdate(tx, actor, MSME_TABLE, rows.map((r) => ({ before: r.before, record: msmeRecord(r.input) })))
}

export const cooperativeAuditSelect = {
  id: true, nik: true, legalEntityNumber: true, legalEntityDate: true, name: true, type: true, form: true, pattern: true, groupName: true,
  regencyCode: true, districtCode: true, villageCode: true, address: true, membersMale: true, membersFemale: true, managers: true,
  employees: true, active: true, healthOutcome: true, deletedAt: true, version: true,
} satisfies Prisma.CooperativeSelect

export type CooperativeAuditRow = Prisma.CooperativeGetPayload<{ select: typeof cooperativeAuditSelect }>

/** What a stored cooperative is: the record's columns from the form's checked input, shared by the form's write and the import's batch. */
export function cooperativeRecord(input: CooperativeInput) {
  return {
    nik: input.nik, legalEntityNumber: input.legalEntityNumber, legalEntityDate: input.legalEntityDate, name: input.name, type: input.type,
    form: input.form, pattern: input.pattern, groupName: input.groupName, regencyCode: input.regencyCode, districtCode: input.districtCode,
    villageCode: input.villageCode, address: input.address, membersMale: input.membersMale, membersFemale: input.membersFemale,
    managers: input.managers, employees: input.employees, active: input.active,
  }
}
type CooperativeRecord = ReturnType<typeof cooperativeRecord>

const COOPERATIVE_COLUMNS: BatchColumns<CooperativeRecord> = {
  nik: ['nik', 'text'], legalEntityNumber: ['legal_entity_number', 'text'], legalEntityDate: ['legal_entity_date', 'date'], name: ['name', 'text'],
  type: ['type', '"CooperativeType"'], form: ['form', '"CooperativeForm"'], pattern: ['pattern', '"CooperativePattern"'], groupName: ['group_name', 'text'],
  regencyCode: ['regency_code', 'text'], districtCode: ['district_code', 'text'], villageCode: ['village_code', 'text'], address: ['address', 'text'],
  membersMale: ['members_male', 'int'], membersFemale: ['members_female', 'int'], managers: ['managers', 'int'], employees: ['employees', 'int'],
  active: ['active', 'boolean'],
}
const COOPERATIVE_AUDIT_COLUMNS: BatchColumns<CooperativeAuditRow> = {
  id: ['id', 'text'], ...COOPERATIVE_COLUMNS, healthOutcome: ['health_outcome', '"HealthOutcome"'], deletedAt: ['deleted_at', 'timestamp'], version: ['version', 'int'],
}

/** The cooperatives as the batch writes see them: by NIK koperasi; a new one has no health outcome yet. */
export const COOPERATIVE_TABLE: RegisterTable<CooperativeAuditRow> = {
  table: 'cooperatives', key: 'nik', entity: 'Cooperative', columns: COOPERATIVE_COLUMNS, audited: COOPERATIVE_AUDIT_COLUMNS,
  newDefaults: { ...NEW_RECORD_DEFAULTS, healthOutcome: null }, keepWhenEmpty: [], forAudit: (row) => row,
}

export async function insertCooperative(tx: Prisma.TransactionClient, actor: AuditActor, input: CooperativeInput): Promise<string> {
  const created = await tx.cooperative.create({ data: cooperativeRecord(input), select: cooperativeAuditSelect })
  await writeAudit(tx, actor, { action: 'CREATE', entity: 'Cooperative', entityId: created.id, after: created })
  return created.id
}

/** Update at the version the writer saw; false (nothing written) when someone saved in between. */
export async function updateCooperativeRecord(
  tx: Prisma.TransactionClient, actor: AuditActor, before: CooperativeAuditRow, data: CooperativeInput,
): Promise<boolean> {
  const { count } = await tx.cooperative.updateMany({ where: { id: before.id, version: before.version, deletedAt: null }, data: { ...cooperativeRecord(data), version: { increment: 1 } } })
  if (count === 0) return false
  const after = await tx.cooperative.findUniqueOrThrow({ where: { id: before.id }, select: cooperativeAuditSelect })
  await writeAudit(tx, actor, { action: 'UPDATE', entity: 'Cooperative', entityId: before.id, before, after })
  return true
}

/** The cooperatives stored under these NIKs (deleted ones too), as findMsmesByNib does for MSMEs. */
export function findCooperativesByNik(client: Prisma.TransactionClient, niks: string[]): Promise<CooperativeAuditRow[]> {
  return clientSql<CooperativeAuditRow>(client, `SELECT ${returning('t', COOPERATIVE_AUDIT_COLUMNS)} FROM cooperatives AS t WHERE t.nik = ANY($1::text[])`, [niks])
}

/** Many new cooperatives at once (an import's batch), as insertCooperative row by row; a NIK registered meanwhile is a conflict, as insertMsmes. */
export async function insertCooperatives(tx: Prisma.TransactionClient, actor: AuditActor, inputs: CooperativeInput[]): Promise<BatchResult> {
  return batchInsert(tx, actor, COOPERATIVE_TABLE, inputs.map(cooperativeRecord))
}

/** Many changed cooperatives at once, each at the version its writer saw, as updateCooperativeRecord row by row. */
export async function updateCooperatives(tx: Prisma.TransactionClient, actor: AuditActor, rows: { before: CooperativeAuditRow; input: CooperativeInput }[]): Promise<BatchResult> {
  return batchUpdate(tx, actor, COOPERATIVE_TABLE, rows.map((r) => ({ before: r.before, record: cooperativeRecord(r.input) })))
}

// ---- the batch statements, generic over a register's columns ----

/** field → [SQL column, SQL type] */
type BatchColumns<T> = { [K in keyof T]-?: readonly [string, string] }
type ColumnMap = Record<string, readonly [string, string]>

/**
 * A register's table as its batch writes (and an import's planned writes, lib/imports/planned.ts) see it: the
 * natural key, the record's columns (msmeRecord, cooperativeRecord), the audited columns (what a write returns
 * and its audit row carries), what a new record has in the audited columns it does not set, the columns an
 * empty value leaves as stored on a change, and how a record goes into the trail.
 */
export type RegisterTable<Row> = {
  table: string
  key: string
  entity: string
  columns: ColumnMap
  audited: ColumnMap
  newDefaults: Record<string, unknown>
  keepWhenEmpty: string[]
  forAudit: (row: Row) => unknown
}
/** the indexes (into the batch's input) of the records not written because someone else wrote them meanwhile */
export type BatchResult = { conflicts: number[] }

export const ident = (name: string) => `"${name.replace(/"/g, '""')}"`
/** a value as an element of a text[] parameter, cast to the column's type in SQL (a date as `YYYY-MM-DD`, a decimal as its text) */
function sqlText(value: unknown): string | null {
  if (value === null || value === undefined) return null
  if (value instanceof Date) return value.toISOString().slice(0, 10)
  return String(value)
}
/** every audited column under its field name, so the returned rows read as Prisma's select of the same fields */
const returning = (alias: string, columns: ColumnMap) => Object.entries(columns).map(([field, [column]]) => `${alias}.${ident(column)} AS ${ident(field)}`).join(', ')

let idCounter = 0
// random bits drawn 24 KB at a time: one call to the system's generator per 4.096 ids instead of one per id
// (1,3 s of CPU per 100.000 rows, docs/benchmarks.md, "The import's time")
let randomPool = Buffer.alloc(0)
let randomAt = 0
/**
 * A new record id in the shape of Prisma's `@default(cuid())` (which Prisma makes on the client, so a batch
 * makes its own): `c`, the time, a counter and 48 random bits.
 */
export function newRecordId(): string {
  idCounter = (idCounter + 1) % 1_679_616
  if (randomAt + 6 > randomPool.length) {
    randomPool = randomBytes(6 * 4096)
    randomAt = 0
  }
  const random = randomPool.toString('hex', randomAt, (randomAt += 6))
  return `c${Date.now().toString(36).padStart(8, '0')}${idCounter.toString(36).padStart(4, '0')}${random}`
}


/** A column's text (sqlText) as the batch statements' rows read it (lib/db.ts transactionSql: as Prisma reads it). */
function asStored(type: string, text: string | null): unknown {
  if (text === null) return null
  if (type === 'numeric') return new Prisma.Decimal(text)
  if (type === 'date') return new Date(`${text}T00:00:00.000Z`)
  if (type === 'int') return Number(text)
  if (type === 'boolean') return text === 'true'
  return text
}

/** A record's column texts (sqlText), in the order of the table's columns: what a batch sends. */
export function recordTexts<Row>(t: RegisterTable<Row>, record: Record<string, unknown>): (string | null)[] {
  return Object.keys(t.columns).map((f) => sqlText(record[f]))
}

/**
 * The audited columns of a record a batch creates under `id` from `texts`, as the insert's RETURNING would give
 * them: known before it is written (what is sent, and the table's defaults for the other audited columns).
 */
function createdRow<Row>(t: RegisterTable<Row>, id: string, texts: (string | null)[]): Row {
  const fields = Object.keys(t.columns)
  const row: Record<string, unknown> = {}
  for (const f of Object.keys(t.audited)) {
    const c = fields.indexOf(f)
    row[f] = f === 'id' ? id : c >= 0 ? asStored(t.columns[f][1], texts[c]) : t.newDefaults[f]
  }
  return row as Row
}

/**
 * The audited columns of `before` once a batch has changed it to `texts`, as the update's RETURNING gives them:
 * each column sent (a column of keepWhenEmpty left as stored when sent empty), the version moved by one.
 */
function updatedRow<Row extends { version: number }>(t: RegisterTable<Row>, before: Row, texts: (string | null)[]): Row {
  const row: Record<string, unknown> = { ...before, version: before.version + 1 }
  Object.keys(t.columns).forEach((f, c) => {
    if (!(texts[c] === null && t.keepWhenEmpty.includes(f))) row[f] = asStored(t.columns[f][1], texts[c])
  })
  return row as Row
}

const created = <Row extends { id: string }>(t: RegisterTable<Row>, row: Row): AuditEntry => ({ action: 'CREATE', entity: t.entity, entityId: row.id, after: t.forAudit(row) })
const changed = <Row extends { id: string }>(t: RegisterTable<Row>, before: Row, after: Row): AuditEntry =>
  ({ action: 'UPDATE', entity: t.entity, entityId: before.id, before: t.forAudit(before), after: t.forAudit(after) })

/**
 * A write planned ahead (an import's dry run, lib/imports/planned.ts): the record's id, its column texts and
 * the audit entry the write will carry, exactly as batchInsert / batchUpdate would write them now.
 */
export type PlannedWrite = { id: string; texts: (string | null)[]; audit: AuditEntry }

/** A new record planned ahead, under a new id (as batchInsert). */
export function planInsert<Row extends { id: string }>(t: RegisterTable<Row>, record: Record<string, unknown>): PlannedWrite {
  const id = newRecordId()
  const texts = recordTexts(t, record)
  return { id, texts, audit: created(t, createdRow(t, id, texts)) }
}

/** A change of `before` planned ahead, to be written at before's version (as batchUpdate). */
export function planUpdate<Row extends { id: string; version: number }>(t: RegisterTable<Row>, before: Row, record: Record<string, unknown>): PlannedWrite {
  const texts = recordTexts(t, record)
  return { id: before.id, texts, audit: changed(t, before, updatedRow(t, before, texts)) }
}

/**
 * New records of a batch, each under a new id, and their audit rows. By `COPY … FROM STDIN` on the
 * transaction's connection (bulk loading, which an INSERT cannot do: 1,3 × the time of COPY for an import's
 * 100.000 records), the audit rows (writeAudits: a COPY too) sent right behind it: the records are known before
 * they are written (createdRow), so PostgreSQL gets both statements at once. Where that connection is not known
 * (behind a pooler), by `INSERT … SELECT FROM unnest … ON CONFLICT DO NOTHING RETURNING`, then the audit rows. A
 * key someone else stored meanwhile: its index among the conflicts, and the caller must roll back (after COPY the
 * transaction is aborted already; the import ends on any conflict).
 */
async function batchInsert<Row extends { id: string }>(
  tx: Prisma.TransactionClient, actor: AuditActor, t: RegisterTable<Row>, records: Record<string, unknown>[],
): Promise<BatchResult> {
  if (!records.length) return { conflicts: [] }
  const fields = Object.keys(t.columns)
  const ids = records.map(() => newRecordId())
  const texts = records.map((r) => recordTexts(t, r))
  const keyColumn = t.columns[t.key][0]
  if (await transactionCanCopy(tx)) {
    // updated_at has no default in the table (its trigger stamps it anyway)
    const now = new Date().toISOString()
    const copied = transactionCopy(tx, `COPY ${ident(t.table)} (${insertedColumnList(t)}) FROM STDIN`,
      texts.map((r, i) => copyLine([ids[i], ...r, now])).join(''))
    const audits = writeAudits(tx, actor, texts.map((r, i) => created(t, createdRow(t, ids[i], r))))
    try {
      await copied
    } catch (e) {
      audits.catch(() => {})
      const taken = await keysTakenMeanwhile(e, t.table, keyColumn, records.map((r) => sqlText(r[t.key])))
      if (!taken.length) throw e
      return { conflicts: taken }
    }
    await audits
    return { conflicts: [] }
  }
  const params = [ids, ...fields.map((_, c) => texts.map((r) => r[c]))]
  const rows = await transactionSql<Row>(tx, `INSERT INTO ${ident(t.table)} AS t (${insertedColumnList(t)})
    SELECT ${insertedValues(t, 'u.id', (i) => `u.c${i}`)}
    FROM unnest(${params.map((_, i) => `$${i + 1}::text[]`).join(', ')}) AS u(id, ${fields.map((_, i) => `c${i}`).join(', ')})
    ON CONFLICT (${ident(keyColumn)}) DO NOTHING
    RETURNING ${returning('t', t.audited)}`, params)
  const result = conflictsOf(records.map((r) => String(r[t.key])), rows.map((r) => String((r as Record<string, unknown>)[t.key])))
  if (!result.conflicts.length) await writeAudits(tx, actor, rows.map((row) => created(t, row)))
  return result
}

/**
 * After COPY failed: if on a unique key of `table`, the indexes of the batch's keys someone else has stored
 * meanwhile, read on the pool (committed: a unique violation is raised only when the other writer commits; the
 * transaction here is aborted). Not from the error's text, which the server's `lc_messages` may translate.
 * Empty for any other error.
 */
async function keysTakenMeanwhile(e: unknown, table: string, keyColumn: string, keys: (string | null)[]): Promise<number[]> {
  if (!isUniqueViolationOn(e, table)) return []
  const stored = await clientSql<{ key: string }>(db, `SELECT ${ident(keyColumn)} AS key FROM ${ident(table)} WHERE ${ident(keyColumn)} = ANY($1::text[])`, [keys])
  const taken = new Set(stored.map((r) => r.key))
  return keys.flatMap((k, i) => (k !== null && taken.has(k) ? [i] : []))
}

/** A unique violation (a key someone else stored meanwhile) on `table`, by its SQLSTATE and table, not its translatable text. */
export function isUniqueViolationOn(e: unknown, table: string): boolean {
  return Boolean(e) && typeof e === 'object' && (e as { code?: string }).code === '23505' && (e as { table?: string }).table === table
}

/**
 * Changed records of a batch, each at the version its writer saw, and their audit rows: one `UPDATE … FROM
 * unnest(…)`, then one write of the audit rows. A
 * record saved by someone else meanwhile is not written: its index is among the conflicts.
 */
async function batchUpdate<Row extends { id: string; version: number }>(
  tx: Prisma.TransactionClient, actor: AuditActor, t: RegisterTable<Row>, rows: { before: Row; record: Record<string, unknown> }[],
): Promise<BatchResult> {
  if (!rows.length) return { conflicts: [] }
  const fields = Object.keys(t.columns)
  const params = [rows.map((r) => r.before.id), rows.map((r) => r.before.version), ...fields.map((f) => rows.map((r) => sqlText(r.record[f])))]
  const sql = `UPDATE ${ident(t.table)} AS t SET ${changedColumns(t, (i) => `u.c${i}`).join(', ')}
    FROM unnest($1::text[], $2::int[], ${fields.map((_, i) => `$${i + 3}::text[]`).join(', ')}) AS u(id, version, ${fields.map((_, i) => `c${i}`).join(', ')})
    WHERE t.id = u.id AND t.version = u.version AND t.deleted_at IS NULL
    RETURNING ${returning('t', t.audited)}`
  const updated = await transactionSql<Row>(tx, sql, params)
  const byId = new Map(updated.map((r) => [r.id, r]))
  await writeAudits(tx, actor, rows.filter((r) => byId.has(r.before.id)).map((r) => changed(t, r.before, byId.get(r.before.id)!)))
  return conflictsOf(rows.map((r) => r.before.id), updated.map((r) => r.id))
}

/**
 * The SET list of a change to a register's record (table alias `t`): each column from its text (`text(i)`, the
 * i-th column's text in the table's column order) cast to its type, a column of keepWhenEmpty kept when the
 * text is null, the version moved by one (updated_at: the table's trigger, migration 20261210500000). Shared by
 * batchUpdate and the import's planned writes (lib/imports/planned.ts).
 */
export function changedColumns<Row>(t: RegisterTable<Row>, text: (i: number) => string): string[] {
  return [
    ...Object.keys(t.columns).map((f, i) => {
      const [column, type] = t.columns[f]
      const value = `${text(i)}::${type}`
      return `${ident(column)} = ${t.keepWhenEmpty.includes(f) ? `coalesce(${value}, t.${ident(column)})` : value}`
    }),
    'version = t.version + 1',
  ]
}

/**
 * The columns a new record is written with: its id, the record's columns, updated_at (NOT NULL without a default;
 * the table's trigger stamps it with the statement's time whatever is sent).
 */
export const insertedColumnList = <Row>(t: RegisterTable<Row>) => `id, ${Object.keys(t.columns).map((f) => ident(t.columns[f][0])).join(', ')}, updated_at`

/** The SELECT list of new records for insertedColumnList: the id from `id`, the i-th column's text from `text(i)`; shared with the planned writes. */
export function insertedValues<Row>(t: RegisterTable<Row>, id: string, text: (i: number) => string): string {
  return `${id}, ${Object.keys(t.columns).map((f, i) => `${text(i)}::${t.columns[f][1]}`).join(', ')}, statement_timestamp() AT TIME ZONE 'UTC'`
}

function conflictsOf(wanted: string[], written: string[]): BatchResult {
  const done = new Set(written)
  return { conflicts: wanted.flatMap((k, i) => (done.has(k) ? [] : [i])) }
}

export type CooperativeYearFigures = Omit<CooperativeYearInput, 'cooperativeId' | 'year' | 'version'>

const yearFigures = (input: CooperativeYearInput): CooperativeYearFigures => {
  const { ownCapital, externalCapital, assets, businessVolume, netSurplus, ratHeld, ratDate } = input
  return { ownCapital, externalCapital, assets, businessVolume, netSurplus, ratHeld, ratDate }
}

/**
 * The import's write of one book year (lib/imports/kinds/cooperative-years.ts): upserted on its natural key
 * (cooperative + year), so a file imported twice changes nothing more, with its audit row; the version moves on
 * every change, so a form opened before the import refuses to save over it. The caller has checked the scope.
 */
/** A book year's columns in its audit rows (the whole row before, now named: a future column is not audited by accident). */
const cooperativeYearAuditSelect = {
  id: true, cooperativeId: true, year: true, ownCapital: true, externalCapital: true, assets: true, businessVolume: true,
  netSurplus: true, ratHeld: true, ratDate: true, version: true,
} satisfies Prisma.CooperativeYearSelect

export async function writeCooperativeYear(tx: Prisma.TransactionClient, actor: AuditActor, input: CooperativeYearInput): Promise<string> {
  const { cooperativeId, year } = input
  const figures = yearFigures(input)
  const before = await tx.cooperativeYear.findUnique({ where: { cooperativeId_year: { cooperativeId, year } }, select: cooperativeYearAuditSelect })
  const after = await tx.cooperativeYear.upsert({
    where: { cooperativeId_year: { cooperativeId, year } },
    create: { cooperativeId, year, ...figures },
    update: { ...figures, version: { increment: 1 } },
    select: cooperativeYearAuditSelect,
  })
  await writeAudit(tx, actor, { action: before ? 'UPDATE' : 'CREATE', entity: 'CooperativeYear', entityId: after.id, before, after })
  return after.id
}

/**
 * The form's new book year: null (nothing written) when the year is recorded already — the form never overwrites
 * a recorded year, whose blank fields would wipe its amounts; it is changed through its own edit (updateCooperativeYear).
 * An amount left empty is stored as null, "not reported" (cooperativeYearSchema), never Rp0.
 */
export async function insertCooperativeYear(tx: Prisma.TransactionClient, actor: AuditActor, input: CooperativeYearInput): Promise<string | null> {
  const { cooperativeId, year } = input
  // ON CONFLICT DO NOTHING: a year someone records at the same moment is refused too, without aborting the transaction
  const created = await tx.cooperativeYear.createManyAndReturn({ data: [{ cooperativeId, year, ...yearFigures(input) }], skipDuplicates: true })
  if (!created.length) return null
  await writeAudit(tx, actor, { action: 'CREATE', entity: 'CooperativeYear', entityId: created[0].id, after: created[0] })
  return created[0].id
}

/**
 * The form's edit of a recorded book year at the version the user saw: 'stale' (nothing written) when someone
 * saved it in between, 'missing' when it is not recorded (any more).
 */
export async function updateCooperativeYear(
  tx: Prisma.TransactionClient, actor: AuditActor, input: CooperativeYearInput & { version: number },
): Promise<{ id: string } | 'stale' | 'missing'> {
  const { cooperativeId, year, version } = input
  const before = await tx.cooperativeYear.findUnique({ where: { cooperativeId_year: { cooperativeId, year } }, select: cooperativeYearAuditSelect })
  if (!before) return 'missing'
  const { count } = await tx.cooperativeYear.updateMany({ where: { id: before.id, version }, data: { ...yearFigures(input), version: { increment: 1 } } })
  if (count === 0) return 'stale'
  const after = await tx.cooperativeYear.findUniqueOrThrow({ where: { id: before.id }, select: cooperativeYearAuditSelect })
  await writeAudit(tx, actor, { action: 'UPDATE', entity: 'CooperativeYear', entityId: before.id, before, after })
  return { id: before.id }
}

/** Delete a recorded book year at the version the user saw, with its audit row; false when it changed or is gone. */
export async function deleteCooperativeYear(
  tx: Prisma.TransactionClient, actor: AuditActor, key: { cooperativeId: string; year: number; version: number },
): Promise<boolean> {
  const before = await tx.cooperativeYear.findUnique({ where: { cooperativeId_year: { cooperativeId: key.cooperativeId, year: key.year } } })
  if (!before) return false
  const { count } = await tx.cooperativeYear.deleteMany({ where: { id: before.id, version: key.version } })
  if (count === 0) return false
  await writeAudit(tx, actor, { action: 'DELETE', entity: 'CooperativeYear', entityId: before.id, before })
  return true
}
