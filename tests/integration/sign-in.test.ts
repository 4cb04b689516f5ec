import { describe, expect, it } from 'vitest'
import { currentTestSessionId, signInAs } from '../support/session-mock'
import { createUser as makeUser, form, TEST_PASSWORD } from '../support/factories'
import { db } from '@/lib/db'
import { authorizeCredentials } from '@/lib/auth'
import { ipFromHeaders, PEER_HEADER } from '@/lib/client-ip'
import { accountDelayMs, ADDRESS_LIMIT, beginSignInAttempt, finishSignInAttempt, MAX_DELAY_MS, PAIR_LIMIT, signInRetryAt } from '@/lib/sign-in-throttle'
import { changePassword, signOutEverywhere } from '@/lib/actions/auth'
import { getCurrentUser } from '@/lib/session'
import { revokeSession, SESSION_ABSOLUTE_MS, sessionIdleMs } from '@/lib/sessions'

/** A sign-in request as it reaches `authorize` from this socket address, with whatever headers the client sent. */
function request(peer: string, headers: Record<string, string> = {}) {
  return new Request('http://localhost/api/auth/callback/credentials', { method: 'POST', headers: { [PEER_HEADER]: peer, 'user-agent': 'vitest', ...headers } })
}

/** A wrong password is `null`; a throttled attempt throws (SignInLocked). */
async function attempt(username: string, password: string, req: Request) {
  return authorizeCredentials({ username, password }, req).then((u) => (u ? 'ok' : 'wrong'), (e: Error) => (/locked|CredentialsSignin/i.test(`${e.name} ${(e as { code?: string }).code}`) ? 'locked' : Promise.reject(e)))
}

