/**
 * The audit trail as people read it: which record a row is about (its name and page), and the
 * fields an update changed (before → after). Pure, so the page, the export and tests share it; the
 * sentence itself is worded by the page through the message catalogue (lib/i18n auditLog.*).
 */

import type { Role } from '@/lib/generated/prisma/enums'
import { ROLE_LABELS } from '@/lib/permissions'

/** Bookkeeping fields that say nothing to an inspector (and secrets, should one reach a row). */
export const AUDIT_HIDDEN = new Set([
  'id', 'version', 'createdAt', 'updatedAt', 'sessionVersion', 'deletedAt', 'passwordHash', 'tokenHash',
  // a job's, a plan's and a file's own bookkeeping, and a document's bytes
  'jobId', 'planKey', 'rowsTidiedVersion', 'beneficiaryKey', 'content', 'file',
  // what PostgreSQL keeps from other fields (a cooperative's men + women members, the names as searched): those fields
  // say what changed
  'membersTotal', 'nameSearch', 'businessNameSearch', 'ownerNameSearch',
])

export type AuditChange = { field: string; before: unknown; after: unknown }

/** A stored amount as a number: a Decimal column is stored as its text ("50000000"), a typed figure as a number. */
const numeric = (v: unknown): number | null => (typeof v === 'number' ? v : typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : null)
/**
 * The same value on both sides. An amount read back from a Decimal column (text) and the number written are compared
 * as numbers: a programme's edit had listed "Plafon maksimum Rp50.000.000 → Rp50.000.000" among its changes.
 */
const same = (a: unknown, b: unknown) => {
  const [x, y] = [numeric(a), numeric(b)]
  if (x !== null && y !== null && typeof a !== typeof b) return x === y
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null)
}
const asObject = (v: unknown): Record<string, unknown> | null => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null)

/**
 * What a row changed: for an update, each field whose value differs; for a creation, the fields it
 * set; for a deletion, the fields it had. Bookkeeping fields are left out.
 */
export function auditChanges(before: unknown, after: unknown): AuditChange[] {
  const b = asObject(before)
  const a = asObject(after)
  const keys = [...new Set([...Object.keys(b ?? {}), ...Object.keys(a ?? {})])].filter((k) => !AUDIT_HIDDEN.has(k))
  return keys
    // an update's after holds what it wrote: a field it left out (a narrower select than the before's) did not change
    .filter((k) => !(b && a) || (Object.hasOwn(a, k) && !same(b[k], a[k])))
    .flatMap((k) => {
      const change = { field: k, before: b ? (b[k] ?? null) : null, after: a ? (a[k] ?? null) : null }
      if (!(b && a)) return [change]
      const items = changedItems(change.before, change.after)
      return items ? [{ ...change, ...items }] : []
    })
}

/**
 * The key an item of a stored list is matched by from before to after: a report's value by its indicator, a
 * target grid's cell by place and period; null for a list whose items have none (then it is shown whole).
 */
function itemKey(item: unknown): string | null {
  const o = asObject(item)
  if (!o) return null
  if (typeof o.indicatorCode === 'string') return `${o.indicatorCode}|${String(o.regencyCode ?? '')}|${String(o.quarter ?? '')}`
  if ('regencyCode' in o && 'quarter' in o) return `${String(o.regencyCode)}|${String(o.quarter)}`
  return null
}

/** The fields that name a list's item (itemKey), not what it holds. */
const ITEM_KEYS = new Set(['indicatorCode', 'regencyCode', 'quarter'])
/** What an item absent from a list compares as: an item holding nothing (a report's indicator left empty) equals it. */
const NOTHING = '∅'

/**
 * An item as compared: a figure stored as text (a Decimal read back, "380") equals the number a form wrote (380),
 * key order does not matter (a grid's stored cells and the form's are built differently), and an item that
 * holds nothing equals its absence (a report saved with five indicators still empty changed none of them).
 */
function comparable(item: unknown): string {
  const o = asObject(item) ?? {}
  const held = Object.keys(o).filter((k) => !ITEM_KEYS.has(k)).sort().map((k) => {
    const v = o[k]
    return [k, typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v === '' || v === undefined ? null : v] as const
  })
  return held.every(([, v]) => v === null) ? NOTHING : JSON.stringify(held)
}

/**
 * Of two versions of a keyed list (a quarterly report's 25 values, a target grid's 39 cells), only the items
 * that differ: an officer correcting one value read every value twice, the changed one hidden among them. A list
 * whose key repeats on either side is shown whole: nothing that changed may be hidden. null when no item differs (only the order, or items added empty): no change.
 */
function changedItems(before: unknown, after: unknown): { before: unknown; after: unknown } | null {
  if (!Array.isArray(before) || !Array.isArray(after)) return { before, after }
  const keyed = (list: unknown[]) => {
    const keys = list.map(itemKey)
    return keys.every((k) => k !== null) && new Set(keys).size === keys.length ? new Map(list.map((x, i) => [keys[i]!, comparable(x)])) : null
  }
  const [b, a] = [keyed(before), keyed(after)]
  if (!b || !a) return { before, after }
  const differs = (x: unknown) => (b.get(itemKey(x)!) ?? NOTHING) !== (a.get(itemKey(x)!) ?? NOTHING)
  const narrowed = { before: before.filter(differs), after: after.filter(differs) }
  return narrowed.before.length || narrowed.after.length ? narrowed : null
}

/**
 * The page of a record in the app, when it has one: its own, or for a part of a record (a
 * cooperative's yearly figures, a meeting's participant, a loan's month) the page of the whole,
 * found in the row's snapshot.
 */
