/**
 * The integration API's inputs and outputs as zod schemas: the route handlers validate with them and the
 * OpenAPI document (lib/api/openapi.ts) is generated from them, so the two cannot drift. Request bodies
 * reuse the forms' schemas (lib/validations/*) with their Indonesian messages.
 */
import { z } from 'zod'
import 'zod-openapi'
import { disbursementSchema } from '@/lib/validations/credit'
import { COOPERATIVE_FORMS, COOPERATIVE_PATTERNS, COOPERATIVE_TYPES, HEALTH_OUTCOME_VALUES } from '@/lib/validations/cooperatives'
import { GENDER_VALUES, SCALE_VALUES } from '@/lib/validations/msmes'
import { isIsoDate } from '@/lib/parse'

// ── Paging and incremental sync ─────────────────────────────────────────────────────────────────────

export const MAX_PAGE = 500
export const MAX_BATCH = 1000

const cursorParam = z.string().max(200).regex(/^[A-Za-z0-9_-]+$/, 'Cursor tidak valid; gunakan next_cursor dari jawaban sebelumnya.')
  .meta({ description: 'The `next_cursor` of the previous page: the read resumes after its last record, in (updated_at, id) order.' })

const pagingQuery = {
  limit: z.coerce.number('Limit harus berupa angka.').int('Limit harus bilangan bulat.').min(1, 'Limit minimal 1.').max(MAX_PAGE, `Limit paling banyak ${MAX_PAGE}.`).default(100)
    .meta({ description: `Records per page (1–${MAX_PAGE}, default 100).` }),
  cursor: cursorParam.optional(),
  updated_since: z.iso.datetime({ offset: true, message: 'updated_since harus waktu ISO 8601, misalnya 2026-01-31T00:00:00Z.' }).optional()
    .meta({ description: 'Only records changed after this instant (ISO 8601), deleted ones included as tombstones.' }),
}

const regencyParam = z.string().regex(/^\d{2}\.\d{2}$/, 'Kode kabupaten/kota berbentuk 35.17.').optional().meta({ description: 'Kemendagri regency code, e.g. `35.17`.' })
const qParam = z.string().trim().max(100, 'Kata kunci maksimal 100 karakter.').optional().meta({ description: 'Search: name, or the number (NIK koperasi / NIB) when all digits.' })

export const cooperativeQuery = z.object({
  ...pagingQuery,
  q: qParam,
  regency: regencyParam,
  type: z.enum(COOPERATIVE_TYPES, 'Jenis koperasi tidak dikenal.').optional(),
  status: z.enum(['aktif', 'nonaktif'], 'Status: aktif atau nonaktif.').optional(),
  health: z.enum([...HEALTH_OUTCOME_VALUES, 'BELUM'], 'Hasil penilaian kesehatan tidak dikenal.').optional(),
}).strict()

export const msmeQuery = z.object({
  ...pagingQuery,
  q: qParam,
  regency: regencyParam,
  scale: z.enum(SCALE_VALUES, 'Skala usaha tidak dikenal.').optional(),
  mismatch: z.enum(['1'], 'mismatch hanya boleh 1.').optional().meta({ description: '`1`: only records whose recorded scale contradicts the computed one.' }),
  koperasi: z.string().regex(/^[a-z0-9]{1,40}$/i, 'Id koperasi tidak valid.').optional().meta({ description: 'Members of one cooperative (its id).' }),
}).strict()

/** The opaque cursor: the last record's (updatedAt, id), base64url. */
export function encodeCursor(c: { updatedAt: Date; id: string }): string {
  return Buffer.from(JSON.stringify([c.updatedAt.toISOString(), c.id])).toString('base64url')
}

export function decodeCursor(s: string): { updatedAt: Date; id: string } | null {
  try {
    const [at, id] = JSON.parse(Buffer.from(s, 'base64url').toString('utf8')) as [unknown, unknown]
    if (typeof at !== 'string' || typeof id !== 'string' || id.length > 60) return null
    const updatedAt = new Date(at)
    return Number.isNaN(updatedAt.getTime()) ? null : { updatedAt, id }
  } catch {
    return null
  }
}

