'use server'

import { revalidatePath } from 'next/cache'
import { db } from '@/lib/db'
import { writeAudit } from '@/lib/audit'
import { transition } from '@/lib/transitions'
import { newToken } from '@/lib/api/clients'
import { ActionError, authAction } from '@/lib/safe-action'
import type { SessionUser } from '@/lib/session-user'
import { apiClientRevokeSchema, apiClientSchema } from '@/lib/validations/api-clients'

const actor = (u: SessionUser) => ({ id: u.id, username: u.username, role: u.role })
const auditSelect = { id: true, name: true, owner: true, role: true, regencyCode: true, bankId: true, tokenPrefix: true, expiresAt: true, revokedAt: true, rateLimitPerMinute: true } as const

/**
 * Create an API client and its token. The token is returned once (shown on the page, never stored: only
 * its SHA-256 is kept); the client acts with its role's permissions within its regency or bank.
 */
export const createApiClient = authAction('users.manage', apiClientSchema, async (input, user) => {
  // the expiry's range is the schema's (lib/validations/api-clients.ts), checked with the other fields
  const [regency, bank] = await Promise.all([
    input.regencyCode ? db.regency.findUnique({ where: { code: input.regencyCode }, select: { code: true } }) : null,
    input.bankId ? db.bank.findUnique({ where: { id: input.bankId }, select: { id: true } }) : null,
  ])
  const unknown = {
    ...(input.regencyCode && !regency && { regencyCode: ['Kabupaten/kota tidak dikenal.'] }),
    ...(input.bankId && !bank && { bankId: ['Bank tidak dikenal.'] }),
  }
  if (Object.keys(unknown).length) throw new ActionError(Object.values(unknown)[0][0], unknown)
  const { token, hash, prefix } = newToken()
  const created = await db.$transaction(async (tx) => {
    const row = await tx.apiClient.create({
      data: {
        name: input.name, owner: input.owner, role: input.role, regencyCode: input.regencyCode, bankId: input.bankId, tokenHash: hash, tokenPrefix: prefix,
        // valid through the whole expiry day, Jakarta time (UTC+7)
        expiresAt: new Date(`${input.expiresOn}T23:59:59.999+07:00`), createdById: user.id,
      },
      select: auditSelect,
    })
    await writeAudit(tx, actor(user), { action: 'CREATE', entity: 'ApiClient', entityId: row.id, after: row })
    return row
  })
  revalidatePath('/pengguna/klien-api')
  return { ok: true, message: `Klien API ${created.name} dibuat. Salin tokennya sekarang: token tidak dapat ditampilkan lagi.`, data: { token, id: created.id } }
})

/** Revoke a client's token at once (every later request answers 401); audited. */
export const revokeApiClient = authAction('users.manage', apiClientRevokeSchema, async (input, user) => {
  await db.$transaction(async (tx) => {
    const before = await tx.apiClient.findUnique({ where: { id: input.id }, select: auditSelect })
    if (!before) throw new ActionError('Klien API tidak ditemukan.', undefined, 'NOT_FOUND')
    // once: a second revoke (another admin, a second tab) is told who revoked it and when (lib/transitions.ts)
    await transition(tx, {
      entity: 'ApiClient', entityId: input.id, label: 'Token klien ini',
      update: () => tx.apiClient.updateMany({ where: { id: input.id, revokedAt: null }, data: { revokedAt: new Date(), revokedById: user.id } }),
    })
    const after = await tx.apiClient.findUniqueOrThrow({ where: { id: input.id }, select: auditSelect })
    await writeAudit(tx, actor(user), { action: 'DEACTIVATE', entity: 'ApiClient', entityId: input.id, before, after })
  })
  revalidatePath('/pengguna/klien-api')
  return { ok: true, message: 'Token dicabut; permintaan berikutnya dengan token ini ditolak (401).' }
})
