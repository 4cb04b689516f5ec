import { z } from 'zod'

const schema = z.object({
  DATABASE_URL: z.string().url('URL PostgreSQL, mis. postgresql://pengguna:sandi@host:5432/lumbung'),
  /** a streaming replica for dashboards, lists and exports (lib/db.ts#readDb); unset or empty: the primary */
  DATABASE_READ_URL: z.preprocess((v) => (v === '' ? undefined : v), z.string().url('URL PostgreSQL, atau kosong').optional()),
  /** how long after a user's write that user's reads stay on the primary (the replica may lag behind) */
  DATABASE_READ_AFTER_WRITE_SECONDS: z.coerce.number().int().min(0).max(3600).default(15),
  /** how long reads stay on the primary after the replica failed, before the replica is tried again */
  DATABASE_READ_RETRY_SECONDS: z.coerce.number().min(0).max(3600).default(30),
  /** the cross-request figure cache per instance (lib/figure-cache.ts): at most this many MB and entries; 0 entries turns it off */
  FIGURE_CACHE_MB: z.coerce.number().min(1).max(4096).default(64),
  FIGURE_CACHE_ENTRIES: z.coerce.number().int().min(0).max(100_000).default(500),
  AUTH_SECRET: z.string().min(16, 'minimal 16 karakter acak (mis. `openssl rand -base64 32`)').optional(),
  AGENCY_PROVINCE_CODE: z.string().regex(/^\d{2}$/, 'kode provinsi Kemendagri dua digit, mis. 35').default('35'),
  /** the agency's name on printed pages; default "Dinas Koperasi dan UKM Provinsi <province>" */
  AGENCY_NAME: z.string().trim().min(3).max(200).optional(),
  /** where the agency signs ("Surabaya, 10 September 2026" over a berita acara's signatures) and a new meeting's city; empty or unset: the province's capital */
  AGENCY_CITY: z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), z.string().trim().min(2, 'nama kota 2–80 karakter, mis. Surabaya').max(80, 'nama kota 2–80 karakter, mis. Surabaya').optional()),
  /** the agency's logo on printed pages: a path under public/ or an https URL */
  AGENCY_LOGO: z.string().trim().regex(/^(\/[\w./-]+|https:\/\/\S+)$/, 'path di public/ (mis. /logo-dinas.png) atau URL https').default('/logo.svg'),
  /** the app's public address, checked here at start; read by publicBaseUrl (below) */
  APP_URL: z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), z.string().trim().regex(/^https?:\/\/[^\s/]+(\/\S*)?$/, 'alamat lengkap dengan http:// atau https://, mis. https://lumbung.example.go.id').optional()),
})

export type Env = z.infer<typeof schema>

/**
 * The app's public address (`APP_URL`, without a trailing slash) that links in e-mails and calendar files start
 * with; unset, the address the request came to (`fallback`), which behind a proxy may be an internal one. Its shape
 * is checked with the other settings at start (the schema above, configurationProblems); read from the environment
 * here, as set now.
 */
export function publicBaseUrl(fallback = ''): string {
  return process.env.APP_URL?.trim().replace(/\/+$/, '') || fallback
}
let cached: Env | undefined

/** The validated environment, read once; a misconfiguration fails loudly with the variable's name. */
export function env(): Env {
  if (cached) return cached
  const parsed = schema.safeParse(process.env)
  if (!parsed.success) throw new Error(`Konfigurasi lingkungan tidak valid: ${configurationProblems().map((p) => p.message).join(' ')}`)
  cached = parsed.data
  return cached
}

/**
 * Whole-number settings read outside the zod schema above (by modules that must stay light: next.config.ts,
 * the proxy), each with its allowed range and its default. A malformed value is refused (configurationProblems,
 * checked by `npm start`, `npm run worker`, `npm run dev` and /api/health), never silently replaced: a typo in
 * TRUSTED_PROXY_HOPS must not quietly make every client share the proxy's address.
 */
export const NUMBER_SETTINGS = {
  /** idle timeout of a session; a larger value is capped at the absolute lifetime of 8 hours (lib/sessions.ts), as before, not refused */
  SESSION_IDLE_MINUTES: { min: 1, max: 1_000_000, integer: true, default: 60 },
  /** reverse proxies in front of the app that append to X-Forwarded-For */
  TRUSTED_PROXY_HOPS: { min: 0, max: 10, integer: true, default: 0 },
  /** largest import spreadsheet, MB */
  IMPORT_MAX_FILE_MB: { min: 1, max: 1024, integer: false, default: 25 },
  /** data rows of one import sheet */
  IMPORT_MAX_ROWS: { min: 1, max: 10_000_000, integer: true, default: 100_000 },
  /** jobs one process runs at once */
  JOBS_CONCURRENCY: { min: 1, max: 1_000, integer: true, default: 1 },
} as const

export type NumberSetting = keyof typeof NUMBER_SETTINGS

/** The allowed form of a number setting, as the refusal says it. */
function allowedForm(name: NumberSetting): string {
  const s = NUMBER_SETTINGS[name]
  return `${s.integer ? 'bilangan bulat' : 'angka'} ${s.min}–${s.max} (bawaan ${s.default})`
}

/** A number setting's value from `source`, its default when unset or empty; throws (naming the variable) when malformed. */
export function numberSetting(name: NumberSetting, source: NodeJS.ProcessEnv = process.env): number {
  const s = NUMBER_SETTINGS[name]
  const raw = (source[name] ?? '').trim()
  if (raw === '') return s.default
  const n = Number(raw)
  if (!/^\d+(\.\d+)?$/.test(raw) || (s.integer && !Number.isInteger(n)) || n < s.min || n > s.max) {
    throw new Error(`${name}=${raw} tidak valid: ${allowedForm(name)}.`)
  }
  return n
}

const JOBS_WORKER_VALUES = ['process', 'inline', 'off']

export type ConfigurationProblem = { variable: string; message: string }

/**
 * Every malformed setting of `source`, one sentence each naming the variable and its allowed form (empty
 * when all is well). `npm start`, `npm run worker` and `npm run dev` refuse to start on any; /api/health
 * reports them as a configuration error, not as a database outage.
 */
export function configurationProblems(source: NodeJS.ProcessEnv = process.env): ConfigurationProblem[] {
  const problems: ConfigurationProblem[] = []
  const parsed = schema.safeParse(source)
  if (!parsed.success) {
    for (const i of parsed.error.issues) {
      const variable = String(i.path[0] ?? '')
      const message = i.code === 'invalid_type' && source[variable] === undefined ? `${variable} belum diatur.` : `${variable} tidak valid: ${i.message}.`
      problems.push({ variable, message: message.replace(/\.\.$/, '.') })
    }
  }
  for (const name of Object.keys(NUMBER_SETTINGS) as NumberSetting[]) {
    try {
      numberSetting(name, source)
    } catch (e) {
      problems.push({ variable: name, message: (e as Error).message })
    }
  }
  const mode = (source.JOBS_WORKER ?? '').trim().toLowerCase()
  if (mode && !JOBS_WORKER_VALUES.includes(mode)) problems.push({ variable: 'JOBS_WORKER', message: `JOBS_WORKER=${source.JOBS_WORKER} tidak valid: salah satu dari ${JOBS_WORKER_VALUES.join(', ')}.` })
  return problems
}
