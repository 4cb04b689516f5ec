import { describe, expect, it } from 'vitest'
import { currentTestSessionId, signInAs } from '../support/session-mock'
import { createUser as makeUser, form, TEST_PASSWORD } from '../support/factories'
import { db } from '@/lib/db'
import { authorizeCredentials } from '@/lib/auth'
import { needsRehash, verifyPassword } from '@/lib/password'
import { ipFromHeaders, PEER_HEADER } from '@/lib/client-ip'
import { accountDelayMs, ADDRESS_LIMIT, beginSignInAttempt, KNOWN_ADDRESS_DAYS, MAX_DELAY_MS, PAIR_LIMIT, signInRetryAt } from '@/lib/sign-in-throttle'
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
    // right after the last guess the owner from their own address waits out the account's interval, no longer
    const last = await db.signInAttempt.findFirstOrThrow({ where: { username: u.username }, orderBy: { createdAt: 'desc' } })
    const refused = await beginSignInAttempt({ username: u.username, ip: '203.0.113.12' })
    expect(refused).toEqual({ allowed: false, retryAt: new Date(last.createdAt.getTime() + accountDelayMs(3 * PAIR_LIMIT)) })
    expect(await signInRetryAt({ username: u.username, ip: '203.0.113.12' })).toEqual((refused as { retryAt: Date }).retryAt)
    // once the interval has passed, the owner gets in
    await db.signInAttempt.updateMany({ where: { username: u.username }, data: { createdAt: new Date(Date.now() - MAX_DELAY_MS - 1000) } })
    expect(await signInRetryAt({ username: u.username, ip: '203.0.113.12' })).toBeNull()
    expect(await attempt(u.username, TEST_PASSWORD, request('203.0.113.12'))).toBe('ok')
    // a success starts the account afresh: no interval, and the locked pairs may try again
    expect(await beginSignInAttempt({ username: u.username, ip: '198.51.100.0' })).toMatchObject({ allowed: true })
    expect(await beginSignInAttempt({ username: u.username, ip: '198.51.100.0' })).toMatchObject({ allowed: true })
    expect(await signInRetryAt({ username: u.username, ip: '198.51.100.1' })).toBeNull()
  })

  it('parallel guesses from many addresses on a much-guessed account: one password check per interval, known username or not', async () => {
    const u = await makeUser('ADMIN')
    for (const username of [u.username, 'tidak-ada-orangnya']) {
      // five failures from five addresses, the last long enough ago that the next slot is open
      await db.signInAttempt.createMany({ data: Array.from({ length: PAIR_LIMIT }, (_, i) => ({ username, ip: `198.51.100.${50 + i}`, success: false, createdAt: new Date(Date.now() - 60_000) })) })
      const results = await Promise.all(Array.from({ length: 30 }, (_, i) => attempt(username, 'salah-sekali-123', request(`192.0.2.${100 + i}`))))
      // exactly one of the thirty reached the password check; the others were refused before it, like a lock
      expect(results.filter((r) => r === 'wrong')).toHaveLength(1)
      expect(results.filter((r) => r === 'locked')).toHaveLength(29)
      expect(await db.signInAttempt.count({ where: { username, createdAt: { gt: new Date(Date.now() - 30_000) } } })).toBe(1)
    }
    // even the right password waits for the next slot, then gets in
    expect(await attempt(u.username, TEST_PASSWORD, request('203.0.113.13'))).toBe('locked')
    await new Promise((r) => setTimeout(r, accountDelayMs(PAIR_LIMIT + 1) + 200))
    expect(await attempt(u.username, TEST_PASSWORD, request('203.0.113.13'))).toBe('ok')
  })

  it('an address the account signed in from lately is not held to the account’s interval: a stranger taking every slot cannot keep the owner out', async () => {
    const u = await makeUser('ADMIN')
    // the owner signed in from the office last week
    await db.signInAttempt.create({ data: { username: u.username, ip: '203.0.113.14', success: true, createdAt: new Date(Date.now() - 7 * 86_400_000) } })
    // since then a guesser spread over many addresses, the last guess just now: the account's interval is running
    await db.signInAttempt.createMany({ data: Array.from({ length: 3 * PAIR_LIMIT }, (_, i) => ({ username: u.username, ip: `198.51.100.${i}`, success: false })) })
    expect(await beginSignInAttempt({ username: u.username, ip: '203.0.113.15' })).toMatchObject({ allowed: false })
    // the office is not refused, and the owner gets in at once
    expect(await signInRetryAt({ username: u.username, ip: '203.0.113.14' })).toBeNull()
    expect(await attempt(u.username, TEST_PASSWORD, request('203.0.113.14'))).toBe('ok')
    // an address known long ago (beyond KNOWN_ADDRESS_DAYS) is not exempt
    const v = await makeUser('ADMIN')
    await db.signInAttempt.create({ data: { username: v.username, ip: '203.0.113.16', success: true, createdAt: new Date(Date.now() - (KNOWN_ADDRESS_DAYS + 1) * 86_400_000) } })
    await db.signInAttempt.createMany({ data: Array.from({ length: 3 * PAIR_LIMIT }, (_, i) => ({ username: v.username, ip: `198.51.100.${i}`, success: false })) })
    expect(await attempt(v.username, TEST_PASSWORD, request('203.0.113.16'))).toBe('locked')
  })

  it('the account-wide interval doubles per failure and is capped', () => {
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

describe('stored hashes at an older cost', () => {
  it('are rehashed at today\'s cost on a successful sign-in only, without counting as a password change', async () => {
    const u = await makeUser('ADMIN') // the factory hashes at a low cost
    const before = await db.user.findUniqueOrThrow({ where: { id: u.id }, select: { passwordHash: true, sessionVersion: true } })
    expect(needsRehash(before.passwordHash)).toBe(true)
    expect(await attempt(u.username, 'salah-sekali-123', request('203.0.113.40'))).toBe('wrong')
    expect((await db.user.findUniqueOrThrow({ where: { id: u.id } })).passwordHash).toBe(before.passwordHash)
    expect(await attempt(u.username, TEST_PASSWORD, request('203.0.113.40'))).toBe('ok')
    const after = await db.user.findUniqueOrThrow({ where: { id: u.id }, select: { passwordHash: true, sessionVersion: true } })
    expect(after.passwordHash).not.toBe(before.passwordHash)
    expect(needsRehash(after.passwordHash)).toBe(false)
    expect(await verifyPassword(TEST_PASSWORD, after.passwordHash)).toBe(true)
    expect(after.sessionVersion).toBe(before.sessionVersion)
    expect(await db.auditLog.count({ where: { action: 'PASSWORD_CHANGE', entityId: u.id } })).toBe(0)
    // and the next sign-in leaves the upgraded hash alone
    expect(await attempt(u.username, TEST_PASSWORD, request('203.0.113.40'))).toBe('ok')
    expect((await db.user.findUniqueOrThrow({ where: { id: u.id } })).passwordHash).toBe(after.passwordHash)
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

  it('marks every wrong field in one round', async () => {
    const u = await makeUser('LEADERSHIP')
    signInAs(u)
    // all three empty: each field says so, not only the current password
    const empty = await changePassword(undefined, form({ currentPassword: '', newPassword: '', confirmPassword: '' }))
    expect(empty.errors).toEqual({ currentPassword: ['Isi kata sandi saat ini.'], newPassword: ['Isi kata sandi baru.'], confirmPassword: ['Ulangi kata sandi baru.'] })
    // a short new password and a repeat that differs: both, with the form's sentence for several fields
    const short = await changePassword(undefined, form({ currentPassword: TEST_PASSWORD, newPassword: 'pendek', confirmPassword: 'beda' }))
    expect(short.errors).toEqual({ newPassword: ['Kata sandi minimal 10 karakter.'], confirmPassword: ['Konfirmasi tidak sama dengan kata sandi baru.'] })
    expect(short.message).toBe('Periksa kembali isian yang ditandai.')
    // the wrong current password beside the policy's refusal, whether the schema passed or not
    const both = await changePassword(undefined, form({ currentPassword: 'salah-sekali-123', newPassword: `x-${u.username}-2026`, confirmPassword: `x-${u.username}-2026` }))
    expect(both.errors).toEqual({ currentPassword: ['Kata sandi saat ini salah.'], newPassword: ['Kata sandi tidak boleh memuat nama pengguna.'] })
    const all = await changePassword(undefined, form({ currentPassword: 'salah-sekali-123', newPassword: 'pendek', confirmPassword: '' }))
    expect(all.errors).toEqual({ currentPassword: ['Kata sandi saat ini salah.'], newPassword: ['Kata sandi minimal 10 karakter.'], confirmPassword: ['Ulangi kata sandi baru.'] })
    // "the same as the old one" is said only behind the right current password (else it tells a guess is the password)
    const same = await changePassword(undefined, form({ currentPassword: 'salah-sekali-123', newPassword: TEST_PASSWORD, confirmPassword: TEST_PASSWORD }))
    expect(same.errors).toEqual({ currentPassword: ['Kata sandi saat ini salah.'] })
    expect((await changePassword(undefined, form({ currentPassword: TEST_PASSWORD, newPassword: TEST_PASSWORD, confirmPassword: TEST_PASSWORD }))).errors).toEqual({ newPassword: ['Kata sandi baru harus berbeda dari yang lama.'] })
    expect(await db.auditLog.count({ where: { action: 'PASSWORD_CHANGE', entityId: u.id } })).toBe(0)
  })

  it('clears the forced change and sends the user on', async () => {
    const u = await makeUser('ADMIN', { mustChangePassword: true })
    signInAs(u)
    await expect(changePassword(undefined, form({ currentPassword: TEST_PASSWORD, newPassword: 'Kopi-Tubruk-Jombang-7', confirmPassword: 'Kopi-Tubruk-Jombang-7' }))).rejects.toThrow(/NEXT_REDIRECT/)
    expect((await db.user.findUniqueOrThrow({ where: { id: u.id } })).mustChangePassword).toBe(false)
  })
})
