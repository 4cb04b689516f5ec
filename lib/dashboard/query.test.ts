import { describe, expect, it } from 'vitest'
import { dashboardFilterSchema, dashboardParams } from '@/lib/validations/dashboard'
import { defaultRegency, PROVINCE, regencyParam, shownRegency } from './query'

const officer = { role: 'DISTRICT_OFFICER', regencyCode: '35.17' } as const
const leader = { role: 'LEADERSHIP', regencyCode: null } as const

describe('the dashboards’ regency scope', () => {
  it('opens every tab on a district officer’s own regency, and on the province for everyone else', () => {
    expect(defaultRegency(officer)).toBe('35.17')
    expect(defaultRegency(leader)).toBeUndefined()
    expect(defaultRegency({ role: 'ADMIN', regencyCode: null })).toBeUndefined()
    expect(shownRegency(officer, undefined)).toBe('35.17')
    expect(shownRegency(leader, undefined)).toBeUndefined()
  })

  it('shows the province for `all` and for the empty regency= of an older link, and a code as given', () => {
    expect(shownRegency(officer, PROVINCE)).toBeUndefined()
    expect(shownRegency(officer, '')).toBeUndefined()
    expect(shownRegency(leader, '35.07')).toBe('35.07')
    // the URL: an empty regency= reads as the province, a malformed one as none (the default)
    expect(dashboardFilterSchema.parse({ regency: '' }).regency).toBe(PROVINCE)
    expect(dashboardFilterSchema.parse({ regency: 'all' }).regency).toBe(PROVINCE)
    expect(dashboardFilterSchema.parse({ regency: '35.17' }).regency).toBe('35.17')
    expect(dashboardFilterSchema.parse({ regency: 'semua' }).regency).toBeUndefined()
    expect(dashboardFilterSchema.parse({}).regency).toBeUndefined()
    // a page's search params: an empty regency= is kept as the province (flatParams drops empty filters)
    expect(dashboardParams({ program: 'PROKESRA-2026', regency: '' })).toEqual({ program: 'PROKESRA-2026', regency: PROVINCE })
    expect(dashboardParams({ regency: ['', '35.17'] })).toEqual({ regency: PROVINCE })
    expect(dashboardParams({ regency: '35.17', asOf: '' })).toEqual({ regency: '35.17' })
    expect(dashboardParams({ program: 'PROKESRA-2026' })).toEqual({ program: 'PROKESRA-2026' })
  })

  it('carries the province in a link as `all` only where it is not the default, so a tab keeps the view', () => {
    expect(regencyParam(officer, undefined)).toBe(PROVINCE)
    expect(regencyParam(leader, undefined)).toBeUndefined()
    expect(regencyParam(officer, '35.17')).toBe('35.17')
    expect(regencyParam(leader, '35.07')).toBe('35.07')
    // and what a link carries reads back as the view it came from
    for (const user of [officer, leader]) {
      for (const shown of [undefined, '35.17']) expect(shownRegency(user, regencyParam(user, shown))).toBe(shown)
    }
  })
})
