import 'server-only'
import { clientSql, copyLine, db, transactionCanCopy, transactionCopy, transactionSql, withTransactionStatements } from '@/lib/db'
import { writeAudit } from '@/lib/audit'
import { isDatabaseUnreachable } from '@/lib/db-errors'
import type { Prisma } from '@/lib/generated/prisma/client'
import { JobCancelled, PermanentJobError, type JobContext } from '@/lib/jobs'
import { CellProblem, cellText, shownValue, type FieldDef } from './fields'
import { IMPORT_LIMITS, readSheets, type ByteSource, type Cell, type FileFormat } from './file'
import { importKind } from './kinds'
import { EXAMPLE_COLUMN, exampleTexts, isExampleMark, isRejectedFileHeading } from './template'
import { agencyRegencies } from '@/lib/data/regions'
import { fieldValue } from './kinds/common'
import type { AnyKind, Importer, PlannedRow, Tx } from './kinds/types'
import { applyPlan, changedMeanwhile, planKey, planRow, planState, type PlanColumns } from './planned'
import { loadRegions, resolveDistrict, resolveRegency, resolveVillage, type RegionIndex } from './regions'
import { MASK_CHAR } from '@/lib/registers/nik'
import { formatNumber } from '@/lib/format'

/**
 * The import pipeline after upload and mapping: every data row of the chosen sheet is read (streamed, in
 * batches), turned into the form's field texts, checked with the form's schema and against the database,
 * and given a verdict: CREATE, UPDATE (with before → after per field), UNCHANGED or INVALID (row + column +
 * message). The dry run stores the verdicts (for a register kind also each row's planned write,
 * lib/imports/planned.ts); the commit, in ONE transaction, applies that plan when nothing it was made on has
 * changed, and otherwise checks every row again (the database may have changed) and writes through the kind's
 * own write path: all or nothing by default, or the valid rows only when the user chose so.
 */

export type Outcome = 'CREATE' | 'UPDATE' | 'UNCHANGED' | 'INVALID'
/** `messageEn`: the English of a message the catalogue cannot know (a report rule's, from the database); others are translated when shown (serverText) */
export type RowError = { column: string; message: string; messageEn?: string }
/** `masked`: an owner NIK whose before and after read alike as shown (its middle digits hidden) though they differ: said so on the page. */
export type Change = { field: string; column: string; before: string; after: string; masked?: true }
export type Summary = { total: number; create: number; update: number; unchanged: number; invalid: number; groups?: GroupTally[] }
/**
 * A document the valid rows of a dry run make (a kind's groupOf: a claim per programme and month): its rows,
 * their amount in sen (whole numbers, so that the sum is exact), and whether any row of it changes anything
 * (a document all of whose rows are unchanged is not written again).
 */
export type GroupTally = { group: string; rows: number; sen: number; changed: boolean }
/** A sheet as read at upload: where its header is, its headings, its data rows and the first data row's cells (shown beside the mapping). */
export type SheetInfo = { name: string; headerRow: number; headings: string[]; dataRows: number; sample?: string[] }

type Verdict = {
  rowNumber: number
  outcome: Outcome
  key: string | null
  values: Record<string, string>
  errors: RowError[]
  changes: Change[]
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  input?: any
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  existing?: any
  /** the batch's reference data (AnyKind.prepare), for the write */
  prepared?: unknown
  /** the record stored under the row's key when it was checked (for the dry run's plan, lib/imports/planned.ts) */
  seen?: { id: string; version: number; deletedAt: Date | null }
}

type Ctx = {
  kind: AnyKind
  importer: Importer
  regions: RegionIndex
  /** key → the row that first carried it: the second row with the same key is refused */
  seen: Map<string, number>
  /** the user's column heading for a field (errors name the column the user sees) */
  columnOf: (field: string) => string
  /** what the kind's `gather` kept of the whole file (gatherFile), for every batch's `prepare` */
  gathered?: unknown
  /** the kind's required fields no column is mapped to (their rows say so, unless a stored record fills them) */
  unmappedRequired: FieldDef[]
  /** the template's example rows over the mapped columns (templateExamples): a row left as one is refused */
  examples?: { fields: string[]; rows: Set<string> }
}

/** An example row of the template, left in the file: refused, not imported as a record nobody meant. */
export const MASKED_VALUE = 'Nilai tersamar (••••) seperti di ekspor hanya berarti "tetap seperti tercatat" untuk data yang sudah terdaftar dengan nilai itu; isi nilai lengkapnya.'
export const EXAMPLE_ROW = 'Baris contoh dari templat: hapus baris ini, atau timpa dengan data Anda.'

/**
 * The template's example rows (for this importer, as its download made them: lib/imports/service.ts templateData),
 * each as the texts of the file's mapped columns would read it. A template uploaded with its examples still in it
 * had imported three invented MSMEs, or 1.250 registered cooperatives into a district's draft report.
 */
async function templateExamples(client: Tx, imp: LoadedImport, kind: AnyKind, importer: Importer): Promise<Ctx['examples']> {
  const regencies = (await agencyRegencies()).filter((r) => !importer.regencyCode || r.code === importer.regencyCode)
  const extras = kind.template ? await kind.template(client, importer, regencies) : {}
  const mapped = new Set(Object.values((imp.mapping ?? {}) as Record<string, string | null>).filter((f): f is string => Boolean(f)))
  const fields = kind.fields.filter((f) => mapped.has(f.key))
  if (!fields.length) return undefined
  const rows = new Set(exampleTexts(kind, extras).map((ex) => exampleSignature(fields.map((f) => {
    try {
      return cellText(ex[f.key] ?? '', f)
    } catch {
      return ex[f.key] ?? ''
    }
  }))))
  return { fields: fields.map((f) => f.key), rows }
}
const exampleSignature = (texts: string[]) => texts.join('\u0001')
/**
 * Whether a row is one of the template's example rows left as it was: marked CONTOH in the template's column Contoh
 * (an ignored column: its cell travels with the row to the commit), and its mapped texts the example's. The mark is
 * what a real row never has: by its values alone, a genuine row equal to an example (Kabupaten Pacitan · 2026 · IV ·
 * KOP_TERDAFTAR · 1.250) had been refused as one.
 */
const isExample = (c: Ctx, row: { values: Record<string, string>; ignored?: Record<string, string> }) =>
  isExampleMark(row.ignored?.[EXAMPLE_COLUMN]) && Boolean(c.examples?.rows.has(exampleSignature(c.examples.fields.map((f) => row.values[f] ?? ''))))

