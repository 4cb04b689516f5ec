'use client'

import { DateInput, DateTimeInput } from '@/components/ui/date-input'
import { useState } from 'react'
import { useFormFields as useForm } from '@/components/ui/use-form-action'
import { OptionSelect as Select, type Option } from '@/components/ui/option-select'
import { useLocale, useTranslations } from 'next-intl'
import { unstable_rethrow } from 'next/navigation'
import type { ActionState } from '@/lib/safe-action'
import {
  addAgendaItem, addOutcome, addParticipant, addProgress, createAction, createMeeting, updateAction, updateAgendaItem, updateAttendance, updateMeeting, updateOutcome, uploadDocument, uploadEvidence,
} from '@/lib/actions/meetings'
import { Button } from '@/components/ui/button'
import { acceptedBy, ConfirmSubmit } from '@/components/ui/confirm-submit'
import { Field } from '@/components/ui/field'
import { FormMessage } from '@/components/ui/form-message'
import { ACCEPT_ATTRIBUTE, MAX_DOCUMENT_BYTES, safeFilename } from '@/lib/meetings/files'
import { jakartaToday } from '@/lib/dates'
import { isOverdue } from '@/lib/meetings/rules'
import { formatDate, formatMegabytes } from '@/lib/format'
import { isIsoDate } from '@/lib/parse'
import { ACTION_STATUSES, ATTENDANCE, DOCUMENT_KINDS, MEETING_TYPES, OUTCOME_KINDS, OWNER_KINDS, progressSchema } from '@/lib/validations/meetings'


function Submit({ pending, label }: { pending: boolean; label: string }) {
  const t = useTranslations('meetings')
  return <Button type="submit" disabled={pending}>{pending ? t('saving') : label}</Button>
}

export type MeetingValues = { id?: string; version?: number; title: string; type: string; startsAt: string; endsAt: string; venue: string; city: string; hostRegencyCode: string; organiser: string; chair: string; previousMeetingId?: string }

/** Create or edit a meeting; a refused save keeps what was typed and marks the fields. */
export function MeetingForm({ initial, regencies }: { initial: MeetingValues; regencies: Option[] }) {
  const t = useTranslations('meetings')
  const px = 'meeting'
  const { state, formAction, pending, v, e } = useForm(initial.id ? updateMeeting : createMeeting)
  return (
    <form data-unsaved-guard onSubmit={formAction} className="max-w-3xl space-y-4 rounded-lg border border-slate-200 bg-white p-4" noValidate>
      {initial.id && <input type="hidden" name="id" value={initial.id} />}
      {initial.version && <input type="hidden" name="version" value={initial.version} />}
      {initial.previousMeetingId && <input type="hidden" name="previousMeetingId" value={initial.previousMeetingId} />}
      <FormMessage state={state} />
      <Field idPrefix={px} label={t('fields.title')} name="title" errors={e('title')} required>
        {(p) => <input {...p} defaultValue={v('title', initial.title)} maxLength={200} />}
      </Field>
      <div className="grid gap-4 sm:grid-cols-3">
        <Field idPrefix={px} label={t('fields.type')} name="type" errors={e('type')} hint={t('typeHint')} required>
          {(p) => <Select p={p} value={v('type', initial.type)} options={MEETING_TYPES.map((k) => ({ value: k, label: t(`typeOption.${k}`) }))} />}
        </Field>
        <Field idPrefix={px} label={t('fields.startsAt')} name="startsAt" errors={e('startsAt')} required>
          {(p) => <DateTimeInput {...p} defaultValue={v('startsAt', initial.startsAt)} timeLabel={t('fields.startsTime')} />}
        </Field>
        <Field idPrefix={px} label={t('fields.endsAt')} name="endsAt" errors={e('endsAt')} required>
          {(p) => <DateTimeInput {...p} defaultValue={v('endsAt', initial.endsAt)} timeLabel={t('fields.endsTime')} />}
        </Field>
      </div>
      <div className="grid gap-4 sm:grid-cols-3">
        <Field idPrefix={px} label={t('fields.venue')} name="venue" errors={e('venue')}>
          {(p) => <input {...p} defaultValue={v('venue', initial.venue)} maxLength={200} />}
        </Field>
        <Field idPrefix={px} label={t('fields.city')} name="city" errors={e('city')}>
          {(p) => <input {...p} defaultValue={v('city', initial.city)} maxLength={100} />}
        </Field>
        <Field idPrefix={px} label={t('fields.hostRegency')} name="hostRegencyCode" errors={e('hostRegencyCode')}>
          {(p) => <Select p={p} value={v('hostRegencyCode', initial.hostRegencyCode)} options={regencies} empty={t('fields.noHost')} />}
        </Field>
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field idPrefix={px} label={t('fields.organiser')} name="organiser" errors={e('organiser')} required>
          {(p) => <input {...p} defaultValue={v('organiser', initial.organiser)} maxLength={200} />}
        </Field>
        <Field idPrefix={px} label={t('fields.chair')} name="chair" errors={e('chair')}>
          {(p) => <input {...p} defaultValue={v('chair', initial.chair)} maxLength={200} />}
        </Field>
      </div>
      <Submit pending={pending} label={t('save')} />
    </form>
  )
}

