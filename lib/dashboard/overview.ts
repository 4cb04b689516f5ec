/**
 * The overview's figures as cards: value, target, the same date last year, the change and the status
 * against the target's pace. Pure (the figures come from lib/data/dashboard.ts#getOverview), so the
 * page and its .xlsx export show the same numbers and the same colours.
 */
import type { Overview } from '@/lib/data/dashboard'
import { yearElapsed } from './period'
import { paceStatus, STATUS_THRESHOLDS, type PaceStatus, type StatusThresholds } from './status'

/**
 * The report indicators whose quantity the overview's cards read from the cooperative register instead (the share of
 * active cooperatives, of registered and active ones, healthy KSPs): their pages say the register's figure may differ.
 */
export const REGISTER_READ_INDICATORS: ReadonlySet<string> = new Set(['KOP_AKTIF_PCT', 'KOP_AKTIF', 'KOP_TERDAFTAR', 'KSP_SEHAT'])

export type OverviewCardKey = 'realisation' | 'absorption' | 'beneficiaries' | 'activeCoops' | 'healthyKsp' | 'completeness'

export type OverviewCard = {
  key: OverviewCardKey
  /** percentages in percent (26.51), counts as counts */
  unit: 'PERCENT' | 'COUNT'
  value: number | null
  target: number | null
  lastYear: number | null
  /** value − last year's (percentage points for a percentage) */
  change: number | null
  status: PaceStatus | null
  /** false when the source holds no data yet (an empty register): the card says so, no number */
  available: boolean
  /** the completeness card's quarter is before the agency's first required one (lib/reporting/start.ts) */
  notRequired?: boolean
}

const diff = (a: number | null | undefined, b: number | null | undefined) => (a === null || a === undefined || b === null || b === undefined ? null : a - b)

/**
 * Cards in display order; completeness only for roles that read reports, registers only for roles that
 * read them. `thresholds`: the agency's setting (lib/data/settings.ts), so page and export colour alike.
 */
export function overviewCards(o: Overview, programYear: number, thresholds: StatusThresholds = STATUS_THRESHOLDS): OverviewCard[] {
  const s = o.summary
  const ly = o.lastYear
  // flows fill in over the programme year: judged against the share of the year elapsed
  const elapsed = yearElapsed(programYear, s.asOf)
  const cards: OverviewCard[] = [
    {
      key: 'realisation', unit: 'PERCENT', value: s.realisationPct, target: 100, lastYear: ly?.realisationPct ?? null,
      change: diff(s.realisationPct, ly?.realisationPct), status: paceStatus({ actual: s.disbursed, target: s.creditTarget, elapsed }, thresholds), available: true,
    },
    {
      key: 'absorption', unit: 'PERCENT', value: s.absorptionPct, target: 100, lastYear: ly?.absorptionPct ?? null,
      change: diff(s.absorptionPct, ly?.absorptionPct), status: paceStatus({ actual: s.subsidyPaid, target: s.subsidyCeiling, elapsed }, thresholds), available: true,
    },
    {
      key: 'beneficiaries', unit: 'COUNT', value: s.beneficiaries, target: s.beneficiaryTarget, lastYear: ly?.beneficiaries ?? null,
      change: diff(s.beneficiaries, ly?.beneficiaries), status: paceStatus({ actual: s.beneficiaries, target: s.beneficiaryTarget, elapsed }, thresholds), available: true,
    },
  ]
  if (o.registers) {
    const c = o.registers.cooperatives
    const has = c.registered > 0
    // stocks are expected in full at any time: no pace
    cards.push(
      { key: 'activeCoops', unit: 'PERCENT', value: has ? c.activePct : null, target: c.activePctTarget, lastYear: null, change: null, status: has ? paceStatus({ actual: c.activePct, target: c.activePctTarget }, thresholds) : null, available: has },
      {
        key: 'healthyKsp', unit: 'COUNT', value: has ? c.healthyKsp : null, target: c.healthyKspTarget, lastYear: has ? c.healthyKspLastYear : null,
        change: has ? diff(c.healthyKsp, c.healthyKspLastYear) : null, status: has ? paceStatus({ actual: c.healthyKsp, target: c.healthyKspTarget }, thresholds) : null, available: has,
      },
    )
  }
  if (o.reporting) {
    // a quarter before the agency's first required one predates the system's use: no figure rather than a red 0%.
    // Without a start set, a quarter with no report row at all is taken to predate it too; with one, a required
    // quarter nobody has started is a 0% (what the start is there to show)
    const inUse = (q: { regencies: number; notStarted: number; required: boolean; startSet: boolean } | null) =>
      (q ? q.required && (q.startSet || q.regencies - q.notStarted > 0) : false)
    const q = o.reporting.current
    const last = inUse(o.reporting.lastYear) ? o.reporting.lastYear!.completeness : null
    cards.push({
      key: 'completeness', unit: 'PERCENT', value: inUse(q) ? q!.completeness : null, target: 100, lastYear: last,
      change: inUse(q) ? diff(q!.completeness, last) : null,
      // before the deadline a missing report is not late yet
      status: inUse(q) && q!.pastDeadline ? paceStatus({ actual: q!.completeness, target: 100 }, thresholds) : null, available: inUse(q),
      notRequired: q ? !q.required : false,
    })
  }
  return cards
}
