import { describe, expect, it } from 'vitest'
import { isOverdue } from '@/lib/meetings/rules'

// The badge's rule must say what the as-of list's SQL (lib/data/meetings.ts overdueAt) says, case by case.
describe('isOverdue: a follow-up late on a Jakarta day', () => {
  const due = new Date('2026-11-30T00:00:00Z')
  const held = { startsAt: new Date('2026-11-02T02:00:00Z') }

  it('is late the day after its due date while open, not on the due date itself', () => {
    expect(isOverdue({ dueDate: due, status: 'OPEN', meeting: held }, '2026-11-30')).toBe(false)
    expect(isOverdue({ dueDate: due, status: 'OPEN', meeting: held }, '2026-12-01')).toBe(true)
    expect(isOverdue({ dueDate: '2026-11-30', status: 'IN_PROGRESS' }, '2026-12-01')).toBe(true)
  })

  it('is not late once done or dropped, by its status or by when it was closed', () => {
    expect(isOverdue({ dueDate: due, status: 'DONE' }, '2026-12-04')).toBe(false)
    expect(isOverdue({ dueDate: due, status: 'DONE', closedAt: new Date('2026-12-02T03:00:00Z') }, '2026-12-04')).toBe(false)
    // closed on 2 December (Jakarta): still late at the end of 1 December
    expect(isOverdue({ dueDate: due, status: 'DONE', closedAt: new Date('2026-12-02T03:00:00Z') }, '2026-12-01')).toBe(true)
    // closed at 23:30 WIB on 1 December: not late at that day's end
    expect(isOverdue({ dueDate: due, status: 'DONE', closedAt: new Date('2026-12-01T16:30:00Z') }, '2026-12-01')).toBe(false)
  })

  it('is not late while its meeting had not yet started (a meeting moved later)', () => {
    const moved = { startsAt: new Date('2026-12-10T02:00:00Z') }
    expect(isOverdue({ dueDate: due, status: 'OPEN', closedAt: null, meeting: moved }, '2026-12-04')).toBe(false)
    expect(isOverdue({ dueDate: due, status: 'OPEN', closedAt: null, meeting: moved }, '2026-12-10')).toBe(true)
  })
})