/** Invite a participant (internal or external) with the regency or bank the person represents. */
export function ParticipantForm({ meetingId, regencies, banks, users, started }: { meetingId: string; regencies: Option[]; banks: Option[]; users: Option[]; started: boolean }) {
  const t = useTranslations('meetings')
  const px = 'participant'
  const { state, formAction, pending, v, e } = useForm(addParticipant)
  return (
    // the form sits in the page's narrow side column: its columns follow its own width, not the window's
    <form onSubmit={formAction} className="@container space-y-3" noValidate aria-label={t('detail.addParticipant')}>
      <input type="hidden" name="meetingId" value={meetingId} />
      <FormMessage state={state} />
      <Field idPrefix={px} label={t('fields.user')} name="userId" errors={e('userId')} hint={t('fields.userHint')}>
        {(p) => <Select p={p} value={v('userId')} options={users} empty={t('fields.external')} />}
      </Field>
      <div className="grid gap-3 @md:grid-cols-2 @2xl:grid-cols-3">
        <Field idPrefix={px} label={t('fields.name')} name="name" errors={e('name')}>{(p) => <input {...p} defaultValue={v('name')} maxLength={150} />}</Field>
        <Field idPrefix={px} label={t('fields.position')} name="position" errors={e('position')}>{(p) => <input {...p} defaultValue={v('position')} maxLength={150} />}</Field>
        <Field idPrefix={px} label={t('fields.agency')} name="agency" errors={e('agency')}>{(p) => <input {...p} defaultValue={v('agency')} maxLength={200} />}</Field>
        <Field idPrefix={px} label={t('fields.regency')} name="regencyCode" errors={e('regencyCode')}>{(p) => <Select p={p} value={v('regencyCode')} options={regencies} empty={t('fields.noHost')} />}</Field>
        <Field idPrefix={px} label={t('fields.bank')} name="bankId" errors={e('bankId')}>{(p) => <Select p={p} value={v('bankId')} options={banks} empty={t('fields.noHost')} />}</Field>
        {/* before the meeting a participant is invited; whether they came is recorded once it has started */}
        {started && (
          <>
            <Field idPrefix={px} label={t('fields.attendance')} name="attendance" errors={e('attendance')}>
              {(p) => <Select p={p} value={v('attendance', 'PLANNED')} options={ATTENDANCE.map((k) => ({ value: k, label: t(`attendance.${k}`) }))} />}
            </Field>
            <Field idPrefix={px} label={t('fields.representedBy')} name="representedBy" errors={e('representedBy')}>{(p) => <input {...p} defaultValue={v('representedBy')} maxLength={150} />}</Field>
          </>
        )}
      </div>
      <Submit pending={pending} label={t('detail.addParticipant')} />
    </form>
  )
}

