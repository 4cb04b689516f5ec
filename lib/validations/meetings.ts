/**
 * Coordination meetings and their follow-ups: one schema per form, shared by the client form and the
 * server action. Messages are Indonesian, shown under the field that is wrong. Times are typed in
 * Jakarta (`datetime-local`); due dates are Jakarta calendar days.
 */
import { z } from 'zod'
import { isIsoDate, isoDateInRange, nameField } from '@/lib/parse'
import { jakartaLocalToDate } from '@/lib/dates'
import { checkbox, optionalRegencyCode, filterPage, filterRegency, idField, optionalText, versionField } from '@/lib/validations/registers-common'

/** The longest meeting title the form takes (and the follow-up meeting's offered title is shortened to); its refusal says 200 as written. */
export const MEETING_TITLE_MAX = 200

export const MEETING_TYPES = ['RAKOR', 'RAKORNIS', 'RAKORTEK', 'OTHER'] as const
export const MEETING_STATUSES = ['PLANNED', 'HELD', 'CLOSED', 'CANCELLED'] as const
export const ATTENDANCE = ['PLANNED', 'PRESENT', 'ABSENT', 'REPRESENTED'] as const
export const OUTCOME_KINDS = ['INFORMATION', 'DECISION', 'RECOMMENDATION'] as const
export const OWNER_KINDS = ['REGENCY', 'BANK', 'UNIT', 'USER'] as const
export const ACTION_STATUSES = ['OPEN', 'IN_PROGRESS', 'DONE', 'DROPPED'] as const
export const DOCUMENT_KINDS = ['INVITATION', 'ATTENDANCE', 'MATERIAL', 'PHOTO', 'MINUTES', 'EVIDENCE', 'OTHER'] as const

/** Which status a meeting may move to from each status (cancelled and closed are final). */
export const MEETING_TRANSITIONS: Record<(typeof MEETING_STATUSES)[number], readonly (typeof MEETING_STATUSES)[number][]> = {
  PLANNED: ['HELD', 'CANCELLED'],
  HELD: ['CLOSED', 'CANCELLED'],
  CLOSED: [],
  CANCELLED: [],
}

const jakartaDateTime = (label: string) =>
  z
    .string({ error: `Isi ${label}.` })
    .trim()
    .min(1, `Isi ${label}.`)
    .transform((v, ctx) => {
      const d = jakartaLocalToDate(v)
      if (!d || d.getUTCFullYear() < 2000 || d.getUTCFullYear() > 2100) {
        ctx.addIssue({ code: 'custom', message: `${label[0].toUpperCase()}${label.slice(1)} tidak valid: isi tanggal hh/bb/tttt dan jam jj.mm WIB.` })
        return z.NEVER
      }
      return d
    })

const optionalId = z
  .string()
  .trim()
  .max(40, 'Data tidak dikenal.')
  .optional()
  .transform((v) => (v ? v : null))

/** The meeting itself (create and edit): the end must come after the start. */
export const meetingFields = z.object({
  title: z.string({ error: 'Isi judul rapat.' }).trim().min(3, 'Isi judul rapat (minimal 3 karakter).').max(MEETING_TITLE_MAX, 'Judul maksimal 200 karakter.'),
  type: z.enum(MEETING_TYPES, 'Pilih jenis rapat.'),
  startsAt: jakartaDateTime('waktu mulai'),
  endsAt: jakartaDateTime('waktu selesai'),
  venue: optionalText(200, 'Tempat maksimal 200 karakter.'),
  city: optionalText(100, 'Kota maksimal 100 karakter.'),
  hostRegencyCode: optionalRegencyCode,
  organiser: z.string({ error: 'Isi penyelenggara.' }).trim().min(3, 'Isi penyelenggara (minimal 3 karakter).').max(200, 'Penyelenggara maksimal 200 karakter.'),
  chair: optionalText(200, 'Pimpinan rapat maksimal 200 karakter.'),
})

const endAfterStart = (v: { startsAt: Date; endsAt: Date }, ctx: z.RefinementCtx) => {
  // a start or end already refused (empty, not a time) has its own message; comparing it would add a wrong one
  if (!(v.startsAt instanceof Date) || !(v.endsAt instanceof Date)) return
  if (v.endsAt <= v.startsAt) ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'Waktu selesai harus sesudah waktu mulai.' })
  else if (v.endsAt.getTime() - v.startsAt.getTime() > 14 * 86_400_000) ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'Rapat paling lama 14 hari.' })
}

/** A new meeting; with `previousMeetingId` it is a follow-up meeting (participants copied, open actions carried). */
export const createMeetingSchema = meetingFields.extend({ previousMeetingId: optionalId }).superRefine(endAfterStart)
export const updateMeetingSchema = meetingFields.extend({ id: idField, version: versionField }).superRefine(endAfterStart)

