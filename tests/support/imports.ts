import { db } from '@/lib/db'
import { runJobsUntilIdle } from '@/lib/jobs'
import { createImport, startCheck, startCommit } from '@/lib/imports/service'
import type { SessionUser } from '@/lib/session-user'
import type { createUser } from './factories'

/** A test user as the import service sees it (the session's shape). */
export const asSession = (u: Awaited<ReturnType<typeof createUser>>, name: string): SessionUser => ({
  id: u.id, username: u.username, name, role: u.role, regencyCode: u.regencyCode, bankId: u.bankId, mustChangePassword: false,
})

/** Upload a file of `kind`, map it automatically (plus `mappingOverride`), run the dry run; the import and its rows. */
export async function checkImport(user: SessionUser, kind: string, file: File, mappingOverride: Record<string, string | null> = {}) {
  const id = await createImport(user, kind, file)
  const imp = await db.dataImport.findUniqueOrThrow({ where: { id }, select: { sheetName: true, mapping: true } })
  await startCheck(user, id, imp.sheetName!, { ...(imp.mapping as Record<string, string | null>), ...mappingOverride })
  await runJobsUntilIdle()
  const after = await db.dataImport.findUniqueOrThrow({ where: { id }, select: { status: true, summary: true, error: true } })
  const rows = await db.importRow.findMany({ where: { importId: id }, orderBy: { rowNumber: 'asc' }, select: { rowNumber: true, key: true, outcome: true, errors: true, changes: true } })
  return { id, ...after, check: (after.summary as { check: Record<string, number> }).check, rows }
}

/** Confirm a checked import and run its write job. */
export async function commitImport(user: SessionUser, id: string, mode: 'ALL' | 'VALID_ONLY' = 'ALL') {
  await startCommit(user, id, mode)
  await runJobsUntilIdle()
  return db.dataImport.findUniqueOrThrow({ where: { id }, select: { status: true, summary: true, error: true } })
}
