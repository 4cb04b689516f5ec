import { z } from 'zod'
import { isIsoDate, REGENCY_CODE } from '@/lib/parse'
import { PROVINCE } from '@/lib/dashboard/query'
import { flatParams, type SearchParams } from '@/lib/url'

/** a real calendar date (lib/parse.ts): 2026-02-30 is no date, not 2 March */
const isoDate = z.string().refine(isIsoDate)

/**
 * The dashboards' filters from the URL (pages and .xlsx exports read the same ones): programme by its
 * code, regency, bank, as-of day; indicator and year on the indicator page. A malformed value falls
 * back to its default instead of failing the page. `regency`: a code, or `all` for the whole province (an empty
 * `regency=` of an older link reads as `all`); none is the user's default (lib/dashboard/query.ts).
 */
export const dashboardFilterSchema = z.object({
  program: z.string().regex(/^[A-Za-z0-9._-]{1,40}$/).optional().catch(undefined),
  regency: z.preprocess((v) => (v === '' ? PROVINCE : v), z.union([z.literal(PROVINCE), z.string().regex(REGENCY_CODE)]).optional()).catch(undefined),
  bank: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/).optional().catch(undefined),
  asOf: isoDate.optional().catch(undefined),
  indicator: z.string().regex(/^[A-Z0-9_]{1,32}$/).optional().catch(undefined),
  year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
})
export type DashboardFilterParams = z.infer<typeof dashboardFilterSchema>

/**
 * A dashboard page's URL parameters as flatParams gives them, except an empty `regency=`: flatParams drops an empty
 * value (an empty filter is "all" on a list), but here it is an older link's "whole province", kept as `all` (the
 * schema above reads it so too) rather than dropped into the user's default, a district officer's own regency.
 */
export function dashboardParams(given: SearchParams): Record<string, string> {
  const flat = withIndonesianNames(flatParams(given))
  return 'regency' in given && given.regency !== undefined && !flat.regency ? { ...flat, regency: PROVINCE } : flat
}

/**
 * The reporting screens' names for the same filters (/laporan-triwulan/realisasi takes `?indikator=…&tahun=…`): a link
 * copied from there and edited had silently shown the default indicator. The dashboard's own name wins when both are given.
 */
const INDONESIAN_NAMES = { indikator: 'indicator', tahun: 'year' } as const
function withIndonesianNames(flat: Record<string, string>): Record<string, string> {
  const out = { ...flat }
  for (const [id, en] of Object.entries(INDONESIAN_NAMES)) {
    if (out[id] !== undefined && out[en] === undefined) out[en] = out[id]
    delete out[id]
  }
  return out
}

/** The datasets a dashboard exports, one per chart or card set. */
export const DASHBOARD_DATASETS = ['ringkasan', 'bulanan', 'kabupaten', 'bank', 'kbli', 'skala', 'klaim'] as const
export type DashboardDataset = (typeof DASHBOARD_DATASETS)[number]
