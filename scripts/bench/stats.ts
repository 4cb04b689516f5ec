/** Small helpers: percentiles, timing, and a plain-text table. */
import { performance } from 'node:perf_hooks'

/** Nearest-rank percentile of a sample (ms). */
export function percentile(sample: number[], p: number): number {
  if (sample.length === 0) return NaN
  const sorted = [...sample].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]
}

export async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t = performance.now()
  const value = await fn()
  return { ms: performance.now() - t, value }
}

export const round = (n: number, digits = 1) => (Number.isFinite(n) ? Number(n.toFixed(digits)) : n)

/** A table with a header, right-aligning cells that look like numbers. */
export function table(header: string[], rows: (string | number)[][]): string {
  const cells = [header, ...rows.map((r) => r.map((c) => String(c)))]
  const widths = header.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)))
  const numeric = (s: string) => /^[-+]?[\d.,]+( ?(ms|s|x|%))?$/.test(s)
  const line = (r: string[]) => r.map((c, i) => (numeric(c) ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ').trimEnd()
  return [line(cells[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n')
}
