import { encode } from 'next-auth/jwt'
import { beforeAll, describe, expect, it } from 'vitest'
import { SESSION_COOKIE, sessionToken } from './session-token'

const SECRET = 'unit-test-secret-0123456789abcdef'
const SECURE = `__Secure-${SESSION_COOKIE}`

/** A cookie jar as next/headers' cookies() and NextRequest.cookies present it. */
function jar(entries: Record<string, string>) {
  return {
    get: (name: string) => (name in entries ? { value: entries[name] } : undefined),
    getAll: () => Object.entries(entries).map(([name, value]) => ({ name, value })),
  }
}

/** A token as Auth.js's sign-in makes it (same encode, the cookie's name as salt). */
const mint = (salt: string, claims: Record<string, unknown> = {}, maxAge = 3600) =>
  encode({ token: { uid: 'u1', sv: 3, sid: `s-${Math.random()}`, ...claims }, secret: SECRET, salt, maxAge })

describe('sessionToken', () => {
  beforeAll(() => {
    process.env.AUTH_SECRET = SECRET
  })

  it("decodes Auth.js's session cookie, the same token twice from the kept copy", async () => {
    const token = await mint(SESSION_COOKIE)
    const first = await sessionToken(jar({ [SESSION_COOKIE]: token }))
    expect(first).toMatchObject({ uid: 'u1', sv: 3 })
    expect(await sessionToken(jar({ [SESSION_COOKIE]: token }))).toBe(first)
  })

  it('takes the __Secure- cookie when the browser sent one (HTTPS), with its own salt', async () => {
    const secure = await mint(SECURE, { uid: 'secure-user' })
    expect(await sessionToken(jar({ [SECURE]: secure, [SESSION_COOKIE]: await mint(SESSION_COOKIE) }))).toMatchObject({ uid: 'secure-user' })
    // a token made for the plain cookie is refused under the __Secure- name (the salt is the name)
    expect(await sessionToken(jar({ [SECURE]: await mint(SESSION_COOKIE) }))).toBeNull()
  })

  it('joins a token Auth.js split into chunks', async () => {
    const token = await mint(SESSION_COOKIE, { uid: 'chunked' })
    const cut = Math.floor(token.length / 2)
    expect(await sessionToken(jar({ [`${SESSION_COOKIE}.1`]: token.slice(cut), [`${SESSION_COOKIE}.0`]: token.slice(0, cut) }))).toMatchObject({ uid: 'chunked' })
  })

  it('refuses no cookie, a tampered token, another secret and an expired token', async () => {
    expect(await sessionToken(jar({}))).toBeNull()
    const token = await mint(SESSION_COOKIE)
    const tampered = token.slice(0, -6) + (token.endsWith('AAAAAA') ? 'BBBBBB' : 'AAAAAA')
    expect(await sessionToken(jar({ [SESSION_COOKIE]: tampered }))).toBeNull()
    const other = await encode({ token: { uid: 'x' }, secret: 'another-secret-0123456789abcdef', salt: SESSION_COOKIE })
    expect(await sessionToken(jar({ [SESSION_COOKIE]: other }))).toBeNull()
    // expired well beyond the 15 s tolerance
    expect(await sessionToken(jar({ [SESSION_COOKIE]: await mint(SESSION_COOKIE, {}, -60) }))).toBeNull()
  })

  it('drops a kept token once it expires', async () => {
    const token = await mint(SESSION_COOKIE, { uid: 'soon' }, 1)
    expect(await sessionToken(jar({ [SESSION_COOKIE]: token }))).toMatchObject({ uid: 'soon' })
    const realNow = Date.now
    Date.now = () => realNow() + 60_000
    try {
      expect(await sessionToken(jar({ [SESSION_COOKIE]: token }))).toBeNull()
    } finally {
      Date.now = realNow
    }
  })
})
