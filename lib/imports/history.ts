import 'server-only'
import { db } from '@/lib/db'
import { Prisma } from '@/lib/generated/prisma/client'
import type { SessionUser } from '@/lib/session-user'
import { importKind, importKindsFor } from './kinds'
import { editableText } from './fields'
import { PROVINCE_KEY } from './kinds/targets'
import { serverText } from '@/lib/i18n/server-text'
import { maskNik } from '@/lib/registers/nik'
import type { Change, RowError, Summary } from './pipeline'

/** Imports per page of the history. */
export const HISTORY_PAGE_SIZE = 50

/**
 * The imports the user may open, newest first, a page at a time (an admin everyone's, others their own; only of
 * the kinds the role may import, as the import's page requires: an admin does not see a bank's claim imports),
 * with their counts and the total for the pager.
 */
export async function importHistory(user: SessionUser, page = 1) {
  const kinds = importKindsFor(user.role).map((k) => k.kind)
  const where = { kind: { in: kinds }, ...(user.role === 'ADMIN' ? {} : { createdById: user.id }) }
  const [rows, total] = await Promise.all([
    db.dataImport.findMany({
      where,
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      skip: (page - 1) * HISTORY_PAGE_SIZE,
      take: HISTORY_PAGE_SIZE,
      select: { id: true, kind: true, fileName: true, createdByName: true, status: true, summary: true, createdAt: true },
    }),
    db.dataImport.count({ where }),
  ])
  return {
    total, page, pageSize: HISTORY_PAGE_SIZE,
    rows: rows.map(({ summary, ...r }) => {
      const s = summary as { check?: Summary; commit?: Summary } | null
      const counts = s?.commit ?? s?.check ?? null
      // the dry run's counts of an import not written (ready, cancelled, failed): what it would write, not what it wrote
      return { ...r, counts, planned: !s?.commit, shown: shownStatus(r.status, counts) }
    }),
  }
}

/**
 * The status a user reads: a dry run with nothing to create or change offers no import, so not "ready to import" for
 * ever; one with refused rows is not "ready" either (the whole file cannot go in as it is: fix it, or keep the valid rows).
 */
export function shownStatus(status: string, counts: Summary | null): string {
  if (status !== 'CHECKED' || !counts) return status
  if (counts.invalid > 0) return 'INVALID'
  return counts.create + counts.update === 0 ? 'NOTHING' : status
}

/**
 * The note under the counts of an import never written, one per state (the history had said "Hasil uji coba" and
 * "Direncanakan, belum disimpan" for the same status "Ada baris tidak valid", the difference unexplained): a dry run
 * dropped (cancelled, failed) saved nothing and never will; one with nothing to create or change has nothing to
 * save; else its rows wait to be saved (all of them, or the valid ones only). Null: the import was written.
 */
export function unsavedNote(status: string, counts: Summary | null, planned: boolean): 'notSaved' | 'nothingToSave' | 'notSavedYet' | null {
  if (!counts || !planned) return null
  if (status === 'CANCELLED' || status === 'FAILED') return 'notSaved'
  return counts.create + counts.update === 0 ? 'nothingToSave' : 'notSavedYet'
}

export function statusTone(status: string): 'green' | 'amber' | 'red' | 'slate' | 'blue' {
  if (status === 'DONE') return 'green'
  if (status === 'FAILED') return 'red'
  if (status === 'CHECKED') return 'blue'
  if (status === 'CHECKING' || status === 'IMPORTING' || status === 'INVALID') return 'amber'
  return 'slate'
}

/** A refusal in the reader's language: its stored English when it has one (a report rule's), else the catalogue's. */
export function rowErrorText(e: RowError, lang: 'id' | 'en'): string {
  return lang === 'en' && e.messageEn ? e.messageEn : serverText(e.message, lang)
}

/**
 * What a refused cell held, as the user types it again (the rejected-rows file's text: a date `31/12/2030`, not the
 * stored `2030-12-31`; an option's label, Ya / Tidak): an owner's NIK (the MSME and disbursement kinds' `ownerNik`)
 * masked as on every other screen (`3579••••••••0499`), even when the file is the user's own.
 */
