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
  return batchInsert<MsmeAuditRow>(tx, actor, 'msmes', 'nib', MSME_COLUMNS, MSME_AUDIT_COLUMNS, inputs.map(msmeRecord),
    (row) => ({ action: 'CREATE', entity: 'Msme', entityId: row.id, after: msmeForAudit(row) }))
}

/**
 * Many changed MSMEs at once, each at the version its writer saw: one `UPDATE … FROM unnest(…)` and one INSERT of
 * the audit rows, as updateMsmeRecord row by row (an empty owner NIK keeps the stored one). A record saved by
 * someone else meanwhile is not written: its index is among the conflicts.
 */
export async function updateMsmes(tx: Prisma.TransactionClient, actor: AuditActor, rows: { before: MsmeAuditRow; input: MsmeWritable }[]): Promise<BatchResult> {
  const updated = await batchUpdate<MsmeAuditRow>(tx, 'msmes', MSME_COLUMNS, MSME_AUDIT_COLUMNS,
    rows.map((r) => ({ id: r.before.id, version: r.before.version, record: msmeRecord(r.input) })), ['ownerNik'])
  const byId = new Map(updated.map((r) => [r.id, r]))
  await writeAudits(tx, actor, rows.filter((r) => byId.has(r.before.id)).map((r) => ({
    action: 'UPDATE', entity: 'Msme', entityId: r.before.id, before: msmeForAudit(r.before), after: msmeForAudit(byId.get(r.before.id)!),
  })))
  return conflictsOf(rows.map((r) => r.before.id), updated.map((r) => r.id))
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
  return batchInsert<CooperativeAuditRow>(tx, actor, 'cooperatives', 'nik', COOPERATIVE_COLUMNS, COOPERATIVE_AUDIT_COLUMNS, inputs.map(cooperativeRecord),
    (row) => ({ action: 'CREATE', entity: 'Cooperative', entityId: row.id, after: row }), { ...NEW_RECORD_DEFAULTS, healthOutcome: null })
}

/** Many changed cooperatives at once, each at the version its writer saw, as updateCooperativeRecord row by row. */
export async function updateCooperatives(tx: Prisma.TransactionClient, actor: AuditActor, rows: { before: CooperativeAuditRow; input: CooperativeInput }[]): Promise<BatchResult> {
  const updated = await batchUpdate<CooperativeAuditRow>(tx, 'cooperatives', COOPERATIVE_COLUMNS, COOPERATIVE_AUDIT_COLUMNS,
    rows.map((r) => ({ id: r.before.id, version: r.before.version, record: cooperativeRecord(r.input) })))
  const byId = new Map(updated.map((r) => [r.id, r]))
  await writeAudits(tx, actor, rows.filter((r) => byId.has(r.before.id)).map((r) => ({
    action: 'UPDATE', entity: 'Cooperative', entityId: r.before.id, before: r.before, after: byId.get(r.before.id)!,
  })))
  return conflictsOf(rows.map((r) => r.before.id), updated.map((r) => r.id))
}

// ---- the batch statements, generic over a register's columns ----

