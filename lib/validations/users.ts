import { z } from 'zod'
import { nameField } from '@/lib/parse'
import { fieldsParsed, filterPage, filterRegency } from '@/lib/validations/registers-common'

const ROLE_VALUES = ['ADMIN', 'DISTRICT_OFFICER', 'LEADERSHIP', 'BANK_OFFICER'] as const

const optionalText = (max: number, message: string) =>
  z.string().trim().max(max, message).optional().transform((v) => (v ? v : null))

/** One schema for the user form (create and edit) and its server actions. */
export const userSchema = z
  .object({
    username: z
      .string()
      .trim()
      .toLowerCase()
      .min(3, 'Nama pengguna minimal 3 karakter.')
      .max(40, 'Nama pengguna maksimal 40 karakter.')
      .regex(/^[a-z0-9._-]+$/, 'Hanya huruf kecil, angka, titik, garis bawah, dan tanda hubung.'),
    name: nameField('Nama lengkap', { min: 2, max: 120 }),
    // kept in lower case: one address whatever its capitals, so the unique index sees Walk.Kab@… and walk.kab@… as one
    email: optionalText(160, 'Email terlalu panjang.').pipe(z.email('Alamat email tidak valid.').nullable()).transform((v) => v?.toLowerCase() ?? null),
    role: z.enum(ROLE_VALUES, 'Pilih peran.'),
    regencyCode: optionalText(5, 'Kode kabupaten/kota tidak valid.'),
    bankId: optionalText(40, 'Bank tidak valid.'),
  })
  .superRefine((v, ctx) => {
    if (v.role === 'DISTRICT_OFFICER' && !v.regencyCode) ctx.addIssue({ code: 'custom', path: ['regencyCode'], message: 'Petugas kabupaten/kota harus terikat pada satu kabupaten/kota.' })
    if (v.role === 'BANK_OFFICER' && !v.bankId) ctx.addIssue({ code: 'custom', path: ['bankId'], message: 'Petugas bank harus terikat pada satu bank mitra.' })
  })
  // the other roles see the whole province: a leftover regency or bank would be misleading
  .transform((v) => ({
    ...v,
    regencyCode: v.role === 'DISTRICT_OFFICER' ? v.regencyCode : null,
    bankId: v.role === 'BANK_OFFICER' ? v.bankId : null,
  }))

export const userUpdateSchema = z.intersection(
  userSchema,
  z.object({ id: z.string().min(1), version: z.coerce.number().int('Versi tidak valid.').positive('Versi tidak valid.') }),
)

export const userIdSchema = z.object({ id: z.string().min(1, 'Pengguna tidak dikenal.').max(40) })

/** Deactivate, reactivate, reset password: the row's version the admin saw, the condition of the change (lib/transitions.ts). */
export const userStepSchema = userIdSchema.extend({ version: z.coerce.number().int('Versi tidak valid.').positive('Versi tidak valid.') })

/**
 * The change of one's own password. Each field says its own fault in the same round: the three empty were marked
 * as the current one only, and a repeat that differs ran before the action's policy check (a 6-character new
 * password was said too short only once the repeat was fixed). The policy and the current password's check need the
 * account: the action runs them even when this schema refuses (lib/actions/auth.ts).
 */
export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, 'Isi kata sandi saat ini.').max(200),
    newPassword: z.string().min(1, 'Isi kata sandi baru.').max(200, 'Kata sandi terlalu panjang.'),
    confirmPassword: z.string().min(1, 'Ulangi kata sandi baru.').max(200),
  })
  // compared whenever both are text, whatever else is wrong; an empty repeat has its own message already
  .refine((v) => v.newPassword === v.confirmPassword, {
    path: ['confirmPassword'],
    message: 'Konfirmasi tidak sama dengan kata sandi baru.',
    when: (payload) => fieldsParsed('confirmPassword')(payload) && typeof (payload.value as { newPassword?: unknown }).newPassword === 'string',
  })

export const userFilterSchema = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  role: z.enum(ROLE_VALUES).optional().catch(undefined),
  status: z.enum(['aktif', 'nonaktif']).optional().catch(undefined),
  regency: filterRegency,
  page: filterPage,
  sort: z.enum(['username', 'name', 'role', 'lastSignInAt', 'createdAt']).optional().catch(undefined),
  dir: z.enum(['asc', 'desc']).optional().catch(undefined),
})
export type UserFilter = z.infer<typeof userFilterSchema>
