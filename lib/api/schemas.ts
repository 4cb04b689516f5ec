/**
 * The integration API's inputs and outputs as zod schemas: the route handlers validate with them and the
 * OpenAPI document (lib/api/openapi.ts) is generated from them, so the two cannot drift. Request bodies
 * reuse the forms' schemas (lib/validations/*) with their Indonesian messages.
 */
import { z } from 'zod'
import 'zod-openapi'
import { claimLineSchema, claimMonthSchema, disbursementSchema, instalmentReportSchema } from '@/lib/validations/credit'
import { CLAIM_LINE_REASONS } from '@/lib/credit/claim-reasons'
import { COOPERATIVE_FORMS, COOPERATIVE_PATTERNS, COOPERATIVE_TYPES, HEALTH_OUTCOME_VALUES } from '@/lib/validations/cooperatives'
import { GENDER_VALUES, SCALE_VALUES } from '@/lib/validations/msmes'
import { isIsoDate, REGENCY_CODE } from '@/lib/parse'
import { AS_OF_ADJUSTMENTS } from '@/lib/dashboard/period'
import { formatNumber } from '@/lib/format'

// ── Paging and incremental sync ─────────────────────────────────────────────────────────────────────

export const MAX_PAGE = 500
export const MAX_BATCH = 1000

const cursorParam = z.string().max(200).regex(/^[A-Za-z0-9_-]+$/, 'Cursor tidak valid; gunakan next_cursor dari jawaban sebelumnya.')
  .meta({ description: 'The `next_cursor` of the previous page: the read resumes after its last record, in (updated_at, id) order.' })

const pagingQuery = {
  // digits only: Number() would also read `0x10`, `1e2` and ` 16 ` as numbers
  limit: z.string().regex(/^\d{1,9}$/, 'Limit harus bilangan bulat, mis. 100.').pipe(z.coerce.number<string>('Limit harus berupa angka.').int('Limit harus bilangan bulat.').min(1, 'Limit minimal 1.').max(MAX_PAGE, `Limit paling banyak ${MAX_PAGE}.`)).default(100)
    .meta({ description: `Records per page (1–${MAX_PAGE}, default 100).`, override: { type: 'integer', minimum: 1, maximum: MAX_PAGE, default: 100 } }),
  cursor: cursorParam.optional(),
  updated_since: z.iso.datetime({ offset: true, message: 'updated_since harus waktu ISO 8601, misalnya 2026-01-31T00:00:00Z.' }).optional()
    .meta({ description: 'Only records changed after this instant (ISO 8601), deleted ones included as tombstones.' }),
}

const regencyParam = z.string().regex(REGENCY_CODE, 'Kode kabupaten/kota berbentuk 35.17.').optional()
  .meta({ description: "Kemendagri regency code, e.g. `35.17`. The same rule on every endpoint that takes it: a code that is no regency of the province is 400 (`errors[].path` `query.regency`, naming it); a regency outside the client's scope (a regency client asking for another regency) is 403." })
const qParam = z.string().trim().max(100, 'Kata kunci maksimal 100 karakter.').optional().meta({ description: 'Search: name, or the number (NIK koperasi / NIB) when all digits.' })

/** `status` of the cooperative list: the codes, and the words it first took (kept, so no client breaks). */
export const COOPERATIVE_STATUS_VALUES = ['ACTIVE', 'INACTIVE', 'aktif', 'nonaktif'] as const
/** The register filter's value (lib/data/cooperatives.ts) for each `status` the API takes. */
export const COOPERATIVE_STATUS_FILTER = { ACTIVE: 'aktif', INACTIVE: 'nonaktif', aktif: 'aktif', nonaktif: 'nonaktif' } as const satisfies Record<(typeof COOPERATIVE_STATUS_VALUES)[number], 'aktif' | 'nonaktif'>

export const cooperativeQuery = z.object({
  ...pagingQuery,
  q: qParam,
  regency: regencyParam,
  type: z.enum(COOPERATIVE_TYPES, 'Jenis koperasi tidak dikenal.').optional(),
  // upper-case codes as `type` and `health`; `aktif`/`nonaktif` (the page's own words, the first values documented) still work
  status: z.enum(COOPERATIVE_STATUS_VALUES, 'Status: ACTIVE atau INACTIVE (juga aktif atau nonaktif).').optional()
    .meta({ description: '`ACTIVE` or `INACTIVE` (the same codes as `type` and `health`: upper case); `aktif` and `nonaktif` are accepted as well and mean the same.' }),
  health: z.enum([...HEALTH_OUTCOME_VALUES, 'BELUM'], 'Hasil penilaian kesehatan tidak dikenal.').optional(),
}).strict()

