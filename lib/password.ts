/**
 * Password hashing and policy. bcrypt (cost 12) from the pure-JS `bcryptjs`: no native build step.
 * bcrypt reads at most 72 bytes, so longer passwords are refused rather than silently truncated.
 */
import bcrypt from 'bcryptjs'
import { randomInt } from 'node:crypto'
import { COMMON_PASSWORDS } from './common-passwords'

const COST = 12

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, COST)
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password, hash)
}

/**
 * A stored hash made at a lower cost than today's (an older policy, or an outside seed): rehashed at the next
 * successful sign-in, so every account costs the same time to check and a cheap hash does not tell a guesser
 * which usernames exist.
 */
export function needsRehash(hash: string): boolean {
  try {
    return bcrypt.getRounds(hash) < COST
  } catch {
    return false // not a bcrypt hash: nothing we can upgrade here
  }
}

/** The reason a new password is refused (Indonesian), or null when it is acceptable. */
export function passwordProblem(password: string, username: string): string | null {
  if (password.length < 10) return 'Kata sandi minimal 10 karakter.'
  if (Buffer.byteLength(password, 'utf8') > 72) return 'Kata sandi terlalu panjang (maksimal 72 byte).'
  const lower = password.toLowerCase()
  if (username && lower.includes(username.toLowerCase())) return 'Kata sandi tidak boleh memuat nama pengguna.'
  if (COMMON_PASSWORDS.has(lower)) return 'Kata sandi ini terlalu umum; pilih yang lain.'
  if (/^(.)\1+$/.test(password)) return 'Kata sandi tidak boleh satu karakter berulang.'
  return null
}

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789'

/** A temporary password for a new user or a reset: 14 unambiguous characters, shown once. */
export function temporaryPassword(): string {
  let out = ''
  for (let i = 0; i < 14; i++) out += ALPHABET[randomInt(ALPHABET.length)]
  return out
}
