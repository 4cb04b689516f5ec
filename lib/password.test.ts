import { describe, expect, it } from 'vitest'
import bcrypt from 'bcryptjs'
import { hashPassword, needsRehash, passwordProblem, temporaryPassword } from './password'

describe('password policy', () => {
  it('accepts a long, personal passphrase', () => {
    expect(passwordProblem('Kopi-Tubruk-Jombang-7', 'jombang2')).toBeNull()
  })
  it('refuses fewer than 10 characters', () => {
    expect(passwordProblem('Pendek-12', 'x')).toBe('Kata sandi minimal 10 karakter.')
  })
  it('refuses a password containing the username, in any case', () => {
    expect(passwordProblem('XXJombang-2026', 'jombang')).toBe('Kata sandi tidak boleh memuat nama pengguna.')
  })
  it('refuses common passwords, in any case', () => {
    expect(passwordProblem('Password123', 'budi')).toBe('Kata sandi ini terlalu umum; pilih yang lain.')
    expect(passwordProblem('BISMILLAH123', 'budi')).toBe('Kata sandi ini terlalu umum; pilih yang lain.')
  })
  it('refuses a single repeated character', () => {
    expect(passwordProblem('aaaaaaaaaaaa', 'budi')).toBe('Kata sandi tidak boleh satu karakter berulang.')
  })
  it('refuses more than bcrypt can read (72 bytes), counting multi-byte characters', () => {
    // 'é' is two bytes in UTF-8: 25 × 'éb' = 75 bytes, 24 × 'éb' = 72 bytes
    expect(passwordProblem('éb'.repeat(25), 'budi')).toBe('Kata sandi terlalu panjang (maksimal 72 byte).')
    expect(passwordProblem('éb'.repeat(24), 'budi')).toBeNull()
  })
  it('makes temporary passwords that pass the policy and differ each time', () => {
    const a = temporaryPassword()
    expect(a).toHaveLength(14)
    expect(passwordProblem(a, 'budi')).toBeNull()
    expect(temporaryPassword()).not.toBe(a)
  })
})

describe('hash cost', () => {
  it('asks for a rehash of hashes made at a lower cost than the app\'s own, and of nothing else', async () => {
    expect(needsRehash(bcrypt.hashSync('Kopi-Tubruk-Jombang-7', 10))).toBe(true)
    expect(needsRehash(await hashPassword('Kopi-Tubruk-Jombang-7'))).toBe(false)
    expect(needsRehash('bukan-hash')).toBe(false)
  })
})
