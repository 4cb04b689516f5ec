import { z } from 'zod'
import { isoDateInRange, nameField } from '@/lib/parse'
import { optionalText } from '@/lib/validations/registers-common'

/**
 * The holiday calendar (Pengaturan › Hari libur): one schema for the form and the action
 * (lib/actions/holidays.ts). `version` 0 with no id: a new day.
 */

const version = z.coerce.number('Versi tidak valid.').int('Versi tidak valid.').min(0, 'Versi tidak valid.')

/** A holiday: its date (2000–2100), name, kind (libur nasional or cuti bersama) and where it comes from. */
export const holidaySchema = z
  .object({
    id: z.string().trim().max(40).optional().transform((v) => (v ? v : null)),
    version,
    date: isoDateInRange('Tanggal'),
    name: nameField('Nama hari libur', { min: 3, max: 200 }),
    kind: z.enum(['NATIONAL_HOLIDAY', 'CUTI_BERSAMA'], 'Pilih jenis: libur nasional atau cuti bersama.'),
    source: optionalText(300, 'Sumber maksimal 300 karakter.'),
  })
  .refine((v) => (v.id === null) === (v.version === 0), { path: ['version'], message: 'Versi tidak valid.' })
export type HolidayInput = z.infer<typeof holidaySchema>

export const deleteHolidaySchema = z.object({ id: z.string().trim().min(1).max(40), version: version.min(1, 'Versi tidak valid.') })