/** Attendance of one participant, inline in the attendance list. */
export function AttendanceForm({ id, version, attendance, representedBy, name }: { id: string; version: number; attendance: string; representedBy: string | null; name: string }) {
  const t = useTranslations('meetings')
  const { state, formAction, pending, v } = useForm(updateAttendance)
  return (
    <form onSubmit={formAction} className="flex flex-wrap items-center gap-2" noValidate>
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      <select name="attendance" aria-label={`${t('fields.attendance')} ${name}`} defaultValue={v('attendance', attendance)} className="rounded-md border border-slate-300 px-2 py-1 text-sm">
        {ATTENDANCE.map((k) => <option key={k} value={k}>{t(`attendance.${k}`)}</option>)}
      </select>
      <input name="representedBy" aria-label={`${t('fields.representedBy')} ${name}`} placeholder={t('fields.representedBy')} defaultValue={v('representedBy', representedBy ?? '')} className="min-w-48 flex-1 rounded-md border border-slate-300 px-2 py-1 text-sm" maxLength={150} />
      <Button type="submit" size="sm" variant="secondary" disabled={pending}>{t('save')}</Button>
      {state && !state.ok && <span role="status" className="text-xs text-red-700">{state.errors?.representedBy?.join(' ') ?? state.message}</span>}
    </form>
  )
}

/** Add an agenda item, or edit one with its minutes. */
export function AgendaItemForm({ meetingId, item }: { meetingId: string; item?: { id: string; version: number; title: string; presenter: string | null; durationMinutes: number | null; minutes: string | null } }) {
  const t = useTranslations('meetings')
  const px = item ? `agenda-${item.id}` : 'agenda-new'
  const { state, formAction, pending, v, e } = useForm(item ? updateAgendaItem : addAgendaItem)
  return (
    <form data-unsaved-guard onSubmit={formAction} className="space-y-3" noValidate>
      {item ? <><input type="hidden" name="id" value={item.id} /><input type="hidden" name="version" value={item.version} /></> : <input type="hidden" name="meetingId" value={meetingId} />}
      <FormMessage state={state} />
      <div className="grid gap-3 sm:grid-cols-4">
        <Field idPrefix={px} label={t('fields.agendaTitle')} name="title" errors={e('title')} required className="sm:col-span-2">{(p) => <input {...p} defaultValue={v('title', item?.title ?? '')} maxLength={300} />}</Field>
        <Field idPrefix={px} label={t('fields.presenter')} name="presenter" errors={e('presenter')}>{(p) => <input {...p} defaultValue={v('presenter', item?.presenter ?? '')} maxLength={200} />}</Field>
        <Field idPrefix={px} label={t('fields.duration')} name="durationMinutes" errors={e('durationMinutes')}>{(p) => <input {...p} inputMode="numeric" defaultValue={v('durationMinutes', item?.durationMinutes ? String(item.durationMinutes) : '')} />}</Field>
      </div>
      <Field idPrefix={px} label={t('fields.minutes')} name="minutes" errors={e('minutes')} hint={t('fields.minutesHint')}>
        {(p) => <textarea {...p} rows={item ? 8 : 4} defaultValue={v('minutes', item?.minutes ?? '')} maxLength={20000} />}
      </Field>
      <Submit pending={pending} label={item ? t('save') : t('detail.addAgendaItem')} />
    </form>
  )
}

/** Record an outcome of an agenda item, optionally linked to a programme, an indicator and a regency. */
export type OutcomeValues = { id: string; version: number; kind: string; text: string; programId: string | null; indicatorCode: string | null; regencyCode: string | null }

