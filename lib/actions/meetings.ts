'use server'

import { MEETING_CANCELLED_NOTE } from '@/lib/meetings/labels'
import { createHash } from 'node:crypto'
import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { revalidatePath } from 'next/cache'
import { redirect } from 'next/navigation'
import { z } from 'zod'
import { Prisma } from '@/lib/generated/prisma/client'
import type { ActionStatus, MeetingStatus } from '@/lib/generated/prisma/enums'
import { db } from '@/lib/db'
import { env } from '@/lib/env'
import { writeAudit, writeAudits } from '@/lib/audit'
import { jakartaDate, jakartaToday } from '@/lib/dates'
import { notifyActionAssigned } from '@/lib/reminders/scan'
import { settleNotifications } from '@/lib/reminders/settle'
import { formatDate, formatDateTime } from '@/lib/format'
import { actionScope, meetingScope } from '@/lib/data/meetings'
import { checkDocument } from '@/lib/meetings/files'
import { canUpdateProgress, hasStarted, isOverdue, mayChangeStatus, meetingAhead, needsStart, notHeldYet, statusMoveAllowed } from '@/lib/meetings/rules'
import { conflictError, transition } from '@/lib/transitions'
import { ActionError, authAction, isFormData, MESSAGES, type ActionState } from '@/lib/safe-action'
import type { SessionUser } from '@/lib/session-user'
import {
  actionItemSchema, agendaItemSchema, attendanceSchema, markPresentSchema, createMeetingSchema, documentSchema, MEETING_TRANSITIONS, meetingStatusSchema, outcomeSchema,
  participantSchema, progressSchema, removeSchema, removeVersionedSchema, updateActionItemSchema, updateAgendaItemSchema, updateMeetingSchema, updateOutcomeSchema,
} from '@/lib/validations/meetings'

/**
 * Server actions of coordination meetings. Admins manage meetings (lib/permissions.ts
 * `meetings.write`); the owners of a follow-up (its regency's district officer, its bank's officer)
 * add progress notes and change its status (`meetings.progress`, narrowed to the owner by
 * lib/meetings/rules.ts). Every change is audited in its transaction; edits carry the version the
 * user saw and a stale one is refused.
 */

const actor = (u: SessionUser) => ({ id: u.id, username: u.username, role: u.role })
const NOT_FOUND_MEETING = 'Rapat tidak ditemukan.'
/** The form's banner when the reason is shown under the field (once, not twice) */
const INVALID = MESSAGES.invalid
const HELD_NOT_CANCELLED = 'Rapat sudah terlaksana; rapat yang terlaksana ditutup, tidak dibatalkan.'
const LEADERSHIP_OWNER = 'Pimpinan hanya membaca dan tidak dapat mencatat kemajuan; tugaskan kepada pengguna lain, unit kerja, kabupaten/kota atau bank.'

const STATUS_LABEL: Record<MeetingStatus, string> = { PLANNED: 'direncanakan', HELD: 'terlaksana', CLOSED: 'ditutup', CANCELLED: 'dibatalkan' }
const ACTION_STATUS_LABEL: Record<ActionStatus, string> = { OPEN: 'terbuka', IN_PROGRESS: 'dalam proses', DONE: 'selesai', DROPPED: 'dibatalkan' }
const OWNER_LABEL = { REGENCY: 'kabupaten/kota', BANK: 'bank', UNIT: 'unit', USER: 'pengguna' } as const

function revalidate(meetingId?: string) {
  revalidatePath('/rapat', 'layout')
  revalidatePath('/tindak-lanjut', 'layout')
  revalidatePath('/', 'layout')
  if (meetingId) revalidatePath(`/rapat/${meetingId}`)
}

/**
 * A meeting's row, locked first (as its status change takes it): a close or cancel committing meanwhile waits, and
 * the write that follows then sees it. The one read behind editableMeeting and liveMeeting.
 */
async function lockedMeeting(tx: Prisma.TransactionClient, id: string) {
  await tx.$queryRaw`SELECT id FROM meetings WHERE id = ${id} FOR NO KEY UPDATE`
  const m = await tx.meeting.findUnique({ where: { id }, select: { id: true, title: true, status: true, startsAt: true, version: true } })
  if (!m) throw new ActionError(NOT_FOUND_MEETING)
  return m
}

/** A meeting an admin may change: it exists, and closed or cancelled meetings are read-only. */
async function editableMeeting(tx: Prisma.TransactionClient, id: string) {
  const m = await lockedMeeting(tx, id)
  if (m.status === 'CLOSED' || m.status === 'CANCELLED') throw new ActionError(`Rapat sudah ${STATUS_LABEL[m.status]}; isinya tidak dapat diubah lagi.`)
  return m
}

/**
 * The meeting of a follow-up being edited, given progress or evidence. A cancelled meeting's follow-ups were dropped
 * with it and stay so; a closed meeting's are still worked on after the meeting, so only a cancel refuses.
 */
async function liveMeeting(tx: Prisma.TransactionClient, id: string) {
  const m = await lockedMeeting(tx, id)
  if (m.status === 'CANCELLED') throw new ActionError('Rapat sudah dibatalkan; tindak lanjutnya tidak dapat diubah lagi.')
  return m
}

/**
 * The meeting of a follow-up its owner works on (progress, status, evidence): live, and begun (lib/meetings/rules.ts
 * meetingAhead). A meeting still ahead has its follow-ups prepared, not yet decided: an officer could set one "Selesai"
 * a week before the decision was taken. Its owners are told of them when it is marked held (setMeetingStatus), or by
 * the hourly scan once it has begun if nobody does; the admin may still edit or remove them. Read under the meeting's lock, so a progress note and the meeting's status
 * change are one after the other.
 */
async function heldMeeting(tx: Prisma.TransactionClient, id: string) {
  const m = await liveMeeting(tx, id)
  if (meetingAhead(m)) throw new ActionError(notHeldYet(m))
  return m
}

/** Attendance (present, absent, represented) is what happened: recorded once the meeting has started. */
function attendanceAllowed(meeting: { startsAt: Date }, attendance: string) {
  if (attendance !== 'PLANNED' && !hasStarted(meeting)) {
    throw new ActionError(INVALID, { attendance: [`Kehadiran dicatat setelah rapat dimulai (${formatDateTime(meeting.startsAt)}).`] })
  }
}

/**
 * The meeting's decisions changed: its updatedAt moves, so a system syncing meetings with their decisions
 * through the integration API (GET /api/v1/rapat, updated_since) reads it again.
 */
