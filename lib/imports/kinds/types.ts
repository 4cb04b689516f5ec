import 'server-only'
import type { z } from 'zod'
import type { AuditActor } from '@/lib/audit'
import type { Prisma } from '@/lib/generated/prisma/client'
import type { Permission } from '@/lib/permissions'
import type { RegisterTable } from '@/lib/registers/writes'
import type { FieldDef } from '../fields'
import type { RegionIndex } from '../regions'

/** A refusal whose English is stored beside it (written by an administrator, not in lib/i18n/server-messages.en.json). */
export type BilingualMessage = { id: string; en: string }

export type Tx = Prisma.TransactionClient

/**
 * What a template takes from the database when it is downloaded, field key → values: drop-down lists of a
 * column's values (the bank's programmes, the catalogue's indicators) and example rows that pass the kind's
 * own checks today (the quarter open now, the user's regency). A column without either keeps its FieldDef's.
 */
/**
 * `omit`: the fields the user's template leaves out (a bank officer's has no admin-only columns); `codes`: what the
 * codes of a column's drop-down mean (an indicator's code and its name), listed on the explanation sheet
 */
export type TemplateExtras = { lists?: Record<string, string[]>; examples?: Record<string, string[]>; omit?: string[]; codes?: { field: string; rows: [code: string, name: string, nameEn?: string][] } }

/** A new row's part of what a dry run states before the write (RegisterKind.plannedOf): a few texts and numbers, so that a file of 100.000 rows holds little. */
export type PlannedRow = (string | number)[]

/**
 * The uploader as the jobs see it (copied into the import at upload). A kind that needs what other batches of
 * the file carry gets it from its `gather` hook, not from state of its own across batches.
 */
export type Importer = AuditActor & { id: string; role: 'ADMIN' | 'DISTRICT_OFFICER' | 'LEADERSHIP' | 'BANK_OFFICER'; regencyCode: string | null; bankId: string | null }

/** A document of an import as the page names it (kinds' describeGroups). */
/**
 * `leftOut`: the loans with subsidy due in the claim's month that the claim would not hold (neither in the file nor
 * already claimed): a month has one claim, so they could not be claimed later. Null: none.
 */
export type GroupDescription = { name: string; replaces: { lines: number; sen: number } | null; leftOut: { loans: number; due: number } | null }

/**
 * A register-like kind: rows identified by one natural key (NIB, NIK koperasi), validated with the form's
 * schema after the unmapped columns are filled from the stored record (an update file may carry only the key
 * and the changed columns), written through the register's own write path.
 */
