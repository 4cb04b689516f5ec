/**
 * An audit row's values as people read them, in the reader's language: a stored code by the label the rest
 * of the app gives it (the meetings, activities, config… catalogues, ROLE_LABELS), a linked record by its name
 * (read for the page in one query per kind, lib/data/audit.ts), money as Rupiah, dates as dates. Pure, so the
 * page and tests share it.
 */

import { AUDIT_HIDDEN, auditRole } from '@/lib/audit-text'
import { formatDate, formatDateTime, formatFileSize, formatMonth, formatNumber, formatPercent, formatRupiah } from '@/lib/format'
import { MESSAGES } from '@/lib/i18n/messages'
import { quarterLabel } from '@/lib/reporting/periods'
import { REGENCY_CODE } from '@/lib/parse'

export type AuditLang = 'id' | 'en'

/** The kinds of record an audit row's field may point at, each named by one query (lib/data/audit.ts). */
export type AuditRefKind = 'meeting' | 'bank' | 'program' | 'regency' | 'district' | 'village' | 'cooperative' | 'msme' | 'user' | 'outcome' | 'agenda' | 'activity' | 'indicator' | 'form' | 'action'

/** The fields holding another record's id or code, and which kind of record that is. */
export const AUDIT_REFS: Readonly<Record<string, AuditRefKind>> = {
  meetingId: 'meeting', previousMeetingId: 'meeting',
  bankId: 'bank', ownerBankId: 'bank',
  programId: 'program',
  regencyCode: 'regency', ownerRegencyCode: 'regency', hostRegencyCode: 'regency',
  districtCode: 'district', villageCode: 'village',
  cooperativeId: 'cooperative', msmeId: 'msme',
  userId: 'user', ownerUserId: 'user', createdById: 'user', uploadedById: 'user', revokedById: 'user', reviewedById: 'user',
  outcomeId: 'outcome', agendaItemId: 'agenda', activityId: 'activity', actionId: 'action', carriedActions: 'action',
  indicatorCode: 'indicator', numeratorCode: 'indicator', denominatorCode: 'indicator', otherIndicatorCode: 'indicator',
  // an indicator's reporting form, by the form's name (it had read "PEMBERDAYAAN → KINERJA_UMK")
  formCode: 'form',
  // an export's filter (its query's own names): the regency, bank, meeting and user it was narrowed to
  regency: 'regency', kab: 'regency', bank: 'bank', meeting: 'meeting', user: 'user', indikator: 'indicator',
}

/** Names of linked records, keyed `kind:id` (see auditRefKey). */
export type AuditRefs = ReadonlyMap<string, string>
export const auditRefKey = (kind: AuditRefKind, id: string) => `${kind}:${id}`

/** A programme allocation's row is keyed by regency code (lib/actions/credit.ts saveAllocations). */

/**
 * Where the app labels a stored code: a message path with `{}` for the code. Keyed `Entity.field` where a
 * field's codes differ by record (a meeting's status, a follow-up's status), else by the field alone.
 */
