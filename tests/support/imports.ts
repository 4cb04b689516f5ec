import ExcelJS from 'exceljs'
import { db } from '@/lib/db'
import { MSME_FIELDS } from '@/lib/imports/kinds/msmes'
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

/** The import's version now, as its page shows it (the commit and discard forms send it). */
export const importVersion = async (id: string) => (await db.dataImport.findUniqueOrThrow({ where: { id }, select: { version: true } })).version

/** Confirm a checked import and run its write job. */
export async function commitImport(user: SessionUser, id: string, mode: 'ALL' | 'VALID_ONLY' = 'ALL') {
  await startCommit(user, id, await importVersion(id), mode)
  await runJobsUntilIdle()
  return db.dataImport.findUniqueOrThrow({ where: { id }, select: { status: true, summary: true, error: true } })
}

/** An .xlsx with the kind's template headings (every field mapped by itself) and these rows of texts. */
export async function xlsx(fields: { label: string }[], rows: string[][], name = 'berkas.xlsx'): Promise<File> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('Data')
  ws.addRow(fields.map((f) => f.label))
  for (const r of rows) ws.addRow(r)
  return new File([new Uint8Array(await wb.xlsx.writeBuffer())], name)
}

/** The MSME form's fields (as the browser sends them) and the same record as a template row. */
export const msmeForm = (n: string, over: Record<string, string | boolean> = {}) => ({
  nib: n, businessName: 'Keripik Tempe Bu Sri', ownerName: 'Sri Wahyuni', ownerNik: '3517014501900001', ownerGender: 'P', kbli: '10793',
  regencyCode: '35.17', districtCode: '35.17.01', villageCode: '', address: 'Jl. Diponegoro 5', phone: '0812-3456-7890', workers: '4',
  businessCapital: '1.000.000.000', annualSales: '1.800.000.000,50', recordedScale: 'MIKRO', newRegistration: true as boolean,
  iumkNumber: 'IUMK/3517/00012', iumkDate: '2020-08-01', ...over,
})
export const msmeRow = (form: ReturnType<typeof msmeForm>) =>
  MSME_FIELDS.map((f) => (f.key === 'newRegistration' ? (form.newRegistration ? 'Ya' : 'Tidak') : String((form as Record<string, unknown>)[f.key] ?? '')))
