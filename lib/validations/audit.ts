import { z } from 'zod'

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).refine((s) => !Number.isNaN(Date.parse(s)))

export const auditFilterSchema = z.object({
  user: z.string().max(40).optional().catch(undefined),
  entity: z.string().max(60).optional().catch(undefined),
  action: z.string().max(40).optional().catch(undefined),
  from: isoDate.optional().catch(undefined),
  to: isoDate.optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined),
})
export type AuditFilter = z.infer<typeof auditFilterSchema>