/** The examples as the dry run stored them beside its counts (`summary.examples`), for the commit to judge by. */
type StoredExamples = { fields: string[]; rows: string[] }
const storeExamples = (examples: Ctx['examples']): StoredExamples | undefined => (examples ? { fields: examples.fields, rows: [...examples.rows] } : undefined)

/**
 * The examples the commit judges by: the dry run's own. Rebuilt at the commit from its date, a report-values
 * template's examples (the open quarter's) had changed across a quarter's end between the dry run and the confirm,
 * and an example row the dry run refused would have been written. An import checked before the dry run stored them
 * is judged by the examples rebuilt.
 */
async function commitExamples(client: Tx, imp: LoadedImport, kind: AnyKind, importer: Importer): Promise<Ctx['examples']> {
  const summary = imp.summary as { check?: unknown; examples?: StoredExamples | null } | null
  if (summary?.check && 'examples' in summary) return summary.examples ? { fields: summary.examples.fields, rows: new Set(summary.examples.rows) } : undefined
  return templateExamples(client, imp, kind, importer)
}

/** The kind's required fields that no column of the import's mapping names. */
function unmappedRequired(imp: LoadedImport, kind: AnyKind): FieldDef[] {
  const mapped = new Set(Object.values((imp.mapping ?? {}) as Record<string, string | null>))
  return kind.fields.filter((f) => f.required && !mapped.has(f.key))
}

export const BATCH_ROWS = 500
/** The dry run's and the commit's transactions: an hour at most (their statements end before it runs out: lib/db.ts withTransactionStatements). */
const JOB_TRANSACTION = { timeout: 60 * 60_000, maxWait: 60_000 }

const emptySummary = (): Summary => ({ total: 0, create: 0, update: 0, unchanged: 0, invalid: 0 })
/** A valid row into its document's tally (the file's rows, not stored figures: the dry run's counts are tallied as it reads, too). */
const tallyInto = (groups: Map<string, GroupTally>, { group, amount }: { group: string; amount: number }, o: Outcome) => {
  const g = groups.get(group) ?? { group, rows: 0, sen: 0, changed: false }
  g.rows++
  g.sen += Math.round(amount * 100)
  g.changed ||= o !== 'UNCHANGED'
  groups.set(group, g)
}
const countInto = (s: Summary, o: Outcome) => {
  s.total++
  if (o === 'CREATE') s.create++
  else if (o === 'UPDATE') s.update++
  else if (o === 'UNCHANGED') s.unchanged++
  else s.invalid++
}

/** Resolve the region columns (names or codes) to codes, in place; problems are field → message. */
function resolveRegions(fields: FieldDef[], values: Record<string, string>, regions: RegionIndex, errors: Record<string, string>) {
  for (const f of fields) {
    const text = values[f.key] ?? ''
    if (!text) continue
    const r = f.type === 'regency' ? resolveRegency(text, regions)
      : f.type === 'district' ? resolveDistrict(text, values.regencyCode || null, regions)
        : f.type === 'village' ? resolveVillage(text, values.districtCode || null, regions)
          : undefined
    if (r === undefined || r === null) continue
    if ('error' in r) errors[f.key] = r.error
    else values[f.key] = r.code
  }
}

/** `ignored`: the row's cells of the columns the user left unmapped (heading → text), kept for its line in the rejected-rows file should it be refused */
type RowTexts = { rowNumber: number; values: Record<string, string>; problems: Record<string, string>; ignored?: Record<string, string> }
/** What a batch's check reads from the database: the kind's reference data and the stored records of the batch's keys. */
type Lookups = { prepared: unknown; existingByKey: Map<string, unknown> }

const keyOfRow = (kind: AnyKind, importer: Importer, values: Record<string, string>, prepared: unknown): string | null =>
  kind.rowKey ? kind.rowKey(values, importer, prepared) : values[kind.keyField] || null

/** The database's part of a batch's check: the kind's reference data, then the records stored under the batch's keys (one statement). */
async function lookupBatch(client: Tx, rows: RowTexts[], ctx: Ctx): Promise<Lookups> {
  const { kind, importer, regions } = ctx
  const prepared = kind.prepare ? await kind.prepare(client, rows.map((r) => r.values), importer, regions, ctx.gathered) : undefined
  const keys = [...new Set(rows.map((r) => keyOfRow(kind, importer, r.values, prepared)).filter((k): k is string => Boolean(k)))]
  const existingRows = keys.length ? await kind.findExisting(client, keys, importer) : []
  return { prepared, existingByKey: new Map(existingRows.map((row) => [kind.keyOf(row), row])) }
}

/** The verdicts of one batch of rows (values: field → text from the cells, empty for an empty cell). */
async function checkBatch(client: Tx, rows: RowTexts[], ctx: Ctx): Promise<Verdict[]> {
  return judgeBatch(rows, await lookupBatch(client, rows, ctx), ctx)
}

