import 'server-only'
import { AppError } from '@/lib/errors'
import type { Prisma } from '@/lib/generated/prisma/client'
import { db } from '@/lib/db'
import { can } from '@/lib/permissions'
import type { SessionUser } from '@/lib/session-user'
import type { AuditFilter } from '@/lib/validations/audit'

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
    db.auditLog.findMany({ where, select: auditSelect, orderBy: { id: 'desc' }, skip: (page - 1) * AUDIT_PAGE_SIZE, take: AUDIT_PAGE_SIZE }),
    db.auditLog.count({ where }),
    db.auditLog.findMany({ distinct: ['entity'], select: { entity: true }, orderBy: { entity: 'asc' } }),
    db.auditLog.findMany({ distinct: ['action'], select: { action: true }, orderBy: { action: 'asc' } }),
    db.user.findMany({ select: { id: true, username: true }, orderBy: { username: 'asc' } }),
  ])
  return { rows, total, page, pageSize: AUDIT_PAGE_SIZE, entities: entities.map((e) => e.entity), actions: actions.map((a) => a.action), users }
}

/** The filtered trail for export (newest first, capped to keep a download sane). */
export async function exportAuditLogs({ user, filter }: { user: SessionUser; filter: AuditFilter }) {
  assertAuditor(user)
  return db.auditLog.findMany({ where: whereOf(filter), select: auditSelect, orderBy: { id: 'desc' }, take: 100_000 })
}