export const msmeQuery = z.object({
  ...pagingQuery,
  q: qParam,
  regency: regencyParam,
  scale: z.enum(SCALE_VALUES, 'Skala usaha tidak dikenal.').optional(),
  mismatch: z.enum(['1'], 'mismatch hanya boleh 1.').optional().meta({ description: '`1`: only records whose recorded scale contradicts the computed one.' }),
  koperasi: z.string().regex(/^[a-z0-9]{1,40}$/i, 'Id koperasi tidak valid.').optional().meta({ description: 'Members of one cooperative (its id). One the client may not read (another regency\'s, for a regency client), or none at all, is 400.' }),
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
    .meta({ description: "Figures as they stood at the end of this day, by the dashboard's rule: a day after today is read as today, a day before the programme year as the default; a day after the programme year (and not after today) is kept. Default: today, capped to the programme year's 31 December. The answer's `as_of` is the day read; `as_of_adjusted` says when and why it is not `asOf`." }),
}).strict()

const nullablePct = z.number().nullable().meta({ description: 'Percent (101.26 = 101,26%); null when the base is zero.' })

export const figuresOut = z.object({
  program: z.object({ id: z.string(), code: z.string(), name: z.string(), year: z.number().int() }),
  as_of: z.string().meta({ description: 'YYYY-MM-DD: the day the figures really stand at (after the rule of `asOf`).' }),
  as_of_requested: z.string().nullable().meta({ description: 'The `asOf` sent (YYYY-MM-DD), or null when none was sent.' }),
  as_of_adjusted: z.enum(AS_OF_ADJUSTMENTS).nullable().meta({ description: '`future`: `asOf` had not come yet, the figures are as of today. `before_programme_year`: `asOf` was before the programme year began, the figures are as of the default day. Null: the figures are as of the day asked (or the default when none was asked).' }),
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
    projection: z.object({
      value: z.number().meta({ description: 'Year-end credit by run rate (disbursed ÷ days elapsed × days in the year); once the year has ended, what was disbursed.' }),
      pct: nullablePct,
      final: z.boolean().meta({ description: 'True only when the programme year has ended by `as_of` (`as_of` on or after its 31 December): `value` is then the year\'s actual total, not a projection.' }),
    }),
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
  .meta({ id: 'DisbursementInput', description: 'A loan: the borrower is confirmed by NIB and owner NIK as in the bank\'s loan file; `plafond` is whole Rupiah (a number, or text like "Rp10.000.000"). A bank client may leave `bankId` out (its own bank is used); another bank\'s id is refused.' })

export const disbursementBatchIn = z.object({
  items: z.array(disbursementIn, 'items harus berupa daftar pinjaman.').min(1, 'Kirim minimal satu pinjaman.').max(MAX_BATCH, `Paling banyak ${formatNumber(MAX_BATCH)} pinjaman per permintaan.`),
}).strict().meta({ id: 'DisbursementBatch', description: `1 to ${MAX_BATCH} loans, recorded all or nothing.` })

/** A loan's months its bank had already claimed without it (lib/data/disbursements.ts missedClaimMonthsOf). */
const missedClaimMonthsOut = z.array(z.object({
  month: z.string().meta({ description: 'YYYY-MM' }),
  claim: z.enum(['DECIDED', 'SUBMITTED']).meta({ description: 'DECIDED: the month\'s claim is approved or paid, so this loan\'s subsidy for it is lost (one month, one claim). SUBMITTED: the claim is still being verified; the agency can return it and the bank files the month again with this loan.' }),
  subsidy_due: z.number().meta({ description: 'The loan\'s subsidy for the month, Rupiah.' }),
})).meta({ description: 'Months of this loan that its bank had already claimed without it (a loan recorded after months it falls due in were filed); empty for a loan recorded in time, and for a client whose role does not read claims.' })

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
    missed_claim_months: missedClaimMonthsOut,
  })),
}).meta({ id: 'DisbursementsCreated' })