/** The JavaScript part of a batch's check, on what lookupBatch read: the form's schema, the scope, the comparison with the stored record. */
function judgeBatch(rows: RowTexts[], { prepared, existingByKey }: Lookups, ctx: Ctx): Verdict[] {
  const { kind, importer, regions } = ctx
  const keyField = kind.fields.find((f) => f.key === kind.keyField)!
  return rows.map(({ rowNumber, values, problems, ignored }) => {
    const errors: Record<string, string> = { ...problems }
    const english: Record<string, string> = {}
    const key = keyOfRow(kind, importer, values, prepared)
    const verdict = (outcome: Outcome, extra: Partial<Verdict> = {}): Verdict => ({
      rowNumber, outcome, key, values, changes: [], prepared, seen: key ? existingByKey.get(key) as Verdict['seen'] : undefined, ...extra,
      errors: Object.entries(errors).map(([field, message]) => ({ column: ctx.columnOf(field), message, ...(english[field] ? { messageEn: english[field] } : {}) })),
    })
    /** The checks of the row's cells: regions by name or code, the kind's own resolving, unmatched columns, the form's schema. */
    const checkCells = (merged: Record<string, string>) => {
      resolveRegions(kind.fields, merged, regions, errors)
      kind.resolve?.(merged, importer, prepared, errors)
      // a required field no column of the file was matched to, with nothing stored for it: said as such, not as the
      // schema's "harus angka Rupiah" under a cell shown as "–"
      for (const f of ctx.unmappedRequired) if (!merged[f.key]) errors[f.key] ??= `Kolom ${f.label} tidak ada di berkas atau belum dicocokkan: cocokkan kolomnya, atau isi nilainya.`
      const parsed = kind.schema.safeParse(merged)
      if (!parsed.success) {
        for (const issue of parsed.error.issues) errors[String(issue.path[0] ?? kind.keyField)] ??= issue.message
      }
      return parsed
    }
    if (!key) {
      errors[kind.keyField] ??= `Isi ${keyField.label}: kunci untuk mencocokkan data.`
      // the row's other faults in the same round: a row with its account number, date and amount all empty had said
      // only the missing key, and each of the others one upload later
      checkCells({ ...(kind.defaults ?? {}), ...Object.fromEntries(Object.entries(values).filter(([, text]) => text !== '')) })
      return verdict('INVALID')
    }
    const first = ctx.seen.get(key)
    if (first !== undefined && first !== rowNumber) {
      // a composite key (`2025-03/BPRJATIM/0012…`: month, bank, account) is internal: the row names its key column's text as
      // typed, or, for a key of several columns alike (a target: indicator, year, period, regency), those columns
      const shownKey = kind.rowKey ? (values[kind.keyField] ?? '').trim() || key : key
      errors[kind.keyField] = kind.keyFields
        ? `Baris ini sama dengan baris ${first} berkas ini: ${kind.keyFields.map((f) => ctx.columnOf(f)).join(', ')} sama.`
        : `${keyField.label} ${shownKey} sudah ada di baris ${first} berkas ini.`
      return verdict('INVALID')
    }
    // a template's example row takes no key, as the first pass (gatherFile) leaves it out: the user's own row with the
    // same key below is the one the file means, judged and counted as such, never "a repeat of row 2"
    const exampleRow = isExample(ctx, { values, ignored })
    if (!exampleRow) ctx.seen.set(key, rowNumber)
    const existing = existingByKey.get(key)
    // another regency's record first: whether it is deleted is not the officer's to learn (nor to restore)
    if (existing && importer.role === 'DISTRICT_OFFICER' && kind.regencyOf(existing) !== importer.regencyCode) {
      Object.assign(errors, kind.outOfScope?.(kind.regencyOf(existing), importer, regions)
        ?? { [kind.keyField]: `${keyField.label} ini sudah terdaftar di kabupaten/kota lain; hanya petugas wilayah itu atau admin yang dapat mengubahnya.` })
      return verdict('INVALID')
    }
    if (existing && kind.isDeleted(existing)) {
      errors[kind.keyField] = `${keyField.label} ini milik data yang sudah dihapus; pulihkan dari Data terhapus di daftarnya, lalu impor lagi.`
      return verdict('INVALID')
    }
    // an empty cell keeps what is stored (an update file may carry only some columns); a new record starts from the form's defaults
    const merged: Record<string, string> = { ...(existing ? kind.asFormText(existing) : kind.defaults ?? {}) }
    for (const [field, text] of Object.entries(values)) {
      if (text === '') continue
      // a masked value as the app's own export writes it (an owner NIK `3517••••••••0363`) means "as stored" for the
      // record it masks; for another or a new record it is no value, said as such (the schema had answered "16 digit")
      if (text.includes(MASK_CHAR)) {
        if (existing && kind.show(field, (existing as Record<string, unknown>)[field]) === text) continue
        errors[field] ??= MASKED_VALUE
      }
      merged[field] = text
    }
    const parsed = checkCells(merged)
    const input = parsed.success ? parsed.data as Record<string, unknown> & { regencyCode: string } : undefined
    // the scope is said beside the row's other faults (a missing column and another regency at once), not one per try.
    // With the schema refused, the regency as far as the row resolves it: its regency column when that holds no fault
    // of its own, or the kind's (a book year's: its cooperative's, the cooperative's id resolved from a known NIK)
    const hasRegencyField = kind.fields.some((f) => f.key === 'regencyCode')
    const regency: string | null | undefined = input ? (kind.inputRegency ? kind.inputRegency(input, prepared) : input.regencyCode)
      : kind.inputRegency ? kind.inputRegency(merged, prepared) ?? undefined
        : hasRegencyField && !errors.regencyCode && regions.regencies.has(merged.regencyCode ?? '') ? merged.regencyCode
          : undefined
    // a checked row's regency is always judged (none found is outside the officer's); a refused row's when it has one
    if (importer.role === 'DISTRICT_OFFICER' && (input !== undefined || regency !== undefined) && regency !== importer.regencyCode) {
      const outOfScope = (regency && kind.outOfScope?.(regency, importer, regions))
        || { [hasRegencyField ? 'regencyCode' : kind.keyField]: 'Di luar wilayah kerja Anda: Anda hanya dapat mengimpor data kabupaten/kota Anda.' }
      for (const [field, message] of Object.entries(outOfScope)) errors[field] ??= message
      return verdict('INVALID')
    }
    if (!input) {
      // the checks that need a checked row (a tenor against its programme, an owner NIK against the MSME's) in the same
      // round, when every faulty cell has the form's default to stand in for it: a row with an unknown instalment method
      // had said only that, its tenor and programme one upload later. Not the stored record's value: the other cells
      // would be judged against what the user is changing (a kecamatan against the regency being moved from). What the
      // checks say of the stand-in cells themselves is not kept: their own fault is
      const standIn: Record<string, string> = kind.defaults ?? {}
      const faulty = Object.keys(errors)
      const retried = faulty.every((f) => standIn[f]) ? kind.schema.safeParse({ ...merged, ...Object.fromEntries(faulty.map((f) => [f, standIn[f]])) }) : undefined
      if (retried?.success) {
        for (const [field, m] of Object.entries(kind.checkInput(retried.data as typeof input & object, regions, importer, prepared))) {
          if (errors[field]) continue
          if (typeof m === 'string') errors[field] = m
          else { errors[field] = m.id; english[field] = m.en }
        }
      }
      // and the kind's checks on the cells that did parse, whatever else is faulty (a loan's tenor of 600 with its
      // amount above the programme's and a borrower not confirmed: said at once, not one upload each)
      kind.alsoWhenInvalid?.(merged, importer, prepared, errors)
      return verdict('INVALID')
    }
    if (Object.keys(errors).length) return verdict('INVALID')
    // a template's example row left in the file would write what nobody meant; one that writes nothing (its record
    // already as the example says) is left unchanged. Checked last, so that the templates' own test sees every other
    // check pass on them (imports-templates.test.ts)
    const refuseExample = () => {
      for (const f of Object.keys(errors)) delete errors[f]
      for (const f of Object.keys(english)) delete english[f]
      errors[kind.keyField] = EXAMPLE_ROW
      return verdict('INVALID')
    }
    for (const [field, m] of Object.entries(kind.checkInput(input, regions, importer, prepared))) {
      if (typeof m === 'string') errors[field] = m
      else { errors[field] = m.id; english[field] = m.en }
    }
    // the checks across rows judge the file without its examples (gatherFile leaves them out): an example can break a
    // rule among the user's own rows (980 active against the officer's 358 registered), and is said as the example it is
    if (Object.keys(errors).length) return kind.gather && exampleRow ? refuseExample() : verdict('INVALID')
    if (!existing) return exampleRow ? refuseExample() : verdict('CREATE', { input })
    const changes: Change[] = []
    for (const f of kind.fields) {
      if (!(f.key in input) || (kind.compareFields && !kind.compareFields.includes(f.key))) continue
      const before = (existing as Record<string, unknown>)[f.key]
      const after = input[f.key]
      // an empty owner NIK on the form means "keep": never a change
      if (after === null && f.key === 'ownerNik') continue
      // compared unmasked, by the field's type (a phone's leading 0 is part of it); shown as the kind shows it
      if (fieldValue(f, before) !== fieldValue(f, after)) {
        const [shownBefore, shownAfter] = [kind.show(f.key, before), kind.show(f.key, after)]
        changes.push({ field: f.key, column: ctx.columnOf(f.key), before: shownBefore, after: shownAfter, ...(shownBefore === shownAfter && f.key === 'ownerNik' && { masked: true as const }) })
      }
    }
    const immutable = typeof kind.immutable === 'function' ? kind.immutable(existing) : kind.immutable
    if (changes.length && immutable) {
      for (const c of changes) errors[c.field] = `${immutable} Tercatat: ${shownValue(kind.fields.find((f) => f.key === c.field), c.before, 'id', regions.regencies) || '(kosong)'}.`
      return verdict('INVALID')
    }
    if (!changes.length && !kind.resubmits?.(existing)) return verdict('UNCHANGED', { input })
    return exampleRow ? refuseExample() : verdict('UPDATE', { input, existing, changes })
  })
}

