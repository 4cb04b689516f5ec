import 'server-only'
import { AppError } from '@/lib/errors'
import type { Prisma } from '@/lib/generated/prisma/client'
import { readDb } from '@/lib/db'
import { can } from '@/lib/permissions'
import type { SessionUser } from '@/lib/session-user'
import type { AuditFilter } from '@/lib/validations/audit'
import { formatMonth } from '@/lib/format'
import { quarterLabel } from '@/lib/reporting/periods'
import { auditFieldLabel, auditFieldsInOrder, auditRefIds, auditRefKey, auditTargetGrid, auditValue, message, type AuditLang, type AuditRefKind } from '@/lib/audit-values'
import { auditChanges, auditSubject } from '@/lib/audit-text'
import { THRESHOLDS_KEY } from '@/lib/data/settings'
import { REPORTING_START_KEY } from '@/lib/reporting/start'

export const AUDIT_PAGE_SIZE = 50

const auditSelect = {
  id: true, createdAt: true, userId: true, username: true, role: true, action: true, entity: true, entityId: true, before: true, after: true, ip: true,
} satisfies Prisma.AuditLogSelect

function assertAuditor(user: SessionUser) {
  if (!can(user.role, 'audit.read')) throw new AppError('FORBIDDEN')
}

/**
 * The records that are parts of a cooperative, each audited under its own id: a cooperative's history
 * (its "Riwayat") includes them, found by the `cooperativeId` their snapshots carry (a book year's figures
 * changed are the cooperative's story; walkers looked for them there).
 */
export const COOPERATIVE_PARTS = ['CooperativeYear', 'HealthAssessment']

/** One record's rows; a cooperative's with its parts'. */
function recordWhere(entity: string | undefined, record: string): Prisma.AuditLogWhereInput {
  if (entity !== 'Cooperative') return { ...(entity && { entity }), entityId: record }
  return {
    OR: [
      { entity, entityId: record },
      { entity: { in: COOPERATIVE_PARTS }, OR: [{ after: { path: ['cooperativeId'], equals: record } }, { before: { path: ['cooperativeId'], equals: record } }] },
    ],
  }
}

/** Dates are whole days in Jakarta time: `to` includes that whole day. */
function whereOf(f: AuditFilter): Prisma.AuditLogWhereInput {
  return {
    ...(f.user && { userId: f.user }),
    ...(f.record ? recordWhere(f.entity, f.record) : f.entity && { entity: f.entity }),
    ...(f.action && { action: f.action }),
    ...((f.from || f.to) && {
      createdAt: {
        ...(f.from && { gte: new Date(`${f.from}T00:00:00+07:00`) }),
        ...(f.to && { lt: new Date(new Date(`${f.to}T00:00:00+07:00`).getTime() + 86_400_000) }),
      },
    }),
  }
}

/** One page of the audit trail, newest first, with the filter choices that exist in it, and the names of the records its rows are about and point at. */
export async function findAuditLogs({ user, filter, lang = 'id' }: { user: SessionUser; filter: AuditFilter; lang?: AuditLang }) {
  assertAuditor(user)
  const where = whereOf(filter)
  const page = filter.page ?? 1
  const [rows, total, entities, actions, users, clients] = await Promise.all([
    readDb.auditLog.findMany({ where, select: auditSelect, orderBy: { id: 'desc' }, skip: (page - 1) * AUDIT_PAGE_SIZE, take: AUDIT_PAGE_SIZE }),
    readDb.auditLog.count({ where }),
    readDb.auditLog.findMany({ distinct: ['entity'], select: { entity: true }, orderBy: { entity: 'asc' } }),
    readDb.auditLog.findMany({ distinct: ['action'], select: { action: true }, orderBy: { action: 'asc' } }),
    readDb.user.findMany({ select: { id: true, username: true, name: true }, orderBy: { username: 'asc' } }),
    // an API client writes under its own id (lib/api/clients.ts), so it is an actor the filter offers too
    readDb.apiClient.findMany({ select: { id: true, name: true }, orderBy: { name: 'asc' } }),
  ])
  // the record a history is of is named even when none of the page's rows is its own (a demo cooperative
  // whose only rows are its book years', or none yet)
  const named = filter.record && filter.entity ? [...rows, { entity: filter.entity, entityId: filter.record }] : rows
  const { records, refs } = await auditNames(named, lang)
  return { rows, total, page, pageSize: AUDIT_PAGE_SIZE, entities: entities.map((e) => e.entity), actions: actions.map((a) => a.action), users, clients, records, refs }
}

/** `plain`: the record's own name field as it is now (a user's name without the username), for comparing with a snapshot's */
export type AuditRecord = { name: string; plain?: string; report?: { regencyCode: string; year: number; quarter: number } }

type AuditRow = { entity: string; entityId: string | null; before?: unknown; after?: unknown }

