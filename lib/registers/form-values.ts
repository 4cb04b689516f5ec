/** Stored values as the registers' forms show them (the inverse of the zod field parsers). */
import { formatNumber } from '@/lib/format'

/** A DATE column as `<input type="date">` wants it: `2024-09-18`. */
export function dateInput(d: Date | null | undefined): string {
  return d ? d.toISOString().slice(0, 10) : ''
}

/** A Decimal rupiah amount as people type it: `1.500.000` (cents only when there are some). */
export function moneyInput(v: { toString(): string } | null | undefined): string {
  if (v === null || v === undefined) return ''
  const text = v.toString()
  const cents = /\.(\d+)$/.exec(text)?.[1]
  return formatNumber(text, { decimals: cents && Number(cents) !== 0 ? 2 : 0 })
}

/** A count as people type it and the lists show it: `1.250` (the counts' parser reads the dot as thousands). */
export function countInput(v: number): string {
  return formatNumber(v, { locale: 'id' })
}