/** Record an outcome of an agenda item, or (with `initial`) correct one from the version the admin saw. */
export function OutcomeForm({ agendaItemId, initial, programs, indicators, regencies }: { agendaItemId: string; initial?: OutcomeValues; programs: Option[]; indicators: Option[]; regencies: Option[] }) {
  const t = useTranslations('meetings')
  const px = initial ? `outcome-edit-${initial.id}` : `outcome-${agendaItemId}`
  const { state, formAction, pending, v, e } = useForm(initial ? updateOutcome : addOutcome)
  return (
    // the form sits inside an agenda item (two thirds of a desktop page): its columns follow its own width, not the
    // window's; four columns there cut "— Tidak dikaitkan —" under the select's arrow
    <form data-unsaved-guard onSubmit={formAction} className="@container space-y-3" noValidate>
      {initial ? <><input type="hidden" name="id" value={initial.id} /><input type="hidden" name="version" value={initial.version} /></> : <input type="hidden" name="agendaItemId" value={agendaItemId} />}
      <FormMessage state={state} />
      <div className="grid gap-3 @md:grid-cols-4">
        <Field idPrefix={px} label={t('fields.outcomeKind')} name="kind" errors={e('kind')} required>
          {(p) => <Select p={p} value={v('kind', initial?.kind ?? 'DECISION')} options={OUTCOME_KINDS.map((k) => ({ value: k, label: t(`outcomeKind.${k}`) }))} />}
        </Field>
        <Field idPrefix={px} label={t('fields.outcomeText')} name="text" errors={e('text')} required className="@md:col-span-3">{(p) => <textarea {...p} rows={2} defaultValue={v('text', initial?.text ?? '')} maxLength={2000} />}</Field>
      </div>
      {/* the links: programme and regency side by side, the indicator's long names on a row of their own until the form is wide */}
      <div className="grid gap-3 @md:grid-cols-2 @4xl:grid-cols-4">
        <Field idPrefix={px} label={t('fields.program')} name="programId" errors={e('programId')}>{(p) => <Select p={p} value={v('programId', initial?.programId ?? '')} options={programs} empty={t('fields.noLink')} />}</Field>
        <Field idPrefix={px} label={t('fields.outcomeRegency')} name="regencyCode" errors={e('regencyCode')}>{(p) => <Select p={p} value={v('regencyCode', initial?.regencyCode ?? '')} options={regencies} empty={t('fields.noLink')} />}</Field>
        <Field idPrefix={px} label={t('fields.indicator')} name="indicatorCode" errors={e('indicatorCode')} className="@md:col-span-2">{(p) => <Select p={p} value={v('indicatorCode', initial?.indicatorCode ?? '')} options={indicators} empty={t('fields.noLink')} />}</Field>
      </div>
      <Submit pending={pending} label={initial ? t('detail.saveOutcome') : t('detail.addOutcome')} />
    </form>
  )
}

export type ActionValues = { id?: string; version?: number; title: string; description: string; ownerKind: string; ownerRegencyCode: string; ownerBankId: string; ownerUnit: string; ownerUserId: string; dueDate: string; outcomeId: string; status?: string }