const ENUMS: Readonly<Record<string, string | ((code: string) => string)>> = {
  'Meeting.type': 'meetings.typeLong.{}',
  'Meeting.status': 'meetings.status.{}',
  // an export's filter holds the list's own choices too (`open`, `all`: lib/validations/meetings.ts actionFilterSchema)
  'ActionItem.status': (code) => (code === 'open' || code === 'all' ? `meetings.actions.filters.${code}` : `meetings.actionStatus.${code}`),
  'ActionItem.reason': 'auditLog.reason.{}',
  'ActionProgressNote.statusFrom': 'meetings.actionStatus.{}',
  'ActionProgressNote.statusTo': 'meetings.actionStatus.{}',
  ownerKind: 'meetings.ownerKind.{}',
  attendance: 'meetings.attendance.{}',
  'MeetingOutcome.kind': 'meetings.outcomeKind.{}',
  'MeetingDocument.kind': 'meetings.documentKind.{}',
  'Activity.kind': 'activities.kind.{}',
  activityKind: 'activities.kind.{}',
  budgetSource: 'activities.source.{}',
  'ActivityBeneficiary.type': 'activities.beneficiaryType.{}',
  beneficiaryType: 'activities.beneficiaryType.{}',
  'ProgrammeTarget.measure': 'programmeTargets.measure.{}',
  'PublicHoliday.kind': 'config.holidays.kind.{}',
  unit: 'config.indicators.unitValue.{}',
  aggregation: 'config.indicators.aggregationValue.{}',
  timeAggregation: 'config.indicators.timeValue.{}',
  periodType: 'config.indicators.periodValue.{}',
  'ValidationRule.kind': 'config.rules.kindValue.{}',
  severity: 'config.rules.severityValue.{}',
  'Cooperative.type': 'registers.type.{}',
  'Cooperative.form': 'registers.form.{}',
  'Cooperative.pattern': 'registers.pattern.{}',
  healthOutcome: 'registers.outcome.{}',
  'HealthAssessment.outcome': 'registers.outcome.{}',
  'Inspection.status': 'registers.inspectionStatus.{}',
  recordedScale: 'registers.scale.{}',
  computedScale: 'registers.scale.{}',
  eligibleScales: 'registers.scale.{}',
  ownerGender: 'registers.gender.{}',
  'QuarterlyReport.status': 'reporting.status.{}',
  'DataImport.status': 'imports.statusLabel.{}',
  'DataImport.mode': (code) => (code === 'ALL' ? 'imports.modeAll' : code === 'VALID_ONLY' ? 'imports.modeValid' : ''),
  'SubsidyClaim.status': 'credit.claimStatus_{}',
  amortisationBasis: 'credit.basis_{}',
  'LoanMonth.reason': 'credit.reason_{}',
  method: (code) => `credit.${code.toLowerCase()}`,
  'Notification.kind': 'notifications.kind.{}',
}

/** Money fields of the trail's snapshots: shown as Rupiah. */
const MONEY = new Set([
  'plafond', 'maxPlafond', 'amount', 'approved', 'claimed', 'computed', 'outstanding', 'businessCapital', 'annualSales', 'creditTarget',
  'subsidyCeiling', 'subsidyDue', 'openingBalance', 'budgetAmount', 'cumulativeTarget', 'claimedAmount', 'computedAmount', 'approvedAmount',
  'claimedBalance', 'disbursed', 'assets', 'ownCapital', 'externalCapital', 'businessVolume', 'netSurplus', 'equity', 'loans', 'savings', 'revenue', 'shu',
])

/** Figures that may be stored as text (Decimal): shown as numbers. */
const NUMERIC = new Set(['value', 'targetValue', 'min', 'max', 'thresholdPercent', 'numerator', 'denominator'])

/** Interest rates, stored as fractions (0.06): shown as a percentage, as the programme screens do. */
const RATES = new Set(['rate', 'bankRate', 'borrowerRate', 'rateDifference'])

/** Numbers that are names, not amounts: a year is 2026, never 2.026. */
const PLAIN = new Set(['year', 'period', 'position', 'sortOrder', 'templateVersion', 'tenorMonths', 'collectibility'])

/** A message of the catalogue by its dotted path, in the reader's language; undefined when there is none. */
export function message(lang: AuditLang, path: string): string | undefined {
  const v = path.split('.').reduce<unknown>((node, k) => (node && typeof node === 'object' && Object.hasOwn(node, k) ? (node as Record<string, unknown>)[k] : undefined), MESSAGES[lang])
  return typeof v === 'string' ? v : undefined
}

/** Whether a field holds money: by name, or a programme allocation's regency column. */
export function isMoney(entity: string, field: string): boolean {
  return MONEY.has(field) || (entity === 'ProgramAllocation' && REGENCY_CODE.test(field))
}

