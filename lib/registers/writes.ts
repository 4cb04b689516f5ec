import 'server-only'
import type { Prisma } from '@/lib/generated/prisma/client'
import { writeAudit, type AuditActor } from '@/lib/audit'
import { maskNik } from '@/lib/registers/nik'
import { computeScale, isScaleMismatch } from '@/lib/registers/scale'
import type { CooperativeInput, CooperativeYearInput } from '@/lib/validations/cooperatives'
import type { MsmeInput } from '@/lib/validations/msmes'

/**
 * The one write path of the registers, shared by the forms' server actions (lib/actions/msmes.ts,
 * lib/actions/cooperatives.ts) and the spreadsheet imports (lib/imports): a record and its audit row in the
 * caller's transaction, the MSME's scale computed on every write, optimistic locking on the version.
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

/** The record's fields only: the form's confirmation of the NIK warning (nikElsewhereConfirmed) is not stored. */
function recordFields<T extends object>(input: T): Omit<T, 'nikElsewhereConfirmed'> {
  const copy = { ...input } as T & { nikElsewhereConfirmed?: unknown }
  delete copy.nikElsewhereConfirmed
  return copy
}

export async function insertMsme(tx: Prisma.TransactionClient, actor: AuditActor, input: Omit<MsmeInput, 'nikElsewhereConfirmed'>): Promise<string> {
  const fields = recordFields(input)
  const created = await tx.msme.create({ data: { ...fields, ...msmeScaleFields(fields) }, select: msmeAuditSelect })
  await writeAudit(tx, actor, { action: 'CREATE', entity: 'Msme', entityId: created.id, after: msmeForAudit(created) })
  return created.id
}

/** Update at the version the writer saw; false (nothing written) when someone saved in between. */
export async function updateMsmeRecord(
  tx: Prisma.TransactionClient, actor: AuditActor, before: MsmeAuditRow, data: MsmeWritable,
): Promise<boolean> {
  const { ownerNik, ...rest } = recordFields(data)
  const { count } = await tx.msme.updateMany({
    where: { id: before.id, version: before.version, deletedAt: null },
    data: { ...rest, ...(ownerNik ? { ownerNik } : {}), ...msmeScaleFields(rest), version: { increment: 1 } },
  })
  if (count === 0) return false
  const after = await tx.msme.findUniqueOrThrow({ where: { id: before.id }, select: msmeAuditSelect })
  await writeAudit(tx, actor, { action: 'UPDATE', entity: 'Msme', entityId: before.id, before: msmeForAudit(before), after: msmeForAudit(after) })
  return true
}

export const cooperativeAuditSelect = {
  id: true, nik: true, legalEntityNumber: true, legalEntityDate: true, name: true, type: true, form: true, pattern: true, groupName: true,
  regencyCode: true, districtCode: true, villageCode: true, address: true, membersMale: true, membersFemale: true, managers: true,
  employees: true, active: true, healthOutcome: true, deletedAt: true, version: true,
} satisfies Prisma.CooperativeSelect

export type CooperativeAuditRow = Prisma.CooperativeGetPayload<{ select: typeof cooperativeAuditSelect }>

export async function insertCooperative(tx: Prisma.TransactionClient, actor: AuditActor, input: CooperativeInput): Promise<string> {
  const created = await tx.cooperative.create({ data: input, select: cooperativeAuditSelect })
  await writeAudit(tx, actor, { action: 'CREATE', entity: 'Cooperative', entityId: created.id, after: created })
  return created.id
}

/** Update at the version the writer saw; false (nothing written) when someone saved in between. */
export async function updateCooperativeRecord(
  tx: Prisma.TransactionClient, actor: AuditActor, before: CooperativeAuditRow, data: CooperativeInput,
): Promise<boolean> {
  const { count } = await tx.cooperative.updateMany({ where: { id: before.id, version: before.version, deletedAt: null }, data: { ...data, version: { increment: 1 } } })
  if (count === 0) return false
  const after = await tx.cooperative.findUniqueOrThrow({ where: { id: before.id }, select: cooperativeAuditSelect })
  await writeAudit(tx, actor, { action: 'UPDATE', entity: 'Cooperative', entityId: before.id, before, after })
  return true
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
