import 'server-only'
import type { Prisma } from '@/lib/generated/prisma/client'
import { clientIp } from '@/lib/client-ip'

export type AuditAction =
  | 'CREATE' | 'UPDATE' | 'DELETE' | 'RESTORE'
  | 'SUBMIT' | 'APPROVE' | 'RETURN' | 'REOPEN' | 'VERIFY' | 'PAY'
  | 'DEACTIVATE' | 'REACTIVATE' | 'PASSWORD_RESET' | 'PASSWORD_CHANGE'
  | 'SIGN_IN' | 'SIGN_IN_FAILED' | 'SIGN_OUT_EVERYWHERE' | 'REVEAL' | 'EXPORT' | 'IMPORT'

export type AuditActor = { id: string | null; username: string; role: string }

/** Fields never copied into the audit trail. */
const SECRET_FIELDS = new Set(['passwordHash', 'password'])

/** A record as plain JSON for the trail: Decimal and BigInt as strings, dates as ISO, secrets dropped. */
export function auditJson(value: unknown): Prisma.InputJsonValue | undefined {
  if (value === undefined || value === null) return undefined
  return JSON.parse(
    JSON.stringify(value, (key, v) => {
      if (SECRET_FIELDS.has(key)) return undefined
      if (typeof v === 'bigint') return v.toString()
      if (v && typeof v === 'object' && v.constructor?.name === 'Decimal') return v.toString()
      return v
    }),
  )
}

/**
 * Write one audit row inside the caller's transaction, so the trail and the change commit together
 * (or neither does).
 */
export async function writeAudit(
  tx: Prisma.TransactionClient,
  actor: AuditActor,
  entry: { action: AuditAction; entity: string; entityId?: string | null; before?: unknown; after?: unknown },
): Promise<void> {
  await tx.auditLog.create({
    data: {
      userId: actor.id,
      username: actor.username,
      role: actor.role,
      action: entry.action,
      entity: entry.entity,
      entityId: entry.entityId ?? null,
      before: auditJson(entry.before),
      after: auditJson(entry.after),
      ip: await clientIp(),
    },
  })
}
