/** What the import bench's worker (import-worker.ts) reports to the bench (import.ts), on one line of its output. */
export const RESULT_PREFIX = 'IMPORT-RESULT '

type PhasePeak = { rss: number; heap: number; external: number; live?: number }

export type RealImport = {
  accepted: number
  rejected: number
  uploadMs: number
  checkMs: number
  commitMs: number
  totalMs: number
  /** bytes */
  peakRss: number
  /** the worker's RSS when the import began (bytes) */
  baselineRss: number
  phases: { upload: PhasePeak; check: PhasePeak; commit: PhasePeak }
  errors: string[]
}