/** Assign (or edit) a follow-up: what, the owner of the chosen kind, the due date, and the outcome it comes from. */
export function ActionItemForm({ meetingId, meetingStartsAt, initial, regencies, banks, users, outcomes }: { meetingId: string; meetingStartsAt: Date; initial?: ActionValues; regencies: Option[]; banks: Option[]; users: Option[]; outcomes: Option[] }) {
  const t = useTranslations('meetings')
  const locale = useLocale()
  const px = initial?.id ? `action-${initial.id}` : 'action-new'
  const { state, formAction, pending, v, e } = useForm(initial?.id ? updateAction : createAction)
  const [kind, setKind] = useState(v('ownerKind', initial?.ownerKind ?? 'REGENCY'))
  // the day typed (undefined: as the form was filled), to warn of a due date already past before it is saved; the
  // server asks the same confirmation (lib/actions/meetings.ts pastDueConfirmed): a new date, of a follow-up still open
  const [typed, setTyped] = useState<string | null | undefined>(undefined)
  const due = typed === undefined ? v('dueDate', initial?.dueDate ?? '') : typed
  const open = !initial?.status || initial.status === 'OPEN' || initial.status === 'IN_PROGRESS'
  // late the moment it is saved by the rule the server asks by (isOverdue: not before its meeting has begun)
  const pastDue = open && !!due && isIsoDate(due) && due !== initial?.dueDate && isOverdue({ dueDate: due, status: 'OPEN', meeting: { startsAt: meetingStartsAt } }, jakartaToday())
  const pastDueId = `${px}-pastDue`
  return (
    // a saved follow-up empties the form (form.reset()): the owner kind goes back with it, or the field beside the select
    // stayed "Unit dinas" while the select read "Kabupaten/kota", and the next one was refused with nothing marked
    <form data-unsaved-guard onSubmit={formAction} onReset={() => { setKind(initial?.ownerKind ?? 'REGENCY'); setTyped(undefined) }} className="space-y-3" noValidate>
      {initial?.id ? <><input type="hidden" name="id" value={initial.id} /><input type="hidden" name="version" value={initial.version} /></> : <input type="hidden" name="meetingId" value={meetingId} />}
      <FormMessage state={state} />
      <Field idPrefix={px} label={t('fields.actionTitle')} name="title" errors={e('title')} required>{(p) => <input {...p} defaultValue={v('title', initial?.title ?? '')} maxLength={500} />}</Field>
      <div className="grid gap-3 sm:grid-cols-3">
        <Field idPrefix={px} label={t('fields.ownerKind')} name="ownerKind" errors={e('ownerKind')} required>
          {(p) => (
            <select {...p} value={kind} onChange={(ev) => setKind(ev.target.value)}>
              {OWNER_KINDS.map((k) => <option key={k} value={k}>{t(`ownerKind.${k}`)}</option>)}
            </select>
          )}
        </Field>
        {kind === 'REGENCY' && <Field idPrefix={px} label={t('fields.ownerRegency')} name="ownerRegencyCode" errors={e('ownerRegencyCode')} required>{(p) => <Select p={p} value={v('ownerRegencyCode', initial?.ownerRegencyCode ?? '')} options={regencies} empty={t('fields.choose')} />}</Field>}
        {kind === 'BANK' && <Field idPrefix={px} label={t('fields.ownerBank')} name="ownerBankId" errors={e('ownerBankId')} required>{(p) => <Select p={p} value={v('ownerBankId', initial?.ownerBankId ?? '')} options={banks} empty={t('fields.choose')} />}</Field>}
        {kind === 'UNIT' && <Field idPrefix={px} label={t('fields.ownerUnit')} name="ownerUnit" errors={e('ownerUnit')} required>{(p) => <input {...p} defaultValue={v('ownerUnit', initial?.ownerUnit ?? '')} maxLength={200} />}</Field>}
        {kind === 'USER' && <Field idPrefix={px} label={t('fields.ownerUser')} name="ownerUserId" errors={e('ownerUserId')} required>{(p) => <Select p={p} value={v('ownerUserId', initial?.ownerUserId ?? '')} options={users} empty={t('fields.choose')} />}</Field>}
        <Field idPrefix={px} label={t('fields.dueDate')} name="dueDate" errors={e('dueDate')} required>
          {(p) => <DateInput {...p} aria-describedby={[p['aria-describedby'], pastDue ? pastDueId : null].filter(Boolean).join(' ') || undefined} defaultValue={v('dueDate', initial?.dueDate ?? '')} onDay={setTyped} />}
        </Field>
      </div>
      {/* a due date already past: said before saving, and confirmed (the server refuses it unconfirmed, with the same words at the field) */}
      {(pastDue || e('pastDueConfirmed')) && (
        <div className="space-y-1 rounded-md border border-amber-300 bg-amber-50 p-2 text-sm text-amber-900" data-testid="past-due">
          {e('pastDueConfirmed')?.length
            ? <p id={pastDueId} className="font-medium">{e('pastDueConfirmed')![0]}</p>
            : due && <p id={pastDueId}>{t('fields.pastDue', { date: formatDate(due, { locale: locale === 'en' ? 'en' : 'id' }) })}</p>}
          <label className="flex items-start gap-2">
            <input type="checkbox" name="pastDueConfirmed" defaultChecked={v('pastDueConfirmed', '') === 'on'} className="mt-0.5 size-4 rounded border-slate-300" aria-describedby={pastDueId} />
            {t('fields.pastDueConfirm')}
          </label>
        </div>
      )}
      {outcomes.length > 0 ? (
        <Field idPrefix={px} label={t('fields.outcome')} name="outcomeId" errors={e('outcomeId')}>{(p) => <Select p={p} value={v('outcomeId', initial?.outcomeId ?? '')} options={outcomes} empty={t('fields.noLink')} />}</Field>
      ) : (
        // no decision to choose from: an edit keeps the one the follow-up came from (an absent field would unlink it)
        initial?.outcomeId && <input type="hidden" name="outcomeId" value={initial.outcomeId} />
      )}
      <Field idPrefix={px} label={t('fields.description')} name="description" errors={e('description')}>{(p) => <textarea {...p} rows={2} defaultValue={v('description', initial?.description ?? '')} maxLength={4000} />}</Field>
      <Submit pending={pending} label={initial?.id ? t('save') : t('detail.addAction')} />
    </form>
  )
}