export const meetingStatusSchema = z.object({
  id: idField,
  version: versionField,
  status: z.enum(MEETING_STATUSES, 'Pilih status rapat.'),
})

export const participantSchema = z
  .object({
    meetingId: idField,
    // an internal user (userId) brings name, agency, regency and bank from the account; an external person needs them typed
    name: z.string().optional().transform((v) => (v?.trim() ? v : undefined)).pipe(nameField('Nama peserta', { min: 2, max: 150 }).optional()).transform((v) => v ?? null),
    position: optionalText(150, 'Jabatan maksimal 150 karakter.'),
    agency: optionalText(200, 'Instansi maksimal 200 karakter.'),
    regencyCode: optionalRegencyCode,
    bankId: optionalId,
    userId: optionalId,
    attendance: z.enum(ATTENDANCE, 'Pilih kehadiran.').default('PLANNED'),
    representedBy: optionalText(150, 'Nama perwakilan maksimal 150 karakter.'),
  })
  .superRefine((v, ctx) => {
    if (!v.userId && (!v.name || v.name.length < 2)) ctx.addIssue({ code: 'custom', path: ['name'], message: 'Isi nama peserta, atau pilih pengguna Lumbung.' })
    if (!v.userId && (!v.agency || v.agency.length < 2)) ctx.addIssue({ code: 'custom', path: ['agency'], message: 'Isi instansi peserta.' })
    if (v.attendance === 'REPRESENTED' && !v.representedBy) ctx.addIssue({ code: 'custom', path: ['representedBy'], message: 'Isi nama yang mewakili.' })
  })

export const attendanceSchema = z
  .object({
    id: idField,
    version: versionField,
    attendance: z.enum(ATTENDANCE, 'Pilih kehadiran.'),
    representedBy: optionalText(150, 'Nama perwakilan maksimal 150 karakter.'),
  })
  .superRefine((v, ctx) => {
    if (v.attendance === 'REPRESENTED' && !v.representedBy) ctx.addIssue({ code: 'custom', path: ['representedBy'], message: 'Isi nama yang mewakili.' })
  })

/**
 * Everyone still "invited" marked present at once (a Rakor's attendance sheet is mostly present): `seen` is the
 * participants the admin's page listed as invited, `id:version` separated by commas, so a row changed meanwhile
 * refuses the whole step rather than being overwritten.
 */
export const markPresentSchema = z.object({
  meetingId: idField,
  seen: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_-]{1,40}:\d{1,9}(,[A-Za-z0-9_-]{1,40}:\d{1,9}){0,1999}$/, 'Daftar peserta tidak dikenal; muat ulang halaman.')
    .transform((v) => v.split(',').map((p) => { const [id, version] = p.split(':'); return { id, version: Number(version) } }))
    // each participant once (the page lists each once; a forged list naming one twice would read as a conflict)
    .refine((seen) => new Set(seen.map((s) => s.id)).size === seen.length, 'Daftar peserta tidak dikenal; muat ulang halaman.'),
})

export const removeSchema = z.object({ id: idField })
/** Removing a participant, an agenda item or an outcome: the version the admin saw, so a removal of something changed meanwhile is refused. */
export const removeVersionedSchema = z.object({ id: idField, version: versionField })

const agendaFields = {
  title: z.string({ error: 'Isi judul acara.' }).trim().min(3, 'Isi judul acara (minimal 3 karakter).').max(300, 'Judul acara maksimal 300 karakter.'),
  presenter: optionalText(200, 'Penyaji maksimal 200 karakter.'),
  durationMinutes: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : null))
    .pipe(z.string().regex(/^\d{1,5}$/, 'Durasi dalam menit penuh.').transform(Number).pipe(z.number().min(1, 'Durasi minimal 1 menit.').max(1440, 'Durasi paling lama 1.440 menit.')).nullable()),
  /** notulen in Markdown; rendered without raw HTML (lib/meetings/markdown.tsx) */
  minutes: optionalText(20_000, 'Notulen maksimal 20.000 karakter.'),
}
export const agendaItemSchema = z.object({ meetingId: idField, ...agendaFields })
export const updateAgendaItemSchema = z.object({ id: idField, version: versionField, ...agendaFields })

export const outcomeSchema = z.object({
  agendaItemId: idField,
  kind: z.enum(OUTCOME_KINDS, 'Pilih jenis hasil.'),
  text: z.string({ error: 'Isi hasil rapat.' }).trim().min(3, 'Isi hasil rapat (minimal 3 karakter).').max(2000, 'Hasil maksimal 2.000 karakter.'),
  programId: optionalId,
  indicatorCode: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : null))
    .pipe(z.string().regex(/^[A-Z0-9_]{1,32}$/, 'Indikator tidak dikenal.').nullable()),
  regencyCode: optionalRegencyCode,
})