async function touchMeeting(tx: Prisma.TransactionClient, id: string) {
  await tx.meeting.update({ where: { id }, data: { updatedAt: new Date() }, select: { id: true } })
}

/** Check the references of a form (regency, bank, user, programme, indicator) exist, with the field that is wrong. */
async function checkRefs(tx: Prisma.TransactionClient, refs: { regency?: [string, string | null]; bank?: [string, string | null]; user?: [string, string | null]; program?: [string, string | null]; indicator?: [string, string | null] }) {
  const errors: Record<string, string[]> = {}
  if (refs.regency?.[1] && !(await tx.regency.findUnique({ where: { code: refs.regency[1] }, select: { code: true } }))) errors[refs.regency[0]] = ['Kabupaten/kota tidak dikenal.']
  if (refs.bank?.[1] && !(await tx.bank.findUnique({ where: { id: refs.bank[1] }, select: { id: true } }))) errors[refs.bank[0]] = ['Bank tidak dikenal.']
  if (refs.user?.[1] && !(await tx.user.findFirst({ where: { id: refs.user[1], active: true }, select: { id: true } }))) errors[refs.user[0]] = ['Pengguna tidak dikenal.']
  if (refs.program?.[1] && !(await tx.creditProgram.findUnique({ where: { id: refs.program[1] }, select: { id: true } }))) errors[refs.program[0]] = ['Program tidak dikenal.']
  if (refs.indicator?.[1] && !(await tx.indicator.findUnique({ where: { code: refs.indicator[1] }, select: { code: true } }))) errors[refs.indicator[0]] = ['Indikator tidak dikenal.']
  if (Object.keys(errors).length) throw new ActionError('Periksa kembali isian yang ditandai.', errors)
}

/**
 * A follow-up meeting ("rapat lanjutan") comes after the meeting it follows, and a meeting before the
 * follow-up meetings held on it: the one rule for creating and for moving a meeting.
 */
function checkMeetingOrder(startsAt: Date, { previous, next = [] }: { previous: { startsAt: Date } | null; next?: { startsAt: Date }[] }) {
  if (previous && startsAt <= previous.startsAt) throw new ActionError(INVALID, { startsAt: ['Rapat lanjutan harus sesudah rapat sebelumnya.'] })
  const first = next.reduce<Date | null>((min, m) => (!min || m.startsAt < min ? m.startsAt : min), null)
  if (first && startsAt >= first) throw new ActionError(INVALID, { startsAt: [`Rapat ini harus sebelum rapat lanjutannya (${formatDateTime(first)}).`] })
}

const meetingSnapshot = {
  id: true, title: true, type: true, startsAt: true, endsAt: true, venue: true, city: true, hostRegencyCode: true, organiser: true, chair: true, status: true, version: true, previousMeetingId: true,
} satisfies Prisma.MeetingSelect

// ── Meetings ─────────────────────────────────────────────────────────────────────────────────────────
/**
 * Record a meeting. With `previousMeetingId` it is a follow-up meeting ("rapat lanjutan"): the
 * previous meeting's participants are copied (attendance reset to planned) and its open follow-ups
 * are carried onto the new agenda as a first item listing them.
 */
export const createMeeting = authAction('meetings.write', createMeetingSchema, async (input, user) => {
  const id = await db.$transaction(async (tx) => {
    await checkRefs(tx, { regency: ['hostRegencyCode', input.hostRegencyCode] })
    const { previousMeetingId, ...fields } = input
    const previous = previousMeetingId
      ? await tx.meeting.findFirst({
          where: { AND: [{ id: previousMeetingId }, meetingScope(user)] },
          select: {
            id: true, title: true, startsAt: true,
            participants: { select: { userId: true, name: true, position: true, agency: true, regencyCode: true, bankId: true, sortOrder: true }, orderBy: { sortOrder: 'asc' } },
            actions: {
              where: { status: { in: ['OPEN', 'IN_PROGRESS'] } },
              select: { id: true, title: true, dueDate: true, status: true, ownerKind: true, ownerUnit: true, ownerRegency: { select: { name: true } }, ownerBank: { select: { shortName: true } }, ownerUser: { select: { name: true } } },
              orderBy: { dueDate: 'asc' },
            },
          },
        })
      : null
    if (previousMeetingId && !previous) throw new ActionError('Rapat sebelumnya tidak ditemukan.')
    checkMeetingOrder(input.startsAt, { previous })
    const created = await tx.meeting.create({ data: { ...fields, previousMeetingId: previous?.id ?? null, createdById: user.id }, select: meetingSnapshot })
    if (previous) {
      if (previous.participants.length) {
        await tx.meetingParticipant.createMany({ data: previous.participants.map((p) => ({ ...p, meetingId: created.id, attendance: 'PLANNED' as const })) })
      }
      if (previous.actions.length) {
        const owner = (a: (typeof previous.actions)[number]) => a.ownerRegency?.name ?? a.ownerBank?.shortName ?? a.ownerUser?.name ?? a.ownerUnit ?? OWNER_LABEL[a.ownerKind]
        const list = previous.actions
          .map((a) => `- [${a.title.replace(/[[\]]/g, '')}](/tindak-lanjut/${a.id}) — ${owner(a)}, tenggat ${formatDate(a.dueDate)}, ${ACTION_STATUS_LABEL[a.status]}`)
          .join('\n')
        await tx.agendaItem.create({
          data: {
            meetingId: created.id, position: 1, title: `Evaluasi tindak lanjut ${previous.title}`,
            minutes: `Tindak lanjut rapat ${formatDate(previous.startsAt)} yang belum selesai:\n\n${list}`,
          },
        })
      }
    }
    await writeAudit(tx, actor(user), {
      action: 'CREATE', entity: 'Meeting', entityId: created.id,
      after: { ...created, copiedParticipants: previous?.participants.length ?? 0, carriedActions: previous?.actions.map((a) => a.id) ?? [] },
    })
    return created.id
  })
  revalidate()
  redirect(`/rapat/${id}`)
})

