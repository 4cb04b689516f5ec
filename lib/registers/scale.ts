/**
 * Business scale by PP 7/2021 art. 35. Business capital (excluding land and buildings) decides for a
 * new registration; annual sales decide for an existing business. Limits are inclusive upper bounds:
 * capital Rp1.000.000.000 is still micro, Rp1.000.000.001 is small.
 * Amounts are compared as exact whole cents (BigInt), never as floating point.
 */
import type { BusinessScale } from '@/lib/generated/prisma/enums'

type Amount = string | number | bigint | { toString(): string }

const BN = BigInt(1_000_000_000)

/** Upper bounds (inclusive, in rupiah) of micro, small and medium; above the last is large. */
export const SCALE_LIMITS = {
  capital: [BN * BigInt(1), BN * BigInt(5), BN * BigInt(10)],
  sales: [BN * BigInt(2), BN * BigInt(15), BN * BigInt(50)],
} as const

const ORDER: readonly BusinessScale[] = ['MIKRO', 'KECIL', 'MENENGAH', 'BESAR']

/** An amount in whole cents: `'1000000000.01'` → 100000000001n. Throws on anything not a plain number. */
export function toCents(value: Amount): bigint {
  const text = typeof value === 'number' ? value.toFixed(2) : value.toString().trim()
  const m = /^(-?)(\d+)(?:\.(\d{1,2})\d*)?$/.exec(text)
  if (!m) throw new Error(`Bukan angka: ${text}`)
  const cents = BigInt(m[2]) * BigInt(100) + BigInt((m[3] ?? '0').padEnd(2, '0'))
  return m[1] ? -cents : cents
}

/** The scale of an amount against one set of limits. */
export function scaleBy(amount: Amount, limits: readonly bigint[]): BusinessScale {
  const cents = toCents(amount)
  const i = limits.findIndex((limit) => cents <= limit * BigInt(100))
  return ORDER[i === -1 ? limits.length : i]
}

/** PP 7/2021 scale of a business from its figures (see the module comment for which figure decides). */
export function computeScale(input: { businessCapital: Amount; annualSales: Amount; newRegistration: boolean }): BusinessScale {
  return input.newRegistration ? scaleBy(input.businessCapital, SCALE_LIMITS.capital) : scaleBy(input.annualSales, SCALE_LIMITS.sales)
}

/** True when a recorded scale exists and contradicts the computed one: flagged in lists and details. */
export function isScaleMismatch(recorded: BusinessScale | null | undefined, computed: BusinessScale): boolean {
  return Boolean(recorded) && recorded !== computed
}

export const BUSINESS_SCALES = ORDER
