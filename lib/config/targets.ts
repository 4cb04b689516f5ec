import 'server-only'
import type { Prisma } from '@/lib/generated/prisma/client'
import { writeAudit, type AuditActor } from '@/lib/audit'
import { transition } from '@/lib/transitions'
import type { TargetCell } from '@/lib/validations/config'

/** A grid's cells as stored, for the checks a save or an import runs against them (lib/config/catalogue.ts). */
export async function storedGridCells(client: Pick<Prisma.TransactionClient, 'indicatorTarget'>, indicatorCode: string, year: number): Promise<TargetCell[]> {
  const rows = await client.indicatorTarget.findMany({ where: { indicatorCode, year }, select: { regencyCode: true, quarter: true, value: true } })
  return rows.map((r) => ({ regencyCode: r.regencyCode, quarter: r.quarter, value: Number(r.value) }))
}

/**
 * The one write path of an indicator's target grid for a year (regencies × year and Triwulan I–IV, and
 * the province's own row), shared by the target screen (lib/actions/config.ts saveTargetGrid) and the
 * spreadsheet import (lib/imports/kinds/targets.ts): the grid's version moved on (the screen's stale save
 * is refused, lib/transitions.ts), its cells replaced by `cells`, one audit row with before and after, in
 * the caller's transaction. The checks (province-level indicator, regencies of the province, the province
 * total) are the caller's, with provinceTotalCheck (lib/config/catalogue.ts).
 */
export async function writeTargetGrid(
  tx: Prisma.TransactionClient, actor: AuditActor, grid: { indicatorCode: string; year: number; cells: TargetCell[]; version?: number },
): Promise<number> {
  const { indicatorCode, year, cells } = grid
  const key = `${indicatorCode}:${year}`
  // a grid never saved through the screen starts at version 0; a racing first save finds it taken
  await tx.targetGrid.createMany({ data: [{ indicatorCode, year, version: 0 }], skipDuplicates: true })
  const version = grid.version ?? (await tx.targetGrid.findUniqueOrThrow({ where: { indicatorCode_year: { indicatorCode, year } }, select: { version: true } })).version
  await transition(tx, {
    entity: 'TargetGrid', entityId: key, label: 'Target',
    update: () => tx.targetGrid.updateMany({ where: { indicatorCode, year, version }, data: { version: { increment: 1 } } }),
  })
  const before = await tx.indicatorTarget.findMany({ where: { indicatorCode, year }, select: { regencyCode: true, quarter: true, value: true }, orderBy: [{ regencyCode: 'asc' }, { quarter: 'asc' }] })
  await tx.indicatorTarget.deleteMany({ where: { indicatorCode, year } })
  await tx.indicatorTarget.createMany({ data: cells.map((c) => ({ indicatorCode, year, quarter: c.quarter, regencyCode: c.regencyCode, value: c.value })) })
  await writeAudit(tx, actor, { action: 'UPDATE', entity: 'TargetGrid', entityId: key, before: { targets: before }, after: { targets: cells } })
  return version + 1
}
