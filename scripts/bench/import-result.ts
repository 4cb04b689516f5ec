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

/**
 * A checkpoint, so that the write measured next (the import's write job, COPY) starts where the other started:
 * no checkpoint of earlier writes running meanwhile, and the same first-touch page images in the WAL. Skipped
 * where the bench's user may not (CHECKPOINT needs a superuser or pg_checkpoint).
 */
export async function checkpoint(c: { query(text: string): Promise<unknown> }) {
  try {
    await c.query('CHECKPOINT')
  } catch {
    // not permitted: measured without
  }
}