/** The label of a stored code, or the code itself when the app has none for it. */
export function auditCode(entity: string, field: string, code: string, lang: AuditLang): string | null {
  if (field === 'role') return auditRole(code, lang)
  const at = ENUMS[`${entity}.${field}`] ?? ENUMS[field]
  if (!at) return null
  return message(lang, typeof at === 'function' ? at(code) : at.replace('{}', code)) ?? code
}

/**
 * A field's name for a person: the catalogue's for this kind of record where one name would mislead (an agenda
 * item's `position` is its order, a participant's their job), else the catalogue's (auditLog.field), a programme
 * allocation's regency by name, else as stored.
 */
export function auditFieldLabel(entity: string, field: string, lang: AuditLang, refs: AuditRefs): string {
  return message(lang, `auditLog.fieldOf.${entity}.${field}`) ?? message(lang, `auditLog.field.${field}`)
    ?? (REGENCY_CODE.test(field) ? refs.get(auditRefKey('regency', field)) : undefined) ?? field
}

/**
 * The fields of a register's record in its form's order (components/registers/*-form.tsx, record-forms.tsx), fields the
 * form does not hold placed beside those they go with (an MSME's computed scale after the recorded one).
 */
const FORM_ORDER: Readonly<Record<string, readonly string[]>> = {
  Cooperative: [
    'nik', 'name', 'type', 'groupName', 'form', 'pattern', 'legalEntityNumber', 'legalEntityDate', 'active', 'regencyCode', 'districtCode',
    'villageCode', 'address', 'membersMale', 'membersFemale', 'managers', 'employees', 'healthOutcome',
  ],
  Msme: [
    'nib', 'businessName', 'kbli', 'workers', 'ownerName', 'ownerNik', 'ownerGender', 'phone', 'businessCapital', 'annualSales', 'recordedScale',
    'computedScale', 'scaleMismatch', 'newRegistration', 'regencyCode', 'districtCode', 'villageCode', 'cooperativeId', 'address', 'iumkNumber', 'iumkDate',
  ],
  CooperativeYear: ['cooperativeId', 'year', 'ownCapital', 'externalCapital', 'assets', 'businessVolume', 'netSurplus', 'ratHeld', 'ratDate'],
  Inspection: ['cooperativeId', 'inspectedOn', 'officer', 'status', 'findings', 'followUp'],
}

/** Every field the catalogue labels (auditLog.field), in its order: related fields sit together there (a region's three codes). */
const CATALOGUE_ORDER = new Map(Object.keys(MESSAGES.id.auditLog.field).map((field, i) => [field, i]))

/**
 * A row's fields in the order people read them: a register's in its form's order, any other in the catalogue's, a
 * field neither knows last (as stored). The stored order says nothing: PostgreSQL's jsonb keeps an object's keys by
 * length, so a cooperative's creation had listed NIK, Bentuk, Nama, Jenis, Aktif, … and split its members' two counts.
 */
export function auditFieldsInOrder<C extends { field: string }>(entity: string, changes: readonly C[]): C[] {
  const form = FORM_ORDER[entity] ?? []
  const rank = (field: string) => {
    const at = form.indexOf(field)
    if (at >= 0) return at
    const listed = CATALOGUE_ORDER.get(field)
    return listed === undefined ? Number.MAX_SAFE_INTEGER : form.length + listed
  }
  // a stable sort: fields of one rank (unknown ones) keep their stored order
  return [...changes].sort((a, b) => rank(a.field) - rank(b.field))
}

const cut = (text: string, max: number) => (text.length > max ? `${text.slice(0, max)}…` : text)
const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v)

