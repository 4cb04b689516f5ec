import 'server-only'
import { cache } from 'react'
import { readDb } from '@/lib/db'
import { STATUS_THRESHOLDS, type StatusThresholds } from '@/lib/dashboard/status'
import { DEFAULT_HEALTH_TEMPLATE, type HealthTemplate } from '@/lib/registers/health'

/** The settings key of the dashboard's traffic light (lib/dashboard/status.ts). */
export const THRESHOLDS_KEY = 'dashboard.thresholds'

/**
 * The dashboard's status thresholds as the agency set them on /pengaturan/ambang, else the defaults
 * (95 / 80), with the version the settings screen checks a save against (0 = never saved). Read once
 * per request; not personal or scoped data, so every role's dashboard reads the same row.
 */
export const getStatusThresholds = cache(async (): Promise<StatusThresholds & { version: number; updatedAt: Date | null }> => {
  const row = await readDb.setting.findUnique({ where: { key: THRESHOLDS_KEY }, select: { value: true, version: true, updatedAt: true } })
  const v = row?.value as Partial<StatusThresholds> | undefined
  if (!row || typeof v?.onTrack !== 'number' || typeof v?.watch !== 'number') return { ...STATUS_THRESHOLDS, version: row?.version ?? 0, updatedAt: row?.updatedAt ?? null }
  return { onTrack: v.onTrack, watch: v.watch, version: row.version, updatedAt: row.updatedAt }
})

/** The settings key of the cooperative health template (lib/registers/health.ts). */
export const HEALTH_TEMPLATE_KEY = 'health.template'

/**
 * The agency's health assessment template (aspect weights, outcome bands, where each comes from), else
 * the defaults, with the version a save is checked against and an assessment records (0 = the defaults).
 */
export const getHealthTemplate = cache(async (): Promise<HealthTemplate & { version: number; updatedAt: Date | null }> => {
  const row = await readDb.setting.findUnique({ where: { key: HEALTH_TEMPLATE_KEY }, select: { value: true, version: true, updatedAt: true } })
  const v = row?.value as Partial<HealthTemplate> | undefined
  if (!row || !v?.weights || !v?.bands) return { ...DEFAULT_HEALTH_TEMPLATE, version: 0, updatedAt: null }
  return { weights: v.weights, bands: v.bands, sources: { ...DEFAULT_HEALTH_TEMPLATE.sources, ...v.sources }, version: row.version, updatedAt: row.updatedAt }
})