export type RegisterKind<Row extends { id: string }, Input> = {
  kind: string
  permission: Permission
  /** the list the import is reached from, and where the user goes after */
  listPath: string
  title: { id: string; en: string }
  fields: FieldDef[]
  keyField: string
  /** a key made of several columns (rowKey): they are named when a row repeats another's key */
  keyFields?: string[]
  /** what a new record gets for a column the file does not carry (the form's defaults) */
  defaults?: Record<string, string>
  schema: z.ZodType<Input, Record<string, string>>
  /**
   * Reference data one batch of rows needs (programmes, borrowers, rates), loaded once per batch from the
   * rows' texts; handed to rowKey, resolve, checkInput and insert. `gathered`: what the kind's `gather` kept
   * of the whole file (undefined for a kind without that hook).
   */
  prepare?(client: Tx, rows: Record<string, string>[], importer: Importer, regions: RegionIndex, gathered: unknown): Promise<unknown>
  /**
   * For a kind whose rows belong together (a report's values, a target grid's cells) and may sit in different
   * batches: a first pass over the whole file before any row gets its verdict. The pipeline calls it with each
   * batch's row texts in file order (the dry run re-reads the file, the commit pages over the dry run's rows),
   * with what the previous call returned (undefined at first); the kind keeps only what its checks need (the
   * values per report, the year cells per grid), never the rows. The last result goes to every batch's
   * `prepare` in the second pass, so the dry run's verdicts and the commit's are made on the same whole file.
   * A kind without it is read once.
   */
  gather?(client: Tx, rows: Record<string, string>[], importer: Importer, regions: RegionIndex, gathered: unknown): Promise<unknown>
  /** the row's natural key from its texts when it is more than the key field (bank + loan account); null: no key */
  rowKey?(values: Record<string, string>, importer: Importer, prepared: unknown): string | null
  /** turn the texts of reference columns (a programme's name, a bank) into what the schema reads, in place; problems as field → message */
  resolve?(values: Record<string, string>, importer: Importer, prepared: unknown, errors: Record<string, string>): void
  findExisting(client: Tx, keys: string[], importer: Importer): Promise<Row[]>
  keyOf(row: Row): string
  regencyOf(row: Row): string
  /**
   * The regency a checked row belongs to, for a district officer's scope, when the form has no regency field
   * of its own (a cooperative's yearly figures: the cooperative's regency). Default: `input.regencyCode`.
   */
  inputRegency?(input: Input, prepared: unknown): string | null
  /**
   * A district officer's row of another regency (`regencyCode`: the row's or its stored record's), refused as
   * field → message when the kind can say it better than the general sentence (a report value's row names the
   * regency it is for, in the regency column). Default: the key column says the record is another regency's.
   */
  outOfScope?(regencyCode: string, importer: Importer, regions: RegionIndex): Record<string, string>
  isDeleted(row: Row): boolean
  /** the stored record as the form would show it, to fill the columns the file does not carry */
  asFormText(row: Row): Record<string, string>
  /**
   * A row the schema refused: the kind's checks on the cells that did parse (a loan's programme limits and its
   * borrower), added to `errors` in place, so that the row is told every fault in one dry run (the form's alsoWhenInvalid)
   */
  alsoWhenInvalid?(values: Record<string, string>, importer: Importer, prepared: unknown, errors: Record<string, string>): void
  /**
   * checks that need reference data (location, NIK prefix), as field → message; a message from the database
   * with its own English (a report rule's) comes as both, since the catalogue of server-text cannot know it
   */
  checkInput(input: Input, regions: RegionIndex, importer: Importer, prepared: unknown): Record<string, string | BilingualMessage>
  /**
   * The template's lists and examples from the database (TemplateExtras), for the user downloading it;
   * `regencies`: the regencies the user may import, code and name, in order.
   */
  template?(client: Tx, user: Pick<Importer, 'role' | 'regencyCode' | 'bankId'>, regencies: { code: string; name: string }[]): Promise<TemplateExtras>
  /** the fields compared with the stored record (default: every field of the form) */
  compareFields?: string[]
  /**
   * A stored record is not changed by an import (a recorded loan: its periods and claims hang on it): a row
   * that differs from it is refused with the stored value, naming the field.
   */
  immutable?: string | ((row: Row) => string | null)
  /**
   * A stored record that the same row sends again (a line of a returned claim): the row is an update although no
   * field differs, so that the document is written again (a returned claim resubmitted with the bank's amounts).
   */
  resubmits?(row: Row): boolean
  /**
   * The stored value and the new one of a field as a change stores them ('' for empty; kinds/common.ts
   * showOf): its text by the field's type, a masked NIK. The comparison itself is made unmasked (fieldValue);
   * the page labels the text (an option, a region's name: fields.ts shownValue).
   */
  show(field: string, value: unknown): string
  insert(tx: Tx, actor: AuditActor, input: Input, importer: Importer, prepared: unknown): Promise<string>
  /**
   * A kind whose rows are parts of one document (a bank's monthly claim and its lines) writes them together at
   * the end of the commit, through the document's own write path, instead of row by row: it receives every row
   * to keep (new, changed and unchanged, in file order) and decides what changed. It may return what is to be done
   * once the commit's transaction has committed (outside it: a claim's reminders marked read).
   */
  writeAll?(tx: Tx, actor: AuditActor, importer: Importer, rows: { input: Input; outcome: 'CREATE' | 'UPDATE' | 'UNCHANGED' }[]): Promise<void | (() => Promise<void>)>
  /**
   * What the import's result states once written, read at the end of the commit's transaction (its records and its
   * rows' verdicts are there) and stored with its summary: a disbursement import's loans that fall in months their bank
   * already claimed without them, as the form says on saving one. Null: nothing to state.
   */
  committedFacts?(tx: Tx, importId: string, importer: Importer): Promise<Prisma.InputJsonObject | null>
  /**
   * What the dry run states of its new rows before anything is written, stored with its counts: each new row's part
   * (plannedOf, from the row as checked: codes resolved, dates and numbers read) gathered in file order, then judged
   * together (checkedFacts). A disbursement import's loans that would fall in months their bank already claimed.
   */
  plannedOf?(input: Input): PlannedRow
  checkedFacts?(client: Tx, importer: Importer, planned: PlannedRow[]): Promise<Prisma.InputJsonObject | null>
  /**
   * The document (of writeAll) a valid row belongs to and the amount it adds: the dry run tallies each document's
   * rows and amount, for the confirmation to state what will be submitted ("Prokesra 2026, Oktober 2026: 1.234
   * lines, Rp…"), as the document's own form does. `group`: its key, shown by the page (`programme code/month`).
   */
  groupOf?(input: Input): { group: string; amount: number }
  /**
   * The groups as the page shows them, by group key: a claim's programme name and month, and the returned claim
   * it replaces, if any (its lines and claimed amount in sen: a file of 3 lines replaces a returned claim of
   * 10.705 whole, which the bank must see before it confirms).
   */
  describeGroups?(client: Tx, groups: string[], importer: Pick<Importer, 'bankId'>, lang: 'id' | 'en', importId: string): Promise<Map<string, GroupDescription>>
  update(tx: Tx, actor: AuditActor, before: Row, input: Input): Promise<boolean>
  /**
   * A register kind writes a batch's new and changed rows set-based instead of insert/update row by row: one
   * statement for the new records, one for the changed ones (each at the version the check saw), one for their
   * audit rows; the same records and audit rows as insert/update would write. Returns the indexes, into
   * `[...creates, ...updates]`, of the rows someone else wrote meanwhile; the caller must then roll back (the
   * new records go by COPY, whose failure aborts the transaction; the pipeline ends the import on any conflict).
   */
  writeBatch?(tx: Tx, actor: AuditActor, creates: Input[], updates: { before: Row; input: Input }[]): Promise<number[]>
  /**
   * The register's table and the record a checked row becomes (what writeBatch writes), for the dry run to plan
   * each row's write and the commit to apply the plan in SQL (lib/imports/planned.ts). Only for a kind without
   * prepare, gather or writeAll, whose verdict depends on the row and the record under its key alone.
   */
  register?: { table: RegisterTable<Row>; record(input: Input): Record<string, unknown> }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyKind = RegisterKind<any, any>
