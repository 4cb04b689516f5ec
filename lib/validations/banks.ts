import { z } from 'zod'
import { nameField } from '@/lib/parse'
import { rateChangeSchema } from '@/lib/validations/credit'

/**
 * Partner banks (Pengaturan › Bank mitra) and their participation in programme years: one schema per
 * form, shared by the client form and the server action (lib/actions/banks.ts).
 */

const version = z.coerce.number('Versi tidak valid.').int('Versi tidak valid.').min(0, 'Versi tidak valid.')

/** A partner bank: its code (as in the bank's claim files), full and short name, and whether it is active. `version` 0: new. */
export const bankSchema = z.object({
  id: z.string().trim().max(40).optional().transform((v) => (v ? v : null)),
  version,
  code: z.string('Isi kode bank.').trim().toUpperCase().regex(/^[A-Z0-9][A-Z0-9_-]{1,19}$/, 'Kode: huruf besar, angka, garis bawah atau tanda hubung, 2–20 karakter (mis. BPR_JATIM).'),
  name: nameField('Nama bank', { min: 3, max: 200 }),
  shortName: nameField('Nama singkat', { min: 2, max: 60 }),
  active: z.enum(['on', 'true', 'false', '']).optional().transform((v) => v === 'on' || v === 'true'),
})
  .refine((v) => (v.id === null) === (v.version === 0), { path: ['version'], message: 'Versi tidak valid.' })
export type BankInput = z.infer<typeof bankSchema>

/**
 * A bank joins a programme year with its contract rate from a date: the rate is what the interest
 * subsidy is computed from (the same fields as a rate change on the programme page). `version` is the
 * programme's, so two admins changing the same programme at once cannot both land.
 */
export const programBankSchema = rateChangeSchema.extend({
  version: version.min(1, 'Versi tidak valid.'),
})

/** A bank leaves a programme year: only while it has no disbursement or claim there. */
export const removeProgramBankSchema = z.object({
  programId: z.string().min(1).max(40),
  bankId: z.string().min(1).max(40),
  version: version.min(1, 'Versi tidak valid.'),
})
