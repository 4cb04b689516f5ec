/**
 * What the library-free first drawing of a chart (static-chart.tsx) and its Recharts drawing share, so that a
 * chart does not change under the pointer: the value axis (a walk saw Rp50/100/150/200 M become Rp45/90/135/180 M
 * once Recharts took over, and the printout carried the second), and the colour of the words in tooltips and
 * legends (Recharts writes them in the series' colour, and a light bar's words were near white on white).
 */

/** 0 and up to four round steps (1, 2, 2,5 or 5 × a power of ten), the last at or above the largest value. */
export function chartTicks(max: number): number[] {
  if (!(max > 0)) return [0, 1, 2, 3, 4]
  const raw = max / 4
  const power = 10 ** Math.floor(Math.log10(raw))
  const step = ([1, 2, 2.5, 5, 10].find((f) => f * power >= raw) ?? 10) * power
  return Array.from({ length: Math.ceil(max / step - 1e-9) + 1 }, (_, i) => i * step)
}

/** The largest finite value of the given keys over the rows (0 when none). */
export function dataMax<T extends object>(rows: T[], keys: readonly string[]): number {
  return Math.max(0, ...rows.flatMap((row) => keys.map((k) => {
    const v = (row as Record<string, unknown>)[k]
    return typeof v === 'number' && Number.isFinite(v) ? v : 0
  })))
}

/** The words of a tooltip's rows and of a legend: slate, readable whatever the series' colour. */
export const CHART_TEXT = '#334155'
export const TOOLTIP_ITEM_STYLE = { color: CHART_TEXT } as const

/**
 * Legend and tooltip rows in the order the series are drawn, as the first drawing's legend lists them: Recharts
 * sorts both alphabetically by default, so they reordered under the pointer, and differently in each language.
 */
export const inDrawnOrder = (keys: readonly string[]) => (item: { dataKey?: unknown }): number => keys.indexOf(String(item.dataKey))