/**
 * The commit's read of the dry run's verdicts: the rows numbered after $2 up to $2 + $3 (a batch), in order.
 * A window of row numbers, not `LIMIT` after a row number: PostgreSQL's statistics usually do not know a new
 * import's rows yet (stored after the table's last ANALYZE), and with its estimate of a few rows the planner may fetch every
 * row after $2 by a bitmap scan and sort them for the LIMIT, on every batch (quadratic: 8,7 s of a 100.000-row
 * commit when it took a second index); a window reads at most a batch whatever the plan. The primary key is
 * the only index that can serve it (prisma/migrations/20261213000000_import_rows_shown_index).
 */
export const STORED_VERDICTS_SQL = `
  SELECT row_number AS "rowNumber", outcome, key, "values", errors, changes FROM import_rows
  WHERE import_id = $1 AND row_number > $2 AND row_number <= $2 + $3 ORDER BY row_number`

/**
 * The stored rows of an import, a window of BATCH_ROWS row numbers at a time (STORED_VERDICTS_SQL), skipping
 * windows without rows (blank rows of the sheet) up to the last row number: the next non-empty window after
 * `after`, and where it ends, or null after the last.
 */
async function nextStoredWindow<T>(last: number, after: number, read: (from: number) => Promise<T[]>): Promise<{ rows: T[]; end: number } | null> {
  for (let from = after; from < last; from += BATCH_ROWS) {
    const rows = await read(from)
    if (rows.length) return { rows, end: from + BATCH_ROWS }
  }
  return null
}

/** A row of the dry run's verdicts as the commit reads it back. */
type StoredRow = { rowNumber: number; outcome: string; key: string | null; values: Record<string, unknown>; errors: unknown; changes: unknown }

type LoadedImport = {
  id: string; kind: string; fileFormat: string; fileName: string; fileHash: string; sheetName: string | null; mapping: unknown; sheets: unknown; mode: string
  createdById: string; createdByName: string; regencyCode: string | null; bankId: string | null; planKey: string | null; summary: unknown
}

async function loadImport(importId: string): Promise<{ imp: LoadedImport; kind: AnyKind; importer: Importer }> {
  const imp = await db.dataImport.findUnique({
    where: { id: importId },
    select: {
      id: true, kind: true, fileFormat: true, fileName: true, fileHash: true, sheetName: true, mapping: true, sheets: true, mode: true,
      createdById: true, createdByName: true, regencyCode: true, bankId: true, planKey: true, summary: true,
    },
  })
  if (!imp) throw new PermanentJobError('Impor tidak ditemukan.')
  const kind = importKind(imp.kind)
  if (!kind) throw new PermanentJobError(`Jenis impor tidak dikenal: ${imp.kind}`)
  const user = await db.user.findUnique({ where: { id: imp.createdById }, select: { username: true, role: true, active: true } })
  if (!user?.active) throw new PermanentJobError('Pengguna yang mengunggah tidak aktif lagi.')
  const importer: Importer = { id: imp.createdById, username: user.username, role: user.role, regencyCode: imp.regencyCode, bankId: imp.bankId }
  return { imp, kind, importer }
}

/**
 * The stored file as the reader asks for it: its size, then byte ranges read from the database (at most 1 MB
 * at a time, lib/imports/file.ts): the job never holds the whole file (nor its hex text as the driver
 * receives a bytea, nor a copy of it).
 */
async function storedFile(importId: string): Promise<ByteSource> {
  const [row] = await db.$queryRaw<{ size: number }[]>`SELECT octet_length(file) AS size FROM imports WHERE id = ${importId}`
  if (!row) throw new PermanentJobError('Impor tidak ditemukan.')
  return {
    size: row.size,
    async read(offset, length) {
      // on the pool without Prisma (lib/db.ts clientSql): the Prisma pg adapter turns a bytea result into an
      // array of numbers, one per byte (7 s of a 100.000-row dry run), and its handling of the 1,3 MB text of a
      // slice cost more than the read; as base64, a third smaller than the hex text of a bytea
      const [part] = await clientSql<{ part: string }>(db, `SELECT encode(substring(file FROM $2::int FOR $3::int), 'base64') AS part FROM imports WHERE id = $1`, [importId, offset + 1, length])
      if (!part) throw new PermanentJobError('Impor tidak ditemukan.')
      return Buffer.from(part.part, 'base64')
    },
  }
}