/** Edit a meeting's details (the version the admin saw). */
export const updateMeeting = authAction('meetings.write', updateMeetingSchema, async (input, user) => {
  const { id, version, ...fields } = input
  const moved = await db.$transaction(async (tx) => {
    await checkRefs(tx, { regency: ['hostRegencyCode', input.hostRegencyCode] })
    const before = await tx.meeting.findUnique({ where: { id }, select: meetingSnapshot })
    if (!before) throw new ActionError(NOT_FOUND_MEETING)
    if (before.status === 'CLOSED' || before.status === 'CANCELLED') throw new ActionError(`Rapat sudah ${STATUS_LABEL[before.status]}; isinya tidak dapat diubah lagi.`)
    // a meeting marked held took place: it is not moved to a time still to come (it would be "held" before it began)
    if (before.status === 'HELD' && !hasStarted({ startsAt: fields.startsAt })) {
      throw new ActionError(INVALID, { startsAt: ['Rapat sudah terlaksana; waktu mulainya tidak boleh sesudah saat ini.'] })
    }
    // the conditional update first: it locks the meeting row, so a status change or another edit waits for the checks below
    await transition(tx, { entity: 'Meeting', entityId: id, label: 'Rapat', update: () => tx.meeting.updateMany({ where: { id, version, status: before.status }, data: { ...fields, version: { increment: 1 } } }) })
    const [previous, next] = await Promise.all([
      before.previousMeetingId ? tx.meeting.findUnique({ where: { id: before.previousMeetingId }, select: { startsAt: true } }) : null,
      tx.meeting.findMany({ where: { previousMeetingId: id }, select: { startsAt: true } }),
    ])
    checkMeetingOrder(fields.startsAt, { previous, next })
    await checkDueDatesAfter(tx, id, before.startsAt, fields.startsAt)
    const after = await tx.meeting.findUniqueOrThrow({ where: { id }, select: meetingSnapshot })
    await writeAudit(tx, actor(user), { action: 'UPDATE', entity: 'Meeting', entityId: id, before, after })
    // moved to a time still to come: its follow-ups' due reminders wait for it (settled now, made again once it starts)
    if (after.startsAt.getTime() !== before.startsAt.getTime()) await settleMeetingReminders(tx, id)
    // a meeting still to come moved in time or place: the invitees' calendars hold the old one until the .ics is sent again
    return after.status === 'PLANNED' && (after.startsAt.getTime() !== before.startsAt.getTime() || after.endsAt.getTime() !== before.endsAt.getTime() || after.venue !== before.venue || after.city !== before.city)
  })
  revalidate(id)
  // the meeting page says it was saved (the form is gone after the redirect), and when moved, to send the invitation again
  redirect(`/rapat/${id}?disimpan=${moved ? 'undangan' : '1'}`)
})

/**
 * A follow-up may not be due before its meeting's day (actionData refuses one when it is written), so a meeting
 * is not moved to a later day than a follow-up's due date either: the admin moves those due dates first. Only a
 * move later is checked, so editing the rest of a meeting is never blocked by what it already holds.
 */
async function checkDueDatesAfter(tx: Prisma.TransactionClient, meetingId: string, from: Date, to: Date) {
  const day = jakartaDate(to)
  if (day <= jakartaDate(from)) return
  const early = await tx.actionItem.aggregate({ where: { meetingId, dueDate: { lt: new Date(`${day}T00:00:00Z`) } }, _count: { _all: true }, _min: { dueDate: true } })
  if (!early._count._all) return
  throw new ActionError(INVALID, {
    startsAt: [`${early._count._all} tindak lanjut rapat ini bertenggat sebelum tanggal tersebut (paling awal ${formatDate(early._min.dueDate!)}); ubah dulu tenggatnya, karena tenggat tidak boleh sebelum tanggal rapat.`],
  })
}

/**
 * Move a meeting along planned → held → closed, or cancel it; only from the status and version the admin saw.
 * Held and closed are what happened, so neither is recorded before the meeting has started.
 */
export const setMeetingStatus = authAction('meetings.write', meetingStatusSchema, async (input, user) => {
  const dropped = await db.$transaction(async (tx) => {
    const before = await tx.meeting.findUnique({ where: { id: input.id }, select: { status: true, version: true, startsAt: true } })
    if (!before) throw new ActionError(NOT_FOUND_MEETING)
    if (!MEETING_TRANSITIONS[before.status].includes(input.status)) {
      throw new ActionError(`Rapat berstatus ${STATUS_LABEL[before.status]} tidak dapat diubah menjadi ${STATUS_LABEL[input.status]}.`)
    }
    const now = new Date()
    if (needsStart(input.status) && !hasStarted(before, now)) {
      throw new ActionError(`Rapat belum dimulai (mulai ${formatDateTime(before.startsAt)}); rapat baru dapat ditandai ${STATUS_LABEL[input.status]} sesudah dimulai.`)
    }
    // it took place: closed, not cancelled (cancelling drops its open follow-ups from the late ones leadership counts)
    if (!statusMoveAllowed(before, before.status, input.status, now)) throw new ActionError(HELD_NOT_CANCELLED)
    // the start in the WHERE too: a meeting moved later meanwhile is not marked held
    const started = needsStart(input.status) ? { startsAt: { lte: now } } : {}
    await transition(tx, { entity: 'Meeting', entityId: input.id, label: 'Rapat', update: () => tx.meeting.updateMany({ where: { id: input.id, version: input.version, status: before.status, ...started }, data: { status: input.status, version: { increment: 1 } } }) })
    await writeAudit(tx, actor(user), { action: 'UPDATE', entity: 'Meeting', entityId: input.id, before: { status: before.status }, after: { status: input.status } })
    // held: its follow-ups, prepared while it was planned, are now decided, and their owners are told (once each: the
    // conditional update above lets one of two admins marking it held through)
    if (input.status === 'HELD') await notifyActionAssigned(tx, { meeting: input.id }, user.id)
    if (input.status !== 'CANCELLED') return 0
    const dropped = await dropOpenActions(tx, user, input.id)
    await settleMeetingReminders(tx, input.id)
    return dropped
  })
  revalidate(input.id)
  return { ok: true, message: `Status rapat menjadi ${STATUS_LABEL[input.status]}.${dropped ? ` ${dropped} tindak lanjut yang masih terbuka ikut dibatalkan.` : ''}` }
})

/** The reminders of these follow-ups whose cause is gone (done, dropped, moved, meeting cancelled) are marked read now, in the change's transaction. */
async function settleActionReminders(tx: Prisma.TransactionClient, actions: { id: string }[]) {
  const now = new Date()
  await settleNotifications(tx, { now, today: jakartaToday(now.getTime()), actions: actions.map((a) => a.id) })
}

