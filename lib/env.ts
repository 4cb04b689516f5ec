import { z } from 'zod'

const schema = z.object({
  DATABASE_URL: z.string().url('DATABASE_URL harus berupa URL PostgreSQL'),
  /** a streaming replica for dashboards, lists and exports (lib/db.ts#readDb); unset or empty: the primary */
  DATABASE_READ_URL: z.preprocess((v) => (v === '' ? undefined : v), z.string().url('DATABASE_READ_URL harus berupa URL PostgreSQL').optional()),
  /** how long after a user's write that user's reads stay on the primary (the replica may lag behind) */
  DATABASE_READ_AFTER_WRITE_SECONDS: z.coerce.number().int().min(0).max(3600).default(15),
  /** how long reads stay on the primary after the replica failed, before the replica is tried again */
  DATABASE_READ_RETRY_SECONDS: z.coerce.number().min(0).max(3600).default(30),
  /** the cross-request figure cache per instance (lib/figure-cache.ts): at most this many MB and entries; 0 entries turns it off */
  FIGURE_CACHE_MB: z.coerce.number().min(1).max(4096).default(64),
  FIGURE_CACHE_ENTRIES: z.coerce.number().int().min(0).max(100_000).default(500),
  AUTH_SECRET: z.string().min(16).optional(),
  AGENCY_PROVINCE_CODE: z.string().regex(/^\d{2}$/, 'AGENCY_PROVINCE_CODE adalah kode provinsi Kemendagri dua digit').default('35'),
  /** the agency's name on printed pages; default "Dinas Koperasi dan UKM Provinsi <province>" */
  AGENCY_NAME: z.string().trim().min(3).max(200).optional(),
  /** the agency's logo on printed pages: a path under public/ or an https URL */
  AGENCY_LOGO: z.string().trim().regex(/^(\/[\w./-]+|https:\/\/\S+)$/, 'AGENCY_LOGO adalah path di public/ (mis. /logo-dinas.png) atau URL https').default('/logo.svg'),
})

export type Env = z.infer<typeof schema>
let cached: Env | undefined

/** The validated environment, read once; a misconfiguration fails loudly with the variable's name. */
export function env(): Env {
  if (cached) return cached
  const parsed = schema.safeParse(process.env)
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')
    throw new Error(`Konfigurasi lingkungan tidak valid: ${issues}`)
  }
  cached = parsed.data
  return cached
}
