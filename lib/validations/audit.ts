import { z } from 'zod'
import { filterPage } from './registers-common'
import { isIsoDate } from '@/lib/parse'

/** a real calendar date (lib/parse.ts): 2026-02-30 is no date, not 2 March */
const isoDate = z.string().refine(isIsoDate)

export const auditFilterSchema = z.object({
  user: z.string().max(40).optional().catch(undefined),
  entity: z.string().max(60).optional().catch(undefined),
  action: z.string().max(40).optional().catch(undefined),
  /** one record's history (the "Riwayat" link of a record page); seed and region ids carry dots (35.17) */
  record: z.string().regex(/^[A-Za-z0-9_#:.-]{1,60}$/).optional().catch(undefined),
  from: isoDate.optional().catch(undefined),
  to: isoDate.optional().catch(undefined),
  page: filterPage,
})
export type AuditFilter = z.infer<typeof auditFilterSchema>
