import { z } from 'zod'
import { nameField, decimalField, isoDateField, isoMonthField, looksLikeEnglishGrouping, parseNumberInput, rupiahField } from '@/lib/parse'
import { countGroupingMessage, fieldsParsed, filterPage, nibField, nikField, filterRegency } from './registers-common'

const isoDate = isoDateField()
/** Whole Rupiah (lib/parse.ts): `1.234.567`, `1234567` and `Rp1.234.567` are the same; a fraction is refused. */
const rupiah = rupiahField
const percent = (label: string) =>
  z.preprocess(
    (v) => (typeof v === 'string' ? v.replace('%', '').trim() : v),
    decimalField(label).pipe(z.number().min(0, `${label} tidak boleh negatif.`).max(100, `${label} paling tinggi 100%.`)),
  )

/**
 * A whole number typed in a form (`1.250` is 1250): an empty field is "fill it in", never a silent 0 (a text
 * coerces to 0), and each bound says which bound it is.
 */
const wholeNumber = (m: { empty: string; notNumber: string; notWhole: string; min: [number, string]; max?: [number, string]; label?: string }) => {
  const n = z.number({ error: (iss) => (iss.input === undefined ? m.empty : m.notNumber) }).int(m.notWhole).min(m.min[0], m.min[1])
  return z.preprocess(
    (v, ctx) => {
      if (typeof v !== 'string') return v
      if (v.trim() === '') return undefined
      // `1,000` would be read as 1 (a decimal comma): refused as count() and money() refuse it (a walk's programme
      // was created for "1 UMK", said only in its confirmation)
      if (m.label && looksLikeEnglishGrouping(v)) {
        ctx.addIssue({ code: 'custom', message: countGroupingMessage(m.label), input: v })
        return z.NEVER
      }
      return parseNumberInput(v) ?? undefined
    },
    m.max ? n.max(m.max[0], m.max[1]) : n,
  )
}

/** Recording a disbursement: the borrower by NIB, the loan's terms; eligibility is checked on the server. */
export const disbursementSchema = z.object({
  programId: z.string('Pilih program.').min(1, 'Pilih program.').max(40),
  bankId: z.string().max(40).optional(),
  // an empty field gets one message, not every rule it also breaks
  accountNumber: z.string('Isi nomor rekening.').trim().min(1, { error: 'Isi nomor rekening.', abort: true }).min(3, 'Nomor rekening minimal 3 karakter.').max(30, 'Nomor rekening maksimal 30 karakter.').regex(/^[A-Za-z0-9./-]+$/, 'Nomor rekening hanya huruf, angka, titik, garis miring, dan tanda hubung.'),
  nib: nibField('NIB terdiri dari 13 digit angka.', 'NIB terdiri dari 13 digit angka.'),
  /** the owner's NIK from the bank's loan file: with the NIB it confirms the borrower (lib/actions/credit.ts) */
  ownerNik: nikField('Isi NIK pemilik usaha.', 'NIK pemilik terdiri dari 16 digit angka.'),
  contractDate: isoDate,
  plafond: rupiah('Plafon').pipe(z.number().min(1_000_000, 'Plafon minimal Rp1.000.000.')),
  // the one parser (lib/parse.ts), as the programme's maximum tenor: `12,0` is 12, `1e2` and `0x18` are not numbers;
  // an empty tenor is "fill it in", not "at least 1 month"
  tenorMonths: wholeNumber({ empty: 'Isi tenor (bulan).', notNumber: 'Tenor harus berupa angka.', notWhole: 'Tenor dalam bulan penuh.', min: [1, 'Tenor minimal 1 bulan.'], max: [120, 'Tenor paling lama 120 bulan.'] }),
  method: z.enum(['ANNUITY', 'FLAT'], 'Pilih metode angsuran.'),
  /** an admin accepts a loan that breaks a programme rule, with the reason in writing */
  acceptException: z.enum(['on']).optional(),
  exceptionReason: z.string().trim().max(500, 'Alasan maksimal 500 karakter.').optional(),
})

/**
 * A correction of a recorded loan on its page (lib/credit/disbursement-corrections.ts, shared with PATCH
 * /api/v1/penyaluran/{id}): the form sends every correctable field, prefilled with what is recorded, and the
 * version the page showed.
 */
export const disbursementCorrectionSchema = disbursementSchema
  .pick({ accountNumber: true, nib: true, ownerNik: true, contractDate: true, plafond: true, tenorMonths: true, method: true })
  .extend({
    disbursementId: z.string().min(1).max(60),
    version: z.coerce.number().int().positive(),
  })

/** A bank's monthly claim: the programme (budget year) it is charged to, then the month. */
export const claimMonthSchema = z.object({
  programId: z.string('Pilih program.').min(1, 'Pilih program.').max(40),
  month: isoMonthField('Bulan klaim'),
})