/** The chosen sheet's data rows as field texts, in batches (the file is read once, streamed). */
async function* mappedBatches(imp: LoadedImport, kind: AnyKind): AsyncGenerator<RowTexts[]> {
  const sheets = imp.sheets as SheetInfo[]
  const sheet = sheets.find((s) => s.name === imp.sheetName) ?? sheets[0]
  if (!sheet) throw new PermanentJobError('Lembar kerja tidak ditemukan.')
  const mapping = (imp.mapping ?? {}) as Record<string, string | null>
  const columns = sheet.headings
    .map((h, index) => ({ index, field: kind.fields.find((f) => f.key === mapping[h]) }))
    .filter((c): c is { index: number; field: FieldDef } => Boolean(c.field))
  // the columns the user ignored: their cells go back into the rejected-rows file, so a corrected row keeps them
  // (the rejected-rows file's own "Baris asal" and "Kesalahan", or "Source row" and "Errors", are not: uploaded again,
  // they would come back twice)
  const ignored = sheet.headings.map((heading, index) => ({ heading, index }))
    .filter((c) => c.heading && !mapping[c.heading] && !isRejectedFileHeading(c.heading))
  let batch: RowTexts[] = []
  let count = 0
  for await (const s of readSheets(imp.fileFormat as FileFormat, await storedFile(imp.id))) {
    if (s.sheet !== sheet.name) continue
    for await (const row of s.rows) {
      if (row.rowNumber <= sheet.headerRow) continue
      if (++count > IMPORT_LIMITS.maxRows) throw new PermanentJobError(`Berkas memuat lebih dari ${formatNumber(IMPORT_LIMITS.maxRows)} baris data; bagi menjadi beberapa berkas.`)
      const values: Record<string, string> = {}
      const problems: Record<string, string> = {}
      for (const { index, field } of columns) {
        try {
          values[field.key] = cellText(row.cells[index] ?? null, field)
        } catch (e) {
          if (!(e instanceof CellProblem)) throw e
          values[field.key] = String(row.cells[index] ?? '')
          problems[field.key] = e.message
        }
      }
      let other: Record<string, string> | undefined
      for (const { heading, index } of ignored) {
        const text = ignoredText(row.cells[index] ?? null)
        if (text) (other ??= {})[heading] = text
      }
      batch.push({ rowNumber: row.rowNumber, values, problems, ...(other && { ignored: other }) })
      if (batch.length === BATCH_ROWS) { yield batch; batch = [] }
    }
  }
  if (batch.length) yield batch
}

function columnNamer(imp: LoadedImport, kind: AnyKind) {
  const mapping = (imp.mapping ?? {}) as Record<string, string | null>
  const byField = new Map(Object.entries(mapping).filter(([, f]) => f).map(([h, f]) => [f as string, h]))
  return (field: string) => byField.get(field) ?? kind.fields.find((f) => f.key === field)?.label ?? field
}

/** Under this key of a stored row's values: the cells refused before the schema (kept for the commit's check). */
const PROBLEMS = '$problems'
/** Under this key of a row's stored values: its cells of the ignored columns (heading → text), for the rejected-rows file. */
export const IGNORED = '$ignored'

/** An ignored column's cell as text: a date cell as its date, anything else as it reads (a cell's unreadable character kept). */
function ignoredText(cell: Cell): string {
  try {
    return cellText(cell, IGNORED_FIELD)
  } catch {
    return String(cell ?? '')
  }
}
const IGNORED_FIELD: FieldDef = { key: IGNORED, label: '', type: 'text', help: '', examples: [] }

/**
 * The first pass of a kind whose rows belong together (AnyKind.gather): every batch's row texts, in file order,
 * handed to the kind before any row gets its verdict; what it keeps goes to each batch's `prepare` in the
 * second pass. The dry run reads the file for it (`mappedBatches`), the commit the dry run's rows
 * (`storedBatches`): the same texts, so both passes judge the same whole file. A kind without the hook: no
 * first pass, the file is read once.
 */
async function gatherFile(client: Tx, c: Ctx, batches: () => AsyncIterable<{ values: Record<string, string>; ignored?: Record<string, string> }[]>, job: JobContext, total: number | null): Promise<void> {
  const { kind, importer, regions } = c
  if (!kind.gather) return
  let gathered: unknown
  for await (const batch of batches()) {
    // a template's example row left in the file is refused, not part of what the file leaves: a report's rules had
    // judged the officer's own rows below against the examples' 1.250 · 980 (its first row of each indicator)
    gathered = await kind.gather(client, batch.filter((r) => !isExample(c, r)).map((r) => r.values), importer, regions, gathered)
    // keeps the job's lease and answers a cancel during the first pass
    await job.progress(0, total, 'Membaca seluruh berkas')
  }
  c.gathered = gathered
}

/**
 * The next window of an import's stored verdicts after row `after` (nextStoredWindow), on the pool, not the commit's
 * connection: the dry run's rows were committed by its job and only the commit changes them (a row's verdict, after
 * the row was read here), so PostgreSQL reads them beside the transaction's statements instead of between them.
 */
const readStoredWindow = (importId: string, last: number, after: number) =>
  nextStoredWindow(last, after, (from) => clientSql<StoredRow>(db, STORED_VERDICTS_SQL, [importId, from, BATCH_ROWS]))

/** A stored verdict's row as the check reads it: its field texts, and apart the cells refused before the schema. */
function storedTexts(r: StoredRow): RowTexts {
  const { [PROBLEMS]: problems, [IGNORED]: ignored, ...values } = r.values as Record<string, string> & { [PROBLEMS]?: Record<string, string>; [IGNORED]?: Record<string, string> }
  return { rowNumber: r.rowNumber, values, problems: problems ?? {}, ...(ignored && { ignored }) }
}

/** The dry run's stored rows of an import as field texts, in batches (the commit's reading of the file). */
async function* storedBatches(importId: string, last: number): AsyncGenerator<RowTexts[]> {
  for (let after = 0; ;) {
    const window = await readStoredWindow(importId, last, after)
    if (!window) return
    after = window.end
    yield window.rows.map(storedTexts)
  }
}

/** A verdict as its import_rows row; `plan`: the dry run's planned write (lib/imports/planned.ts), none for the commit's. */
type StoredVerdict = Prisma.ImportRowCreateManyInput & { plan?: PlanColumns }
/**
 * A verdict's texts as stored: with the cells refused before the schema, and the row's cells of the ignored columns
 * (for its line in the rejected-rows file), whatever its verdict: a row valid at the dry run may be refused at the
 * commit (its record changed meanwhile), and its line in the file then keeps the user's own columns too. A file with
 * no ignored column (the template's, the bench's) stores nothing more.
 */
