import { describe, expect, it } from 'vitest'
import { chartTicks, dataMax } from '@/components/charts/scale'

describe('the value axis a chart keeps from its first drawing to its Recharts drawing and on paper', () => {
  it('steps of 1, 2, 2,5 or 5 × a power of ten, from 0 to at or above the largest value', () => {
    // the walk's credit chart: Rp175 miliar of target pace drew Rp50/100/150/200 M first, then Recharts' own 45/90/135/180
    expect(chartTicks(175e9)).toEqual([0, 50e9, 100e9, 150e9, 200e9])
    expect(chartTicks(32.5e9)).toEqual([0, 10e9, 20e9, 30e9, 40e9])
    expect(chartTicks(100)).toEqual([0, 25, 50, 75, 100])
    expect(chartTicks(0)).toEqual([0, 1, 2, 3, 4])
  })
  it('reads the largest value of the chart’s series, leaving out months without a figure', () => {
    expect(dataMax([{ a: 3, b: null }, { a: 1, b: 7 }, { a: Number.NaN, b: 2 }], ['a', 'b'])).toBe(7)
    expect(dataMax([], ['a'])).toBe(0)
  })
})