/** The claim form: its first press asks what would be claimed (nothing is written); the bank then confirms with `submit`. */
export const claimFormSchema = claimMonthSchema.extend({
  intent: z.enum(['preview', 'submit'], 'Tindakan tidak dikenal.').optional().transform((v) => v ?? 'submit'),
  // the preview's count and total, sent back with the confirmation: the claim is filed only if they still hold
  expectedLines: z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number('Data pratinjau tidak valid.').int('Data pratinjau tidak valid.').min(0).optional()),
  expectedTotal: z.preprocess((v) => (v === '' ? undefined : v), z.string().regex(/^\d{1,20}(\.\d{1,2})?$/, 'Data pratinjau tidak valid.').optional()),
})

const claimDays = z.coerce.number('Hari harus bilangan bulat 1–62.').int('Hari harus bilangan bulat 1–62.').min(1, 'Hari harus bilangan bulat 1–62.').max(62, 'Hari harus bilangan bulat 1–62.')

/**
 * One line of a bank's claim, as its spreadsheet gives it (lib/imports/kinds/claims.ts): the claim's programme
 * and month, the loan account, the amount claimed and, optionally, the opening balance, days and rate (% per
 * year) the bank computed with, so that a difference can be explained line by line.
 */
export const claimLineSchema = claimMonthSchema.extend({
  accountNumber: disbursementSchema.shape.accountNumber,
  amount: rupiah('Jumlah klaim'),
  balance: rupiah('Saldo').optional(),
  days: claimDays.optional(),
  rate: percent('Suku bunga').optional(),
})

export const claimReviewSchema = z.object({
  claimId: z.string().min(1).max(40),
  version: z.coerce.number().int().positive(),
})

export const claimReturnSchema = claimReviewSchema.extend({
  reason: z.string().trim().min(10, 'Tuliskan alasan pengembalian (minimal 10 karakter).').max(2000, 'Alasan maksimal 2.000 karakter.'),
})

export const claimPaymentSchema = z.object({
  claimId: z.string().min(1).max(40),
  version: z.coerce.number().int().positive(),
  paidOn: isoDate,
  amount: rupiah('Jumlah pembayaran').pipe(z.number().positive('Jumlah pembayaran harus lebih dari 0.')),
  reference: z.string().trim().min(3, 'Isi nomor SP2D/referensi pembayaran.').max(100, 'Referensi maksimal 100 karakter.'),
})

/** The balance the subsidy is computed on (lib/credit/subsidy.ts AmortisationBasis). */
const amortisationBasis = z.enum(['BORROWER_RATE', 'BANK_RATE'], 'Pilih dasar amortisasi saldo.')

/** Changing a programme's amortisation basis, allowed until its first loan. */
export const amortisationBasisSchema = z.object({
  programId: z.string().min(1).max(40),
  version: z.coerce.number().int().positive(),
  amortisationBasis,
})

/** A programme's own settings, shared by the new-programme form and its edit form. */
const programFields = {
  scheme: z.string('Isi kode skema, mis. PROKESRA.').trim().toUpperCase().min(2, 'Isi kode skema, mis. PROKESRA.').max(30, 'Kode skema maksimal 30 karakter.').regex(/^[A-Z0-9-]+$/, 'Kode skema hanya huruf besar, angka, dan tanda hubung.'),
  name: nameField('Nama program', { min: 3, max: 120 }),
  year: wholeNumber({ empty: 'Isi tahun program.', notNumber: 'Tahun harus berupa angka.', notWhole: 'Tahun tidak valid.', min: [2000, 'Tahun tidak valid.'], max: [2100, 'Tahun tidak valid.'] }),
  creditTarget: rupiah('Target kredit').pipe(z.number().positive('Target kredit harus lebih dari 0.')),
  beneficiaryTarget: wholeNumber({ label: 'Target penerima', empty: 'Isi target penerima.', notNumber: 'Target penerima harus berupa angka.', notWhole: 'Target penerima harus bilangan bulat.', min: [0, 'Target penerima tidak boleh negatif.'] }),
  subsidyCeiling: rupiah('Pagu subsidi').pipe(z.number().positive('Pagu subsidi harus lebih dari 0.')),
  borrowerRate: percent('Bunga debitur'),
  maxPlafond: rupiah('Plafon maksimal').pipe(z.number().positive('Plafon maksimal harus lebih dari 0.')),
  maxTenorMonths: wholeNumber({ empty: 'Isi tenor maksimal (bulan).', notNumber: 'Tenor maksimal harus berupa angka.', notWhole: 'Tenor maksimal dalam bulan penuh.', min: [1, 'Tenor maksimal minimal 1 bulan.'], max: [120, 'Tenor maksimal paling lama 120 bulan.'] }),
}

