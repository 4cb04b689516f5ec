import { cleanParam } from '@/lib/parse'

/** Search params as a page receives them (Next passes arrays for repeated keys). */
export type SearchParams = Record<string, string | string[] | undefined>

/**
 * The first value of each param, cleaned (NFC, control and bidi characters dropped: `?q=%00` is an empty
 * search, not a database error), empty ones dropped: what filters and zod schemas read.
 */
export function flatParams(params: SearchParams): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(params)) {
    const raw = Array.isArray(v) ? v[0] : v
    const value = raw === undefined ? '' : cleanParam(raw)
    if (value !== '') out[k] = value
  }
  return out
}

/** A link to the same view with some params changed (undefined removes one): filters stay in the URL. */
export function hrefWith(pathname: string, current: Record<string, string>, changes: Record<string, string | number | undefined>): string {
  const next = new URLSearchParams(current)
  for (const [k, v] of Object.entries(changes)) {
    if (v === undefined || v === '') next.delete(k)
    else next.set(k, String(v))
  }
  const qs = next.toString()
  return qs ? `${pathname}?${qs}` : pathname
}
