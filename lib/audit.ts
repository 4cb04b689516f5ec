import 'server-only'
import type { Prisma } from '@/lib/generated/prisma/client'
import { clientIp } from '@/lib/client-ip'
import { copyLine, db, transactionCanCopy, transactionCopy, transactionSql } from '@/lib/db'

export type AuditAction =
  | 'CREATE' | 'UPDATE' | 'DELETE' | 'RESTORE'
  | 'SUBMIT' | 'APPROVE' | 'RETURN' | 'REOPEN' | 'VERIFY' | 'PAY'
  | 'DEACTIVATE' | 'REACTIVATE' | 'PASSWORD_RESET' | 'PASSWORD_CHANGE'
  | 'SIGN_IN' | 'SIGN_IN_FAILED' | 'SIGN_OUT_EVERYWHERE' | 'REVEAL' | 'EXPORT' | 'IMPORT'

export type AuditActor = { id: string | null; username: string; role: string }

/** Fields never copied into the audit trail. */
const SECRET_FIELDS = new Set(['passwordHash', 'password'])

/** How a record becomes the trail's JSON: Decimal and BigInt as strings, dates as ISO, secrets dropped. */
function auditReplacer(key: string, v: unknown): unknown {
  if (SECRET_FIELDS.has(key)) return undefined
  if (typeof v === 'bigint') return v.toString()
  if (v && typeof v === 'object' && v.constructor?.name === 'Decimal') return v.toString()
  return v
}

/** A record as the trail's JSON text (null for none): what writeAudits stores, and an import's planned audit rows (lib/imports/planned.ts). */
export function auditText(value: unknown): string | null {
  return value === undefined || value === null ? null : JSON.stringify(value, auditReplacer)
}

/** A record as plain JSON for the trail: Decimal and BigInt as strings, dates as ISO, secrets dropped. */
export function auditJson(value: unknown): Prisma.InputJsonValue | undefined {
  if (value === undefined || value === null) return undefined
  return JSON.parse(JSON.stringify(value, auditReplacer))
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

export type AuditEntry = { action: AuditAction; entity: string; entityId?: string | null; before?: unknown; after?: unknown }

/**
 * Many audit rows at once inside the caller's transaction (an import's batch): each row exactly as writeAudit
 * writes it (the same JSON of before/after, the same actor and client address), in the order given. By COPY on
 * the transaction's connection where it can (bulk loading, as the records' own COPY in lib/registers/writes.ts),
 * else (behind a pooler) by one INSERT of a JSON document.
 */
export async function writeAudits(tx: Prisma.TransactionClient, actor: AuditActor, entries: AuditEntry[]): Promise<void> {
  if (!entries.length) return
  const ip = await clientIp()
  if (await transactionCanCopy(tx)) {
    return transactionCopy(tx, 'COPY audit_logs (user_id, username, role, action, entity, entity_id, before, after, ip) FROM STDIN',
      entries.map((e) => copyLine([actor.id, actor.username, actor.role, e.action, e.entity, e.entityId ?? null, auditText(e.before), auditText(e.after), ip])).join(''))
  }
  // one JSON document for the whole batch
  const rows = JSON.stringify(entries.map((e) => ({ action: e.action, entity: e.entity, entityId: e.entityId ?? null, before: e.before ?? null, after: e.after ?? null })), auditReplacer)
  await transactionSql(tx, `
    INSERT INTO audit_logs (user_id, username, role, action, entity, entity_id, before, after, ip)
    SELECT $1::text, $2::text, $3::text, e.doc->>'action', e.doc->>'entity', e.doc->>'entityId',
      nullif(e.doc->'before', 'null'::jsonb), nullif(e.doc->'after', 'null'::jsonb), $5::text
    FROM jsonb_array_elements($4::jsonb) WITH ORDINALITY AS e(doc, n)
    ORDER BY e.n`, [actor.id, actor.username, actor.role, rows, ip])
}

/**
 * A download leaves a trace: who took which kind of record, in which format, under which filter, how many
 * rows. Every export of records calls it, so the trail shows who carried personal data (account numbers,
 * NIK, users) out of the app.
 */
export async function auditExport(actor: AuditActor, entry: { entity: string; entityId?: string; after: Record<string, unknown> }): Promise<void> {
  await db.$transaction((tx) => writeAudit(tx, { id: actor.id, username: actor.username, role: actor.role }, { action: 'EXPORT', ...entry }))
}
