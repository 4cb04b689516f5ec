import 'server-only'
import { db } from '@/lib/db'
import type { SessionUser } from '@/lib/session-user'
import type { Summary } from './pipeline'

/** The latest imports the user may see (an admin everyone's, others their own), with their counts. */
export async function importHistory(user: SessionUser, take = 100) {
  const rows = await db.dataImport.findMany({
    where: user.role === 'ADMIN' ? {} : { createdById: user.id },
    orderBy: { createdAt: 'desc' },
    take,
    select: { id: true, kind: true, fileName: true, createdByName: true, status: true, summary: true, createdAt: true },
  })
  return rows.map(({ summary, ...r }) => {
    const s = summary as { check?: Summary; commit?: Summary } | null
    return { ...r, counts: s?.commit ?? s?.check ?? null }
  })
}

export function statusTone(status: string): 'green' | 'amber' | 'red' | 'slate' | 'blue' {
  if (status === 'DONE') return 'green'
  if (status === 'FAILED') return 'red'
  if (status === 'CHECKED') return 'blue'
  if (status === 'CHECKING' || status === 'IMPORTING') return 'amber'
  return 'slate'
}

/** One import for its page: the record, and the first refused and changed rows of its dry run (or commit). */
export async function importDetail(id: string, take = 200) {
  const [imp, invalid, updates] = await Promise.all([
    db.dataImport.findUniqueOrThrow({
      where: { id },
      select: { id: true, kind: true, fileName: true, fileSize: true, status: true, sheets: true, sheetName: true, mapping: true, mode: true, summary: true, error: true, createdAt: true, createdById: true },
    }),
    db.importRow.findMany({ where: { importId: id, outcome: 'INVALID' }, orderBy: { rowNumber: 'asc' }, take, select: { rowNumber: true, key: true, errors: true } }),
    db.importRow.findMany({ where: { importId: id, outcome: 'UPDATE' }, orderBy: { rowNumber: 'asc' }, take, select: { rowNumber: true, key: true, changes: true } }),
  ])
  const s = imp.summary as { check?: Summary; commit?: Summary } | null
  return {
    imp,
    summary: s?.commit ?? s?.check ?? null,
    invalid: invalid.map((r) => ({ ...r, errors: (r.errors ?? []) as { column: string; message: string }[] })),
    updates: updates.map((r) => ({ ...r, changes: (r.changes ?? []) as { column: string; before: string; after: string }[] })),
  }
}
