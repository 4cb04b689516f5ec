import type { ActionOwnerKind, ActionStatus, AttendanceStatus, MeetingStatus, MeetingType, OutcomeKind } from '@/lib/generated/prisma/enums'

/**
 * The Indonesian names of meeting terms in the agency's documents and exports (notulen, lists,
 * spreadsheets), which stay in Bahasa Indonesia whatever the screen language: they are official
 * records (UU 24/2009, Pasal 27). Screens use the message catalogue instead.
 */
export const MEETING_TYPE_LABEL: Record<MeetingType, string> = { RAKOR: 'Rakor', RAKORNIS: 'Rakornis', RAKORTEK: 'Rakortek', OTHER: 'Lainnya' }
export const MEETING_TYPE_LONG: Record<MeetingType, string> = { RAKOR: 'Rapat Koordinasi (Rakor)', RAKORNIS: 'Rapat Koordinasi Teknis (Rakornis)', RAKORTEK: 'Rapat Koordinasi Teknis (Rakortek)', OTHER: 'Rapat' }
export const MEETING_STATUS_LABEL: Record<MeetingStatus, string> = { PLANNED: 'Direncanakan', HELD: 'Terlaksana', CLOSED: 'Ditutup', CANCELLED: 'Dibatalkan' }
export const ATTENDANCE_LABEL: Record<AttendanceStatus, string> = { PLANNED: 'Diundang', PRESENT: 'Hadir', ABSENT: 'Tidak hadir', REPRESENTED: 'Diwakili' }
export const OUTCOME_LABEL: Record<OutcomeKind, string> = { INFORMATION: 'Informasi', DECISION: 'Keputusan', RECOMMENDATION: 'Rekomendasi' }
export const ACTION_STATUS_LABEL: Record<ActionStatus, string> = { OPEN: 'Terbuka', IN_PROGRESS: 'Dalam proses', DONE: 'Selesai', DROPPED: 'Dibatalkan' }
export const OWNER_KIND_LABEL: Record<ActionOwnerKind, string> = { REGENCY: 'Kabupaten/kota', BANK: 'Bank mitra', UNIT: 'Unit dinas', USER: 'Pengguna' }

/** Who owns a follow-up, by name: its regency, bank, user or unit. */
export function actionOwnerName(a: { ownerUnit: string | null; ownerRegency: { name: string } | null; ownerBank: { shortName: string } | null; ownerUser: { name: string } | null }): string {
  return a.ownerRegency?.name ?? a.ownerBank?.shortName ?? a.ownerUser?.name ?? a.ownerUnit ?? '–'
}

/**
 * A meeting's decisions and recommendations as the choices of a follow-up's "from decision" field: the agenda
 * item's number, the kind (`kindLabel`, in the screen's language) and the text cut at a word within 80
 * characters (cut anywhere, "…paling lambat 30" read as a different decision). Information is not offered.
 */
export function outcomeChoices(agendaItems: { position: number; outcomes: { id: string; kind: OutcomeKind; text: string }[] }[], kindLabel: (kind: OutcomeKind) => string): { value: string; label: string }[] {
  return agendaItems.flatMap((a) => a.outcomes.filter((o) => o.kind !== 'INFORMATION').map((o) => ({ value: o.id, label: `${a.position}. ${kindLabel(o.kind)}: ${clipAtWord(o.text, 80)}` })))
}

/** `text` on one line, cut at the last word boundary within `max` characters with an ellipsis. */
export function clipAtWord(text: string, max: number): string {
  const line = text.replace(/\s+/g, ' ').trim()
  if (line.length <= max) return line
  const cut = line.slice(0, max - 1)
  // a word ending exactly at the cut is kept whole
  const space = line[max - 1] === ' ' ? cut.length : cut.lastIndexOf(' ')
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–-]+$/, '')}…`
}

/** The progress note a follow-up gets when its meeting is cancelled (lib/actions/meetings.ts): Lumbung's words, shown in the reader's language. */
export const MEETING_CANCELLED_NOTE = 'Rapat dibatalkan; tindak lanjut ini ikut dibatalkan.'