function typedText(kindSlug: string, field: string | null | undefined, values: Record<string, string | null>): string | null {
  const value = field ? values[field] ?? null : null
  if (!value) return value
  if (field === 'ownerNik') return maskNik(value)
  return editableText(importKind(kindSlug)?.fields.find((f) => f.key === field), value)
}

/** One import for its page: the record, and the first refused and changed rows of its dry run (or commit). */
export async function importDetail(id: string, take = 200) {
  // the updates that change a field: a returned claim's line sent again as it was is an update too (it resubmits the
  // claim) but changes none, stored without changes (SQL NULL: pipeline.ts storedRow), and 10.704 of those must not
  // hide the 2 lines a bank did change
  const changing = { importId: id, outcome: 'UPDATE', AND: [{ changes: { not: Prisma.DbNull } }, { NOT: { changes: { equals: [] } } }] } satisfies Prisma.ImportRowWhereInput
  const [imp, invalid, updates, changedRows] = await Promise.all([
    db.dataImport.findUniqueOrThrow({
      where: { id },
      select: { id: true, kind: true, fileName: true, fileSize: true, status: true, sheets: true, sheetName: true, mapping: true, mode: true, summary: true, error: true, createdAt: true, createdById: true, version: true },
    }),
    db.importRow.findMany({ where: { importId: id, outcome: 'INVALID' }, orderBy: { rowNumber: 'asc' }, take, select: { rowNumber: true, key: true, errors: true, values: true } }),
    db.importRow.findMany({ where: changing, orderBy: { rowNumber: 'asc' }, take, select: { rowNumber: true, key: true, changes: true, values: true } }),
    db.importRow.count({ where: changing }),
  ])
  const s = imp.summary as { check?: Summary; commit?: Summary } | null
  return {
    imp,
    summary: s?.commit ?? s?.check ?? null,
    // each error with the text its cell held ("dua belas"), found through the mapping from the column's heading to its field
    invalid: invalid.map(({ values, ...r }) => {
      const mapping = (imp.mapping ?? {}) as Record<string, string | null>
      const typed = (values ?? {}) as Record<string, string | null>
      return { ...r, errors: ((r.errors ?? []) as RowError[]).map((e) => ({ ...e, typed: typedText(imp.kind, mapping[e.column], typed) })) }
    }),
    // a key of several columns (a target's indicator, year, period, regency) part by part, not the internal key. The
    // region and the period as the check read them (the key `35.17/2026/4/KOP_AKTIF`, the keyFields in order; a province
    // target's regency `PROV`), so a regency typed 3517 reads as the region it matched and a period 4 as TW IV; the
    // rest as typed (an indicator by the name the file gave it)
    updates: updates.map(({ values, ...r }) => {
      const kind = importKind(imp.kind)
      const fields = kind?.keyFields
      const texts = (values ?? {}) as Record<string, string>
      const parts = r.key?.split('/')
      const asRead = (f: string) => f === 'quarter' || ['regency', 'district', 'village'].includes(kind?.fields.find((d) => d.key === f)?.type ?? '')
      const keyParts = fields?.map((f, i) => ({
        field: f,
        text: parts?.length === fields.length && asRead(f) ? (parts[i] === PROVINCE_KEY ? '' : parts[i]) : texts[f] ?? '',
      })) ?? null
      return { ...r, keyParts, changes: (r.changes ?? []) as Change[] }
    }),
    /** how many updates change a field (the rest of the summary's updates resend a returned claim's lines as they were) */
    changedRows,
  }
}

/** The names of region codes (kabupaten/kota, kecamatan, desa/kelurahan) an import's changes show, code → name. */
export async function regionNames(codes: string[]): Promise<Map<string, string>> {
  const wanted = [...new Set(codes.filter(Boolean))]
  if (!wanted.length) return new Map()
  const where = { code: { in: wanted } }
  const select = { code: true, name: true } as const
  const found = await Promise.all([db.regency.findMany({ where, select }), db.district.findMany({ where, select }), db.village.findMany({ where, select })])
  return new Map(found.flat().map((r) => [r.code, r.name]))
}