/** One value of a snapshot as a person reads it: a label for a code, a name for a link, Rupiah, a date, yes/no, a dash for nothing. */
export function auditValue(entity: string, field: string, v: unknown, lang: AuditLang, refs: AuditRefs, depth = 0): string {
  if (v === null || v === undefined || v === '') return '–'
  if (typeof v === 'boolean') return message(lang, v ? 'auditLog.yes' : 'auditLog.no')!
  if (Array.isArray(v)) {
    if (!v.length) return '–'
    // an indicator's target grid (lib/config/targets.ts): which place, which period, what value
    if (field === 'targets') return v.map((cell) => targetCell(cell, lang, refs)).join('; ')
    // a quarterly report's values: each indicator by name with its value (and the officer's comment)
    // whole, not cut: a value changed late in the list, or the reviewer's note on it, was lost behind the "…"
    if (entity === 'QuarterlyReport' && field === 'values') return v.map((x) => reportValue(x, lang, refs)).join('; ')
    return cut(v.map((item) => auditValue(entity, field, item, lang, refs, depth + 1)).join(isObject(v[0]) ? '; ' : ', '), 400)
  }
  if (isObject(v)) {
    // a follow-up's progress note (lib/actions/meetings.ts): the note itself, and the status it moved
    if (entity === 'ActionItem' && field === 'note' && typeof v.note === 'string') {
      const code = (f: string) => (typeof v[f] === 'string' ? auditCode('ActionProgressNote', f, v[f] as string, lang) : null)
      const from = code('statusFrom')
      const to = code('statusTo')
      return `“${v.note}”${to && from !== to ? ` (${from ? `${from} → ` : ''}${to})` : ''}`
    }
    // an import's column mapping: each heading of the file and the field it fills
    if (entity === 'DataImport' && field === 'mapping') {
      return cut(Object.entries(v).map(([heading, to]) => `${heading} → ${typeof to === 'string' ? auditFieldLabel(entity, to, lang, refs) : '–'}`).join(', '), 400)
    }
    if (depth > 2) return cut(JSON.stringify(v), 160)
    // a part written whole (a payment, a bank joining a programme, an export's filter): its fields, each read the same way
    const parts = Object.entries(v).filter(([k, x]) => !AUDIT_HIDDEN.has(k) && x !== null && x !== undefined && x !== '')
    return cut(parts.map(([k, x]) => `${auditFieldLabel(entity, k, lang, refs)}: ${auditValue(entity, k, x, lang, refs, depth + 1)}`).join(', ') || '–', 400)
  }
  if (typeof v === 'string') {
    const code = auditCode(entity, field, v, lang)
    if (code !== null) return code
    const ref = AUDIT_REFS[field]
    if (ref) return refs.get(auditRefKey(ref, v)) ?? v
    if (/^\d{4}-\d{2}-\d{2}T00:00:00(\.000)?Z$/.test(v)) return formatDate(v, { locale: lang })
    if (/^\d{4}-\d{2}-\d{2}T/.test(v)) return formatDateTime(v, { locale: lang })
    if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return formatDate(v, { locale: lang })
    // a claim's month (`2026-10`): Oktober 2026
    if (/^\d{4}-(0[1-9]|1[0-2])$/.test(v)) return formatMonth(v, { locale: lang })
  }
  if (field === 'quarter' && typeof v === 'number' && v >= 1 && v <= 4) return quarterLabel(v, lang)
  // a document's size as its page writes it (a bare "21.578" read as a count of something)
  if (entity === 'MeetingDocument' && field === 'size' && typeof v === 'number') return formatFileSize(v, { locale: lang })
  // a reveal names the field it showed (lib/actions/msmes.ts revealOwnerNik: `{ field: 'ownerNik' }`)
  if (field === 'field' && typeof v === 'string') return auditFieldLabel(entity, v, lang, refs)
  if (typeof v === 'number' && PLAIN.has(field)) return String(v)
  if ((typeof v === 'number' || (typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v))) && RATES.has(field)) return formatPercent(Number(v) * 100, { locale: lang })
  if ((typeof v === 'number' || (typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v))) && isMoney(entity, field)) return formatRupiah(v, { locale: lang, cents: true })
  // a figure stored as text (Decimal) is still a figure; other digit strings (a NIK, an account) stay as written
  if (typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v) && NUMERIC.has(field)) return formatNumber(Number(v), { decimals: Number.isInteger(Number(v)) ? 0 : 2, locale: lang })
  if (typeof v === 'number') return formatNumber(v, { decimals: Number.isInteger(v) ? 0 : 2, locale: lang })
  return cut(String(v), 300)
}