/** Every follow-up of a meeting, settled as above (the meeting cancelled, or moved). */
async function settleMeetingReminders(tx: Prisma.TransactionClient, meetingId: string) {
  await settleActionReminders(tx, await tx.actionItem.findMany({ where: { meetingId }, select: { id: true } }))
}

/**
 * A cancelled meeting decided nothing: its open follow-ups are dropped with it (closed now, with a note and
 * an audit row each), so they stop counting as open or overdue. Each goes through the transition pattern from
 * the status and version read here: a progress note landing meanwhile makes the cancellation a conflict.
 */
async function dropOpenActions(tx: Prisma.TransactionClient, user: SessionUser, meetingId: string): Promise<number> {
  const open = await tx.actionItem.findMany({ where: { meetingId, status: { in: ['OPEN', 'IN_PROGRESS'] } }, select: { id: true, status: true, version: true } })
  for (const a of open) {
    await transition(tx, { entity: 'ActionItem', entityId: a.id, label: 'Tindak lanjut', update: () => tx.actionItem.updateMany({
      where: { id: a.id, version: a.version, status: a.status },
      data: { status: 'DROPPED', closedAt: new Date(), version: { increment: 1 } },
    }) })
    await tx.actionProgressNote.create({ data: { actionId: a.id, authorId: user.id, authorName: user.name, note: MEETING_CANCELLED_NOTE, statusFrom: a.status, statusTo: 'DROPPED' } })
    await writeAudit(tx, actor(user), { action: 'UPDATE', entity: 'ActionItem', entityId: a.id, before: { status: a.status, version: a.version }, after: { status: 'DROPPED', version: a.version + 1, reason: 'MEETING_CANCELLED' } })
  }
  return open.length
}

// ── Participants ─────────────────────────────────────────────────────────────────────────────────────
/** Invite a participant: an internal user or an external person with position and agency. */
export const addParticipant = authAction('meetings.write', participantSchema, async (input, user) => {
  const name = await db.$transaction(async (tx) => {
    attendanceAllowed(await editableMeeting(tx, input.meetingId), input.attendance)
    await checkRefs(tx, { regency: ['regencyCode', input.regencyCode], bank: ['bankId', input.bankId], user: ['userId', input.userId] })
    const who = input.userId ? await internalParticipant(tx, input.meetingId, input.userId) : null
    const last = await tx.meetingParticipant.aggregate({ where: { meetingId: input.meetingId }, _max: { sortOrder: true } })
    const created = await tx.meetingParticipant.create({
      data: {
        ...input,
        // what was typed wins; an internal user's account fills the rest, so its regency or bank reads the meeting
        name: input.name ?? who!.name,
        agency: input.agency ?? who!.agency,
        regencyCode: input.regencyCode ?? who?.regencyCode ?? null,
        bankId: input.bankId ?? who?.bankId ?? null,
        representedBy: input.attendance === 'REPRESENTED' ? input.representedBy : null,
        sortOrder: (last._max.sortOrder ?? 0) + 1,
      },
      select: { id: true, meetingId: true, name: true, position: true, agency: true, regencyCode: true, bankId: true, userId: true, attendance: true, representedBy: true },
    })
    await writeAudit(tx, actor(user), { action: 'CREATE', entity: 'MeetingParticipant', entityId: created.id, after: created })
    return created.name
  })
  revalidate(input.meetingId)
  return { ok: true, message: `${name} ditambahkan ke daftar peserta.` }
})

/**
 * An internal participant from the user's account: name, and the agency the account works for (its
 * bank, its regency's Dinas, or the provincial Dinas); a user already invited is refused in the field.
 */
async function internalParticipant(tx: Prisma.TransactionClient, meetingId: string, userId: string) {
  if (await tx.meetingParticipant.findFirst({ where: { meetingId, userId }, select: { id: true } })) {
    throw new ActionError('Pengguna ini sudah ada di daftar peserta.', { userId: ['Pengguna ini sudah ada di daftar peserta.'] })
  }
  const u = await tx.user.findUniqueOrThrow({
    where: { id: userId },
    select: { name: true, regencyCode: true, bankId: true, bank: { select: { name: true } }, regency: { select: { name: true } } },
  })
  const province = await tx.province.findUnique({ where: { code: env().AGENCY_PROVINCE_CODE }, select: { name: true } })
  const agency = u.bank?.name ?? (u.regency ? `Dinas Koperasi dan UKM ${u.regency.name}` : `Dinas Koperasi dan UKM Provinsi ${province?.name ?? ''}`.trim())
  return { name: u.name, agency, regencyCode: u.regencyCode, bankId: u.bankId }
}

/** Record attendance (daftar hadir): present, absent, or represented by someone named. */
export const updateAttendance = authAction('meetings.write', attendanceSchema, async (input, user) => {
  const meetingId = await db.$transaction(async (tx) => {
    const before = await tx.meetingParticipant.findUnique({ where: { id: input.id }, select: { id: true, meetingId: true, attendance: true, representedBy: true, version: true } })
    if (!before) throw new ActionError('Peserta tidak ditemukan.')
    attendanceAllowed(await editableMeeting(tx, before.meetingId), input.attendance)
    await transition(tx, {
      entity: 'MeetingParticipant', entityId: input.id, label: 'Kehadiran',
      update: () => tx.meetingParticipant.updateMany({
        where: { id: input.id, version: input.version },
        data: { attendance: input.attendance, representedBy: input.attendance === 'REPRESENTED' ? input.representedBy : null, version: { increment: 1 } },
      }),
    })
    const after = await tx.meetingParticipant.findUniqueOrThrow({ where: { id: input.id }, select: { attendance: true, representedBy: true, version: true } })
    await writeAudit(tx, actor(user), { action: 'UPDATE', entity: 'MeetingParticipant', entityId: input.id, before, after })
    return before.meetingId
  })
  revalidate(meetingId)
  return { ok: true, message: 'Kehadiran dicatat.' }
})

/**
 * Mark present, in one step, the participants the admin's page listed as still invited (most of a Rakor's sheet):
 * one conditional statement on each row's version and "invited" state, checked (a row changed or removed meanwhile
 * refuses the whole step, nothing written, naming who changed it), with an audit row per participant in the same
 * transaction. The admin then sets the few absent or represented ones one by one.
 */