/** A programme's code, which claims, imports and the API name it by: its scheme and year (`PROKESRA-2026`). */
export const programCode = (p: { scheme: string; year: number }) => `${p.scheme}-${p.year}`

/** A new programme year: its settings, the first partner bank and its contract rate, and the amortisation basis. */
export const programSchema = z
  .object({
    ...programFields,
    bankRate: percent('Bunga bank'),
    bankId: z.string('Pilih bank mitra.').min(1, 'Pilih bank mitra.').max(40),
    amortisationBasis: amortisationBasis.default('BORROWER_RATE'),
  })
  // checked as soon as both rates are readable, beside the other fields' errors (by default a refinement waits
  // until every field is valid, so the admin met this rule only on a second attempt)
  .refine((v) => v.bankRate > v.borrowerRate, {
    path: ['bankRate'],
    message: 'Bunga bank harus lebih tinggi dari bunga debitur (selisihnya yang disubsidi).',
    when: fieldsParsed('bankRate', 'borrowerRate'),
  })

/**
 * The settings fixed once a programme has a loan: its scheme and year (the loans' budget year and the code
 * claims and imports name) and the borrower's rate (each loan carries the one agreed at its contract and
 * its subsidy is the difference from it). Targets, ceiling and the limits for new loans stay editable.
 */
export const PROGRAM_FIELDS_LOCKED_BY_LOANS = ['scheme', 'year', 'borrowerRate'] as const

/**
 * An edit of a programme's settings from the version the admin opened (/kredit/[id]/ubah). Banks and their
 * rates are changed on their own forms, the amortisation basis by setAmortisationBasis.
 */
export const programEditSchema = z.object({
  id: z.string().min(1).max(40),
  version: z.coerce.number().int().positive(),
  ...programFields,
})

/**
 * A change of a bank's contract rate from a date. It recomputes the running loans, so the form first asks
 * how many (`intent=preview`, nothing written) and sends that count back with the confirmation.
 */
export const rateChangeSchema = z.object({
  programId: z.string().min(1).max(40),
  bankId: z.string('Pilih bank mitra.').min(1, 'Pilih bank mitra.').max(40),
  effectiveFrom: isoDate,
  rate: percent('Bunga bank'),
  intent: z.enum(['preview', 'submit'], 'Tindakan tidak dikenal.').optional().transform((v) => v ?? 'submit'),
  expectedLoans: z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number('Data pratinjau tidak valid.').int('Data pratinjau tidak valid.').min(0, 'Data pratinjau tidak valid.').optional()),
  /** the rate already recorded for that day when the admin confirmed ('' for none), in percent */
  expectedReplaces: z.string().max(20, 'Data pratinjau tidak valid.').optional(),
})

/** The allocation of the credit target per regency (`alloc_<regency>` fields), from the programme version the admin opened. */
export const allocationSchema = z.object({
  programId: z.string().min(1).max(40),
  version: z.coerce.number().int().positive(),
}).passthrough()

export const disbursementFilterSchema = z.object({
  program: z.string().max(40).optional().catch(undefined),
  regency: filterRegency,
  bank: z.string().max(40).optional().catch(undefined),
  from: isoDate.optional().catch(undefined),
  to: isoDate.optional().catch(undefined),
  q: z.string().trim().max(60).optional().catch(undefined),
  collectibility: z.coerce.number().int().min(1).max(5).optional().catch(undefined),
  flagged: z.enum(['1']).optional().catch(undefined),
  page: filterPage,
  sort: z.enum(['contractDate', 'plafond', 'accountNumber']).optional().catch(undefined),
  dir: z.enum(['asc', 'desc']).optional().catch(undefined),
})
export type DisbursementFilter = z.infer<typeof disbursementFilterSchema>

/** What the bank reports for one period of a loan: instalment paid or not, and the collectibility. */
export const instalmentReportSchema = z.object({
  disbursementId: z.string().min(1).max(60),
  period: z.coerce.number('Periode harus berupa angka.').int('Periode harus bilangan bulat.').min(1, 'Periode mulai dari 1.').max(240, 'Periode tidak valid.'),
  instalmentPaid: z.enum(['paid', 'unpaid'], 'Pilih apakah angsuran dibayar.'),
  collectibility: z.coerce.number('Pilih kolektibilitas.').int().min(1, 'Kolektibilitas 1 sampai 5.').max(5, 'Kolektibilitas 1 sampai 5.'),
  /** the loan's version the page showed: a report from a stale page is refused (lib/credit/instalments.ts) */
  version: z.coerce.number().int().positive(),
})
