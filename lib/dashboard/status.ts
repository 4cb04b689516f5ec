/**
 * Traffic-light status of a figure against its target's pace, for the leadership dashboard. The
 * thresholds are the agency's setting (defaults here), so it changes what "on track" means in one place.
 *
 * A flow target (credit disbursed, subsidy paid, beneficiaries) is expected to fill in a straight line
 * over the year: by 31 August, 244/366 of a 2024 target. A stock target (healthy KSP, % active
 * cooperatives, report completeness) is expected in full at any time.
 */
export type PaceStatus = 'ON_TRACK' | 'WATCH' | 'BEHIND'

/** actual ÷ expected-by-now, in percent: at or above `onTrack` is on track, at or above `watch` is watch, else behind. */
export type StatusThresholds = { onTrack: number; watch: number }

/**
 * The defaults, until the agency sets its own on /pengaturan/ambang (lib/data/settings.ts
 * `getStatusThresholds` reads the setting; pages pass it here).
 */
export const STATUS_THRESHOLDS = { onTrack: 95, watch: 80 } as const satisfies StatusThresholds

/** How far along its pace a figure is, in percent (null without a target or before the year starts). */
export function paceRatio({ actual, target, elapsed = 1 }: { actual: number | null; target: number | null; elapsed?: number }): number | null {
  if (actual === null || target === null || !(target > 0) || !(elapsed > 0)) return null
  return (actual / (target * elapsed)) * 100
}

/** The status of a figure against its target's pace; null when there is nothing to compare with. */
export function paceStatus(args: { actual: number | null; target: number | null; elapsed?: number }, thresholds: StatusThresholds = STATUS_THRESHOLDS): PaceStatus | null {
  const ratio = paceRatio(args)
  if (ratio === null) return null
  if (ratio >= thresholds.onTrack) return 'ON_TRACK'
  if (ratio >= thresholds.watch) return 'WATCH'
  return 'BEHIND'
}

/** The card colour of a status (StatCard tones). */
export const STATUS_TONE = { ON_TRACK: 'green', WATCH: 'amber', BEHIND: 'red' } as const satisfies Record<PaceStatus, 'green' | 'amber' | 'red'>