describe('sign-in throttling (in PostgreSQL, shared by every app instance)', () => {
  it('ten parallel wrong passwords for one account from one address: exactly five are evaluated (finding 1)', async () => {
    const u = await makeUser('ADMIN')
    const results = await Promise.all(Array.from({ length: 10 }, () => attempt(u.username, 'salah-sekali-123', request('203.0.113.10'))))
    expect(results.filter((r) => r === 'wrong')).toHaveLength(PAIR_LIMIT)
    expect(results.filter((r) => r === 'locked')).toHaveLength(10 - PAIR_LIMIT)
    expect(await db.signInAttempt.count({ where: { username: u.username } })).toBe(PAIR_LIMIT)
    // locked for this pair even with the right password
    expect(await attempt(u.username, TEST_PASSWORD, request('203.0.113.10'))).toBe('locked')
  })

  it('the address is the socket peer: a forged X-Forwarded-For neither dodges the limit nor lands in the audit trail (finding 2)', async () => {
    const u = await makeUser('ADMIN')
    const forged = ['198.51.100.1', '198.51.100.2, 198.51.100.3', ',', 'unknown', '', ' , ,', '999.1.1.1', 'not-an-ip']
    for (let i = 0; i < PAIR_LIMIT; i++) expect(await attempt(u.username, 'salah-sekali-123', request('203.0.113.11', { 'x-forwarded-for': forged[i] }))).toBe('wrong')
    for (const xff of forged) expect(await attempt(u.username, 'salah-sekali-123', request('203.0.113.11', { 'x-forwarded-for': xff }))).toBe('locked')
    const ips = await db.signInAttempt.findMany({ where: { username: u.username }, select: { ip: true }, distinct: ['ip'] })
    expect(ips).toEqual([{ ip: '203.0.113.11' }])
  })

  it('reads the client from the right of X-Forwarded-For, trusting exactly TRUSTED_PROXY_HOPS proxies, never "unknown"', () => {
    const h = (xff: string | null, peer = '10.0.0.5') => new Headers({ [PEER_HEADER]: peer, ...(xff === null ? {} : { 'x-forwarded-for': xff }) })
    expect(ipFromHeaders(h('1.1.1.1'), 0)).toBe('10.0.0.5')
    // one proxy (10.0.0.5) appended the client it saw; what the client prepended is ignored
    expect(ipFromHeaders(h('6.6.6.6, 203.0.113.20'), 1)).toBe('203.0.113.20')
    expect(ipFromHeaders(h('203.0.113.20'), 1)).toBe('203.0.113.20')
    // two proxies
    expect(ipFromHeaders(h('6.6.6.6, 203.0.113.20, 10.0.0.4'), 2)).toBe('203.0.113.20')
    // garbage where the client should be: the nearest trusted hop, never a free "unknown"
    for (const xff of [',', 'unknown', '', ' , ', 'x, y']) expect(ipFromHeaders(h(xff), 1)).toBe('10.0.0.5')
    expect(ipFromHeaders(h(null), 3)).toBe('10.0.0.5')
    expect(ipFromHeaders(h(null, '::ffff:192.0.2.1'), 0)).toBe('192.0.2.1')
    expect(ipFromHeaders(new Headers(), 0)).toBe('local')
  })

  it('failures from one address never lock the owner out from another; the account only slows down (finding 3)', async () => {
    const u = await makeUser('ADMIN')
    // an attacker from many addresses, five each: every pair is locked, the account is not
    for (let a = 0; a < 3; a++) for (let i = 0; i < PAIR_LIMIT; i++) await db.signInAttempt.create({ data: { username: u.username, ip: `198.51.100.${a}`, success: false } })
    expect(await attempt(u.username, 'salah-sekali-123', request('198.51.100.0'))).toBe('locked')
    // the owner from their own address gets in, after a delay that grew with the failures
    const start = await beginSignInAttempt({ username: u.username, ip: '203.0.113.12' })
    expect(start).toMatchObject({ allowed: true, delayMs: accountDelayMs(3 * PAIR_LIMIT) })
    expect(start.allowed && start.delayMs).toBeGreaterThan(0)
    await finishSignInAttempt((start as { attemptId: bigint }).attemptId, true)
    // a success starts the account afresh: no delay, and the locked pairs may try again
    expect(await beginSignInAttempt({ username: u.username, ip: '198.51.100.0' })).toMatchObject({ allowed: true, delayMs: 0 })
    expect(await signInRetryAt({ username: u.username, ip: '198.51.100.1' })).toBeNull()
  })

  it('the account-wide delay doubles per failure and is capped', () => {
    expect(accountDelayMs(4)).toBe(0)
    expect(accountDelayMs(5)).toBe(1000)
    expect(accountDelayMs(6)).toBe(2000)
    expect(accountDelayMs(100)).toBe(MAX_DELAY_MS)
  })

  it('forgets failures older than the window, and says until when a pair waits', async () => {
    await db.signInAttempt.createMany({ data: Array.from({ length: 8 }, () => ({ username: 'lama', ip: '203.0.113.8', success: false, createdAt: new Date(Date.now() - 16 * 60_000) })) })
    expect(await beginSignInAttempt({ username: 'lama', ip: '203.0.113.8' })).toMatchObject({ allowed: true })
    for (let i = 0; i < PAIR_LIMIT - 1; i++) await beginSignInAttempt({ username: 'lama', ip: '203.0.113.8' })
    const oldest = await db.signInAttempt.findFirstOrThrow({ where: { username: 'lama', createdAt: { gt: new Date(Date.now() - 60_000) } }, orderBy: { id: 'asc' } })
    const start = await beginSignInAttempt({ username: 'lama', ip: '203.0.113.8' })
    expect(start.allowed).toBe(false)
    expect((start as { retryAt: Date }).retryAt.getTime()).toBe(oldest.createdAt.getTime() + 15 * 60_000)
    expect((await signInRetryAt({ username: 'lama', ip: '203.0.113.8' }))?.getTime()).toBe(oldest.createdAt.getTime() + 15 * 60_000)
  })

  it('locks an address that guesses across many accounts, also when it is the unknown "local" one', async () => {
    for (const ip of ['192.0.2.44', 'local']) {
      for (let i = 0; i < ADDRESS_LIMIT; i++) await db.signInAttempt.create({ data: { username: `tebak${i}`, ip, success: false } })
      expect((await beginSignInAttempt({ username: 'siapa-saja', ip })).allowed).toBe(false)
    }
    expect((await beginSignInAttempt({ username: 'siapa-saja', ip: '192.0.2.45' })).allowed).toBe(true)
  })
})