export const markInvitedPresent = authAction('meetings.write', markPresentSchema, async (input, user) => {
  const count = await db.$transaction(async (tx) => {
    attendanceAllowed(await editableMeeting(tx, input.meetingId), 'PRESENT')
    const ids = input.seen.map((s) => s.id)
    const updated = await tx.$queryRaw<{ id: string; version: number }[]>`
      UPDATE meeting_participants p SET attendance = 'PRESENT', represented_by = NULL, version = p.version + 1
      FROM unnest(${ids}::text[], ${input.seen.map((s) => s.version)}::int[]) AS seen(id, version)
      WHERE p.id = seen.id AND p.version = seen.version AND p.meeting_id = ${input.meetingId} AND p.attendance = 'PLANNED'
      RETURNING p.id, p.version`
    if (updated.length !== ids.length) {
      const done = new Set(updated.map((u) => u.id))
      // the first row that was not as the page showed it: who changed it and when, as a single row's conflict says
      throw await conflictError(tx, 'MeetingParticipant', ids.find((id) => !done.has(id)) ?? ids[0], 'Kehadiran peserta')
    }
    await writeAudits(tx, actor(user), updated.map((u) => ({
      action: 'UPDATE', entity: 'MeetingParticipant', entityId: u.id,
      before: { attendance: 'PLANNED', version: u.version - 1 }, after: { attendance: 'PRESENT', representedBy: null, version: u.version },
    })))
    return updated.length
  })
  revalidate(input.meetingId)
  return { ok: true, message: `${count} peserta dicatat hadir.` }
})

/** Remove a participant as the admin saw it (a row changed or removed meanwhile is a CONFLICT, nothing removed). */
export const removeParticipant = authAction('meetings.write', removeVersionedSchema, async (input, user) => {
  const meetingId = await db.$transaction(async (tx) => {
    const before = await tx.meetingParticipant.findUnique({ where: { id: input.id }, select: { id: true, meetingId: true, name: true, agency: true, attendance: true, version: true } })
    if (!before) throw await conflictError(tx, 'MeetingParticipant', input.id, 'Peserta')
    await editableMeeting(tx, before.meetingId)
    await transition(tx, { entity: 'MeetingParticipant', entityId: input.id, label: 'Peserta', update: () => tx.meetingParticipant.deleteMany({ where: { id: input.id, version: input.version } }) })
    await writeAudit(tx, actor(user), { action: 'DELETE', entity: 'MeetingParticipant', entityId: input.id, before })
    return before.meetingId
  })
  revalidate(meetingId)
  return { ok: true, message: 'Peserta dihapus dari daftar.' }
})

// ── Agenda and minutes ───────────────────────────────────────────────────────────────────────────────
const agendaSnapshot = { id: true, meetingId: true, position: true, title: true, presenter: true, durationMinutes: true, minutes: true, version: true } satisfies Prisma.AgendaItemSelect

/** Add an agenda item at the end of the agenda. */
export const addAgendaItem = authAction('meetings.write', agendaItemSchema, async (input, user) => {
  await db.$transaction(async (tx) => {
    await editableMeeting(tx, input.meetingId)
    const last = await tx.agendaItem.aggregate({ where: { meetingId: input.meetingId }, _max: { position: true } })
    const created = await tx.agendaItem.create({ data: { ...input, position: (last._max.position ?? 0) + 1 }, select: agendaSnapshot })
    await writeAudit(tx, actor(user), { action: 'CREATE', entity: 'AgendaItem', entityId: created.id, after: created })
  })
  revalidate(input.meetingId)
  return { ok: true, message: 'Acara ditambahkan ke agenda.' }
})

/** Edit an agenda item and its minutes (notulen), refusing a stale version. */
export const updateAgendaItem = authAction('meetings.write', updateAgendaItemSchema, async (input, user) => {
  const { id, version, ...fields } = input
  const meetingId = await db.$transaction(async (tx) => {
    const before = await tx.agendaItem.findUnique({ where: { id }, select: agendaSnapshot })
    if (!before) throw new ActionError('Acara tidak ditemukan.')
    await editableMeeting(tx, before.meetingId)
    await transition(tx, { entity: 'AgendaItem', entityId: id, label: 'Acara', update: () => tx.agendaItem.updateMany({ where: { id, version }, data: { ...fields, version: { increment: 1 } } }) })
    const after = await tx.agendaItem.findUniqueOrThrow({ where: { id }, select: agendaSnapshot })
    await writeAudit(tx, actor(user), { action: 'UPDATE', entity: 'AgendaItem', entityId: id, before, after })
    return before.meetingId
  })
  revalidate(meetingId)
  return { ok: true, message: 'Acara dan notulennya disimpan.' }
})

/** Remove an agenda item with its outcomes; its follow-ups stay on the meeting (no longer tied to the item). */
export const removeAgendaItem = authAction('meetings.write', removeVersionedSchema, async (input, user) => {
  const meetingId = await db.$transaction(async (tx) => {
    const before = await tx.agendaItem.findUnique({ where: { id: input.id }, select: agendaSnapshot })
    if (!before) throw await conflictError(tx, 'AgendaItem', input.id, 'Acara')
    await editableMeeting(tx, before.meetingId)
    await transition(tx, { entity: 'AgendaItem', entityId: input.id, label: 'Acara', update: () => tx.agendaItem.deleteMany({ where: { id: input.id, version: input.version } }) })
    await touchMeeting(tx, before.meetingId) // its outcomes went with it
    await writeAudit(tx, actor(user), { action: 'DELETE', entity: 'AgendaItem', entityId: input.id, before })
    return before.meetingId
  })
  revalidate(meetingId)
  return { ok: true, message: 'Acara dihapus dari agenda.' }
})

// ── Outcomes: information, decisions, recommendations ───────────────────────────────────────────────
/** Record an outcome of an agenda item, optionally linked to a programme, an indicator and a regency. */
export const addOutcome = authAction('meetings.write', outcomeSchema, async (input, user) => {
  const meetingId = await db.$transaction(async (tx) => {
    const item = await tx.agendaItem.findUnique({ where: { id: input.agendaItemId }, select: { meetingId: true } })
    if (!item) throw new ActionError('Acara tidak ditemukan.')
    await editableMeeting(tx, item.meetingId)
    await checkRefs(tx, { program: ['programId', input.programId], indicator: ['indicatorCode', input.indicatorCode], regency: ['regencyCode', input.regencyCode] })
    const last = await tx.meetingOutcome.aggregate({ where: { agendaItemId: input.agendaItemId }, _max: { position: true } })
    const created = await tx.meetingOutcome.create({
      data: { ...input, meetingId: item.meetingId, position: (last._max.position ?? 0) + 1 },
      select: { id: true, meetingId: true, agendaItemId: true, kind: true, text: true, programId: true, indicatorCode: true, regencyCode: true },
    })
    await writeAudit(tx, actor(user), { action: 'CREATE', entity: 'MeetingOutcome', entityId: created.id, after: created })
    await touchMeeting(tx, item.meetingId)
    return item.meetingId
  })
  revalidate(meetingId)
  return { ok: true, message: 'Hasil rapat dicatat.' }
})