/** The loans a client may read, as the disbursement list filters them, in (updated_at, id) order. */
export const disbursementQuery = z.object({
  ...pagingQuery,
  // the id (listProgrammes) or the code the dashboards and their exports use (`PROKESRA-2026`)
  program: z.string().regex(/^[A-Za-z0-9._-]{1,40}$/, 'Program tidak valid; gunakan id atau kode program (GET /api/v1/program).').optional()
    .meta({ description: 'One programme: its `id` or its `code` (e.g. `PROKESRA-2026`), see listProgrammes. One the client may not read, or none at all, is 400.' }),
  regency: regencyParam,
  bank: z.string().regex(/^[a-z0-9]{1,40}$/i, 'Id bank tidak valid.').optional().meta({ description: "One bank (its id, the loans' `bank_id`); a bank client always reads only its own bank's loans. A bank that does not exist, or another bank's id from a bank client, is 400." }),
  from: z.string().refine(isIsoDate, 'Tanggal berbentuk YYYY-MM-DD.').optional().meta({ description: 'Contract date on or after (YYYY-MM-DD).' }),
  to: z.string().refine(isIsoDate, 'Tanggal berbentuk YYYY-MM-DD.').optional().meta({ description: 'Contract date on or before (YYYY-MM-DD); before `from` is 400.' }),
  q: z.string().trim().max(60, 'Kata kunci maksimal 60 karakter.').optional().meta({ description: 'Account number or NIB (prefix), or the business name.' }),
}).strict()
  // a range that ends before it begins holds no loan: said, not answered with an empty page that reads as "no loans"
  .superRefine((q, ctx) => {
    if (q.from && q.to && isIsoDate(q.from) && isIsoDate(q.to) && q.from > q.to) {
      ctx.addIssue({ code: 'custom', path: ['from'], message: `Tanggal from (${q.from}) sesudah tanggal to (${q.to}); from harus sama dengan atau sebelum to.` })
    }
  })

export const disbursementOut = z.object({
  id: z.string(),
  version: z.number().int().meta({ description: 'Send it back with a correction (updateDisbursement); a stale one is refused (409).' }),
  account_number: z.string(),
  program_id: z.string(),
  bank_id: z.string(),
  msme_id: z.string(),
  nib: z.string(),
  business_name: z.string(),
  regency_code: z.string().meta({ description: "The borrower's regency at disbursement." }),
  contract_date: z.string().meta({ description: 'YYYY-MM-DD' }),
  plafond: z.number(),
  tenor_months: z.number().int(),
  bank_rate: z.number().meta({ description: 'Per year, as a fraction (0.12 = 12%): the rate in force at the contract date.' }),
  borrower_rate: z.number(),
  method: z.enum(['ANNUITY', 'FLAT']),
  collectibility: z.number().int(),
  status: z.enum(['ACTIVE', 'PAID_OFF', 'WRITTEN_OFF']),
  eligibility_issues: z.array(z.string()).meta({ description: 'Programme rules the loan breaks, accepted by the agency with a written reason.' }),
  ...timestamps,
}).meta({ id: 'Disbursement' })

/** One loan as getDisbursement answers it: the record, and the months its bank had already claimed without it (as the loan's page says). */
export const disbursementDetailOut = disbursementOut.extend({ missed_claim_months: missedClaimMonthsOut }).meta({ id: 'DisbursementDetail' })

export const disbursementPage = z.object({
  data: z.array(disbursementOut),
  next_cursor: z.string().nullable().meta({ description: 'Pass as `cursor` to continue; keep it to read only later changes next time.' }),
  has_more: z.boolean(),
}).meta({ id: 'DisbursementPage', description: 'Loans are never deleted, so there are no tombstones.' })

/**
 * A correction of a recorded loan: the version read, and only the fields that change (the same rules and
 * messages as a new loan). Programme and bank cannot change: that is another loan.
 */