/** Correct an outcome in place (its agenda item stays), from the version the admin saw. */
export const updateOutcomeSchema = outcomeSchema.omit({ agendaItemId: true }).extend({ id: idField, version: versionField })

const actionFields = {
  title: z.string({ error: 'Isi tindak lanjut.' }).trim().min(3, 'Isi tindak lanjut (minimal 3 karakter).').max(500, 'Tindak lanjut maksimal 500 karakter.'),
  description: optionalText(4000, 'Uraian maksimal 4.000 karakter.'),
  ownerKind: z.enum(OWNER_KINDS, 'Pilih penanggung jawab.'),
  ownerRegencyCode: optionalRegencyCode,
  ownerBankId: optionalId,
  ownerUnit: optionalText(200, 'Unit maksimal 200 karakter.'),
  ownerUserId: optionalId,
  // the one date check (lib/parse.ts): an impossible day such as 31/02/2026 is "not valid", not "fill in"
  dueDate: isoDateInRange('Tenggat'),
  agendaItemId: optionalId,
  outcomeId: optionalId,
  /** the user confirmed a due date already past (the follow-up is late the moment it is saved): a warning, not a refusal */
  pastDueConfirmed: checkbox,
}

/** Exactly the owner field of the chosen kind must be filled. */
const ownerGiven = (v: { ownerKind: (typeof OWNER_KINDS)[number]; ownerRegencyCode: string | null; ownerBankId: string | null; ownerUnit: string | null; ownerUserId: string | null }, ctx: z.RefinementCtx) => {
  const need = { REGENCY: ['ownerRegencyCode', 'Pilih kabupaten/kota penanggung jawab.'], BANK: ['ownerBankId', 'Pilih bank penanggung jawab.'], UNIT: ['ownerUnit', 'Isi unit penanggung jawab.'], USER: ['ownerUserId', 'Pilih pengguna penanggung jawab.'] } as const
  const [field, message] = need[v.ownerKind]
  if (!v[field]) ctx.addIssue({ code: 'custom', path: [field], message })
}

export const actionItemSchema = z.object({ meetingId: idField, ...actionFields }).superRefine(ownerGiven)
export const updateActionItemSchema = z.object({ id: idField, version: versionField, ...actionFields }).superRefine(ownerGiven)

/** A progress note by the owner (or an admin), optionally changing the status. */
export const progressSchema = z.object({
  actionId: idField,
  version: versionField,
  note: z.string({ error: 'Isi catatan perkembangan.' }).trim().min(3, 'Isi catatan perkembangan (minimal 3 karakter).').max(4000, 'Catatan maksimal 4.000 karakter.'),
  status: z
    .string()
    .optional()
    .transform((v) => (v ? v : null))
    .pipe(z.enum(ACTION_STATUSES, 'Status tidak dikenal.').nullable()),
})

export const documentSchema = z.object({
  meetingId: idField,
  actionId: optionalId,
  kind: z.enum(DOCUMENT_KINDS, 'Pilih jenis dokumen.'),
})

// ── List filters from the URL: a bad value falls back to "no filter" ────────────────────────────────
/** Columns the meeting list and the follow-up list sort by (`?sort=…&dir=asc|desc`). */
export const MEETING_SORTS = ['startsAt', 'title', 'status'] as const
export const ACTION_SORTS = ['dueDate', 'title', 'status', 'meeting'] as const

export const meetingFilterSchema = z.object({
  type: z.enum(MEETING_TYPES).optional().catch(undefined),
  status: z.enum(MEETING_STATUSES).optional().catch(undefined),
  year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
  regency: filterRegency,
  view: z.enum(['list', 'calendar']).optional().catch(undefined),
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/).optional().catch(undefined),
  sort: z.enum(MEETING_SORTS).optional().catch(undefined),
  dir: z.enum(['asc', 'desc']).optional().catch(undefined),
  page: filterPage,
})
export type MeetingFilter = z.infer<typeof meetingFilterSchema>

export const actionFilterSchema = z.object({
  status: z.enum([...ACTION_STATUSES, 'open', 'all']).optional().catch(undefined),
  overdue: z.enum(['1']).optional().catch(undefined),
  // due within the next days (lib/data/meetings.ts dueSoonAt): what is at risk, before it is late
  due: z.enum(['soon']).optional().catch(undefined),
  regency: filterRegency,
  bank: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/).optional().catch(undefined),
  ownerKind: z.enum(OWNER_KINDS).optional().catch(undefined),
  meeting: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/).optional().catch(undefined),
  // a day that does not exist (2026-02-31) is today, on the page and in its export alike
  asOf: z.string().refine(isIsoDate).optional().catch(undefined),
  sort: z.enum(ACTION_SORTS).optional().catch(undefined),
  dir: z.enum(['asc', 'desc']).optional().catch(undefined),
  page: filterPage,
})
export type ActionFilter = z.infer<typeof actionFilterSchema>
