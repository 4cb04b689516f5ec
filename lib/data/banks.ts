import 'server-only'
import { Prisma } from '@/lib/generated/prisma/client'
import { readDb } from '@/lib/db'
import { AppError } from '@/lib/errors'
import { can } from '@/lib/permissions'
import type { SessionUser } from '@/lib/session-user'

/**
 * Reads of the partner-bank screen (admin only): the banks with what refers to each, and one bank with
 * its programme participation (the contract rate in force, disbursements and claims per programme).
 */

function assertAdmin(user: SessionUser) {
  if (!can(user.role, 'config.manage')) throw new AppError('FORBIDDEN')
}

export const adminBankSelect = {
  id: true, code: true, name: true, shortName: true, active: true, version: true, updatedAt: true,
  _count: { select: { users: true, programs: true, disbursements: true, claims: true } },
} satisfies Prisma.BankSelect

/** Every bank, active first, with its users, programmes, disbursements and claims counted in SQL. */
export async function findBanksForAdmin({ user }: { user: SessionUser }) {
  assertAdmin(user)
  return readDb.bank.findMany({ select: adminBankSelect, orderBy: [{ active: 'desc' }, { shortName: 'asc' }] })
}

type ParticipationRow = { program_id: string; code: string; name: string; year: number; version: number; rate: string | null; rate_from: string | null; disbursements: number; claims: number }

/**
 * One bank for its edit page, with each programme year it takes part in (the latest contract rate, and
 * the disbursements and claims that keep it from leaving) and the programme years it could join. Null
 * when unknown.
 */
export async function getBankForEdit({ user, id }: { user: SessionUser; id: string }) {
  assertAdmin(user)
  const [bank, participation, others] = await Promise.all([
    readDb.bank.findUnique({ where: { id }, select: adminBankSelect }),
    readDb.$queryRaw<ParticipationRow[]>`
      SELECT p.id AS program_id, p.code, p.name, p.year, p.version,
        r.rate::text AS rate, to_char(r.effective_from, 'YYYY-MM-DD') AS rate_from,
        (SELECT count(*) FROM disbursements d WHERE d.program_id = p.id AND d.bank_id = pb.bank_id)::int AS disbursements,
        (SELECT count(*) FROM subsidy_claims c WHERE c.program_id = p.id AND c.bank_id = pb.bank_id)::int AS claims
      FROM credit_program_banks pb
      JOIN credit_programs p ON p.id = pb.program_id
      LEFT JOIN LATERAL (
        SELECT rate, effective_from FROM program_rates x WHERE x.program_id = p.id AND x.bank_id = pb.bank_id ORDER BY effective_from DESC LIMIT 1
      ) r ON true
      WHERE pb.bank_id = ${id}
      ORDER BY p.year DESC, p.code`,
    readDb.creditProgram.findMany({ where: { banks: { none: { bankId: id } } }, select: { id: true, code: true, name: true, year: true, version: true, borrowerRate: true }, orderBy: [{ year: 'desc' }, { code: 'asc' }] }),
  ])
  if (!bank) return null
  return {
    bank,
    participation: participation.map((p) => ({
      programId: p.program_id, code: p.code, name: p.name, year: p.year, version: p.version,
      rate: p.rate === null ? null : Number(p.rate) * 100, rateFrom: p.rate_from, disbursements: p.disbursements, claims: p.claims,
    })),
    joinable: others.map((p) => ({ id: p.id, code: p.code, name: p.name, year: p.year, version: p.version, borrowerRate: Number(p.borrowerRate) * 100 })),
  }
}