export const disbursementCorrectionIn = z.object({
  version: z.number('Sertakan version pinjaman yang dibaca.').int('version harus bilangan bulat.').positive('version harus bilangan bulat positif.'),
  accountNumber: disbursementIn.shape.accountNumber.optional(),
  nib: disbursementIn.shape.nib.optional(),
  ownerNik: disbursementIn.shape.ownerNik.optional(),
  contractDate: disbursementIn.shape.contractDate.optional(),
  plafond: disbursementIn.shape.plafond.optional(),
  tenorMonths: disbursementIn.shape.tenorMonths.optional(),
  method: disbursementSchema.shape.method.optional(),
}).strict()
  .check((ctx) => {
    const v = ctx.value
    // the borrower is confirmed by both numbers together, as on the form
    if ((v.nib === undefined) !== (v.ownerNik === undefined)) {
      ctx.issues.push({ code: 'custom', input: v, path: [v.nib === undefined ? 'nib' : 'ownerNik'], message: 'Kirim NIB dan NIK pemilik bersama-sama untuk mengganti debitur.' })
    }
    // only when nothing else was wrong: a misspelt field (`tenor`) is already named as unknown, not "nothing sent"
    if (!ctx.issues.length && Object.values(v).filter((x) => x !== undefined).length === 1) ctx.issues.push({ code: 'custom', input: v, path: [], message: 'Kirim minimal satu isian yang dikoreksi.' })
  })
  .meta({ id: 'DisbursementCorrection', description: 'The loan\'s `version` as read, and the fields to correct; what is not sent stays as recorded.' })

// ── Instalment reports and claims (bank clients) ───────────────────────────────────────────────────

/** One period of a loan as the page reports it (same rules and messages), with strict JSON types. */
export const instalmentIn = instalmentReportSchema
  .omit({ disbursementId: true })
  .extend({
    period: z.number('Periode harus berupa angka.').int('Periode harus bilangan bulat.').min(1, 'Periode mulai dari 1.').max(240, 'Periode tidak valid.'),
    collectibility: z.number('Pilih kolektibilitas.').int('Kolektibilitas 1 sampai 5.').min(1, 'Kolektibilitas 1 sampai 5.').max(5, 'Kolektibilitas 1 sampai 5.'),
    // as a correction's `version` (disbursementCorrectionIn), but optional: clients written before it still report
    version: z.number('version harus bilangan bulat.').int('version harus bilangan bulat.').positive('version harus bilangan bulat positif.').optional()
      .meta({ description: 'The loan\'s `version` as read (GET /api/v1/penyaluran/{id}); when sent, a report from a stale one is refused (409) instead of replacing a report made meanwhile. Every report bumps it.' }),
  })
  .strict()
  .meta({ id: 'InstalmentReport', description: 'A period of the loan (1 = the first instalment): paid or not, and the OJK collectibility (1–5), optionally from the loan\'s `version` read. The subsidy schedule is recomputed.' })

export const instalmentOut = z.object({
  disbursement_id: z.string(),
  period: z.number().int(),
  instalment_paid: z.boolean().nullable(),
  collectibility: z.number().int().nullable(),
  subsidy_due: z.number().meta({ description: 'The period\'s subsidy after the report (0 when unpaid or collectibility 5).' }),
  reason: z.string().nullable().meta({ description: 'Why the period\'s subsidy is what it is (schedule reason code).' }),
  loan_status: z.enum(['ACTIVE', 'PAID_OFF', 'WRITTEN_OFF']),
}).meta({ id: 'InstalmentRecorded' })

export const MAX_CLAIM_LINES = 20_000

const claimLineIn = claimLineSchema.pick({ accountNumber: true, amount: true, balance: true, days: true, rate: true }).strict()
  .meta({ id: 'ClaimLineInput', description: 'The bank\'s figures of one loan for the month: `amount` always (whole Rupiah); `balance`, `days` and `rate` (% per year) when given, so a difference is explained per line.' })

export const claimIn = z.object({
  month: claimMonthSchema.shape.month.meta({ description: 'The claimed month, YYYY-MM, of the programme\'s year and already ended.', example: '2025-03' }),
  lines: z.array(claimLineIn, 'lines harus berupa daftar baris klaim.').min(1, 'Kirim minimal satu baris, atau hilangkan lines untuk klaim sebesar hitungan Dinas.')
    .max(MAX_CLAIM_LINES, `Paling banyak ${formatNumber(MAX_CLAIM_LINES)} baris per klaim.`).optional()
    .superRefine((lines, ctx) => {
      const seen = new Set<string>()
      lines?.forEach((l, i) => {
        if (seen.has(l.accountNumber)) ctx.addIssue({ code: 'custom', path: [i, 'accountNumber'], message: 'Nomor rekening ini sudah ada di baris lain klaim ini.' })
        seen.add(l.accountNumber)
      })
    })
    .meta({ description: 'The bank\'s own amounts per loan (as the claim-lines spreadsheet). Without `lines`, the claim is every loan due that month at the agency\'s computed amount (as the claim form).' }),
}).strict().meta({ id: 'ClaimInput' })

