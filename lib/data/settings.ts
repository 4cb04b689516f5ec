import 'server-only'
import { cache } from 'react'
import { readDb } from '@/lib/db'
import { cachedFigures } from '@/lib/figure-cache'
import { STATUS_THRESHOLDS, type StatusThresholds } from '@/lib/dashboard/status'

/** The settings key of the dashboard's traffic light (lib/dashboard/status.ts). */
export const THRESHOLDS_KEY = 'dashboard.thresholds'

/**
 * The dashboard's status thresholds as the agency set them on /pengaturan/ambang, else the defaults
 * (95 / 80), with the version the settings screen checks a save against (0 = never saved). Read once
 * per request; not personal or scoped data, so every role's dashboard reads the same row.
 */
export const getStatusThresholds = cache(async (): Promise<StatusThresholds & { version: number; updatedAt: Date | null }> => {
  // across requests from the snapshot-keyed cache (lib/figure-cache.ts): every dashboard reads it
  const row = await cachedFigures('status-thresholds', [], () => readDb.setting.findUnique({ where: { key: THRESHOLDS_KEY }, select: { value: true, version: true, updatedAt: true } }))
  const v = row?.value as Partial<StatusThresholds> | undefined
  if (!row || typeof v?.onTrack !== 'number' || typeof v?.watch !== 'number') return { ...STATUS_THRESHOLDS, version: row?.version ?? 0, updatedAt: row?.updatedAt ?? null }
  return { onTrack: v.onTrack, watch: v.watch, version: row.version, updatedAt: row.updatedAt }
})