const outcomeSnapshot = { id: true, meetingId: true, agendaItemId: true, kind: true, text: true, programId: true, indicatorCode: true, regencyCode: true, version: true } satisfies Prisma.MeetingOutcomeSelect

/** Correct an outcome (kind, text, links) from the version the admin saw; its follow-ups stay linked to it. */
export const updateOutcome = authAction('meetings.write', updateOutcomeSchema, async (input, user) => {
  const { id, version, ...fields } = input
  const meetingId = await db.$transaction(async (tx) => {
    const before = await tx.meetingOutcome.findUnique({ where: { id }, select: outcomeSnapshot })
    if (!before) throw await conflictError(tx, 'MeetingOutcome', id, 'Hasil rapat')
    await editableMeeting(tx, before.meetingId)
    await checkRefs(tx, { program: ['programId', fields.programId], indicator: ['indicatorCode', fields.indicatorCode], regency: ['regencyCode', fields.regencyCode] })
    await transition(tx, { entity: 'MeetingOutcome', entityId: id, label: 'Hasil rapat', update: () => tx.meetingOutcome.updateMany({ where: { id, version }, data: { ...fields, version: { increment: 1 } } }) })
    await touchMeeting(tx, before.meetingId)
    const after = await tx.meetingOutcome.findUniqueOrThrow({ where: { id }, select: outcomeSnapshot })
    await writeAudit(tx, actor(user), { action: 'UPDATE', entity: 'MeetingOutcome', entityId: id, before, after })
    return before.meetingId
  })
  revalidate(meetingId)
  return { ok: true, message: 'Hasil rapat disimpan.' }
})

/** Remove an outcome as the admin saw it; its follow-ups stay on the meeting (no longer tied to the outcome). */
export const removeOutcome = authAction('meetings.write', removeVersionedSchema, async (input, user) => {
  const meetingId = await db.$transaction(async (tx) => {
    const before = await tx.meetingOutcome.findUnique({ where: { id: input.id }, select: outcomeSnapshot })
    if (!before) throw await conflictError(tx, 'MeetingOutcome', input.id, 'Hasil rapat')
    await editableMeeting(tx, before.meetingId)
    await transition(tx, { entity: 'MeetingOutcome', entityId: input.id, label: 'Hasil rapat', update: () => tx.meetingOutcome.deleteMany({ where: { id: input.id, version: input.version } }) })
    await writeAudit(tx, actor(user), { action: 'DELETE', entity: 'MeetingOutcome', entityId: input.id, before })
    await touchMeeting(tx, before.meetingId)
    return before.meetingId
  })
  revalidate(meetingId)
  return { ok: true, message: 'Hasil rapat dihapus.' }
})

// ── Follow-ups ───────────────────────────────────────────────────────────────────────────────────────
const actionSnapshot = {
  id: true, meetingId: true, agendaItemId: true, outcomeId: true, title: true, description: true, ownerKind: true, ownerRegencyCode: true, ownerBankId: true,
  ownerUnit: true, ownerUserId: true, dueDate: true, status: true, closedAt: true, version: true,
} satisfies Prisma.ActionItemSelect

type ActionFields = z.infer<typeof actionItemSchema>

/** Only the owner field of the chosen kind is kept; the agenda item and outcome must belong to the meeting; not due before the meeting. */
async function actionData(tx: Prisma.TransactionClient, meeting: { id: string; startsAt: Date }, input: Omit<ActionFields, 'meetingId'>, keptOwnerUserId: string | null = null) {
  await checkRefs(tx, {
    regency: ['ownerRegencyCode', input.ownerKind === 'REGENCY' ? input.ownerRegencyCode : null],
    bank: ['ownerBankId', input.ownerKind === 'BANK' ? input.ownerBankId : null],
    user: ['ownerUserId', input.ownerKind === 'USER' ? input.ownerUserId : null],
  })
  // the owner reports progress, which leadership cannot (lib/meetings/rules.ts canUpdateProgress): it would be told
  // of a task it could never update. An owner it already had (named before this rule) stays, so its other fields can be edited
  if (input.ownerKind === 'USER' && input.ownerUserId !== keptOwnerUserId && (await tx.user.findUnique({ where: { id: input.ownerUserId! }, select: { role: true } }))?.role === 'LEADERSHIP') {
    throw new ActionError(INVALID, { ownerUserId: [LEADERSHIP_OWNER] })
  }
  const meetingDay = jakartaDate(meeting.startsAt)
  if (input.dueDate < meetingDay) {
    throw new ActionError(INVALID, { dueDate: [`Tenggat tidak boleh sebelum tanggal rapat (${formatDate(meeting.startsAt)}).`] })
  }
  let agendaItemId = input.agendaItemId
  if (input.outcomeId) {
    const outcome = await tx.meetingOutcome.findFirst({ where: { id: input.outcomeId, meetingId: meeting.id }, select: { agendaItemId: true } })
    if (!outcome) throw new ActionError('Hasil rapat tidak termasuk rapat ini.', { outcomeId: ['Hasil rapat tidak termasuk rapat ini.'] })
    agendaItemId ??= outcome.agendaItemId
  }
  if (agendaItemId && !(await tx.agendaItem.findFirst({ where: { id: agendaItemId, meetingId: meeting.id }, select: { id: true } }))) {
    throw new ActionError('Acara tidak termasuk rapat ini.', { agendaItemId: ['Acara tidak termasuk rapat ini.'] })
  }
  return {
    title: input.title, description: input.description, ownerKind: input.ownerKind,
    ownerRegencyCode: input.ownerKind === 'REGENCY' ? input.ownerRegencyCode : null,
    ownerBankId: input.ownerKind === 'BANK' ? input.ownerBankId : null,
    ownerUnit: input.ownerKind === 'UNIT' ? input.ownerUnit : null,
    ownerUserId: input.ownerKind === 'USER' ? input.ownerUserId : null,
    dueDate: new Date(`${input.dueDate}T00:00:00Z`), agendaItemId, outcomeId: input.outcomeId,
  }
}

