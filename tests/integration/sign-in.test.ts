import { describe, expect, it } from 'vitest'
import { signInAs } from '../support/session-mock'
import { createUser as makeUser, form, TEST_PASSWORD } from '../support/factories'
import { db } from '@/lib/db'
import { ACCOUNT_LIMIT, ADDRESS_LIMIT, recordSignInAttempt, signInLock } from '@/lib/sign-in-throttle'
import { changePassword } from '@/lib/actions/auth'

describe('sign-in throttling (in PostgreSQL, shared by every app instance)', () => {
  it('locks an account after five failures within the window, and says until when', async () => {
    const ip = '203.0.113.7'
    for (let i = 0; i < ACCOUNT_LIMIT - 1; i++) await recordSignInAttempt({ username: 'sasaran', ip, success: false })
    expect((await signInLock({ username: 'sasaran', ip })).locked).toBe(false)
    await recordSignInAttempt({ username: 'sasaran', ip, success: false })
    const lock = await signInLock({ username: 'sasaran', ip: '198.51.100.1' })
    expect(lock.locked).toBe(true)
    // 15 minutes after the oldest of the five failures
    const oldest = await db.signInAttempt.findFirstOrThrow({ where: { username: 'sasaran' }, orderBy: { id: 'asc' } })
    expect(lock.retryAt!.getTime()).toBe(oldest.createdAt.getTime() + 15 * 60_000)
    // another account from the same address is not locked by this one
    expect((await signInLock({ username: 'lainnya', ip })).locked).toBe(false)
  })

  it('forgets failures older than the window', async () => {
    await db.signInAttempt.createMany({ data: Array.from({ length: 8 }, () => ({ username: 'lama', ip: '203.0.113.8', success: false, createdAt: new Date(Date.now() - 16 * 60_000) })) })
    expect((await signInLock({ username: 'lama', ip: '203.0.113.8' })).locked).toBe(false)
  })

  it('restarts the count after a successful sign-in', async () => {
    for (let i = 0; i < 3; i++) await recordSignInAttempt({ username: 'pulih', ip: '203.0.113.9', success: false })
    await new Promise((r) => setTimeout(r, 5))
    await recordSignInAttempt({ username: 'pulih', ip: '203.0.113.9', success: true })
    for (let i = 0; i < 3; i++) await recordSignInAttempt({ username: 'pulih', ip: '203.0.113.9', success: false })
    expect((await signInLock({ username: 'pulih', ip: '203.0.113.9' })).locked).toBe(false)
  })

  it('locks an address that guesses across many accounts', async () => {
    const ip = '192.0.2.44'
    for (let i = 0; i < ADDRESS_LIMIT; i++) await recordSignInAttempt({ username: `tebak${i}`, ip, success: false })
    expect((await signInLock({ username: 'siapa-saja', ip })).locked).toBe(true)
    expect((await signInLock({ username: 'siapa-saja', ip: '192.0.2.45' })).locked).toBe(false)
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
    expect(await db.auditLog.count({ where: { action: 'PASSWORD_CHANGE' } })).toBe(0)
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
