import 'server-only'
import { AppError } from '@/lib/errors'
import type { Prisma } from '@/lib/generated/prisma/client'
import { readDb } from '@/lib/db'
import { can } from '@/lib/permissions'
import type { SessionUser } from '@/lib/session-user'
import type { AuditFilter } from '@/lib/validations/audit'
import { formatMonth } from '@/lib/format'
import { quarterLabel } from '@/lib/reporting/periods'

export const AUDIT_PAGE_SIZE = 50

const auditSelect = {
  id: true, createdAt: true, userId: true, username: true, role: true, action: true, entity: true, entityId: true, before: true, after: true, ip: true,
} satisfies Prisma.AuditLogSelect

function assertAuditor(user: SessionUser) {
  if (!can(user.role, 'audit.read')) throw new AppError('FORBIDDEN')
}

/** Dates are whole days in Jakarta time: `to` includes that whole day. */
function whereOf(f: AuditFilter): Prisma.AuditLogWhereInput {
  return {
    ...(f.user && { userId: f.user }),
    ...(f.entity && { entity: f.entity }),
    ...(f.action && { action: f.action }),
    ...(f.record && { entityId: f.record }),
    ...((f.from || f.to) && {
      createdAt: {
        ...(f.from && { gte: new Date(`${f.from}T00:00:00+07:00`) }),
        ...(f.to && { lt: new Date(new Date(`${f.to}T00:00:00+07:00`).getTime() + 86_400_000) }),
      },
    }),
  }
}

/** One page of the audit trail, newest first, with the filter choices that exist in it. */
export async function findAuditLogs({ user, filter }: { user: SessionUser; filter: AuditFilter }) {
  assertAuditor(user)
  const where = whereOf(filter)
  const page = filter.page ?? 1
  const [rows, total, entities, actions, users] = await Promise.all([
    readDb.auditLog.findMany({ where, select: auditSelect, orderBy: { id: 'desc' }, skip: (page - 1) * AUDIT_PAGE_SIZE, take: AUDIT_PAGE_SIZE }),
    readDb.auditLog.count({ where }),
    readDb.auditLog.findMany({ distinct: ['entity'], select: { entity: true }, orderBy: { entity: 'asc' } }),
    readDb.auditLog.findMany({ distinct: ['action'], select: { action: true }, orderBy: { action: 'asc' } }),
    readDb.user.findMany({ select: { id: true, username: true, name: true }, orderBy: { username: 'asc' } }),
  ])
  return { rows, total, page, pageSize: AUDIT_PAGE_SIZE, entities: entities.map((e) => e.entity), actions: actions.map((a) => a.action), users, records: await auditRecords(rows) }
}

export type AuditRecord = { name: string; report?: { regencyCode: string; year: number; quarter: number } }

/**
 * The names of the records a page of the trail is about, read now (one query per kind of record on
 * the page, never one per row): a claim is "BPR Jatim · Oktober 2026", a report "Kabupaten Jombang
 * · Triwulan IV 2026". Keyed `Entity:id`; a deleted record falls back to its snapshot's name.
 */
export async function auditRecords(rows: { entity: string; entityId: string | null }[]): Promise<Map<string, AuditRecord>> {
  const ids = (entity: string) => [...new Set(rows.filter((r) => r.entity === entity && r.entityId).map((r) => r.entityId!))]
  const programIds = [...new Set([...ids('CreditProgram'), ...ids('ProgramRate'), ...ids('ProgramAllocation')])]
  const none = Promise.resolve([])
  const [coops, msmes, meetings, actions, claims, loans, programs, users, reports] = await Promise.all([
    ids('Cooperative').length ? readDb.cooperative.findMany({ where: { id: { in: ids('Cooperative') } }, select: { id: true, name: true } }) : none,
    ids('Msme').length ? readDb.msme.findMany({ where: { id: { in: ids('Msme') } }, select: { id: true, businessName: true } }) : none,
    ids('Meeting').length ? readDb.meeting.findMany({ where: { id: { in: ids('Meeting') } }, select: { id: true, title: true } }) : none,
    ids('ActionItem').length ? readDb.actionItem.findMany({ where: { id: { in: ids('ActionItem') } }, select: { id: true, title: true } }) : none,
    ids('SubsidyClaim').length ? readDb.subsidyClaim.findMany({ where: { id: { in: ids('SubsidyClaim') } }, select: { id: true, month: true, bank: { select: { shortName: true } } } }) : none,
    ids('Disbursement').length ? readDb.disbursement.findMany({ where: { id: { in: ids('Disbursement') } }, select: { id: true, accountNumber: true, msme: { select: { businessName: true } } } }) : none,
    programIds.length ? readDb.creditProgram.findMany({ where: { id: { in: programIds } }, select: { id: true, name: true } }) : none,
    ids('User').length ? readDb.user.findMany({ where: { id: { in: ids('User') } }, select: { id: true, name: true, username: true } }) : none,
    ids('QuarterlyReport').length ? readDb.quarterlyReport.findMany({ where: { id: { in: ids('QuarterlyReport') } }, select: { id: true, year: true, quarter: true, regencyCode: true, regency: { select: { name: true } } } }) : none,
  ])
  const out = new Map<string, AuditRecord>()
  for (const c of coops) out.set(`Cooperative:${c.id}`, { name: c.name })
  for (const m of msmes) out.set(`Msme:${m.id}`, { name: m.businessName })
  for (const m of meetings) out.set(`Meeting:${m.id}`, { name: m.title })
  for (const a of actions) out.set(`ActionItem:${a.id}`, { name: a.title })
  for (const c of claims) out.set(`SubsidyClaim:${c.id}`, { name: `${c.bank.shortName} · ${formatMonth(c.month)}` })
  for (const d of loans) out.set(`Disbursement:${d.id}`, { name: `${d.accountNumber} · ${d.msme.businessName}` })
  for (const p of programs) for (const e of ['CreditProgram', 'ProgramRate', 'ProgramAllocation']) out.set(`${e}:${p.id}`, { name: p.name })
  for (const u of users) out.set(`User:${u.id}`, { name: `${u.name} (${u.username})` })
  for (const r of reports) out.set(`QuarterlyReport:${r.id}`, { name: `${r.regency.name} · ${quarterLabel(r.quarter as 1)} ${r.year}`, report: { regencyCode: r.regencyCode, year: r.year, quarter: r.quarter } })
  return out
}

/** The filtered trail for export (newest first, capped to keep a download sane). */
export async function exportAuditLogs({ user, filter }: { user: SessionUser; filter: AuditFilter }) {
  assertAuditor(user)
  return readDb.auditLog.findMany({ where: whereOf(filter), select: auditSelect, orderBy: { id: 'desc' }, take: 100_000 })
}
