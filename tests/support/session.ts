/**
 * Helpers for the register tests: users of a role with a unique name, and submitting a form action
 * as the browser would (a redirect comes back as a value). Acting as a user is `signInAs` from
 * session-mock.ts (the integration project's setup file), re-exported here.
 */
import { db } from '@/lib/db'
import type { Role } from '@/lib/generated/prisma/enums'
import type { ActionState } from '@/lib/safe-action'

/** The session of `user` from now on (null: signed out); the mocks live in session-mock.ts. */
export { signInAs } from './session-mock'

let serial = 0

/** A user row for a test (password sign-in is not exercised here), unique username per call. */
export async function createTestUser(opts: { role: Role; regencyCode?: string; bankCode?: string; username?: string }) {
  const bank = opts.bankCode ? await db.bank.findUniqueOrThrow({ where: { code: opts.bankCode }, select: { id: true } }) : null
  serial += 1
  return db.user.create({
    data: {
      username: opts.username ?? `${opts.role.toLowerCase()}-${serial}-${Math.random().toString(36).slice(2, 8)}`,
      name: `Tes ${opts.role}`,
      role: opts.role,
      regencyCode: opts.regencyCode ?? null,
      bankId: bank?.id ?? null,
      passwordHash: 'x',
    },
    select: { id: true, username: true, name: true, role: true, regencyCode: true, bankId: true, mustChangePassword: true, sessionVersion: true },
  })
}

type FormAction = (prev: ActionState | undefined, formData: FormData) => Promise<ActionState>

/**
 * Submit a form action with these fields as FormData (booleans become checkbox "on"/absent).
 * A redirect (what a successful save does) comes back as `{ redirect: url }`, not as a throw.
 */
export async function submit(action: FormAction, fields: Record<string, string | number | boolean | null | undefined>): Promise<{ state?: ActionState; redirect?: string }> {
  const fd = new FormData()
  for (const [k, v] of Object.entries(fields)) {
    if (v === undefined || v === null || v === false) continue
    fd.set(k, v === true ? 'on' : String(v))
  }
  try {
    return { state: await action(undefined, fd) }
  } catch (e) {
    const digest = (e as { digest?: unknown })?.digest
    if (typeof digest === 'string' && digest.startsWith('NEXT_REDIRECT')) return { redirect: digest.split(';')[2] }
    throw e
  }
}
