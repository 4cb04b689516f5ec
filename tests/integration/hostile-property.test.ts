/**
 * Property-based hostile input (fast-check) over every server action and every route handler, as the
 * authorization matrix enumerates them from the code (every export of lib/actions/*, every method of
 * app/api/**\/route.ts), for every role and the signed-out visitor: random and malformed fields (NUL
 * bytes, bidi overrides, zero-width names, LIKE wildcards, SQL, huge and odd numbers, impossible dates,
 * wrong types) never throw, never answer "server error" or a 5xx, and a refusal writes nothing (every
 * table fingerprinted before and after, as the matrix does).
 */
import { readdirSync } from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { signInAs } from '../support/session-mock'
import { createUser } from '../support/factories'
import { db } from '@/lib/db'
import type { Role } from '@/lib/generated/prisma/enums'
import { MESSAGES, type ActionState } from '@/lib/safe-action'

vi.hoisted(() => {
  vi.stubEnv('AUTH_SECRET', 'sifat-masukan-berbahaya-rahasia-0123456789')
  vi.stubEnv('AUTH_TRUST_HOST', 'true')
})
afterAll(() => {
  vi.unstubAllEnvs()
})

const ROOT = path.resolve(__dirname, '../..')
const ROLES: (Role | null)[] = ['ADMIN', 'DISTRICT_OFFICER', 'LEADERSHIP', 'BANK_OFFICER', null]
/** Runs per action or route (each run picks a role): enough to find a crash, cheap enough for CI; `HOSTILE_RUNS=60` to hunt. */
const RUNS = Number(process.env.HOSTILE_RUNS ?? 6)

// ── what an attacker sends ─────────────────────────────────────────────────────────────────────────

const NASTY = [
  '\u0000', 'a\u0000b', '\u202eexe.fdp', '\u2066x\u2069', '\u200b\u200b\u200b', '\ufeff', '%', '_', '%%', '\\', "'", '"', "' OR 1=1 --",
  '"; DROP TABLE users; --', '<script>alert(1)</script>', '{{7*7}}', '../../etc/passwd', '-1', '0', '1e308', 'NaN', 'Infinity',
  '9'.repeat(40), '-0', '0x1f', '1.234.567,89', '2026-02-31', '0000-00-00', '9999-99-99', '2026-13', 'true', '[]', '{}', 'null',
  'ä'.normalize('NFD'), '𝕳𝖊𝖑𝖑𝖔', '🙂'.repeat(50), ' '.repeat(300), 'x'.repeat(5000),
]
/** Field names the actions read, plus any. */
const KEYS = [
  'id', 'version', 'name', 'nik', 'nib', 'title', 'q', 'regencyCode', 'districtCode', 'villageCode', 'programId', 'bankId', 'month',
  'amount', 'reason', 'note', 'username', 'email', 'role', 'status', 'type', 'form', 'pattern', 'year', 'quarter', 'intent',
  'businessName', 'ownerName', 'ownerNik', 'ownerGender', 'kbli', 'plafond', 'tenorMonths', 'contractDate', 'paidOn', 'reference',
  'claimId', 'meetingId', 'actionId', 'agendaItemId', 'startsAt', 'endsAt', 'organiser', 'kind', 'text', 'dueDate', 'locale',
  'currentPassword', 'newPassword', 'confirmPassword', 'confirm', 'cooperativeId', 'disbursementId', 'period', 'rate', 'effectiveFrom',
]
const value = fc.oneof(fc.constantFrom(...NASTY), fc.string({ maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 40 }), fc.integer().map(String))
const fields = fc.dictionary(fc.oneof(fc.constantFrom(...KEYS), fc.string({ maxLength: 12 })), value, { maxKeys: 12 })
const role = fc.constantFrom(...ROLES)

function formOf(values: Record<string, string>): FormData {
  const fd = new FormData()
  for (const [k, v] of Object.entries(values)) fd.append(k, v)
  return fd
}

// ── the endpoints, enumerated from the code ────────────────────────────────────────────────────────

type Endpoint = (...args: unknown[]) => Promise<unknown>
const actions: { name: string; fn: Endpoint }[] = []
for (const file of readdirSync(path.join(ROOT, 'lib/actions')).filter((f) => f.endsWith('.ts')).sort()) {
  const mod = (await import(/* @vite-ignore */ path.join(ROOT, 'lib/actions', file))) as Record<string, Endpoint>
  for (const [name, fn] of Object.entries(mod)) if (typeof fn === 'function') actions.push({ name, fn })
}
const routes: { key: string; handler: (req: Request, ctx: unknown) => Promise<Response> }[] = []
for (const file of (readdirSync(path.join(ROOT, 'app/api'), { recursive: true }) as string[]).filter((f) => path.basename(f) === 'route.ts').sort()) {
  if (file.includes('[...nextauth]')) continue // Auth.js's own handler; sign-in itself is tested in sign-in.test.ts
  const mod = (await import(/* @vite-ignore */ path.join(ROOT, 'app/api', file))) as Record<string, (req: Request, ctx: unknown) => Promise<Response>>
  if (mod.GET) routes.push({ key: `/api/${path.dirname(file).split(path.sep).join('/')}`, handler: mod.GET })
}