/**
 * A due date already past makes the follow-up late the moment it is saved (counted overdue, and its owner reminded at
 * the next hourly scan): asked at the field and confirmed, as a NIK from another regency is (lib/actions/msmes.ts),
 * not refused (a meeting held weeks ago is recorded afterwards). An edit that keeps the date it had, or of a follow-up
 * already closed, changes nothing about lateness and is not asked.
 */
function pastDueConfirmed(input: { dueDate: string; pastDueConfirmed: boolean }, meeting: { startsAt: Date }, before?: { dueDate: Date; status: string }) {
  if (input.pastDueConfirmed || (before && before.dueDate.toISOString().slice(0, 10) === input.dueDate)) return
  if (!isOverdue({ dueDate: input.dueDate, status: before?.status ?? 'OPEN', meeting }, jakartaToday())) return
  throw new ActionError(INVALID, {
    dueDate: [`Tenggat sudah lewat (${formatDate(input.dueDate)}); tindak lanjut akan langsung tercatat terlambat.`],
    pastDueConfirmed: ['Centang bila tenggatnya memang sudah lewat, lalu simpan lagi.'],
  })
}

/** Assign a follow-up: what, who owns it (a regency, a partner bank, an agency unit or a user), by when. */
export const createAction = authAction('meetings.write', actionItemSchema, async (input, user) => {
  const lateAtOnce = await db.$transaction(async (tx) => {
    const meeting = await editableMeeting(tx, input.meetingId)
    const data = await actionData(tx, meeting, input)
    pastDueConfirmed(input, meeting)
    const created = await tx.actionItem.create({ data: { ...data, meetingId: meeting.id, createdById: user.id }, select: actionSnapshot })
    await writeAudit(tx, actor(user), { action: 'CREATE', entity: 'ActionItem', entityId: created.id, after: created })
    await notifyActionAssigned(tx, { action: created.id }, user.id)
    return isOverdue({ ...created, meeting }, jakartaToday())
  })
  revalidate(input.meetingId)
  // a due date already past (recording a meeting held weeks ago) counts as late at once: said, so it is no surprise
  return { ok: true, message: lateAtOnce ? 'Tindak lanjut dicatat; tenggatnya sudah lewat, jadi langsung terhitung terlambat.' : 'Tindak lanjut dicatat.' }
})

/** Edit a follow-up's what, owner and due date (admin), refusing a stale version. */
export const updateAction = authAction('meetings.write', updateActionItemSchema, async (input, user) => {
  const { id, version, ...fields } = input
  const meetingId = await db.$transaction(async (tx) => {
    const before = await tx.actionItem.findUnique({ where: { id }, select: actionSnapshot })
    if (!before) throw new ActionError('Tindak lanjut tidak ditemukan.')
    // the meeting as it is under its lock: a move committed meanwhile is the start the due date is checked against
    const meeting = await liveMeeting(tx, before.meetingId)
    // the agenda item is not a field of the form: it stays, unless the decision chosen names its own
    const data = await actionData(tx, meeting, { ...fields, agendaItemId: fields.agendaItemId ?? (fields.outcomeId ? null : before.agendaItemId) }, before.ownerUserId)
    pastDueConfirmed(fields, meeting, before)
    await transition(tx, { entity: 'ActionItem', entityId: id, label: 'Tindak lanjut', update: () => tx.actionItem.updateMany({ where: { id, version }, data: { ...data, version: { increment: 1 } } }) })
    const after = await tx.actionItem.findUniqueOrThrow({ where: { id }, select: actionSnapshot })
    await writeAudit(tx, actor(user), { action: 'UPDATE', entity: 'ActionItem', entityId: id, before, after })
    await settleActionReminders(tx, [{ id }])
    // given to another owner: the new one is told. Only then: an edit of the title or date tells no one it is "new"
    const owner = (a: typeof before) => [a.ownerKind, a.ownerRegencyCode, a.ownerBankId, a.ownerUserId, a.ownerUnit].join('\u0000')
    if (owner(before) !== owner(after)) await notifyActionAssigned(tx, { action: id }, user.id)
    return meeting.id
  })
  revalidate(meetingId)
  redirect(`/tindak-lanjut/${id}`)
})

/**
 * A dated progress note on a follow-up, optionally changing its status (done, dropped, reopened): by
 * an admin or the follow-up's owner only. Another regency's or bank's follow-up, even by a forged
 * id, is "not found" (as if it did not exist), and nothing is written. Dropping a follow-up (or
 * reopening a dropped one) is the agency's: its owner is refused at the status field
 * (lib/meetings/rules.ts mayChangeStatus).
 */
export const addProgress = authAction('meetings.progress', progressSchema, async (input, user) => {
  const result = await db.$transaction(async (tx) => {
    const action = await tx.actionItem.findFirst({ where: { AND: [{ id: input.actionId }, actionScope(user)] }, select: { ...actionSnapshot } })
    if (!action || !canUpdateProgress(user, action)) throw new ActionError('Tindak lanjut tidak ditemukan, atau bukan tanggung jawab Anda.')
    await heldMeeting(tx, action.meetingId)
    const status = input.status && input.status !== action.status ? input.status : null
    if (status && !mayChangeStatus(user, action.status, status)) {
      // a decision of the agency's meeting is dropped (or revived) by the agency, not by the one it was assigned to
      const why = action.status === 'DROPPED'
        ? 'Tindak lanjut ini dibatalkan oleh dinas provinsi; hanya admin dinas provinsi yang dapat membukanya kembali.'
        : 'Hanya admin dinas provinsi yang dapat membatalkan tindak lanjut keputusan rapat.'
      throw new ActionError(INVALID, { status: [why] })
    }
    const closing = status === 'DONE' || status === 'DROPPED'
    await transition(tx, { entity: 'ActionItem', entityId: action.id, label: 'Tindak lanjut', update: () => tx.actionItem.updateMany({
      where: { id: action.id, version: input.version, status: action.status },
      data: {
        version: { increment: 1 },
        ...(status && { status, closedAt: closing ? new Date() : null }),
      },
    }) })
    const note = await tx.actionProgressNote.create({
      data: { actionId: action.id, authorId: user.id, authorName: user.name, note: input.note, statusFrom: status ? action.status : null, statusTo: status },
      select: { id: true, note: true, statusFrom: true, statusTo: true, createdAt: true },
    })
    await writeAudit(tx, actor(user), { action: 'UPDATE', entity: 'ActionItem', entityId: action.id, before: { status: action.status, version: action.version }, after: { status: status ?? action.status, version: action.version + 1, note } })
    if (closing) await settleActionReminders(tx, [{ id: action.id }])
    return { meetingId: action.meetingId, status }
  })
  revalidate(result.meetingId)
  revalidatePath(`/tindak-lanjut/${input.actionId}`)
  return { ok: true, message: result.status ? `Catatan disimpan; status menjadi ${ACTION_STATUS_LABEL[result.status]}.` : 'Catatan perkembangan disimpan.' }
})