const MB = 1024 * 1024

/**
 * Upload a meeting document, or evidence for a follow-up. A file over the limit is refused here before it is
 * sent, with the server's limit (lib/upload-limits.ts; the server says the same for one that gets through:
 * lib/meetings/files.ts checkDocument), as the import's upload form does; what was chosen stays. A request the
 * server refuses before the action runs (a body over the proxy's limit, a body it cannot read) comes back as an
 * error thrown here, not as the action's answer: it is said under the file field instead of replacing the page.
 * The name goes as it will be stored (lib/meetings/files.ts safeFilename): a name with a NUL byte or a text
 * direction override is never sent raw.
 */
export function DocumentForm({ meetingId, actionId }: { meetingId: string; actionId?: string }) {
  const t = useTranslations('meetings')
  const locale = useLocale()
  const px = actionId ? 'evidence' : 'document'
  const upload = actionId ? uploadEvidence : uploadDocument
  const mb = Math.round(MAX_DOCUMENT_BYTES / MB)
  const [tooLarge, setTooLarge] = useState<string | null>(null)
  const check = (file: File | null | undefined) => {
    const problem = file && file.size > MAX_DOCUMENT_BYTES
      ? t('fields.fileTooLarge', { size: formatMegabytes(file.size, { locale: locale === 'en' ? 'en' : 'id' }), mb })
      : null
    setTooLarge(problem)
    return problem
  }
  const { state, formAction, pending, v, e } = useForm(async (prev: ActionState | undefined, formData: FormData): Promise<ActionState> => {
    const file = formData.get('file')
    if (file instanceof File && file.name && safeFilename(file.name) !== file.name) formData.set('file', file, safeFilename(file.name))
    // no file chosen: the browser sends an empty part, which reached the server with a name and read as "Berkas kosong";
    // sent without it, the server says "Pilih berkas untuk diunggah." at the field
    if (file instanceof File && !file.name && file.size === 0) formData.delete('file')
    try {
      return await upload(prev, formData)
    } catch (err) {
      unstable_rethrow(err) // a redirect (signed out meanwhile) goes on
      const values = Object.fromEntries([...formData].filter((f): f is [string, string] => typeof f[1] === 'string'))
      return { ok: false, errors: { file: [t('fields.fileNotSent', { mb })] }, values }
    }
  })
  const fileErrors = tooLarge ? [tooLarge] : e('file')
  return (
    <form
      onSubmit={(ev) => {
        const input = ev.currentTarget.elements.namedItem('file') as HTMLInputElement | null
        if (check(input?.files?.[0])) ev.preventDefault()
        else formAction(ev)
      }}
      className="space-y-3"
      noValidate
    >
      <input type="hidden" name="meetingId" value={meetingId} />
      {actionId && <><input type="hidden" name="actionId" value={actionId} /><input type="hidden" name="kind" value="EVIDENCE" /></>}
      <FormMessage state={tooLarge ? undefined : state} />
      {/* stacked: the form sits in the meeting page's side column, where three columns left the type unreadable */}
      <div className="grid gap-3">
        {!actionId && (
          <Field idPrefix={px} label={t('fields.kind')} name="kind" errors={e('kind')} required>
            {(p) => <Select p={p} value={v('kind', 'MATERIAL')} options={DOCUMENT_KINDS.filter((k) => k !== 'EVIDENCE').map((k) => ({ value: k, label: t(`documentKind.${k}`) }))} />}
          </Field>
        )}
        <Field idPrefix={px} label={t('fields.file')} name="file" errors={fileErrors} hint={t('fields.fileHint')} required>
          {(p) => <input {...p} type="file" accept={ACCEPT_ATTRIBUTE} onChange={(ev) => check(ev.currentTarget.files?.[0])} />}
        </Field>
      </div>
      <Submit pending={pending} label={actionId ? t('action.uploadEvidence') : t('detail.upload')} />
    </form>
  )
}