// ── fixtures and the fingerprint ───────────────────────────────────────────────────────────────────

const users = {} as Record<Role, { id: string; sessionVersion: number }>
beforeAll(async () => {
  users.ADMIN = await createUser('ADMIN')
  users.DISTRICT_OFFICER = await createUser('DISTRICT_OFFICER', { regencyCode: '35.17' })
  users.LEADERSHIP = await createUser('LEADERSHIP')
  users.BANK_OFFICER = await createUser('BANK_OFFICER', { bankCode: 'BPRJATIM' })
  await db.cooperative.create({ data: { nik: '3517000000000501', name: 'KSP Sifat Jombang', type: 'SIMPAN_PINJAM', regencyCode: '35.17' } })
})

const SKIP = new Set(['_prisma_migrations', 'provinces', 'regencies', 'districts', 'villages', 'banks', 'sessions', 'sign_in_attempts'])
let fingerprintSql = ''
async function fingerprint(): Promise<string> {
  if (!fingerprintSql) {
    const tables = await db.$queryRaw<{ t: string }[]>`SELECT tablename::text AS t FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename`
    fingerprintSql = `SELECT md5(string_agg(h, '|' ORDER BY t)) AS h FROM (${tables
      .filter((r) => !SKIP.has(r.t))
      .map((r) => `SELECT '${r.t}' AS t, md5(count(*)::text || coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS h FROM "${r.t}" x`)
      .join(' UNION ALL ')}) f`
  }
  return (await db.$queryRawUnsafe<{ h: string }[]>(fingerprintSql))[0].h
}

const asRole = (r: Role | null) => signInAs(r ? users[r] : null)
const isRedirect = (e: unknown) => String((e as { digest?: unknown })?.digest ?? '').startsWith('NEXT_REDIRECT')
const outsideRequest = (e: unknown) => e instanceof Error && /outside a request scope/.test(e.message)

describe('hostile input, property-based, over every action and route', () => {
  it('found the endpoints', () => {
    expect(actions.length).toBeGreaterThan(40)
    expect(routes.length).toBeGreaterThan(10)
  })

  it('a field named after an object\'s own methods (toString, constructor) is refused as a field, not a crash (a seed the property found)', async () => {
    const saveReport = actions.find((a) => a.name === 'saveReport')!
    asRole('DISTRICT_OFFICER')
    for (const name of ['toString', 'constructor', 'hasOwnProperty']) {
      const result = (await saveReport.fn(undefined, formOf({ [name]: 'x'.repeat(5000) }))) as ActionState
      expect(result.ok, name).toBe(false)
      expect(result.message, name).not.toBe(MESSAGES.failed)
    }
  })

  it.each(actions.map((a) => [a.name, a] as const))('%s: random hostile forms never crash, and a refusal writes nothing', async (_name, action) => {
    await fc.assert(
      fc.asyncProperty(role, fields, async (r, values) => {
        asRole(r)
        const before = await fingerprint()
        let result: ActionState | undefined
        try {
          result = (await (action.name === 'setLocale' ? action.fn(formOf(values)) : action.name === 'signOutAction' ? action.fn() : action.fn(undefined, formOf(values)))) as ActionState | undefined
        } catch (e) {
          if (isRedirect(e) || outsideRequest(e)) return // a success that redirects; sign-in/out need a real request
          throw e
        }
        if (!result) return
        expect(result.message, JSON.stringify(values)).not.toBe(MESSAGES.failed)
        if (!result.ok) expect(await fingerprint(), `${action.name} refused but wrote: ${JSON.stringify(values)}`).toBe(before)
      }),
      { numRuns: RUNS },
    )
  })

  it.each(routes.map((r) => [r.key, r] as const))('GET %s: random hostile query strings and ids never answer 5xx', async (_key, route) => {
    await fc.assert(
      fc.asyncProperty(role, fields, fc.constantFrom(...NASTY, 'x'), async (r, values, id) => {
        asRole(r)
        const query = new URLSearchParams(values).toString()
        const res = await route.handler(new Request(`http://localhost${route.key.replace(/\[[^\]]+\]/g, encodeURIComponent(id))}?${query}`), {
          params: Promise.resolve({ id, dataset: id }),
        })
        expect(res.status, `${route.key}?${query}`).toBeLessThan(500)
      }),
      { numRuns: RUNS },
    )
  })
})