function storedValues(v: Verdict, row: RowTexts): Prisma.InputJsonObject {
  const problems = Object.keys(row.problems).length > 0
  const ignored = row.ignored !== undefined
  // most rows have neither: their texts as they are, not a copy (100.000 rows)
  if (!problems && !ignored) return v.values
  return { ...v.values, ...(problems && { [PROBLEMS]: row.problems }), ...(ignored && { [IGNORED]: row.ignored }) }
}
const rowData = (importId: string, v: Verdict, row: RowTexts, plan?: PlanColumns): StoredVerdict => ({
  importId, rowNumber: v.rowNumber, outcome: v.outcome, key: v.key,
  values: storedValues(v, row),
  errors: v.errors.length ? v.errors : undefined, changes: v.changes.length ? v.changes : undefined, plan,
})

/** A promise whose rejection is handled where it is awaited later (not an unhandled rejection meanwhile). */
function quiet<T>(p: Promise<T>): Promise<T> {
  p.catch(() => {})
  return p
}

/**
 * A batch's verdicts into import_rows in one statement on the transaction's connection, without Prisma: the dry
 * run's transaction that holds all its verdicts, or the commit's. By `COPY` where that connection is known
 * (lib/db.ts transactionCopy: the rows parsed once, no JSON document of the batch unpacked by PostgreSQL;
 * 100.000 verdicts took 5,3 s of PostgreSQL's time as that document), else (behind a pooler) one INSERT.
 */
export async function storeVerdicts(client: Tx, importId: string, rows: StoredVerdict[]): Promise<void> {
  if (!rows.length) return
  const json = (v: unknown) => (v === undefined || v === null ? null : JSON.stringify(v))
  if (await transactionCanCopy(client)) {
    return transactionCopy(client, 'COPY import_rows (import_id, row_number, outcome, key, "values", errors, changes, record_id, seen_version, seen_deleted, record, audit_before, audit_after) FROM STDIN',
      rows.map((r) => copyLine([importId, r.rowNumber, r.outcome, r.key ?? null, json(r.values), json(r.errors), json(r.changes),
        r.plan?.recordId ?? null, r.plan?.seenVersion ?? null, r.plan?.seenDeleted ?? null, json(r.plan?.record), r.plan?.auditBefore ?? null, r.plan?.auditAfter ?? null])).join(''))
  }
  // the audit texts go in as JSON strings and are read back as the JSON they hold
  const doc = JSON.stringify(rows.map((r) => ({
    n: r.rowNumber, outcome: r.outcome, key: r.key, values: r.values, errors: r.errors, changes: r.changes,
    record_id: r.plan?.recordId, seen_version: r.plan?.seenVersion, seen_deleted: r.plan?.seenDeleted, record: r.plan?.record, audit_before: r.plan?.auditBefore, audit_after: r.plan?.auditAfter,
  })))
  await clientSql(client, `
    INSERT INTO import_rows (import_id, row_number, outcome, key, "values", errors, changes, record_id, seen_version, seen_deleted, record, audit_before, audit_after)
    SELECT $1::text, r.n, r.outcome, r.key, r."values", r.errors, r.changes, r.record_id, r.seen_version, r.seen_deleted, r.record, r.audit_before::jsonb, r.audit_after::jsonb
    FROM jsonb_to_recordset($2::jsonb) AS r(n int, outcome text, key text, "values" jsonb, errors jsonb, changes jsonb, record_id text, seen_version int, seen_deleted boolean, record jsonb, audit_before text, audit_after text)`, [importId, doc])
}

/** JSON with its object keys sorted (jsonb keeps its own key order): two verdicts compare by content. */
function canonical(value: unknown): string {
  return JSON.stringify(value ?? null, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v)
}

/**
 * Imports of one kind write one after another: a second import of overlapping rows then checks against the
 * first one's committed rows instead of colliding with its uncommitted ones. Waiting keeps the job's lease
 * (the progress call) and can be cancelled. The lock ends with the transaction.
 */
