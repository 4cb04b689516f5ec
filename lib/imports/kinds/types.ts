import 'server-only'
import type { z } from 'zod'
import type { AuditActor } from '@/lib/audit'
import type { Prisma } from '@/lib/generated/prisma/client'
import type { Permission } from '@/lib/permissions'
import type { FieldDef } from '../fields'
import type { RegionIndex } from '../regions'

export type Tx = Prisma.TransactionClient

/** The uploader as the jobs see it (copied into the import at upload). */
export type Importer = AuditActor & { id: string; role: 'ADMIN' | 'DISTRICT_OFFICER' | 'LEADERSHIP' | 'BANK_OFFICER'; regencyCode: string | null; bankId: string | null }

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
  /** what a new record gets for a column the file does not carry (the form's defaults) */
  defaults?: Record<string, string>
  schema: z.ZodType<Input, Record<string, string>>
  findExisting(client: Tx, keys: string[]): Promise<Row[]>
  keyOf(row: Row): string
  regencyOf(row: Row): string
  isDeleted(row: Row): boolean
  /** the stored record as the form would show it, to fill the columns the file does not carry */
  asFormText(row: Row): Record<string, string>
  /** checks that need reference data (location, NIK prefix), as field → message */
  checkInput(input: Input, regions: RegionIndex): Record<string, string>
  /** the stored value and the new one of a field, comparable and readable ('' for empty) */
  show(field: string, value: unknown): string
  insert(tx: Tx, actor: AuditActor, input: Input): Promise<string>
  update(tx: Tx, actor: AuditActor, before: Row, input: Input): Promise<boolean>
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyKind = RegisterKind<any, any>
