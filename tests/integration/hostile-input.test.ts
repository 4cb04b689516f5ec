/**
 * Finding 5 of the security review: hostile input at every kind of entry point is answered with a clear
 * refusal (a field message, a 400) and nothing written; never a 500, a database error or a saved name that
 * reads other than it is. The text rules live in one place (lib/parse.ts), applied by the action wrapper
 * (lib/safe-action.ts), the route wrapper (`authRoute`) and the page parameter helper (lib/url.ts).
 */
import { readdirSync } from 'node:fs'
import path from 'node:path'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { signInAs } from '../support/session-mock'
import { submit } from '../support/session'
import { createUser, form } from '../support/factories'
import { db } from '@/lib/db'
import { createCooperative } from '@/lib/actions/cooperatives'
import { createUser as createUserAction } from '@/lib/actions/users'
import { findCooperatives } from '@/lib/data/cooperatives'
import { findMsmes } from '@/lib/data/msmes'
import { findUsers } from '@/lib/data/users'
import { getCurrentUser } from '@/lib/session'
import { MESSAGES } from '@/lib/safe-action'
import { flatParams } from '@/lib/url'
import { cooperativeFilterSchema } from '@/lib/validations/cooperatives'
import { msmeFilterSchema } from '@/lib/validations/msmes'
import { MAX_DOCUMENT_BYTES } from '@/lib/meetings/files'
import nextConfig from '@/next.config'

vi.hoisted(() => {
  vi.stubEnv('AUTH_SECRET', 'masukan-berbahaya-rahasia-uji-0123456789')
})

const ROOT = path.resolve(__dirname, '../..')
let admin: Awaited<ReturnType<typeof createUser>>

const coop = (name: string, nik: string) => ({ nik, name, type: 'KONSUMEN', form: 'PRIMER', pattern: 'KONVENSIONAL', regencyCode: '35.17', membersMale: '0', membersFemale: '0', managers: '0', employees: '0' })

beforeAll(async () => {
  admin = await createUser('ADMIN')
  await db.cooperative.createMany({
    data: [
      { nik: '3517000000000701', name: 'Koperasi Untung 100% Jaya', type: 'KONSUMEN', regencyCode: '35.17' },
      { nik: '3517000000000702', name: 'Koperasi Tani_Makmur', type: 'KONSUMEN', regencyCode: '35.17' },
      { nik: '3517000000000703', name: 'Koperasi Sumber Rejeki', type: 'KONSUMEN', regencyCode: '35.17' },
    ],
  })
})

describe('search texts', () => {
  it('a NUL byte or control character in a list search is an empty search, not a database error', async () => {
    signInAs(admin)
    const user = (await getCurrentUser())!
    for (const q of ['\u0000', 'Koperasi\u0000', '\u0007\u001b[31m', '\u202eJaya']) {
      const filter = cooperativeFilterSchema.parse(flatParams({ q }))
      await expect(findCooperatives({ user, filter })).resolves.toBeDefined()
      await expect(findMsmes({ user, filter: msmeFilterSchema.parse(flatParams({ q })) })).resolves.toBeDefined()
      await expect(findUsers({ user, filter: { q: flatParams({ q }).q } } as Parameters<typeof findUsers>[0])).resolves.toBeDefined()
    }
  })

  it('% and _ match themselves, not everything', async () => {
    signInAs(admin)
    const user = (await getCurrentUser())!
    const names = async (q: string) => (await findCooperatives({ user, filter: cooperativeFilterSchema.parse(flatParams({ q })) })).rows.map((r) => r.name)
    expect(await names('%')).toEqual(['Koperasi Untung 100% Jaya'])
    expect(await names('_')).toEqual(['Koperasi Tani_Makmur'])
    expect(await names('100%')).toEqual(['Koperasi Untung 100% Jaya'])
    expect(await names('\\')).toEqual([])
  })

  it('every export route answers a NUL byte or a bidi override in its URL with 400 and a message', async () => {
    signInAs(admin)
    const files = (readdirSync(path.join(ROOT, 'app/api'), { recursive: true }) as string[]).filter((f) => f.endsWith('ekspor/route.ts') && !f.includes('['))
    expect(files.length).toBeGreaterThanOrEqual(6)
    for (const file of files) {
      const { GET } = (await import(/* @vite-ignore */ path.join(ROOT, 'app/api', file))) as { GET: (req: Request, ctx: unknown) => Promise<Response> }
      for (const q of ['%00', 'a%00b', '%E2%80%AEfdp.exe', '%07']) {
        const res = await GET(new Request(`http://localhost/api/${path.dirname(file)}?q=${q}&tahun=2026&format=csv`), { params: Promise.resolve({}) })
        expect(res.status, `${file} ?q=${q}`).toBe(400)
        expect((await res.json()).error).toMatch(/karakter/)
      }
    }
  })
})

