import { describe, expect, it } from 'vitest'
import { paceRatio, paceStatus, STATUS_THRESHOLDS } from './status'
import { yearElapsed } from './period'

describe('status against the target pace', () => {
  it('uses the configured thresholds: ≥ 95% on track, ≥ 80% watch, else behind', () => {
    expect(STATUS_THRESHOLDS).toEqual({ onTrack: 95, watch: 80 })
    expect(paceStatus({ actual: 95, target: 100 })).toBe('ON_TRACK')
    expect(paceStatus({ actual: 94.99, target: 100 })).toBe('WATCH')
    expect(paceStatus({ actual: 80, target: 100 })).toBe('WATCH')
    expect(paceStatus({ actual: 79.99, target: 100 })).toBe('BEHIND')
    expect(paceStatus({ actual: 120, target: 100 })).toBe('ON_TRACK')
  })

  it('compares a flow against the share of the year elapsed', () => {
    // half the target by mid-year is on track; a quarter of it is behind
    expect(paceStatus({ actual: 50, target: 100, elapsed: 0.5 })).toBe('ON_TRACK')
    expect(paceStatus({ actual: 42, target: 100, elapsed: 0.5 })).toBe('WATCH')
    expect(paceStatus({ actual: 25, target: 100, elapsed: 0.5 })).toBe('BEHIND')
    expect(paceRatio({ actual: 25, target: 100, elapsed: 0.5 })).toBe(50)
  })

  it('reads the seeds: Prokesra 2024 at 31 August is behind, its subsidy absorption on watch; 2023 on track', () => {
    const elapsed = yearElapsed(2024, '2024-08-31')
    expect(elapsed).toBeCloseTo(244 / 366, 10)
    expect(paceStatus({ actual: 53_019_249_400, target: 200_000_000_000, elapsed })).toBe('BEHIND')
    expect(paceStatus({ actual: 17_940_000_000, target: 31_038_000_000, elapsed })).toBe('WATCH')
    expect(paceStatus({ actual: 360_400_000_000, target: 355_915_000_000, elapsed: yearElapsed(2023, '2023-12-31') })).toBe('ON_TRACK')
  })

  it('takes custom thresholds', () => {
    expect(paceStatus({ actual: 90, target: 100 }, { onTrack: 90, watch: 50 })).toBe('ON_TRACK')
    expect(paceStatus({ actual: 49, target: 100 }, { onTrack: 90, watch: 50 })).toBe('BEHIND')
  })

  it('has no status without a target, a figure, or time elapsed', () => {
    expect(paceStatus({ actual: 10, target: null })).toBeNull()
    expect(paceStatus({ actual: 10, target: 0 })).toBeNull()
    expect(paceStatus({ actual: null, target: 10 })).toBeNull()
    expect(paceStatus({ actual: 10, target: 10, elapsed: 0 })).toBeNull()
  })
})