const timestamps = {
  created_at: z.iso.datetime(),
  updated_at: z.iso.datetime(),
}
const region = z.object({ code: z.string(), name: z.string() })

const tombstone = z.object({
  id: z.string(),
  deleted: z.literal(true),
  deleted_at: z.iso.datetime(),
  updated_at: z.iso.datetime(),
}).meta({ id: 'Tombstone', description: 'A record deleted since the cursor: drop it from your copy.' })

export const cooperativeOut = z.object({
  id: z.string(),
  deleted: z.literal(false),
  nik: z.string().meta({ description: 'NIK koperasi (16 digits, ODS).' }),
  name: z.string(),
  type: z.enum(COOPERATIVE_TYPES),
  form: z.enum(COOPERATIVE_FORMS),
  pattern: z.enum(COOPERATIVE_PATTERNS),
  group_name: z.string().nullable(),
  active: z.boolean(),
  health_outcome: z.enum(HEALTH_OUTCOME_VALUES).nullable(),
  members_male: z.number().int(),
  members_female: z.number().int(),
  managers: z.number().int(),
  employees: z.number().int(),
  legal_entity_number: z.string().nullable(),
  legal_entity_date: z.string().nullable().meta({ description: 'YYYY-MM-DD' }),
  address: z.string().nullable(),
  regency: region,
  district: z.string().nullable(),
  village: z.string().nullable(),
  ...timestamps,
}).meta({ id: 'Cooperative' })

export const msmeOut = z.object({
  id: z.string(),
  deleted: z.literal(false),
  nib: z.string().meta({ description: 'NIB (13 digits, OSS).' }),
  business_name: z.string(),
  owner_name: z.string(),
  owner_nik_masked: z.string().meta({ description: 'Owner NIK, always masked (UU 27/2022): first 4 and last 4 digits.', example: '3517••••••••0001' }),
  owner_gender: z.enum(GENDER_VALUES),
  kbli: z.string(),
  workers: z.number().int(),
  business_capital: z.number().meta({ description: 'Rupiah, excluding land and buildings.' }),
  annual_sales: z.number(),
  recorded_scale: z.enum(SCALE_VALUES).nullable(),
  computed_scale: z.enum(SCALE_VALUES).meta({ description: 'PP 7/2021 scale computed from the figures.' }),
  scale_mismatch: z.boolean(),
  iumk_number: z.string().nullable(),
  iumk_date: z.string().nullable(),
  address: z.string().nullable(),
  regency: region,
  district: z.string().nullable(),
  village: z.string().nullable(),
  cooperative_id: z.string().nullable(),
  ...timestamps,
}).meta({ id: 'Msme' })

const pageOf = (item: z.ZodType, id: string) =>
  z.object({
    data: z.array(z.union([item, tombstone])),
    next_cursor: z.string().nullable().meta({ description: 'Pass as `cursor` to continue; keep it to read only later changes next time.' }),
    has_more: z.boolean(),
  }).meta({ id })

export const cooperativePage = pageOf(cooperativeOut, 'CooperativePage')
export const msmePage = pageOf(msmeOut, 'MsmePage')

// ── Programmes and figures ──────────────────────────────────────────────────────────────────────────

export const programOut = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  year: z.number().int(),
  scheme: z.string(),
  borrower_rate: z.number().meta({ description: 'Per year, as a fraction (0.03 = 3%).' }),
  max_plafond: z.number(),
  max_tenor_months: z.number().int(),
  eligible_scales: z.array(z.enum(SCALE_VALUES)),
  banks: z.array(z.object({ id: z.string(), short_name: z.string() })),
}).meta({ id: 'Programme' })

export const programList = z.object({ data: z.array(programOut) }).meta({ id: 'ProgrammeList' })

export const figuresQuery = z.object({
  regency: regencyParam,
  asOf: z.string().refine(isIsoDate, 'asOf tidak valid; gunakan tanggal yang ada di kalender (YYYY-MM-DD).').optional()
    .meta({ description: 'Figures as they stood at the end of this day (default: today, capped to the programme year).' }),
}).strict()

const nullablePct = z.number().nullable().meta({ description: 'Percent (101.26 = 101,26%); null when the base is zero.' })

