/**
 * Row scope by role, for the WHERE clause of every read and aggregate: a district officer sees its
 * regency, a bank officer its bank; admin and leadership see the province. One place, so no list or
 * figure can forget it.
 */
import type { SessionUser } from '@/lib/session-user'

export class ScopeError extends Error {}

/** `{ regencyCode }` for a district officer, `{}` for roles that see every regency. */
export function regencyScope(user: Pick<SessionUser, 'role' | 'regencyCode'>): { regencyCode?: string } {
  if (user.role === 'DISTRICT_OFFICER') {
    if (!user.regencyCode) throw new ScopeError('Petugas kabupaten/kota tanpa kabupaten/kota')
    return { regencyCode: user.regencyCode }
  }
  return {}
}

/** `{ bankId }` for a bank officer, `{}` for roles that see every bank. */
export function bankScope(user: Pick<SessionUser, 'role' | 'bankId'>): { bankId?: string } {
  if (user.role === 'BANK_OFFICER') {
    if (!user.bankId) throw new ScopeError('Petugas bank tanpa bank')
    return { bankId: user.bankId }
  }
  return {}
}

/** Whether the user may touch a record of this regency (writes check this before any change). */
export function inRegencyScope(user: Pick<SessionUser, 'role' | 'regencyCode'>, regencyCode: string | null | undefined): boolean {
  const scope = regencyScope(user)
  return scope.regencyCode === undefined || scope.regencyCode === regencyCode
}