describe('names and texts in forms', () => {
  it('refuses a name of zero-width characters, with a bidi override, or with a NUL byte; nothing written', async () => {
    signInAs(admin)
    const before = await db.cooperative.count()
    const cases: [string, RegExp][] = [
      ['\u200b\u200b\u200b\u200b', /Isi nama koperasi/],
      ['\u200b\ufeff\u2060 \u200d', /Isi nama koperasi/],
      ['Koperasi \u202eayaJ', /arah teks/],
      ['Koperasi \u2066Jaya\u2069', /arah teks/],
      ['Koperasi\u0000Jaya', /karakter kendali/],
    ]
    for (const [name, message] of cases) {
      const { state } = await submit(createCooperative, coop(name, '3517000000000799'))
      expect(state?.ok, JSON.stringify(name)).toBe(false)
      expect(state?.errors?.name?.[0]).toMatch(message)
    }
    // a NUL byte in any other field is refused under that field as well
    const { state } = await submit(createCooperative, { ...coop('Koperasi Aman', '3517000000000799'), address: 'Jl. Melati\u0000 5' })
    expect(state?.errors?.address?.[0]).toMatch(/karakter kendali/)
    expect(await db.cooperative.count()).toBe(before)
  })

  it('stores names in NFC: the same name typed with a combining accent is the same text', async () => {
    signInAs(admin)
    const decomposed = 'Koperasi Se\u0301jahtera'
    const result = await submit(createCooperative, coop(decomposed, '3517000000000798'))
    expect(result.redirect).toBeTruthy()
    const saved = await db.cooperative.findUniqueOrThrow({ where: { nik: '3517000000000798' }, select: { name: true } })
    expect(saved.name).toBe('Koperasi S\u00e9jahtera')
    const person = await createUserAction(undefined, form({ username: 'nfc-tes', name: '\u202eniamdA', role: 'ADMIN' }))
    expect(person.errors?.name?.[0]).toMatch(/arah teks/)
  })
})

describe('bodies that are not forms', () => {
  it('every server action refuses a JSON body (a plain object instead of FormData) without throwing or writing', async () => {
    signInAs(admin)
    const dir = path.join(ROOT, 'lib/actions')
    const audits = await db.auditLog.count()
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
      const mod = (await import(/* @vite-ignore */ path.join(dir, file))) as Record<string, (...a: unknown[]) => Promise<unknown>>
      for (const [name, action] of Object.entries(mod)) {
        if (name === 'signOutAction') continue // takes no input at all
        const bodies: unknown[] = [{ name: 'x', id: 'y' }, ['a', 'b'], 'teks', 42, null]
        for (const body of bodies) {
          const call = name === 'setLocale' ? action(body) : action(undefined, body)
          const result = (await call) as { ok?: boolean; message?: string } | undefined
          if (result !== undefined) {
            expect(result.ok, `${name}(${JSON.stringify(body)})`).toBe(false)
            expect(result.message).not.toBe(MESSAGES.failed)
          }
        }
      }
    }
    expect(await db.auditLog.count()).toBe(audits)
  })

  it('server actions accept the largest upload the app promises (meeting documents, 10 MB) with room for the form', () => {
    const limit = String(nextConfig.experimental?.serverActions?.bodySizeLimit ?? '1mb')
    const m = /^(\d+)\s*mb$/i.exec(limit)
    expect(m, `bodySizeLimit ${limit}`).not.toBeNull()
    expect(Number(m![1]) * 1024 * 1024).toBeGreaterThan(MAX_DOCUMENT_BYTES)
    const proxy = String(nextConfig.experimental?.proxyClientMaxBodySize ?? '10mb')
    expect(Number(/^(\d+)/.exec(proxy)![1])).toBeGreaterThanOrEqual(Number(m![1]))
  })
})

describe('ids in route paths', () => {
  it('every route with an id in its path answers a NUL byte or a bidi override in that id with 400, not a database error', async () => {
    signInAs(await createUser('ADMIN'))
    const files = (readdirSync(path.join(ROOT, 'app/api'), { recursive: true }) as string[])
      // the integration API (v1) answers a request without its bearer token 401 first; its path check is in lib/api/route.ts
      .filter((f) => path.basename(f) === 'route.ts' && /\[(?!\.\.\.)[^\]]+\]/.test(f) && !f.startsWith('v1'))
    expect(files.length).toBeGreaterThanOrEqual(8)
    for (const file of files) {
      const { GET } = (await import(/* @vite-ignore */ path.join(ROOT, 'app/api', file))) as { GET?: (req: Request, ctx: unknown) => Promise<Response> }
      if (!GET) continue
      for (const id of ['\u0000', 'a\u0000b', '\u202efdp.exe', '\u0007']) {
        const url = `http://localhost/api/${path.dirname(file).replace(/\[[^\]]+\]/g, encodeURIComponent(id))}`
        const res = await GET(new Request(url), { params: Promise.resolve({ id, jenis: id, dataset: id }) })
        expect(res.status, `${file} id=${JSON.stringify(id)}`).toBe(400)
      }
    }
  })
})
