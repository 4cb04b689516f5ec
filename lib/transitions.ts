import 'server-only'
import type { Prisma } from '@/lib/generated/prisma/client'
import { formatDateTime } from '@/lib/format'
import { ActionError } from '@/lib/errors'

/**
 * The one pattern for a workflow step that two people can take at once (approve, return, pay, submit,
 * reopen, a follow-up's progress): inside the caller's transaction, `update` is an `updateMany` whose WHERE
 * holds the id, the state(s) the step starts from and the version the user saw, so it changes exactly one
 * row or none. PostgreSQL makes a concurrent second UPDATE of the row wait for the first to commit and
 * then re-check its WHERE against the new row, so of two racing steps exactly one lands; the other gets a
 * CONFLICT naming who changed the record and when, and its transaction (lines, payments, audit row) rolls
 * back with nothing written.
 */
export async function transition(
  tx: Prisma.TransactionClient,
  step: {
    /** the audit trail's entity name, where the winner's change is recorded (several: the latest of them, e.g. a
     * programme's version moves with its settings and its allocations) */
    entity: string | string[]
    entityId: string
    /** how the message names the record: 'Klaim', 'Laporan' */
    label: string
    update: () => Promise<{ count: number }>
    /** the action draws the page again with its refusal (revalidatePath): the loser is told to check it, not to reload */
    refreshed?: boolean
    /** a form whose typing stays in its fields after the refusal: the loser is told that reloading replaces it */
    typed?: boolean
  },
): Promise<void> {
  const { count } = await step.update()
  if (count === 1) return
  throw await conflictError(tx, step.entity, step.entityId, step.label, { refreshed: step.refreshed, typed: step.typed })
}

/** "Klaim sudah diubah oleh Admin Dinas pada 2 Desember 2026 09.15; muat ulang halaman." from the audit trail. */
export async function conflictError(tx: Prisma.TransactionClient, entity: string | string[], entityId: string, label: string, options: { refreshed?: boolean; typed?: boolean } = {}): Promise<ActionError> {
  const last = await lastChange(tx, entity, entityId)
  if (!last) return new ActionError(`${label} tidak ditemukan atau sudah berubah; muat ulang halaman.`, undefined, 'CONFLICT')
  const { who, when } = last
  return new ActionError(options.refreshed
    ? `${label} sudah diubah oleh ${who} pada ${when}; perubahan Anda tidak disimpan, dan halaman kini menampilkan keadaan terbarunya.`
    // a long form (a quarterly report): "reload" alone had thrown away what was typed, which still stands in the fields;
    // the save stays refused (the version the writer saw is the condition), the writer is told what reloading costs
    : options.typed
      ? `${label} sudah diubah oleh ${who} pada ${when}. Isian Anda masih ada di formulir, tetapi memuat ulang halaman menggantinya dengan versi tersimpan: catat dulu isian yang ingin dipertahankan, lalu muat ulang halaman dan isi kembali.`
      : `${label} sudah diubah oleh ${who} pada ${when}; muat ulang halaman, lalu ulangi.`, undefined, 'CONFLICT')
}

/** Who last changed a record (by `action`, or any) and when, from the audit trail, as a refusal names them; null when none is recorded. */
export async function lastChange(client: Pick<Prisma.TransactionClient, 'auditLog' | 'user'>, entity: string | string[], entityId: string, action?: string): Promise<{ who: string; when: string } | null> {
  const last = await client.auditLog.findFirst({
    where: { entity: typeof entity === 'string' ? entity : { in: entity }, entityId, ...(action && { action }) },
    select: { username: true, userId: true, createdAt: true },
    orderBy: { id: 'desc' },
  })
  if (!last) return null
  const who = last.userId ? ((await client.user.findUnique({ where: { id: last.userId }, select: { name: true } }))?.name ?? last.username) : last.username
  return { who, when: formatDateTime(last.createdAt) }
}