// ── Documents ────────────────────────────────────────────────────────────────────────────────────────
/**
 * Store an uploaded file: in PostgreSQL (bytea) by default, or in MEETING_FILES_DIR when set (named
 * by its SHA-256, so a name can never escape the folder). The type is decided by its bytes.
 */
async function storeDocument(user: SessionUser, input: z.infer<typeof documentSchema>, file: FormDataEntryValue | null, check: (tx: Prisma.TransactionClient) => Promise<string>) {
  await check(db) // the scope first: an out-of-scope id is refused whatever the file
  // no file chosen: the usual banner and one message at the field, as every form says a missing field (a file chosen but
  // empty is said by checkDocument: "Berkas kosong (0 byte).")
  if (!(file instanceof File) || (file.size === 0 && !file.name)) throw new ActionError(INVALID, { file: ['Pilih berkas untuk diunggah.'] })
  const bytes = new Uint8Array(await file.arrayBuffer())
  const checked = checkDocument(file.name, bytes)
  // the reason once, under the file field; the banner only points to it (the same text twice read as two errors)
  if (!checked.ok) throw new ActionError(INVALID, { file: [checked.message] })
  const sha256 = createHash('sha256').update(bytes).digest('hex')
  const dir = process.env.MEETING_FILES_DIR
  if (dir) {
    await mkdir(dir, { recursive: true })
    await writeFile(path.join(dir, sha256), bytes)
  }
  return db.$transaction(async (tx) => {
    const meetingId = await check(tx)
    const created = await tx.meetingDocument.create({
      data: {
        meetingId, actionId: input.actionId, kind: input.kind, filename: checked.filename, mimeType: checked.mime, size: bytes.length, sha256,
        content: dir ? null : Buffer.from(bytes), storagePath: dir ? sha256 : null, uploadedById: user.id,
      },
      select: { id: true, meetingId: true, actionId: true, kind: true, filename: true, mimeType: true, size: true, sha256: true },
    })
    await writeAudit(tx, actor(user), { action: 'CREATE', entity: 'MeetingDocument', entityId: created.id, after: created })
    return meetingId
  })
}

/** Upload a meeting document (invitation, attendance sheet scan, materials, photos, minutes). */
export async function uploadDocument(prev: ActionState | undefined, formData: FormData): Promise<ActionState> {
  const file = isFormData(formData) ? formData.get('file') : null
  let meetingId: string | undefined
  const result = await authAction('meetings.write', documentSchema, async (input, user) => {
    meetingId = await storeDocument(user, input, file, async (tx) => {
      const m = await editableMeetingOrHeld(tx, input.meetingId)
      if (input.actionId && !(await tx.actionItem.findFirst({ where: { id: input.actionId, meetingId: m }, select: { id: true } }))) throw new ActionError('Tindak lanjut tidak termasuk rapat ini.')
      return m
    })
    return { ok: true, message: 'Dokumen diunggah.' }
  })(prev, formData)
  if (meetingId) revalidate(meetingId)
  return result
}

/** Documents may be added to a closed meeting too (a late attendance scan), not to a cancelled one. */
async function editableMeetingOrHeld(tx: Prisma.TransactionClient, id: string) {
  const m = await tx.meeting.findUnique({ where: { id }, select: { id: true, status: true } })
  if (!m) throw new ActionError(NOT_FOUND_MEETING)
  if (m.status === 'CANCELLED') throw new ActionError('Rapat dibatalkan; dokumen tidak dapat ditambahkan.')
  return m.id
}

/** Upload evidence for a follow-up: by an admin or the follow-up's owner only. */
export async function uploadEvidence(prev: ActionState | undefined, formData: FormData): Promise<ActionState> {
  const file = isFormData(formData) ? formData.get('file') : null
  let actionId: string | undefined
  const result = await authAction('meetings.progress', documentSchema.extend({ actionId: z.string().trim().min(1, 'Data tidak dikenal.').max(40) }), async (input, user) => {
    await storeDocument(user, { ...input, kind: 'EVIDENCE' }, file, async (tx) => {
      const action = await tx.actionItem.findFirst({ where: { AND: [{ id: input.actionId, meetingId: input.meetingId }, actionScope(user)] }, select: { id: true, meetingId: true, ownerKind: true, ownerRegencyCode: true, ownerBankId: true, ownerUserId: true } })
      if (!action || !canUpdateProgress(user, action)) throw new ActionError('Tindak lanjut tidak ditemukan, atau bukan tanggung jawab Anda.')
      await heldMeeting(tx, action.meetingId)
      return action.meetingId
    })
    actionId = input.actionId
    return { ok: true, message: 'Bukti diunggah.' }
  })(prev, formData)
  if (actionId) {
    revalidatePath(`/tindak-lanjut/${actionId}`)
    revalidate()
  }
  return result
}

export const deleteDocument = authAction('meetings.write', removeSchema, async (input, user) => {
  const meetingId = await db.$transaction(async (tx) => {
    const before = await tx.meetingDocument.findUnique({ where: { id: input.id }, select: { id: true, meetingId: true, actionId: true, kind: true, filename: true, mimeType: true, size: true, sha256: true } })
    if (!before) throw await conflictError(tx, 'MeetingDocument', input.id, 'Dokumen')
    // a closed meeting is a record: its documents stay (one may still be added, editableMeetingOrHeld, never removed)
    await editableMeeting(tx, before.meetingId)
    // a document is never edited, only removed: of two removals racing, the second finds no row and is told who removed it
    await transition(tx, { entity: 'MeetingDocument', entityId: input.id, label: 'Dokumen', update: () => tx.meetingDocument.deleteMany({ where: { id: input.id } }) })
    await writeAudit(tx, actor(user), { action: 'DELETE', entity: 'MeetingDocument', entityId: input.id, before })
    return before.meetingId
  })
  revalidate(meetingId)
  return { ok: true, message: 'Dokumen dihapus.' }
})
