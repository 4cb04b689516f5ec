import { describe, expect, it } from 'vitest'
import { focusQuarter, matchesCompletenessStatus } from './completeness-filter'

describe('the completeness page\'s filter', () => {
  it('lists the regencies still missing a quarter, late ones, and the others by status', () => {
    const cell = (status: Parameters<typeof matchesCompletenessStatus>[0]['status'], timeliness: Parameters<typeof matchesCompletenessStatus>[0]['timeliness']) => ({ status, timeliness })
    expect(matchesCompletenessStatus(cell('DRAFT', 'OVERDUE'), 'belum')).toBe(true)
    expect(matchesCompletenessStatus(cell('NOT_STARTED', 'PENDING'), 'belum')).toBe(true)
    // a quarter before reporting began is owed by nobody
    expect(matchesCompletenessStatus(cell('NOT_STARTED', 'NOT_REQUIRED'), 'belum')).toBe(false)
    expect(matchesCompletenessStatus(cell('SUBMITTED', 'LATE'), 'belum')).toBe(false)
    expect(matchesCompletenessStatus(cell('SUBMITTED', 'LATE'), 'terlambat')).toBe(true)
    expect(matchesCompletenessStatus(cell('DRAFT', 'OVERDUE'), 'terlambat')).toBe(true)
    expect(matchesCompletenessStatus(cell('APPROVED', 'ON_TIME'), 'terlambat')).toBe(false)
    expect(matchesCompletenessStatus(cell('RETURNED', 'ON_TIME'), 'dikembalikan')).toBe(true)
    expect(matchesCompletenessStatus(cell('SUBMITTED', 'ON_TIME'), 'menunggu')).toBe(true)
    expect(matchesCompletenessStatus(cell('APPROVED', 'ON_TIME'), 'disetujui')).toBe(true)
    expect(matchesCompletenessStatus(cell('APPROVED', 'ON_TIME'), undefined)).toBe(true)
  })
  it('opens on the latest quarter past its deadline', () => {
    expect(focusQuarter([{ quarter: 1, pastDeadline: true }, { quarter: 2, pastDeadline: true }, { quarter: 3, pastDeadline: true }, { quarter: 4, pastDeadline: false }])).toBe(3)
    expect(focusQuarter([{ quarter: 1, pastDeadline: false }, { quarter: 2, pastDeadline: false }])).toBe(1)
  })
})
