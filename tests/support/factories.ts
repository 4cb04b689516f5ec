/** Rows for tests, unique per call, written straight to the test database. */
import { randomBytes } from 'node:crypto'
import bcrypt from 'bcryptjs'
import { db } from '@/lib/db'
import type { Role } from '@/lib/generated/prisma/enums'

export const TEST_PASSWORD = 'Uji-Coba-Sandi-2026'
const hash = bcrypt.hashSync(TEST_PASSWORD, 4) // low cost: speed, not secrecy, matters here

export function unique(prefix = 'u') {
  return `${prefix}${randomBytes(4).toString('hex')}`
}

export async function createUser(role: Role, opts: { regencyCode?: string; bankCode?: string; mustChangePassword?: boolean; active?: boolean } = {}) {
  const bank = opts.bankCode ?? (role === 'BANK_OFFICER' ? 'BPRJATIM' : undefined)
  const bankId = bank ? (await db.bank.findUniqueOrThrow({ where: { code: bank }, select: { id: true } })).id : null
  return db.user.create({
    data: {
      username: unique(role.toLowerCase().slice(0, 4)),
      name: `Uji ${role}`,
      role,
      regencyCode: role === 'DISTRICT_OFFICER' ? (opts.regencyCode ?? '35.17') : null,
      bankId,
      passwordHash: hash,
      mustChangePassword: opts.mustChangePassword ?? false,
      active: opts.active ?? true,
    },
    select: { id: true, username: true, role: true, regencyCode: true, bankId: true, sessionVersion: true, version: true },
  })
}

/** FormData from a plain object, as a browser form would send it. */
export function form(values: Record<string, string | number | File | undefined>) {
  const fd = new FormData()
  for (const [k, v] of Object.entries(values)) if (v !== undefined) fd.set(k, v instanceof File ? v : String(v))
  return fd
}