export function auditHref(entity: string, id: string | null, snapshot: unknown, report?: { regencyCode: string; year: number; quarter: number }): string | null {
  if (!id) return null
  const parent = (key: string) => {
    const v = asObject(snapshot)?.[key]
    return typeof v === 'string' && v ? v : null
  }
  const under = (path: string, key: string) => (parent(key) ? `${path}/${parent(key)}` : null)
  switch (entity) {
    case 'Cooperative': return `/koperasi/${id}`
    case 'CooperativeYear':
    case 'HealthAssessment':
    case 'Inspection': return under('/koperasi', 'cooperativeId')
    case 'Msme': return `/umkm/${id}`
    case 'Meeting': return `/rapat/${id}`
    case 'MeetingParticipant':
    case 'AgendaItem':
    case 'MeetingOutcome':
    case 'MeetingDocument': return under('/rapat', 'meetingId')
    case 'ActionItem': return `/tindak-lanjut/${id}`
    case 'SubsidyClaim': return `/kredit/klaim/${id}`
    case 'Disbursement': return `/kredit/penyaluran/${id}`
    case 'LoanMonth': return `/kredit/penyaluran/${id.split('#')[0]}`
    case 'CreditProgram':
    case 'ProgramRate':
    case 'ProgramAllocation': return `/kredit/${id}`
    case 'User': return `/pengguna/${id}`
    case 'DataImport': return `/impor/${id}`
    case 'TargetGrid': {
      // keyed `INDICATOR:year` (lib/config/targets.ts): the target screen of that indicator and year
      const m = /^(.+):(\d{4})$/.exec(id)
      return m ? `/pengaturan/target?indikator=${encodeURIComponent(m[1])}&tahun=${m[2]}` : null
    }
    case 'QuarterlyReport': return report ? `/laporan-triwulan/${report.regencyCode}/${report.year}/${report.quarter}` : null
    default: return null
  }
}

/** A short name from a snapshot, for records whose row no longer exists (deleted) or has no lookup. */
export function snapshotName(value: unknown): string | null {
  const o = asObject(value)
  if (!o) return null
  for (const k of ['name', 'businessName', 'title', 'personName', 'username', 'filename', 'fileName', 'code']) if (typeof o[k] === 'string' && o[k]) return o[k] as string
  return null
}

/**
 * What an entry's sentence names: the record as it was named then (its snapshot), and, when it has been renamed
 * since, its name now. An entry written when the user was "Budi" says "Budi", not today's "Budi Santoso"; a record
 * without a name of its own in its snapshot (a report, a claim) is named by what it is now.
 */
export function auditSubject(record: { name: string; plain?: string } | undefined, before: unknown, after: unknown): { name: string | null; now: string | null } {
  const then = snapshotName(after) ?? snapshotName(before)
  if (!record) return { name: then, now: null }
  if (record.plain === undefined || then === null) return { name: record.name, now: null }
  // unchanged: the record's full label (a user's with its username, to tell two of the same name apart)
  return then === record.plain ? { name: record.name, now: null } : { name: then, now: record.name }
}

/** The Rupiah amount a money step moved (an approval's approved total, a payment), for the sentence. */
export function auditAmount(action: string, after: unknown): number | null {
  const a = asObject(after)
  if (!a) return null
  const pick = (v: unknown) => (v === null || v === undefined || v === '' || Number.isNaN(Number(v)) ? null : Number(v))
  if (action === 'APPROVE') return pick(a.approved)
  if (action === 'PAY') return pick(asObject(a.payment)?.amount ?? a.amount)
  return null
}

/**
 * A row's client address as the trail shows it: null when none was known, `local` for this server itself.
 * A browser on the server machine arrives from a loopback address (`::1`, `127.0.0.1`) and a background job
 * or script, outside any request, is stamped `local` (lib/client-ip.ts): the same machine, shown one way.
 */
export function auditAddress(ip: string | null | undefined): string | null {
  const a = (ip ?? '').trim().toLowerCase()
  if (!a || a === 'unknown') return null
  if (a === 'local' || a === '::1' || /^(::ffff:)?127\.\d+\.\d+\.\d+$/.test(a)) return 'local'
  return a
}

/** What an import's audit row holds (lib/imports/pipeline.ts): its kind's slug, the file, and the rows it took in. */
export type AuditImport = { kind: string; fileName: string; rows: number }

/** The details of an IMPORT row for its sentence, or null when the row lacks them (then it is worded generally). */
export function auditImport(action: string, after: unknown): AuditImport | null {
  const a = asObject(after)
  if (action !== 'IMPORT' || !a) return null
  const { kind, fileName, total, invalid } = a
  if (typeof kind !== 'string' || typeof fileName !== 'string' || typeof total !== 'number') return null
  // the rows the import took in: invalid ones were skipped ("valid rows only") or refused the whole import
  return { kind, fileName, rows: Math.max(0, total - (typeof invalid === 'number' ? invalid : 0)) }
}

/** A title inside a sentence: `baris penyaluran kredit`, but one starting with an acronym (`UMKM`, `MSMEs`) as it is. */
/** A follow-up's evidence (a meeting document stored with its follow-up's id): named so, not "dokumen rapat". */
export function isEvidence(entity: string, snapshot: unknown): boolean {
  return entity === 'MeetingDocument' && typeof snapshot === 'object' && snapshot !== null && typeof (snapshot as { actionId?: unknown }).actionId === 'string'
}

export function inSentence(title: string): string {
  return /^\p{Lu}{2,}/u.test(title) ? title : title.charAt(0).toLowerCase() + title.slice(1)
}

/** The role a row was written under, in the words the rest of the app uses (ROLE_LABELS); an unknown one as stored. */
export function auditRole(role: string, lang: 'id' | 'en'): string {
  return Object.hasOwn(ROLE_LABELS, role) ? ROLE_LABELS[role as Role][lang] : role
}
