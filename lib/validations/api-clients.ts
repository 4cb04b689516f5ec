import { z } from 'zod'
import { jakartaToday } from '@/lib/dates'
import { formatDate } from '@/lib/format'
import { isIsoDate, isoDateField, nameField } from '@/lib/parse'

/** The roles an API client may have: a bank's system, a regency's, or a province-wide reader. Never ADMIN. */
export const API_CLIENT_ROLES = ['BANK_OFFICER', 'DISTRICT_OFFICER', 'LEADERSHIP'] as const

/** The longest a token may live: it is rotated by creating a new client before this. */
export const MAX_TOKEN_DAYS = 730

/** The last expiry day allowed when created on `today` (Jakarta): MAX_TOKEN_DAYS later. */
export function latestExpiry(today: string): string {
  return new Date(Date.parse(`${today}T00:00:00Z`) + MAX_TOKEN_DAYS * 86_400_000).toISOString().slice(0, 10)
}

const optionalId = (max: number) => z.string().trim().max(max).optional().transform((v) => (v ? v : null))

/** Creating an API client (Pengguna → Klien API): bound to a role and that role's scope, with an expiry. */
export const apiClientSchema = z
  .object({
    name: nameField('Nama klien', { min: 3, max: 120 }),
    owner: nameField('Penanggung jawab', { min: 3, max: 160 }),
    role: z.enum(API_CLIENT_ROLES, 'Pilih peran klien.'),
    regencyCode: optionalId(5),
    bankId: optionalId(40),
    // the range with the other fields' checks, so one submit shows every problem (not the expiry only after the bank is chosen)
    expiresOn: isoDateField('Tanggal kedaluwarsa').superRefine((v, ctx) => {
      if (!isIsoDate(v)) return
      const today = jakartaToday()
      if (v <= today) ctx.addIssue({ code: 'custom', message: 'Tanggal kedaluwarsa harus setelah hari ini.' })
      else if (v > latestExpiry(today)) ctx.addIssue({ code: 'custom', message: `Token berlaku paling lama ${MAX_TOKEN_DAYS} hari: paling lambat ${formatDate(latestExpiry(today))}.` })
    }),
  })
  .superRefine((v, ctx) => {
    if (v.role === 'DISTRICT_OFFICER' && !v.regencyCode) ctx.addIssue({ code: 'custom', path: ['regencyCode'], message: 'Klien kabupaten/kota harus terikat pada satu kabupaten/kota.' })
    if (v.role === 'BANK_OFFICER' && !v.bankId) ctx.addIssue({ code: 'custom', path: ['bankId'], message: 'Klien bank harus terikat pada satu bank mitra.' })
  })
  // the province-wide reader has no regency or bank: a leftover one would be misleading
  .transform((v) => ({ ...v, regencyCode: v.role === 'DISTRICT_OFFICER' ? v.regencyCode : null, bankId: v.role === 'BANK_OFFICER' ? v.bankId : null }))

export const apiClientRevokeSchema = z.object({ id: z.string().min(1).max(40) })