export const figuresOut = z.object({
  program: z.object({ id: z.string(), code: z.string(), name: z.string(), year: z.number().int() }),
  as_of: z.string().meta({ description: 'YYYY-MM-DD: the day the figures stand at.' }),
  regency_code: z.string().nullable(),
  bank_id: z.string().nullable().meta({ description: "A bank client's figures are always its own bank's." }),
  summary: z.object({
    credit_target: z.number(),
    disbursed: z.number(),
    loans: z.number().int(),
    beneficiaries: z.number().int(),
    beneficiary_target: z.number().nullable(),
    realisation_pct: nullablePct,
    subsidy_due: z.number(),
    subsidy_claimed: z.number(),
    subsidy_approved: z.number(),
    subsidy_paid: z.number(),
    subsidy_ceiling: z.number(),
    absorption_pct: nullablePct,
    projection: z.object({ value: z.number(), pct: nullablePct, final: z.boolean() }),
  }),
  by_month: z.array(z.object({
    month: z.number().int().min(1).max(12),
    disbursed: z.number(),
    cumulative: z.number().nullable().meta({ description: 'Null for months after the as-of day.' }),
    target_pace: z.number(),
    subsidy_due: z.number(),
    subsidy_paid: z.number(),
  })),
  by_regency: z.array(z.object({
    regency_code: z.string(),
    name: z.string(),
    target: z.number(),
    disbursed: z.number(),
    loans: z.number().int(),
    beneficiaries: z.number().int(),
    realisation_pct: nullablePct,
  })),
}).meta({ id: 'ProgrammeFigures' })

// ── Disbursements (bank clients) ────────────────────────────────────────────────────────────────────

/**
 * One loan as the form takes it (same fields, rules and messages), minus the admin's exception fields;
 * types are strict for a machine client (a tenor is a JSON number, not `true`), and unknown fields are refused.
 */
export const disbursementIn = disbursementSchema
  .omit({ acceptException: true, exceptionReason: true })
  .extend({
    tenorMonths: z.number('Tenor harus berupa angka.').int('Tenor dalam bulan penuh.').min(1, 'Tenor minimal 1 bulan.').max(120, 'Tenor paling lama 120 bulan.'),
    method: disbursementSchema.shape.method.default('ANNUITY'),
  })
  .strict()
  .meta({ id: 'DisbursementInput', description: 'A loan: the borrower is confirmed by NIB and owner NIK as in the bank\'s loan file; `plafond` is whole Rupiah (a number, or text like "Rp10.000.000"). A bank client\'s `bankId` is always its own bank.' })

export const disbursementBatchIn = z.object({
  items: z.array(disbursementIn, 'items harus berupa daftar pinjaman.').min(1, 'Kirim minimal satu pinjaman.').max(MAX_BATCH, `Paling banyak ${MAX_BATCH.toLocaleString('id-ID')} pinjaman per permintaan.`),
}).strict().meta({ id: 'DisbursementBatch', description: `1 to ${MAX_BATCH} loans, recorded all or nothing.` })

export const disbursementCreatedOut = z.object({
  data: z.array(z.object({
    index: z.number().int(),
    id: z.string(),
    account_number: z.string(),
    bank_id: z.string(),
    regency_code: z.string(),
    plafond: z.number(),
    bank_rate: z.number(),
    borrower_rate: z.number(),
  })),
}).meta({ id: 'DisbursementsCreated' })

// ── Problems ────────────────────────────────────────────────────────────────────────────────────────

const fieldProblem = z.object({ path: z.string().meta({ example: 'items.3.plafond' }), detail: z.string() })

export const problemOut = z.object({
  type: z.string(),
  title: z.string().meta({ description: 'English, stable: switch on this or on `type`.' }),
  status: z.number().int(),
  detail: z.string().meta({ description: 'Indonesian, for people.' }),
  instance: z.string().optional(),
  errors: z.array(fieldProblem).optional(),
  items: z.array(z.object({ index: z.number().int(), errors: z.array(fieldProblem) })).optional().meta({ description: "A batch's refused loans by their index in `items`." }),
}).meta({ id: 'Problem', description: 'RFC 9457 problem details.' })