async function takeKindLock(tx: Tx, kind: string, ctx: JobContext) {
  for (;;) {
    const [row] = await tx.$queryRaw<{ ok: boolean }[]>`SELECT pg_try_advisory_xact_lock(hashtext('lumbung.import'), hashtext(${kind})) AS ok`
    if (row.ok) return
    await ctx.progress(0, null, 'Menunggu impor lain selesai')
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
}

/** Job `import.check`: the dry run. Stores a verdict per row and the counts; writes nothing else. */
export async function runCheck(ctx: JobContext): Promise<Summary> {
  const { importId } = ctx.job.payload as { importId: string }
  const { imp, kind, importer } = await loadImport(importId)
  try {
    const regions = await loadRegions(db)
    const summary = emptySummary()
    const groups = new Map<string, GroupTally>()
    // the new rows' parts of what the dry run states before the write (AnyKind.plannedOf), in file order
    const planned: PlannedRow[] = []
    const examples = await templateExamples(db, imp, kind, importer)
    const c: Ctx = { kind, importer, regions, seen: new Map(), columnOf: columnNamer(imp, kind), examples, unmappedRequired: unmappedRequired(imp, kind) }
    // what the planned writes are made under; a dry run that runs past midnight UTC keeps none (its rows were judged on two days)
    const key = planKey(kind, importer.role)
    const total = ((imp.sheets as SheetInfo[]).find((s) => s.name === imp.sheetName) ?? (imp.sheets as SheetInfo[])[0])?.dataRows ?? null
    // a dry run run again: the previous one's rows (under the previous mapping) go first, so that if this one fails
    // nothing of the previous one can be read or committed (startCheck cleared its counts)
    await db.importRow.deleteMany({ where: { importId } })
    await gatherFile(db, c, () => mappedBatches(imp, kind), ctx, total)
    await ctx.progress(0, total, 'Memeriksa baris')
    // The verdicts go into import_rows in one transaction of their own (its connection only stores them; the
    // look-ups and the progress go on the pool), with the import's status and counts: a dry run stopped in the
    // middle (a cancel, a failure) leaves none of its rows, and a finished one shows its rows and counts together.
    await db.$transaction((store) => withTransactionStatements(store, async () => {
      // the next batch is read from the file while this one is checked and its verdicts are stored: the parsing
      // (JavaScript) overlaps the database's work
      const batches = mappedBatches(imp, kind)[Symbol.asyncIterator]()
      let next = quiet(batches.next())
      let storing: Promise<void> = Promise.resolve()
      for (;;) {
        const { done, value: batch } = await next
        if (done) break
        next = quiet(batches.next())
        const verdicts = await checkBatch(db, batch, c)
        await storing
        storing = quiet(storeVerdicts(store, importId, verdicts.map((v, i) => rowData(importId, v, batch[i], planRow(kind, v.outcome, v.seen, v.input)))))
        for (const v of verdicts) {
          countInto(summary, v.outcome)
          if (kind.groupOf && v.outcome !== 'INVALID') tallyInto(groups, kind.groupOf(v.input), v.outcome)
          if (kind.plannedOf && v.outcome === 'CREATE') planned.push(kind.plannedOf(v.input))
        }
        await ctx.progress(summary.total, total, 'Memeriksa baris')
      }
      await storing
      // advisory (a warning before the write): a failure to read it leaves the dry run standing, without the warning
      const facts = kind.checkedFacts && planned.length
        ? await kind.checkedFacts(db, importer, planned).catch((e: unknown) => {
          if (isDatabaseUnreachable(e)) throw e
          console.error(`[imports] the dry run's facts of ${importId}:`, e instanceof Error ? e.message : e)
          return null
        })
        : null
      // a cancel that came after the last batch's progress: read under the job row's lock, which the cancel's own update
      // takes, so either this dry run sees it and stops, or the cancel waits for the verdicts and then discards them
      // (lib/imports/service.ts cancelImport); it had been lost, the import "Siap diimpor"
      const [job] = await store.$queryRaw<{ cancel: boolean }[]>`SELECT cancel_requested AS cancel FROM jobs WHERE id = ${ctx.job.id} FOR UPDATE`
      if (job?.cancel) throw new JobCancelled()
      const check = { ...summary, ...(kind.groupOf && { groups: [...groups.values()] }), ...(facts && { facts }) }
      // updates select only the id: Prisma returns the whole row otherwise, the stored file with it (a 10 MB
      // file as an array of ten million numbers, the pg adapter's form of a bytea: the end of each job's memory peak)
      await store.dataImport.update({
        where: { id: importId },
        data: { status: 'CHECKED', summary: { check, examples: storeExamples(examples) ?? null }, checkedAt: new Date(), error: null, planKey: key === planKey(kind, importer.role) ? key : null },
        select: { id: true },
      })
    }, JOB_TRANSACTION.timeout), JOB_TRANSACTION)
    return summary
  } catch (e) {
    // a failure is recorded by the job's onFailed (lib/imports/jobs.ts), also when the database went away
    if (e instanceof JobCancelled) await markCancelled(importId)
    throw e
  }
}

/** Job `import.commit`: apply the dry run's plan, or check again and write; in one transaction (all or nothing, or the valid rows only). */
export async function runCommit(ctx: JobContext): Promise<Summary> {
  const { importId } = ctx.job.payload as { importId: string }
  const { imp, kind, importer } = await loadImport(importId)
  const actor = { id: importer.id, username: importer.username, role: importer.role }
  // The batch writes that failed, by their first row. A conflict ends the import with its own message, not with
  // what it causes in the statements sent after it (a failed COPY aborts the transaction: the next look-up or the
  // next batch's COPY fail with "current transaction is aborted", possibly before the conflict's own write has
  // found its row): so after a failure every write is let settle, and the one earliest in the file counts.
  const failedWrites: { row: number; error: unknown }[] = []
  let writes: Promise<void>[] = []
  // what the kind's writeAll leaves for after the commit (AnyKind.writeAll)
  const after: { commit?: void | (() => Promise<void>) } = {}
  try {
    // the batch writes may still be waiting their turn on the connection when the callback throws (a conflict,
    // a cancel): they are ended before Prisma's ROLLBACK, never sent after it (lib/db.ts transactionStatementsEnd)
    const summary = await db.$transaction((tx) => withTransactionStatements(tx, async () => {
      await takeKindLock(tx, kind.kind, ctx)
      // the dry run's planned writes, when made under the same key and every record it compared a row with is as it
      // was (lib/imports/planned.ts): its verdicts stand, and the plan is applied in SQL without checking any row again
      const register = kind.register && imp.planKey !== null && imp.planKey === planKey(kind, importer.role) ? kind.register : null
      const { counts: stored, last, holds } = await planState(tx, importId, register?.table ?? null)
      const total = stored.total
      const finish = async (summary: Summary) => {
        await writeAudit(tx, actor, {
          action: 'IMPORT', entity: 'DataImport', entityId: importId,
          after: { kind: imp.kind, fileName: imp.fileName, fileHash: imp.fileHash, sheet: imp.sheetName, mode: imp.mode, ...summary },
        })
        const facts = kind.committedFacts ? await kind.committedFacts(tx, importId, importer) : null
        await tx.dataImport.update({ where: { id: importId }, data: { status: 'DONE', summary: { commit: summary, ...(facts && { facts }) }, finishedAt: new Date(), error: null }, select: { id: true } })
        return summary
      }
      if (register && holds) {
        if (imp.mode === 'ALL' && stored.invalid > 0) throw new PermanentJobError(allOrNothingRefused(stored.invalid))
        await ctx.progress(0, total, 'Menyimpan')
        await applyPlan(tx, ctx, actor, register.table, importId, { total, last })
        return finish(stored)
      }
      const regions = await loadRegions(tx)
      const summary = emptySummary()
      const c: Ctx = { kind, importer, regions, seen: new Map(), columnOf: columnNamer(imp, kind), examples: await commitExamples(tx, imp, kind, importer), unmappedRequired: unmappedRequired(imp, kind) }
      await gatherFile(tx, c, () => storedBatches(importId, last), ctx, total)
      await ctx.progress(0, total, 'Menyimpan')
      // the dry run's rows hold the mapped texts: the file is not parsed a second time
      // `asked`: settles once the batch's look-up has been sent too (its place on the connection taken)
      let asked: Promise<void> = Promise.resolve()
      const fetchBatch = (after: number) => {
        let sent!: () => void
        asked = new Promise<void>((resolve) => { sent = resolve })
        return (async () => {
          try {
            const window = await readStoredWindow(importId, last, after)
            if (!window) return null
            const stored = window.rows
            const rows = stored.map(storedTexts)
            // a kind without `prepare` calls transactionSql for its look-up within this call, and transactionSql sends
            // in the order of its calls: the write, called after `asked`, goes after the look-up
            const looked = lookupBatch(tx, rows, c)
            sent()
            return { stored, rows, end: window.end, looked: await looked }
          } finally {
            sent()
          }
        })()
      }
      // A register kind's batches overlap: the next batch's rows and stored records are asked for before this
      // batch's write is sent, and checked (JavaScript) while PostgreSQL writes this one; a batch's insert is
      // sent while the previous batch's audit rows are still on their way. The statements still run one after
      // another, in the order sent, on the transaction's connection; only the JavaScript overlaps with them. Safe
      // because a batch's check reads only the records under its own keys, and a key seen in an earlier batch
      // is refused by the file's own duplicate check before its stored record is looked at. A kind with
      // reference data per batch (prepare), a first pass (gather) or row-by-row writes waits for each write.
      const overlap = Boolean(kind.writeBatch) && !kind.prepare && !kind.gather && !kind.writeAll
      // the rows of a kind written as one document (AnyKind.writeAll), kept until the end
      const whole: { input: unknown; outcome: 'CREATE' | 'UPDATE' | 'UNCHANGED' }[] = []
      let next = quiet(fetchBatch(0))
      // the writes sent and not yet awaited, in file order: at most two, so the next batch's insert is sent
      // while the previous batch's audit rows are still being built or written
      const writing: Promise<void>[] = []
      writes = writing
      let progressed: Promise<void> = Promise.resolve()
      for (;;) {
        const batch = await next
        if (!batch) break
        const { stored, rows } = batch
        const after = batch.end
        if (overlap) next = quiet(fetchBatch(after))
        const verdicts = judgeBatch(rows, batch.looked, c)
        // a register kind writes the batch's new and changed rows set-based (AnyKind.writeBatch)
        const creates: Verdict[] = []
        const updates: Verdict[] = []
        for (const v of verdicts) {
          countInto(summary, v.outcome)
          if (v.outcome === 'INVALID' && imp.mode === 'ALL') continue
          if (kind.writeAll) {
            if (v.outcome !== 'INVALID') whole.push({ input: v.input, outcome: v.outcome })
            continue
          }
          if (kind.writeBatch) {
            if (v.outcome === 'CREATE') creates.push(v)
            else if (v.outcome === 'UPDATE') updates.push(v)
            continue
          }
          if (v.outcome === 'CREATE') await kind.insert(tx, actor, v.input, importer, v.prepared)
          else if (v.outcome === 'UPDATE' && !(await kind.update(tx, actor, v.existing, v.input))) {
            throw new PermanentJobError(changedMeanwhile(v.rowNumber))
          }
        }
        // the write before the previous one has answered (a conflict there ends the import here) and the job is not cancelled
        if (writing.length > 1) await writing.shift()
        // the next batch's look-up goes before this batch's write: the next batch is then checked while this one
        // is written (sent after it, the look-up would wait for the write, and the check with it)
        await asked
        await progressed
        writing.push(quiet((async () => {
          // all or nothing with a row already refused: nothing will be kept, so nothing more is written
          if (kind.writeBatch && (creates.length || updates.length) && !(imp.mode === 'ALL' && summary.invalid > 0)) {
            const conflicts = await kind.writeBatch(tx, actor, creates.map((v) => v.input), updates.map((v) => ({ before: v.existing, input: v.input })))
            if (conflicts.length) {
              throw new PermanentJobError(changedMeanwhile([...creates, ...updates][conflicts[0]].rowNumber))
            }
          }
          // the verdicts now are the ones that count (rejected rows file, the summary's list): the rows whose
          // verdict differs from the dry run's are stored again, the others are left as they are
          const fresh = verdicts.map((v, i) => rowData(importId, v, rows[i]))
          const differ = fresh.filter((f, i) => f.outcome !== stored[i].outcome || f.key !== stored[i].key
            || canonical(f.errors) !== canonical(stored[i].errors) || canonical(f.changes) !== canonical(stored[i].changes))
          if (differ.length) {
            await transactionSql(tx, 'DELETE FROM import_rows WHERE import_id = $1 AND row_number = ANY($2::int[])', [importId, differ.map((r) => r.rowNumber)])
            await storeVerdicts(tx, importId, differ)
          }
        })().catch((e: unknown) => {
          failedWrites.push({ row: stored[0].rowNumber, error: e })
          throw e
        })))
        progressed = quiet(ctx.progress(summary.total, total, 'Menyimpan'))
        if (!overlap) {
          while (writing.length) await writing.shift()
          await progressed
          next = quiet(fetchBatch(after))
        }
      }
      while (writing.length) await writing.shift()
      await progressed
      if (imp.mode === 'ALL' && summary.invalid > 0) throw new PermanentJobError(allOrNothingRefused(summary.invalid))
      if (kind.writeAll) after.commit = await kind.writeAll(tx, actor, importer, whole)
      return finish(summary)
    }, JOB_TRANSACTION.timeout), JOB_TRANSACTION)
    // the import has committed and is DONE: what follows is best effort, never a failure of the import (nor a retry)
    if (after.commit) await after.commit().catch((e: unknown) => console.error(`[imports] after the commit of ${importId}:`, e instanceof Error ? e.message : e))
    return summary
  } catch (e) {
    // a failure is recorded by the job's onFailed (lib/imports/jobs.ts), also when the database went away
    await Promise.allSettled(writes)
    const failedWrite = failedWrites.sort((a, b) => a.row - b.row)[0]?.error
    // a cancel stays a cancel, unless a write had already failed for good (a conflict): then that is the outcome
    const error = e instanceof JobCancelled && !(failedWrite instanceof PermanentJobError) ? e : failedWrite ?? e
    if (error instanceof JobCancelled) await markCancelled(importId)
    throw error
  }
}

/** The refusal of an all-or-nothing import with refused rows: nothing is written. */
const allOrNothingRefused = (invalid: number) =>
  `${formatNumber(invalid)} baris tidak valid; tidak ada yang disimpan (semua atau tidak sama sekali). Perbaiki baris itu, atau pilih "simpan baris yang valid saja".`

async function markCancelled(importId: string) {
  await db.dataImport.update({ where: { id: importId }, data: { status: 'CANCELLED', finishedAt: new Date() }, select: { id: true } })
}

/**
 * The import's status after its job failed for good, with the reason the user reads: the handler's own
 * message, the database gone in the middle (its transaction rolled back, nothing kept), or a worker that
 * died (`error` undefined). Only an import still checking or importing is changed.
 */
export async function settleFailedImport(importId: string, error: unknown) {
  const message = error instanceof PermanentJobError ? error.message
    : isDatabaseUnreachable(error) ? 'Database tidak dapat dihubungi selama proses; tidak ada yang disimpan. Jalankan lagi.'
    : error === undefined ? 'Proses berhenti di tengah jalan; tidak ada yang disimpan. Jalankan lagi.'
    : 'Terjadi kesalahan di server saat memproses berkas; coba lagi.'
  await db.dataImport.updateMany({ where: { id: importId, status: { in: ['CHECKING', 'IMPORTING'] } }, data: { status: 'FAILED', error: message, finishedAt: new Date() } })
}