/** One value of a quarterly report: `Koperasi terdaftar: 355 (comment); catatan pemeriksa: “…”`, the note a return wrote on it included. */
function reportValue(x: unknown, lang: AuditLang, refs: AuditRefs): string {
  if (!isObject(x)) return String(x)
  const code = typeof x.indicatorCode === 'string' ? x.indicatorCode : null
  const name = code ? refs.get(auditRefKey('indicator', code)) ?? code : '–'
  const value = x.value === null || x.value === undefined ? '–' : auditValue('QuarterlyReport', 'value', x.value, lang, refs, 1)
  const note = typeof x.reviewNote === 'string' && x.reviewNote ? ` — ${message(lang, 'reporting.entry.reviewNote')}: “${x.reviewNote}”` : ''
  return `${name}: ${value}${typeof x.comment === 'string' && x.comment ? ` (${x.comment})` : ''}${note}`
}

/** One cell of a target grid: `Kabupaten Jombang · Setahun: 380`, the province's own row as the target screen names it. */
function targetCell(cell: unknown, lang: AuditLang, refs: AuditRefs): string {
  if (!isObject(cell)) return String(cell)
  const { regencyCode, quarter, value } = cell
  const place = typeof regencyCode === 'string' ? refs.get(auditRefKey('regency', regencyCode)) ?? regencyCode : message(lang, 'config.targets.province')!
  const period = typeof quarter === 'number' && quarter >= 1 && quarter <= 4 ? quarterLabel(quarter, lang) : message(lang, 'config.targets.yearColumn')!
  const n = Number(value)
  return `${place} · ${period}: ${value === null || value === undefined || Number.isNaN(n) ? '–' : formatNumber(n, { decimals: Number.isInteger(n) ? 0 : 2, locale: lang })}`
}

/** The ids and codes the rows point at, by kind of record: what the page reads names for (one query per kind). */
export function auditRefIds(rows: { entity: string; entityId: string | null; before: unknown; after: unknown }[]): Map<AuditRefKind, Set<string>> {
  const out = new Map<AuditRefKind, Set<string>>()
  const add = (kind: AuditRefKind, id: unknown) => {
    if (typeof id !== 'string' || !id) return
    if (!out.has(kind)) out.set(kind, new Set())
    out.get(kind)!.add(id)
  }
  // the parts written whole are walked too (a target grid's cells, a bank joining a programme), never deeper than the page shows
  const walk = (v: unknown, depth: number) => {
    if (depth > 3) return
    if (Array.isArray(v)) for (const x of v) walk(x, depth + 1)
    else if (isObject(v)) {
      for (const [k, x] of Object.entries(v)) {
        const kind = AUDIT_REFS[k]
        if (kind) for (const id of Array.isArray(x) ? x : [x]) add(kind, id)
        else if (REGENCY_CODE.test(k)) add('regency', k)
        walk(x, depth + 1)
      }
    }
  }
  for (const r of rows) {
    walk(r.before, 0)
    walk(r.after, 0)
    // a target grid's row is keyed `INDICATOR:year` (lib/config/targets.ts)
    if (r.entity === 'TargetGrid' && r.entityId) add('indicator', auditTargetGrid(r.entityId)?.indicatorCode)
  }
  return out
}

/** A target grid's key, `KOP_TERDAFTAR:2027`, as its indicator and year; null for any other shape. */
export function auditTargetGrid(entityId: string): { indicatorCode: string; year: number } | null {
  const m = /^(.+):(\d{4})$/.exec(entityId)
  return m ? { indicatorCode: m[1], year: Number(m[2]) } : null
}