describe('server-side sessions (finding 4)', () => {
  it('a sign-in makes a session; sign-out ends that one only, at once, whatever copies of the cookie exist', async () => {
    const u = await makeUser('LEADERSHIP')
    const a = await authorizeCredentials({ username: u.username, password: TEST_PASSWORD }, request('203.0.113.30'))
    const b = await authorizeCredentials({ username: u.username, password: TEST_PASSWORD }, request('203.0.113.31'))
    expect(a?.sessionId).toBeTruthy()
    expect(b?.sessionId).not.toBe(a?.sessionId)
    signInAs(u, a!.sessionId)
    expect(await getCurrentUser()).toMatchObject({ id: u.id })
    await revokeSession(db, a!.sessionId!)
    signInAs(u, a!.sessionId)
    expect(await getCurrentUser()).toBeNull()
    signInAs(u, b!.sessionId)
    expect(await getCurrentUser()).toMatchObject({ id: u.id })
  })

  it('a password change ends every other session and keeps this one; sign out everywhere ends all', async () => {
    const u = await makeUser('ADMIN')
    const other = await authorizeCredentials({ username: u.username, password: TEST_PASSWORD }, request('203.0.113.32'))
    signInAs(u)
    expect(await getCurrentUser()).not.toBeNull()
    const mine = currentTestSessionId()!
    const ok = await changePassword(undefined, form({ currentPassword: TEST_PASSWORD, newPassword: 'Kopi-Tubruk-Jombang-7', confirmPassword: 'Kopi-Tubruk-Jombang-7' }))
    expect(ok.ok).toBe(true)
    signInAs(u, other!.sessionId)
    expect(await getCurrentUser()).toBeNull()
    signInAs(u, mine)
    expect(await getCurrentUser()).not.toBeNull()
    expect(await signOutEverywhere(undefined, form({}))).toMatchObject({ ok: false })
    await expect(signOutEverywhere(undefined, form({ confirm: 'ya' }))).rejects.toThrow(/NEXT_REDIRECT/)
    signInAs(u, mine)
    expect(await getCurrentUser()).toBeNull()
    expect(await db.session.count({ where: { userId: u.id, revokedAt: null } })).toBe(0)
    expect(await db.auditLog.count({ where: { action: 'SIGN_OUT_EVERYWHERE', entityId: u.id } })).toBe(1)
  })

  it('ends 8 hours after sign-in however active, and after the idle timeout', async () => {
    const u = await makeUser('ADMIN')
    signInAs(u)
    expect(await getCurrentUser()).not.toBeNull()
    const sid = currentTestSessionId()!
    const now = Date.now()
    // active a second ago, signed in 8 hours ago: over
    await db.session.update({ where: { id: sid }, data: { createdAt: new Date(now - SESSION_ABSOLUTE_MS - 1000), lastSeenAt: new Date(now - 1000) } })
    signInAs(u, sid)
    expect(await getCurrentUser()).toBeNull()
    // signed in an hour ago, idle for longer than the timeout: over
    await db.session.update({ where: { id: sid }, data: { createdAt: new Date(now - 60 * 60_000), lastSeenAt: new Date(now - sessionIdleMs() - 1000) } })
    signInAs(u, sid)
    expect(await getCurrentUser()).toBeNull()
    // the same, seen within the timeout: alive, and its last-seen time moves on
    await db.session.update({ where: { id: sid }, data: { lastSeenAt: new Date(now - sessionIdleMs() + 120_000) } })
    signInAs(u, sid)
    expect(await getCurrentUser()).not.toBeNull()
    expect((await db.session.findUniqueOrThrow({ where: { id: sid } })).lastSeenAt.getTime()).toBeGreaterThan(now - 60_000)
  })
})

describe('changing one own password', () => {
  it('enforces the policy in the field that is wrong', async () => {
    const u = await makeUser('LEADERSHIP')
    signInAs(u)
    const wrongCurrent = await changePassword(undefined, form({ currentPassword: 'salah-sekali-123', newPassword: 'Kopi-Tubruk-Jombang-7', confirmPassword: 'Kopi-Tubruk-Jombang-7' }))
    expect(wrongCurrent.errors?.currentPassword).toEqual(['Kata sandi saat ini salah.'])
    const short = await changePassword(undefined, form({ currentPassword: TEST_PASSWORD, newPassword: 'pendek', confirmPassword: 'pendek' }))
    expect(short.errors?.newPassword).toEqual(['Kata sandi minimal 10 karakter.'])
    const withName = await changePassword(undefined, form({ currentPassword: TEST_PASSWORD, newPassword: `x-${u.username}-2026`, confirmPassword: `x-${u.username}-2026` }))
    expect(withName.errors?.newPassword).toEqual(['Kata sandi tidak boleh memuat nama pengguna.'])
    const common = await changePassword(undefined, form({ currentPassword: TEST_PASSWORD, newPassword: 'password123', confirmPassword: 'password123' }))
    expect(common.errors?.newPassword).toEqual(['Kata sandi ini terlalu umum; pilih yang lain.'])
    const mismatch = await changePassword(undefined, form({ currentPassword: TEST_PASSWORD, newPassword: 'Kopi-Tubruk-Jombang-7', confirmPassword: 'Kopi-Tubruk-Jombang-8' }))
    expect(mismatch.errors?.confirmPassword).toEqual(['Konfirmasi tidak sama dengan kata sandi baru.'])
    expect(await db.auditLog.count({ where: { action: 'PASSWORD_CHANGE', entityId: u.id } })).toBe(0)
    const ok = await changePassword(undefined, form({ currentPassword: TEST_PASSWORD, newPassword: 'Kopi-Tubruk-Jombang-7', confirmPassword: 'Kopi-Tubruk-Jombang-7' }))
    expect(ok.ok).toBe(true)
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: 'PASSWORD_CHANGE', entityId: u.id } })
    expect(audit.after).toBeNull()
  })

  it('clears the forced change and sends the user on', async () => {
    const u = await makeUser('ADMIN', { mustChangePassword: true })
    signInAs(u)
    await expect(changePassword(undefined, form({ currentPassword: TEST_PASSWORD, newPassword: 'Kopi-Tubruk-Jombang-7', confirmPassword: 'Kopi-Tubruk-Jombang-7' }))).rejects.toThrow(/NEXT_REDIRECT/)
    expect((await db.user.findUniqueOrThrow({ where: { id: u.id } })).mustChangePassword).toBe(false)
  })
})
