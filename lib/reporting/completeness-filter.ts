/**
 * The completeness page's filter (/laporan-triwulan/kelengkapan?triwulan=3&status=belum): which regencies to list by
 * their report for one quarter. "Who is still missing for Triwulan III" had meant reading 38 rows × 4 quarters of
 * badges, and on a phone scrolling sideways on every row to reach the quarter that matters.
 */
export const COMPLETENESS_STATUSES = ['belum', 'dikembalikan', 'terlambat', 'menunggu', 'disetujui'] as const
export type CompletenessStatus = (typeof COMPLETENESS_STATUSES)[number]

type Cell = { status: 'NOT_STARTED' | 'DRAFT' | 'SUBMITTED' | 'RETURNED' | 'APPROVED'; timeliness: 'ON_TIME' | 'LATE' | 'OVERDUE' | 'PENDING' | 'NOT_REQUIRED' }

/**
 * Whether a quarter's cell is of the chosen status: `belum` never sent (not started or a draft) for a quarter that is
 * owed, `terlambat` sent late or still out past the deadline; no status is every cell.
 */
export function matchesCompletenessStatus(cell: Cell, status: CompletenessStatus | undefined): boolean {
  switch (status) {
    case undefined: return true
    case 'belum': return (cell.status === 'NOT_STARTED' || cell.status === 'DRAFT') && cell.timeliness !== 'NOT_REQUIRED'
    case 'dikembalikan': return cell.status === 'RETURNED'
    case 'terlambat': return cell.timeliness === 'LATE' || cell.timeliness === 'OVERDUE'
    case 'menunggu': return cell.status === 'SUBMITTED'
    case 'disetujui': return cell.status === 'APPROVED'
  }
}

/**
 * The quarter the page opens on: the latest whose deadline has passed (the one to chase now: Triwulan III in
 * December), else the first quarter of the year.
 */
export function focusQuarter(quarters: readonly { quarter: number; pastDeadline: boolean }[]): number {
  return quarters.filter((q) => q.pastDeadline).at(-1)?.quarter ?? 1
}