const money = z.number().meta({ description: 'Rupiah.' })

export const claimQuery = z.object({
  limit: pagingQuery.limit,
  cursor: cursorParam.optional().meta({ description: 'The `next_cursor` of the previous page of lines.' }),
}).strict()

export const claimOut = z.object({
  id: z.string(),
  program: z.object({ id: z.string(), code: z.string(), name: z.string(), year: z.number().int() }),
  bank: z.object({ id: z.string(), short_name: z.string() }),
  month: z.string().meta({ description: 'YYYY-MM' }),
  status: z.enum(['SUBMITTED', 'RETURNED', 'APPROVED', 'PAID']),
  version: z.number().int(),
  submitted_at: z.iso.datetime(),
  reviewed_at: z.iso.datetime().nullable(),
  return_reason: z.string().nullable().meta({ description: 'Why the agency returned the claim: correct and submit the month again.' }),
  totals: z.object({
    lines: z.number().int(),
    claimed: money,
    computed: money,
    approvable: money.meta({ description: 'What an approval without corrections would write: per line the lesser of the computed and the claimed amount, summed.' }),
    approved: money.nullable().meta({ description: 'Set once the claim is approved (the verifier may have corrected lines).' }),
    paid: money,
    differing: z.number().int().meta({ description: 'Lines whose claimed amount differs from the agency\'s, that carry a reason, or (once decided) that were approved below what the computation gives (corrected at verification).' }),
  }),
  payments: z.array(z.object({ paid_on: z.string().meta({ description: 'YYYY-MM-DD' }), amount: money, reference: z.string().meta({ description: 'SP2D number.' }) })),
  lines: z.array(z.object({
    disbursement_id: z.string(),
    account_number: z.string(),
    claimed_amount: money,
    computed_amount: money.meta({ description: 'The agency\'s recomputation at submission.' }),
    approved_amount: money.nullable().meta({ description: 'Set when the claim is approved.' }),
    reason: z.enum(CLAIM_LINE_REASONS).nullable(),
    reason_text: z.string().nullable().meta({ description: 'The reason in Indonesian.' }),
    note: z.string().nullable().meta({ description: 'The verifier\'s note on a corrected line.' }),
    claimed_balance: money.nullable(),
    claimed_days: z.number().int().nullable(),
    claimed_rate: z.number().nullable().meta({ description: 'Per year, as a fraction.' }),
  })),
  next_cursor: z.string().nullable(),
  has_more: z.boolean(),
}).meta({ id: 'Claim', description: 'A claim\'s verification result, its lines a page at a time (account-number order), and its payments.' })

// ── Indicators, meetings and follow-ups (read clients) ──────────────────────────────────────────────

export const indicatorQuery = z.object({
  // four digits only, as `limit`: Number() would also read `0x7E9`, `2025.0` and ` 2025 ` as 2025
  year: z.string('Sertakan tahun (year), mis. 2025.').regex(/^\d{4}$/, 'Tahun berbentuk empat angka, mis. 2025.')
    .pipe(z.coerce.number<string>().int().min(2000, 'Tahun tidak valid.').max(2100, 'Tahun tidak valid.'))
    .meta({ description: 'The reporting year.', override: { type: 'integer', minimum: 2000, maximum: 2100 } }),
  regency: regencyParam,
}).strict()

export const indicatorsOut = z.object({
  year: z.number().int(),
  regency_code: z.string().nullable().meta({ description: "A regency client's figures are always its own regency's." }),
  indicators: z.array(z.object({
    code: z.string(), form_code: z.string(), name: z.string(), name_en: z.string(), unit: z.string(), aggregation: z.string(), time_aggregation: z.string(),
    numerator_code: z.string().nullable(), denominator_code: z.string().nullable(), decimals: z.number().int(), active: z.boolean(),
    active_from: z.string().nullable(), active_to: z.string().nullable(), updated_at: z.iso.datetime(),
  })),
  targets: z.array(z.object({
    indicator_code: z.string(),
    regency_code: z.string().nullable().meta({ description: "Null: the province's own target." }),
    quarter: z.number().int().min(0).max(4).meta({ description: '0 = the whole year.' }),
    value: z.number(),
  })),
  values: z.array(z.object({
    indicator_code: z.string(), regency_code: z.string(), quarter: z.number().int().min(1).max(4), value: z.number(),
    approved_at: z.iso.datetime().nullable(),
  })).meta({ description: 'Values of approved quarterly reports only.' }),
}).meta({ id: 'Indicators' })

