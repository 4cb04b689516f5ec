import 'server-only'
import { db } from '@/lib/db'
import { AppError } from '@/lib/errors'
import { can } from '@/lib/permissions'
import type { SessionUser } from '@/lib/session-user'

/** Every API client with its scope and last use, newest first (admins only; the token itself is never kept). */
export async function findApiClients({ user }: { user: SessionUser }) {
  if (!can(user.role, 'users.manage')) throw new AppError('FORBIDDEN')
  return db.apiClient.findMany({
    select: {
      id: true, name: true, owner: true, role: true, tokenPrefix: true, expiresAt: true, revokedAt: true, lastUsedAt: true, lastUsedIp: true, rateLimitPerMinute: true, createdAt: true,
      regency: { select: { code: true, name: true } },
      bank: { select: { id: true, shortName: true } },
    },
    orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
    take: 500,
  })
}
