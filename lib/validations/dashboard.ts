import { z } from 'zod'
import { isIsoDate } from '@/lib/parse'

/** a real calendar date (lib/parse.ts): 2026-02-30 is no date, not 2 March */
const isoDate = z.string().refine(isIsoDate)

/**
 * The dashboards' filters from the URL (pages and .xlsx exports read the same ones): programme by its
 * code, regency, bank, as-of day; indicator and year on the indicator page. A malformed value falls
 * back to its default instead of failing the page.
 */
export const dashboardFilterSchema = z.object({
  program: z.string().regex(/^[A-Za-z0-9._-]{1,40}$/).optional().catch(undefined),
  regency: z.string().regex(/^\d{2}\.\d{2}$/).optional().catch(undefined),
  bank: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/).optional().catch(undefined),
  asOf: isoDate.optional().catch(undefined),
  indicator: z.string().regex(/^[A-Z0-9_]{1,32}$/).optional().catch(undefined),
  year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
})
export type DashboardFilterParams = z.infer<typeof dashboardFilterSchema>

/** The datasets a dashboard exports, one per chart or card set. */
export const DASHBOARD_DATASETS = ['ringkasan', 'bulanan', 'kabupaten', 'bank', 'kbli', 'skala', 'klaim'] as const
export type DashboardDataset = (typeof DASHBOARD_DATASETS)[number]
