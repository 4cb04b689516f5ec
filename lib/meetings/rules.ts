/**
 * Rules of meetings and follow-ups that both the server and the screens read: who may update an
 * action's progress and to which status, when an action is overdue. Pure, so pages, actions and tests share one answer.
 */
import { formatDate } from '@/lib/format'
import { can } from '@/lib/permissions'
import type { SessionUser } from '@/lib/session-user'

export type ActionOwner = { ownerKind: 'REGENCY' | 'BANK' | 'UNIT' | 'USER'; ownerRegencyCode: string | null; ownerBankId: string | null; ownerUserId: string | null }

/**
 * Whether the user may add progress notes to (and change the status of) this follow-up: an admin any;
 * a district officer only its own regency's; a bank officer only its bank's; a user assigned by name
 * his or her own; leadership never.
 */
export function canUpdateProgress(user: Pick<SessionUser, 'id' | 'role' | 'regencyCode' | 'bankId'>, action: ActionOwner): boolean {
  switch (user.role) {
    case 'ADMIN':
      return true
    case 'DISTRICT_OFFICER':
      return (action.ownerKind === 'REGENCY' && !!user.regencyCode && action.ownerRegencyCode === user.regencyCode) || (action.ownerKind === 'USER' && action.ownerUserId === user.id)
    case 'BANK_OFFICER':
      return (action.ownerKind === 'BANK' && !!user.bankId && action.ownerBankId === user.bankId) || (action.ownerKind === 'USER' && action.ownerUserId === user.id)
    default:
      return false
  }
}

export const OPEN_STATUSES = ['OPEN', 'IN_PROGRESS'] as const

export type FollowUpStatus = 'OPEN' | 'IN_PROGRESS' | 'DONE' | 'DROPPED'
const FOLLOW_UP_STATUSES: readonly FollowUpStatus[] = ['OPEN', 'IN_PROGRESS', 'DONE', 'DROPPED']

/**
 * Whether the user (one who may update the follow-up's progress, canUpdateProgress) may move it from
 * `from` to `to`. A follow-up carries out a decision of the agency's coordination meeting: its owner
 * reports progress and completion (open, in progress, done, and back), but dropping the decision, or
 * reviving one the agency dropped, is for those who manage the meetings (`meetings.write`: the
 * provincial agency's admins), not for the regency, bank or person it was assigned to.
 */
export function mayChangeStatus(user: Pick<SessionUser, 'role'>, from: string, to: string): boolean {
  if (from === to) return true
  if (to === 'DROPPED' || from === 'DROPPED') return can(user.role, 'meetings.write')
  return true
}

/** The statuses the user may pick for a follow-up now in `from` (the progress form's choices; the current one left out). */
export function statusChoices(user: Pick<SessionUser, 'role'>, from: string): FollowUpStatus[] {
  return FOLLOW_UP_STATUSES.filter((s) => s !== from && mayChangeStatus(user, from, s))
}

/**
 * Overdue on `asOf` (a Jakarta calendar day): due before that day and not closed by its end, as the SQL of
 * lib/data/meetings.ts overdueAt counts it. With `closedAt` known, a follow-up closed after `asOf` was still
 * overdue on it (the as-of list and its export say the same); without it, the current status decides. With its
 * meeting known, a follow-up of a meeting that had not started by then was not overdue either (the SQL's condition).
 */
export function isOverdue(
  action: { dueDate: Date | string; status: string; closedAt?: Date | null; meeting?: { startsAt: Date } },
  asOf: string,
): boolean {
  const due = typeof action.dueDate === 'string' ? action.dueDate.slice(0, 10) : action.dueDate.toISOString().slice(0, 10)
  if (due >= asOf) return false
  // a decision not yet taken by then (its meeting moved later after the follow-up was written) was not overdue
  if (action.meeting && action.meeting.startsAt >= endOfJakartaDay(asOf)) return false
  if (action.closedAt !== undefined) return action.closedAt === null ? (OPEN_STATUSES as readonly string[]).includes(action.status) : action.closedAt >= endOfJakartaDay(asOf)
  return (OPEN_STATUSES as readonly string[]).includes(action.status)
}

/**
 * Held (terlaksana) and closed (ditutup) say the meeting took place, so neither is recorded before it starts
 * (setMeetingStatus refuses it; the meeting's page offers only what is allowed).
 */
export function needsStart(status: string): boolean {
  return status === 'HELD' || status === 'CLOSED'
}

/**
 * Whether the move from `from` to `to` is allowed for a meeting in this state at `now`, beyond MEETING_TRANSITIONS:
 * held and closed only once it has started; a meeting held (it took place) is closed, not cancelled, since cancelling
 * drops its open follow-ups from what leadership counts as open or late. One marked held before it started (before
 * that was refused) can still be cancelled.
 */
export function statusMoveAllowed(meeting: { startsAt: Date }, from: string, to: string, now: Date = new Date()): boolean {
  if (needsStart(to)) return hasStarted(meeting, now)
  if (to === 'CANCELLED' && from === 'HELD') return !hasStarted(meeting, now)
  return true
}

/** Whether the meeting has started at `now` (its start is an instant, typed in Jakarta time). */
export function hasStarted(meeting: { startsAt: Date }, now: Date = new Date()): boolean {
  return meeting.startsAt.getTime() <= now.getTime()
}

/** The first instant after the Jakarta day `asOf` ends (00:00 WIB of the next day), for "as it stood at the end of that day". */
export function endOfJakartaDay(asOf: string): Date {
  return new Date(Date.parse(`${asOf}T00:00:00+07:00`) + 86_400_000)
}

export type CloseGap = 'agenda' | 'attendance' | 'minutes'

/**
 * What a meeting about to be closed still lacks, for the confirmation to name (closing cannot be undone, and a
 * closed meeting's contents can no longer be added): no agenda item, no attendance recorded (nobody marked
 * present, absent or represented), no minutes under any agenda item. The server closes it all the same.
 */
export function closeGaps(meeting: { agendaItems: { minutes: string | null }[]; participants: { attendance: string }[] }): CloseGap[] {
  const gaps: CloseGap[] = []
  if (meeting.agendaItems.length === 0) gaps.push('agenda')
  if (!meeting.participants.some((p) => p.attendance !== 'PLANNED')) gaps.push('attendance')
  if (!meeting.agendaItems.some((a) => a.minutes?.trim())) gaps.push('minutes')
  return gaps
}

/**
 * Whether a follow-up's meeting is still ahead: planned and not yet begun. Its follow-ups are prepared, not decided:
 * not worked on (lib/actions/meetings.ts heldMeeting), their owners not told (notifyActionAssigned). Once it has begun
 * they are, marked held or not, as they are counted overdue and reminded of (openAt, overdueAt, the hourly scan): by
 * its start, so that a meeting nobody marked held does not leave its follow-ups late yet closed to their owners.
 */
export function meetingAhead(meeting: { status: string; startsAt: Date }, now: Date = new Date()): boolean {
  return meeting.status === 'PLANNED' && !hasStarted(meeting, now)
}

/**
 * Why a follow-up of a meeting still ahead (meetingAhead) cannot be worked on yet: the server's refusal
 * (lib/actions/meetings.ts heldMeeting) and, in the reader's language (serverText), the sentence its page shows in
 * place of the progress form.
 */
export function notHeldYet(meeting: { title: string; startsAt: Date }): string {
  return `Rapat “${meeting.title}” dijadwalkan ${formatDate(meeting.startsAt)}; tindak lanjut dapat dikerjakan setelah rapat terlaksana.`
}
