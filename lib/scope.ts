/**
 * Row scope by role, for the WHERE clause of every read and aggregate: a district officer sees its
 * regency, a bank officer its bank; admin and leadership see the province. One place, so no list or
 * figure can forget it: `regencyScope`/`bankScope` for Prisma where inputs, `resolveFigureScope` for
 * every credit figure, dashboard page and export (the programme, regency, bank and as-of day a user may
 * read, with the SQL condition on the programme's loans).
 */
import 'server-only'
import { cache } from 'react'
import { Prisma } from '@/lib/generated/prisma/client'
import { readDb } from '@/lib/db'
import { effectiveAsOf } from '@/lib/dashboard/period'
import { AppError } from '@/lib/errors'
import { cachedFigures, requestSnapshot } from '@/lib/figure-cache'
import { can } from '@/lib/permissions'
import { isIsoDate } from '@/lib/parse'
import type { SessionUser } from '@/lib/session-user'

/**
 * A refusal of scope, kept for the readers that throw it by message ('not-found' → NOT_FOUND,
 * anything else → FORBIDDEN); it is an AppError, so every page, route and action answers it alike.
 */
export class ScopeError extends AppError {
  constructor(message = 'forbidden') {
    super(message === 'not-found' ? 'NOT_FOUND' : 'FORBIDDEN', message)
  }
}

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

// ── Figures ─────────────────────────────────────────────────────────────────────────────────────────

const programHeaderSelect = {
  id: true, code: true, scheme: true, name: true, year: true, creditTarget: true, beneficiaryTarget: true, subsidyCeiling: true,
  borrowerRate: true, maxPlafond: true, maxTenorMonths: true,
} satisfies Prisma.CreditProgramSelect
export type ProgramHeader = Prisma.CreditProgramGetPayload<{ select: typeof programHeaderSelect }>

/**
 * A programme's header and the banks that lend in it: read once per request, whatever reads it, and kept
 * across requests by the snapshot-keyed cache (lib/figure-cache.ts: any commit changes the key), since every
 * dashboard, figure and export request reads it and it changes a few times a year; `resolve` below has read
 * the request's snapshot first, as the cache requires.
 */
const programWithBanks = cache(async (programId: string) =>
  cachedFigures('programme-header', [programId], () =>
    readDb.creditProgram.findUnique({ where: { id: programId }, select: { ...programHeaderSelect, banks: { select: { bankId: true } } } }),
  ),
)

/** What a figure is read for: a programme, optionally one regency and one bank, as of a day. */
export type FigureRequest = {
  programId: string
  regencyCode?: string
  bankId?: string
  /** YYYY-MM-DD: figures as they stood at the end of this day (default: today, capped to the programme year) */
  asOf?: string
}

/** A figure request after the user's scope is applied: what every figure function reads with. */
export type FigureScope = {
  program: ProgramHeader
  programId: string
  year: number
  scheme: string
  regencyCode?: string
  bankId?: string
  asOf: string
  /** `AND …` conditions on a `disbursements d` row for the regency and bank (empty for the province) */
  loans: Prisma.Sql
}


/**
 * Apply the user's scope to a figure request, once per request for the same arguments (React
 * `cache()`: the figures of a page and its cards share one resolution and one programme read).
 * Refuses with one AppError: FORBIDDEN for another regency (a district officer), NOT_FOUND for a
 * programme that does not exist or that the bank officer's bank does not lend in (a bank officer may
 * not learn other programmes' targets and rates). A bank officer is always pinned to its bank.
 */
const resolve = cache(async (user: SessionUser, programId: string, regencyCode: string, bankId: string, asOf: string): Promise<FigureScope> => {
  if (!can(user.role, 'credit.read')) throw new AppError('FORBIDDEN')
  const regency = regencyCode || undefined
  if (regency && regencyScope(user).regencyCode !== undefined && regency !== user.regencyCode) throw new AppError('FORBIDDEN')
  const bank = bankScope(user).bankId ?? (bankId || undefined)
  // the request's database snapshot before anything a figure shows is read (lib/figure-cache.ts): the
  // programme below and every figure after it are at least as new as the key of a cached figure set
  await requestSnapshot()
  const found = await programWithBanks(programId)
  if (!found) throw new AppError('NOT_FOUND')
  // a bank that does not lend in the programme (a bank officer's own, or one asked for by URL) is not found, never
  // a page of zeros that looks like a bank with no loans
  if (bank && !found.banks.some((b) => b.bankId === bank)) throw new AppError('NOT_FOUND')
  const program: ProgramHeader = {
    id: found.id, code: found.code, scheme: found.scheme, name: found.name, year: found.year, creditTarget: found.creditTarget, beneficiaryTarget: found.beneficiaryTarget,
    subsidyCeiling: found.subsidyCeiling, borrowerRate: found.borrowerRate, maxPlafond: found.maxPlafond, maxTenorMonths: found.maxTenorMonths,
  }
  const conditions = [regency ? Prisma.sql`d.regency_code = ${regency}` : null, bank ? Prisma.sql`d.bank_id = ${bank}` : null].filter((c): c is Prisma.Sql => c !== null)
  return {
    program,
    programId: program.id,
    year: program.year,
    scheme: program.scheme,
    regencyCode: regency,
    bankId: bank,
    asOf: effectiveAsOf(program.year, isIsoDate(asOf) ? asOf : undefined),
    loans: conditions.length ? Prisma.sql`AND ${Prisma.join(conditions, ' AND ')}` : Prisma.empty,
  }
})

/** The scope every credit figure, dashboard page and export reads with (see `resolve` above). */
export function resolveFigureScope(user: SessionUser, f: FigureRequest): Promise<FigureScope> {
  return resolve(user, f.programId, f.regencyCode ?? '', f.bankId ?? '', f.asOf ?? '')
}