/** field → [SQL column, SQL type] */
type BatchColumns<T> = { [K in keyof T]-?: readonly [string, string] }
type ColumnMap = Record<string, readonly [string, string]>
/** the indexes (into the batch's input) of the records not written because someone else wrote them meanwhile */
export type BatchResult = { conflicts: number[] }

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`
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
// (1,3 s of CPU per 100.000 rows, README "The import's time")
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

/** What COPY leaves in an audited column the record does not set: the table's defaults for a new record. */
const NEW_RECORD_DEFAULTS = { deletedAt: null, version: 1 }

/** A column's text (sqlText) as the batch statements' rows read it (lib/db.ts transactionSql: as Prisma reads it). */
function asStored(type: string, text: string | null): unknown {
  if (text === null) return null
  if (type === 'numeric') return new Prisma.Decimal(text)
  if (type === 'date') return new Date(`${text}T00:00:00.000Z`)
  if (type === 'int') return Number(text)
  if (type === 'boolean') return text === 'true'
  return text
}

/**
 * New records of a batch, each under a new id, and their audit rows (`audit`: a created record's entry). By
 * `COPY … FROM STDIN` on the transaction's connection (bulk loading, which an INSERT cannot do: 1,3 × the time of
 * COPY for an import's 100.000 records), the audit rows (writeAudits: a COPY too) sent right behind it: the records are known
 * before they are written (what was sent, and the table's defaults for the other audited columns,
 * `otherColumns`), so PostgreSQL gets both statements at once. Where that connection is not known (behind a
 * pooler), by `INSERT … SELECT FROM unnest … ON CONFLICT DO NOTHING RETURNING`, then the audit rows. A key someone
 * else stored meanwhile: its index among the conflicts, and the caller must roll back (after COPY the
 * transaction is aborted already; the import ends on any conflict).
 */
async function batchInsert<Row>(
  tx: Prisma.TransactionClient, actor: AuditActor, table: string, key: string, columns: ColumnMap, audited: ColumnMap,
  records: Record<string, unknown>[], audit: (row: Row) => AuditEntry, otherColumns: Record<string, unknown> = NEW_RECORD_DEFAULTS,
): Promise<BatchResult> {
  if (!records.length) return { conflicts: [] }
  const fields = Object.keys(columns)
  const ids = records.map(() => newRecordId())
  const texts = records.map((r) => fields.map((f) => sqlText(r[f])))
  const keyColumn = columns[key][0]
  if (await transactionCanCopy(tx)) {
    // each audited column in its order, as RETURNING gives them: from the text sent, or the table's default
    const from = Object.keys(audited).map((f) => ({ f, c: fields.indexOf(f) }))
    const created = texts.map((t, i) => {
      const row: Record<string, unknown> = {}
      for (const { f, c } of from) row[f] = f === 'id' ? ids[i] : c >= 0 ? asStored(columns[f][1], t[c]) : otherColumns[f]
      return row as Row
    })
    // the statement's updated_at: Prisma's @updatedAt has no default in the table
    const now = new Date().toISOString()
    const copied = transactionCopy(tx, `COPY ${ident(table)} (id, ${fields.map((f) => ident(columns[f][0])).join(', ')}, updated_at) FROM STDIN`,
      texts.map((t, i) => copyLine([ids[i], ...t, now])).join(''))
    const audits = writeAudits(tx, actor, created.map(audit))
    try {
      await copied
    } catch (e) {
      audits.catch(() => {})
      const taken = await keysTakenMeanwhile(e, table, keyColumn, records.map((r) => sqlText(r[key])))
      if (!taken.length) throw e
      return { conflicts: taken }
    }
    await audits
    return { conflicts: [] }
  }
  const params = [ids, ...fields.map((_, c) => texts.map((t) => t[c]))]
  const created = await transactionSql<Row>(tx, `INSERT INTO ${ident(table)} AS t (id, ${fields.map((f) => ident(columns[f][0])).join(', ')}, updated_at)
    SELECT u.id, ${fields.map((f, i) => `u.c${i}::${columns[f][1]}`).join(', ')}, statement_timestamp() AT TIME ZONE 'UTC'
    FROM unnest(${params.map((_, i) => `$${i + 1}::text[]`).join(', ')}) AS u(id, ${fields.map((_, i) => `c${i}`).join(', ')})
    ON CONFLICT (${ident(keyColumn)}) DO NOTHING
    RETURNING ${returning('t', audited)}`, params)
  const result = conflictsOf(records.map((r) => String(r[key])), created.map((r) => String((r as Record<string, unknown>)[key])))
  if (!result.conflicts.length) await writeAudits(tx, actor, created.map(audit))
  return result
}

/**
 * After COPY failed: if on a unique key of `table`, the indexes of the batch's keys someone else has stored
 * meanwhile, read on the pool (committed: a unique violation is raised only when the other writer commits; the
 * transaction here is aborted). Not from the error's text, which the server's `lc_messages` may translate.
 * Empty for any other error.
 */
async function keysTakenMeanwhile(e: unknown, table: string, keyColumn: string, keys: (string | null)[]): Promise<number[]> {
  if (!e || typeof e !== 'object' || (e as { code?: string }).code !== '23505' || (e as { table?: string }).table !== table) return []
  const stored = await clientSql<{ key: string }>(db, `SELECT ${ident(keyColumn)} AS key FROM ${ident(table)} WHERE ${ident(keyColumn)} = ANY($1::text[])`, [keys])
  const taken = new Set(stored.map((r) => r.key))
  return keys.flatMap((k, i) => (k !== null && taken.has(k) ? [i] : []))
}

async function batchUpdate<Row>(
  tx: Prisma.TransactionClient, table: string, columns: ColumnMap, audited: ColumnMap,
  rows: { id: string; version: number; record: Record<string, unknown> }[], keepWhenEmpty: string[] = [],
): Promise<Row[]> {
  if (!rows.length) return []
  const fields = Object.keys(columns)
  const params = [rows.map((r) => r.id), rows.map((r) => r.version), ...fields.map((f) => rows.map((r) => sqlText(r.record[f])))]
  const set = fields.map((f, i) => {
    const value = `u.c${i}::${columns[f][1]}`
    return `${ident(columns[f][0])} = ${keepWhenEmpty.includes(f) ? `coalesce(${value}, t.${ident(columns[f][0])})` : value}`
  })
  const sql = `UPDATE ${ident(table)} AS t SET ${set.join(', ')}, version = t.version + 1
    FROM unnest($1::text[], $2::int[], ${fields.map((_, i) => `$${i + 3}::text[]`).join(', ')}) AS u(id, version, ${fields.map((_, i) => `c${i}`).join(', ')})
    WHERE t.id = u.id AND t.version = u.version AND t.deleted_at IS NULL
    RETURNING ${returning('t', audited)}`
  return transactionSql<Row>(tx, sql, params)
}

function conflictsOf(wanted: string[], written: string[]): BatchResult {
  const done = new Set(written)
  return { conflicts: wanted.flatMap((k, i) => (done.has(k) ? [] : [i])) }
}

export type CooperativeYearFigures = Omit<CooperativeYearInput, 'cooperativeId' | 'year'>

/**
 * Record (or correct) one book year's figures of a cooperative: one row per cooperative and year, upserted,
 * with its audit row. The form (saveCooperativeYear) and the import (lib/imports/kinds/cooperative-years.ts)
 * both write here; the caller has checked the cooperative's scope.
 */
export async function writeCooperativeYear(tx: Prisma.TransactionClient, actor: AuditActor, input: CooperativeYearInput): Promise<string> {
  const { cooperativeId, year, ...figures } = input
  const before = await tx.cooperativeYear.findUnique({ where: { cooperativeId_year: { cooperativeId, year } } })
  const after = await tx.cooperativeYear.upsert({
    where: { cooperativeId_year: { cooperativeId, year } },
    create: { cooperativeId, year, ...figures },
    update: figures,
  })
  await writeAudit(tx, actor, { action: before ? 'UPDATE' : 'CREATE', entity: 'CooperativeYear', entityId: after.id, before, after })
  return after.id
}