/**
 * The names a page of the trail needs, read now in one query per kind of record (never one per row):
 * - records, keyed `Entity:id`: what each row is about (a claim is "BPR Jatim · Oktober 2026", a report
 *   "Kabupaten Jombang · Triwulan IV 2026", a target grid "Koperasi terdaftar 2027"); a deleted record falls
 *   back to its snapshot's name;
 * - refs, keyed `kind:id` (lib/audit-values.ts): the records the rows' fields point at (a follow-up's
 *   meeting, a participant's bank, an outcome's programme, any regency), shown by name.
 * A kind of record both named and pointed at (a meeting, a user) is read in the same query.
 */
export async function auditNames(rows: AuditRow[], lang: AuditLang = 'id'): Promise<{ records: Map<string, AuditRecord>; refs: Map<string, string> }> {
  const linked = auditRefIds(rows.map((r) => ({ entity: r.entity, entityId: r.entityId, before: r.before ?? null, after: r.after ?? null })))
  const ids = (entity: string) => rows.filter((r) => r.entity === entity && r.entityId).map((r) => r.entityId!)
  const wanted = (kind: AuditRefKind | null, ...entities: string[]) => [...new Set([...entities.flatMap(ids), ...(kind ? linked.get(kind) ?? [] : [])])]
  const grids = new Map(ids('TargetGrid').flatMap((id) => { const g = auditTargetGrid(id); return g ? [[id, g] as const] : [] }))
  const [coopIds, msmeIds, meetingIds, actionIds, programIds, userIds, bankIds, activityIds, indicatorCodes] = [
    wanted('cooperative', 'Cooperative'), wanted('msme', 'Msme'), wanted('meeting', 'Meeting'), wanted('action', 'ActionItem'),
    wanted('program', 'CreditProgram', 'ProgramRate', 'ProgramAllocation'), wanted('user', 'User'), wanted('bank'), wanted('activity', 'Activity'),
    wanted('indicator', 'Indicator'),
  ]
  const [outcomeIds, agendaIds] = [wanted('outcome', 'MeetingOutcome'), wanted('agenda', 'AgendaItem')]
  const only = (kind: AuditRefKind) => [...(linked.get(kind) ?? [])]
  const none = Promise.resolve([])
  const [coops, msmes, meetings, actions, claims, loans, programs, users, reports, banks, activities, indicators, forms, regencies, districts, villages, outcomes, agenda, participants, imports, targets, bookYears] = await Promise.all([
    coopIds.length ? readDb.cooperative.findMany({ where: { id: { in: coopIds } }, select: { id: true, name: true } }) : none,
    msmeIds.length ? readDb.msme.findMany({ where: { id: { in: msmeIds } }, select: { id: true, businessName: true } }) : none,
    meetingIds.length ? readDb.meeting.findMany({ where: { id: { in: meetingIds } }, select: { id: true, title: true } }) : none,
    actionIds.length ? readDb.actionItem.findMany({ where: { id: { in: actionIds } }, select: { id: true, title: true } }) : none,
    ids('SubsidyClaim').length ? readDb.subsidyClaim.findMany({ where: { id: { in: ids('SubsidyClaim') } }, select: { id: true, month: true, bank: { select: { shortName: true } } } }) : none,
    ids('Disbursement').length ? readDb.disbursement.findMany({ where: { id: { in: ids('Disbursement') } }, select: { id: true, accountNumber: true, msme: { select: { businessName: true } } } }) : none,
    programIds.length ? readDb.creditProgram.findMany({ where: { id: { in: programIds } }, select: { id: true, name: true } }) : none,
    userIds.length ? readDb.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true, username: true } }) : none,
    ids('QuarterlyReport').length ? readDb.quarterlyReport.findMany({ where: { id: { in: ids('QuarterlyReport') } }, select: { id: true, year: true, quarter: true, regencyCode: true, regency: { select: { name: true } } } }) : none,
    bankIds.length ? readDb.bank.findMany({ where: { id: { in: bankIds } }, select: { id: true, shortName: true } }) : none,
    activityIds.length ? readDb.activity.findMany({ where: { id: { in: activityIds } }, select: { id: true, title: true } }) : none,
    indicatorCodes.length || grids.size ? readDb.indicator.findMany({ where: { code: { in: [...new Set([...indicatorCodes, ...[...grids.values()].map((g) => g.indicatorCode)])] } }, select: { code: true, name: true, nameEn: true } }) : none,
    only('form').length ? readDb.reportForm.findMany({ where: { code: { in: only('form') } }, select: { code: true, name: true, nameEn: true } }) : none,
    only('regency').length ? readDb.regency.findMany({ where: { code: { in: only('regency') } }, select: { code: true, name: true } }) : none,
    only('district').length ? readDb.district.findMany({ where: { code: { in: only('district') } }, select: { code: true, name: true } }) : none,
    only('village').length ? readDb.village.findMany({ where: { code: { in: only('village') } }, select: { code: true, name: true } }) : none,
    outcomeIds.length ? readDb.meetingOutcome.findMany({ where: { id: { in: outcomeIds } }, select: { id: true, text: true, meeting: { select: { title: true } } } }) : none,
    agendaIds.length ? readDb.agendaItem.findMany({ where: { id: { in: agendaIds } }, select: { id: true, title: true, meeting: { select: { title: true } } } }) : none,
    ids('MeetingParticipant').length ? readDb.meetingParticipant.findMany({ where: { id: { in: ids('MeetingParticipant') } }, select: { id: true, name: true, meeting: { select: { title: true } } } }) : none,
    ids('DataImport').length ? readDb.dataImport.findMany({ where: { id: { in: ids('DataImport') } }, select: { id: true, fileName: true } }) : none,
    ids('ProgrammeTarget').length ? readDb.programmeTarget.findMany({ where: { id: { in: ids('ProgrammeTarget') } }, select: { id: true, name: true } }) : none,
    ids('CooperativeYear').length ? readDb.cooperativeYear.findMany({ where: { id: { in: ids('CooperativeYear') } }, select: { id: true, year: true, cooperative: { select: { name: true } } } }) : none,
  ])
  const records = new Map<string, AuditRecord>()
  const refs = new Map<string, string>()
  const ref = (kind: AuditRefKind, id: string, name: string) => refs.set(auditRefKey(kind, id), name)
  for (const c of coops) { records.set(`Cooperative:${c.id}`, { name: c.name, plain: c.name }); ref('cooperative', c.id, c.name) }
  for (const m of msmes) { records.set(`Msme:${m.id}`, { name: m.businessName, plain: m.businessName }); ref('msme', m.id, m.businessName) }
  for (const m of meetings) { records.set(`Meeting:${m.id}`, { name: m.title, plain: m.title }); ref('meeting', m.id, m.title) }
  for (const a of actions) { records.set(`ActionItem:${a.id}`, { name: a.title, plain: a.title }); ref('action', a.id, a.title) }
  for (const c of claims) records.set(`SubsidyClaim:${c.id}`, { name: `${c.bank.shortName} · ${formatMonth(c.month, { locale: lang })}` })
  for (const d of loans) records.set(`Disbursement:${d.id}`, { name: `${d.accountNumber} · ${d.msme.businessName}` })
  for (const p of programs) {
    for (const e of ['CreditProgram', 'ProgramRate', 'ProgramAllocation']) records.set(`${e}:${p.id}`, { name: p.name })
    ref('program', p.id, p.name)
  }
  for (const u of users) { records.set(`User:${u.id}`, { name: `${u.name} (${u.username})`, plain: u.name }); ref('user', u.id, `${u.name} (${u.username})`) }
  for (const r of reports) records.set(`QuarterlyReport:${r.id}`, { name: `${r.regency.name} · ${quarterLabel(r.quarter, lang)} ${r.year}`, report: { regencyCode: r.regencyCode, year: r.year, quarter: r.quarter } })
  for (const b of banks) ref('bank', b.id, b.shortName)
  for (const a of activities) { records.set(`Activity:${a.id}`, { name: a.title, plain: a.title }); ref('activity', a.id, a.title) }
  const indicatorName = new Map(indicators.map((i) => [i.code, lang === 'en' ? i.nameEn || i.name : i.name]))
  // `plain`: the Indonesian name, as the indicator's audit snapshots hold it
  const indicatorPlain = new Map(indicators.map((i) => [i.code, i.name]))
  for (const [code, name] of indicatorName) { records.set(`Indicator:${code}`, { name, plain: indicatorPlain.get(code) }); ref('indicator', code, name) }
  for (const f of forms) ref('form', f.code, lang === 'en' ? f.nameEn || f.name : f.name)
  for (const [id, g] of grids) records.set(`TargetGrid:${id}`, { name: `${indicatorName.get(g.indicatorCode) ?? g.indicatorCode} ${g.year}` })
  for (const r of regencies) ref('regency', r.code, r.name)
  for (const d of districts) ref('district', d.code, d.name)
  for (const v of villages) ref('village', v.code, v.name)
  // a meeting's parts are named with their meeting: an attendance change's row holds only the attendance
  // ("mengubah peserta rapat" had named nobody), and the same name sits on many meetings' lists
  // an outcome is its text: a sentence, cut to a name's length
  for (const o of outcomes) {
    const text = o.text.length > 80 ? `${o.text.slice(0, 80)}…` : o.text
    records.set(`MeetingOutcome:${o.id}`, { name: `${text} · ${o.meeting.title}` })
    ref('outcome', o.id, text)
  }
  for (const a of agenda) { records.set(`AgendaItem:${a.id}`, { name: `${a.title} · ${a.meeting.title}`, plain: a.title }); ref('agenda', a.id, a.title) }
  for (const p of participants) records.set(`MeetingParticipant:${p.id}`, { name: `${p.name} · ${p.meeting.title}`, plain: p.name })
  for (const i of imports) records.set(`DataImport:${i.id}`, { name: i.fileName })
  // a programme target by its name ("10 KSP sehat"), not its id
  for (const t of targets) records.set(`ProgrammeTarget:${t.id}`, { name: t.name, plain: t.name })
  // a book year by its cooperative and year ("KSP Maju · tahun buku 2024"): its snapshot holds only figures and ids, and
  // its history had been headed by its raw id. A deleted year, no longer read, by its snapshot's cooperative and year
  // (the cooperative's name read with the page's others: its snapshot's cooperativeId is a reference, auditRefIds)
  const bookYear = (cooperative: string, year: number) => `${cooperative} · ${(message(lang, 'auditLog.bookYear') ?? '{year}').replace('{year}', String(year))}`
  for (const y of bookYears) records.set(`CooperativeYear:${y.id}`, { name: bookYear(y.cooperative.name, y.year) })
  for (const r of rows) {
    const key = `CooperativeYear:${r.entityId}`
    if (r.entity !== 'CooperativeYear' || !r.entityId || records.has(key)) continue
    const snapshot = (r.after ?? r.before) as { cooperativeId?: unknown; year?: unknown } | null | undefined
    const cooperative = typeof snapshot?.cooperativeId === 'string' ? coops.find((c) => c.id === snapshot.cooperativeId)?.name : undefined
    if (cooperative && typeof snapshot?.year === 'number') records.set(key, { name: bookYear(cooperative, snapshot.year) })
  }
  // a setting and a quarter's deadline are named by what they are, without a query ("mengubah pengaturan Ambang
  // status", "periode pelaporan Triwulan II 2027"; they had read "mengubah pengaturan" and nothing more)
  for (const [key, path] of [[THRESHOLDS_KEY, 'config.tabs.thresholds'], [REPORTING_START_KEY, 'config.deadlines.start']] as const) {
    if (ids('Setting').includes(key)) records.set(`Setting:${key}`, { name: message(lang, path) ?? key })
  }
  for (const id of ids('ReportingPeriod')) {
    const m = /^(\d{4})-([1-4])$/.exec(id)
    if (m) records.set(`ReportingPeriod:${id}`, { name: `${quarterLabel(Number(m[2]), lang)} ${m[1]}` })
  }
  return { records, refs }
}

