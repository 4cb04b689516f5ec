import { describe, expect, it } from 'vitest'
import { dashboardFilterSchema, dashboardParams } from './dashboard'

describe('dashboardParams: the filters a link names', () => {
  it('reads the reporting screens\' `indikator` and `tahun` as `indicator` and `year` (a link copied from the realisation page)', () => {
    const p = dashboardFilterSchema.parse(dashboardParams({ indikator: 'DAK_PENDAMPINGAN', tahun: '2026' }))
    expect(p.indicator).toBe('DAK_PENDAMPINGAN')
    expect(p.year).toBe(2026)
  })
  it('keeps the dashboard\'s own names when both are given', () => {
    expect(dashboardParams({ indicator: 'KOP_AKTIF', indikator: 'DAK_PENDAMPINGAN', year: '2025', tahun: '2026' })).toEqual({ indicator: 'KOP_AKTIF', year: '2025' })
  })
  it('still keeps an empty regency as the whole province', () => {
    expect(dashboardParams({ regency: '' }).regency).toBe('all')
  })
})
