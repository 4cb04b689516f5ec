import { z } from 'zod'
import { filterPage } from './registers-common'

/** The claims list's sortable columns: the claimed month (the default, newest first) and its amounts. */
export const CLAIM_SORTS = ['month', 'claimed', 'computed', 'approved', 'paid'] as const

/** The claims list's filters from the URL (lib/data/claims.ts findClaims): a value that does not parse is no filter. */
export const claimFilterSchema = z.object({
  program: z.string().max(40).optional().catch(undefined),
  status: z.enum(['SUBMITTED', 'RETURNED', 'APPROVED', 'PAID']).optional().catch(undefined),
  bank: z.string().max(40).optional().catch(undefined),
  page: filterPage,
  sort: z.enum(CLAIM_SORTS).optional().catch(undefined),
  dir: z.enum(['asc', 'desc']).optional().catch(undefined),
})
export type ClaimFilter = z.infer<typeof claimFilterSchema>