/**
 * A progress note on a follow-up, with an optional status change among `statuses` (those the user may
 * pick: lib/meetings/rules.ts statusChoices); the version the user saw goes along. Closing it (done,
 * dropped) is asked for in a dialog first.
 */
export function ProgressForm({ actionId, version, status, statuses }: { actionId: string; version: number; status: string; statuses: readonly string[] }) {
  const t = useTranslations('meetings')
  const px = 'progress'
  const { state, formAction, pending, v, e } = useForm(addProgress)
  // the status picked now, read by the submit button: done and dropped ask first
  const [next, setNext] = useState(v('status'))
  const closing = next === 'DONE' || next === 'DROPPED' ? next : null
  return (
    <form data-unsaved-guard onSubmit={formAction} onReset={() => setNext('')} className="space-y-3" noValidate>
      <input type="hidden" name="actionId" value={actionId} />
      <input type="hidden" name="version" value={version} />
      <FormMessage state={state} />
      <Field idPrefix={px} label={t('fields.note')} name="note" errors={e('note')} required>{(p) => <textarea {...p} rows={3} defaultValue={v('note')} maxLength={4000} />}</Field>
      {statuses.length > 0 && (
        <Field idPrefix={px} label={t('fields.newStatus')} name="status" errors={e('status')}>
          {(p) => <Select p={p} value={v('status')} onChange={setNext} options={ACTION_STATUSES.filter((s) => s !== status && statuses.includes(s)).map((s) => ({ value: s, label: t(`actionStatus.${s}`) }))} empty={t('fields.keepStatus', { status: t(`actionStatus.${status}`) })} />}
        </Field>
      )}
      {closing ? (
        <ConfirmSubmit
          label={t('action.addNote')}
          title={t(`action.confirm.${closing}.title`)}
          body={t(`action.confirm.${closing}.body`)}
          confirmLabel={t(`action.confirm.${closing}.yes`)}
          variant={closing === 'DROPPED' ? 'danger' : 'primary'}
          disabled={pending}
          // the server's own check first: a note too short is refused at its field, without confirming a change that cannot land
          ready={acceptedBy(progressSchema)}
        />
      ) : <Submit pending={pending} label={t('action.addNote')} />}
    </form>
  )
}