export const syncQuery = z.object({ ...pagingQuery }).strict()

export const meetingOut = z.object({
  id: z.string(),
  title: z.string(),
  type: z.enum(['RAKOR', 'RAKORNIS', 'RAKORTEK', 'OTHER']),
  status: z.enum(['PLANNED', 'HELD', 'CLOSED', 'CANCELLED']),
  starts_at: z.iso.datetime(),
  ends_at: z.iso.datetime(),
  venue: z.string().nullable(),
  city: z.string().nullable(),
  organiser: z.string(),
  chair: z.string().nullable(),
  host_regency_code: z.string().nullable(),
  previous_meeting_id: z.string().nullable(),
  outcomes: z.array(z.object({
    id: z.string(),
    kind: z.enum(['INFORMATION', 'DECISION', 'RECOMMENDATION']),
    text: z.string(),
    agenda_item: z.string().meta({ description: 'The agenda item it was reached under.' }),
    program_id: z.string().nullable(),
    indicator_code: z.string().nullable(),
    regency_code: z.string().nullable(),
  })).meta({ description: 'Decisions, information and recommendations, in agenda order.' }),
  ...timestamps,
}).meta({ id: 'Meeting' })

export const actionOut = z.object({
  id: z.string(),
  meeting_id: z.string(),
  outcome_id: z.string().nullable().meta({ description: 'The decision it follows up, when tied to one.' }),
  title: z.string(),
  description: z.string().nullable(),
  owner_kind: z.enum(['REGENCY', 'BANK', 'UNIT', 'USER']),
  owner_regency_code: z.string().nullable(),
  owner_bank_id: z.string().nullable(),
  owner_unit: z.string().nullable(),
  owner_user_name: z.string().nullable(),
  due_date: z.string().meta({ description: 'YYYY-MM-DD' }),
  status: z.enum(['OPEN', 'IN_PROGRESS', 'DONE', 'DROPPED']),
  closed_at: z.iso.datetime().nullable(),
  ...timestamps,
}).meta({ id: 'FollowUpAction' })

const syncPageOf = (item: z.ZodType, id: string) =>
  z.object({
    data: z.array(item),
    next_cursor: z.string().nullable().meta({ description: 'Pass as `cursor` to continue; keep it to read only later changes next time.' }),
    has_more: z.boolean(),
  }).meta({ id })

export const meetingPage = syncPageOf(meetingOut, 'MeetingPage')
export const actionPage = syncPageOf(actionOut, 'FollowUpActionPage')

// ── Register snapshots ──────────────────────────────────────────────────────────────────────────────

export const snapshotIn = z.object({
  register: z.enum(['koperasi', 'umkm'], 'register: koperasi atau umkm.'),
  format: z.enum(['ndjson', 'csv'], 'format: ndjson atau csv.').default('ndjson'),
}).strict().meta({ id: 'SnapshotRequest' })

export const snapshotOut = z.object({
  id: z.string(),
  register: z.enum(['koperasi', 'umkm']),
  format: z.enum(['ndjson', 'csv']),
  status: z.enum(['QUEUED', 'RUNNING', 'READY', 'FAILED']),
  rows: z.number().int().nullable(),
  bytes: z.number().int().nullable(),
  sha256: z.string().nullable().meta({ description: 'Of the whole file, once READY (also the download\'s ETag).' }),
  as_of: z.iso.datetime().nullable().meta({ description: 'The file holds the records committed before this instant; sync later changes with `updated_since`.' }),
  error: z.string().nullable(),
  created_at: z.iso.datetime(),
  finished_at: z.iso.datetime().nullable(),
  expires_at: z.iso.datetime().meta({ description: 'Purged after this.' }),
  fields: z.array(z.string()).meta({ description: 'The file\'s field names, in order (the CSV header): the register record\'s, `regency` as `regency_code` and `regency_name`.' }),
  status_url: z.string(),
  download_url: z.string().nullable(),
}).meta({ id: 'Snapshot' })

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