/** Names are read for this many rows at a time: one query per kind of record each, its id list well under PostgreSQL's bind limit. */
const EXPORT_NAME_CHUNK = 5_000

/**
 * The filtered trail for export (newest first, capped to keep a download sane), each row with the words the page
 * shows: what it is about (`subject`, as named then, with its name now when renamed) and its changes as text
 * ("Nama usaha: Warung Bu Sri → Warung Sri Rejeki"), beside the stored JSON kept as the forensic copy (a walk's
 * auditor read only raw JSON and ids).
 */
export async function exportAuditLogs({ user, filter }: { user: SessionUser; filter: AuditFilter }) {
  assertAuditor(user)
  const rows = await readDb.auditLog.findMany({ where: whereOf(filter), select: auditSelect, orderBy: { id: 'desc' }, take: 100_000 })
  const out: (typeof rows[number] & { subject: string | null; changes: string | null })[] = []
  for (let i = 0; i < rows.length; i += EXPORT_NAME_CHUNK) {
    const chunk = rows.slice(i, i + EXPORT_NAME_CHUNK)
    const { records, refs } = await auditNames(chunk, 'id')
    for (const r of chunk) {
      const { name, now } = auditSubject(r.entityId ? records.get(`${r.entity}:${r.entityId}`) : undefined, r.before, r.after)
      const changes = auditFieldsInOrder(r.entity, auditChanges(r.before, r.after)).map((c) => {
        const shown = (v: unknown) => auditValue(r.entity, c.field, v, 'id', refs)
        return `${auditFieldLabel(r.entity, c.field, 'id', refs)}: ${r.before && r.after ? `${shown(c.before)} → ${shown(c.after)}` : shown(r.after ? c.after : c.before)}`
      })
      // a spreadsheet cell holds at most 32.767 characters: a longer list is cut, the JSON beside it stays whole
      const text = changes.join('\n')
      out.push({ ...r, subject: name && now ? `${name} (kini: ${now})` : name, changes: !changes.length ? null : text.length > 32_000 ? `${text.slice(0, 32_000)}…` : text })
    }
  }
  return out
}
