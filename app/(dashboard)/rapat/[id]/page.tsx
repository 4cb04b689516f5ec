import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { getLocale, getTranslations } from 'next-intl/server'
import { CalendarPlus, ClipboardSignature, FileDown, FileText, Pencil, Presentation, Repeat } from 'lucide-react'
import { ActionItemForm, AgendaItemForm, AttendanceForm, DocumentForm, OutcomeForm, ParticipantForm } from '@/components/meetings/forms'
import { ActionStatusBadge, MeetingStatusBadge } from '@/components/meetings/display'
import { actionOwnerName as ownerName, outcomeChoices } from '@/lib/meetings/labels'
import { Markdown } from '@/components/meetings/markdown'
import { Badge } from '@/components/ui/badge'
import { LinkButton, buttonClass } from '@/components/ui/button'
import { ConfirmAction } from '@/components/ui/confirm-action'
import { PageHeader } from '@/components/ui/page-header'
import { Table, Td, Th } from '@/components/ui/table'
import { deleteDocument, markInvitedPresent, removeAgendaItem, removeOutcome, removeParticipant, setMeetingStatus } from '@/lib/actions/meetings'
import { getMeeting, meetingFormChoices } from '@/lib/data/meetings'
import { jakartaDate, jakartaTime, jakartaToday } from '@/lib/dates'
import { env } from '@/lib/env'
import { formatDate, formatFileSize, formatNumber } from '@/lib/format'
import { closeGaps, hasStarted, isOverdue, statusMoveAllowed } from '@/lib/meetings/rules'
import { meetingPlace } from '@/lib/meetings/when'
import { can } from '@/lib/permissions'
import { HistoryLink } from '@/components/ui/history-link'
import { requirePermission } from '@/lib/session'
import { flatParams, type SearchParams } from '@/lib/url'
import { MEETING_TRANSITIONS } from '@/lib/validations/meetings'

// the page's own heading names the meeting; the tab says what kind of page it is, as the other detail pages do (not a piece of its id)
export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('meetings'))('title') }
}

function Section({ title, children, id, actions }: { title: string; children: React.ReactNode; id: string; actions?: React.ReactNode }) {
  return (
    <section aria-labelledby={`${id}-title`} className="break-inside-avoid rounded-lg border border-slate-200 bg-white p-4" data-section={id}>
      <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
        <h2 id={`${id}-title`} className="text-base font-semibold text-slate-900">{title}</h2>
        {actions}
      </div>
      {children}
    </section>
  )
}

function AddPanel({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <details className="no-print mt-3 rounded-md border border-dashed border-slate-300 p-3">
      <summary className="cursor-pointer text-sm font-medium text-brand-700">{label}</summary>
      <div className="mt-3">{children}</div>
    </details>
  )
}

/** One meeting: summary, attendance, agenda with minutes and outcomes, follow-ups, documents, exports. */
export default async function MeetingPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> }) {
  const user = await requirePermission('meetings.read')
  const { id } = await params
  // ?disimpan=1 after "Ubah rapat" (lib/actions/meetings.ts updateMeeting); =undangan when a planned meeting moved in time or place
  const saved = flatParams(await searchParams).disimpan
  if (!/^[A-Za-z0-9_-]{1,40}$/.test(id)) notFound()
  const meeting = await getMeeting({ user, id })
  if (!meeting) notFound()
  const [t, locale] = await Promise.all([getTranslations('meetings'), getLocale()])
  const lang = locale === 'en' ? 'en' : 'id'
  const admin = can(user.role, 'meetings.write')
  const editable = admin && (meeting.status === 'PLANNED' || meeting.status === 'HELD')
  const choices = editable ? await meetingFormChoices({ provinceCode: env().AGENCY_PROVINCE_CODE }) : null
  const opt = {
    regencies: choices?.regencies.map((r) => ({ value: r.code, label: r.name })) ?? [],
    banks: choices?.banks.map((b) => ({ value: b.id, label: b.shortName })) ?? [],
    programs: choices?.programs.map((p) => ({ value: p.id, label: p.name })) ?? [],
    indicators: choices?.indicators.map((i) => ({ value: i.code, label: lang === 'en' ? i.nameEn : i.name })) ?? [],
    users: choices?.users.map((u) => ({ value: u.id, label: `${u.name} (${u.username})` })) ?? [],
    owners: choices?.owners.map((u) => ({ value: u.id, label: `${u.name} (${u.username})` })) ?? [],
    outcomes: outcomeChoices(meeting.agendaItems, (kind) => t(`outcomeKind.${kind}`)),
  }
  const today = jakartaToday()
  const sameDay = jakartaDate(meeting.startsAt) === jakartaDate(meeting.endsAt)
  const when = sameDay
    ? `${formatDate(meeting.startsAt, { locale: lang })}, ${jakartaTime(meeting.startsAt, lang)}–${jakartaTime(meeting.endsAt, lang)} WIB`
    : `${formatDate(meeting.startsAt, { locale: lang })} ${jakartaTime(meeting.startsAt, lang)} – ${formatDate(meeting.endsAt, { locale: lang })} ${jakartaTime(meeting.endsAt, lang)} WIB`
  // held and closed only once the meeting has started, cancelled only before it was held (the server refuses the rest: setMeetingStatus)
  const started = hasStarted(meeting)
  const invited = meeting.participants.filter((p) => p.attendance === 'PLANNED')
  const statusActions = editable ? MEETING_TRANSITIONS[meeting.status].filter((s) => statusMoveAllowed(meeting, meeting.status, s)) : []
  // the follow-ups still open: cancelling drops them with the meeting, closing leaves them tracked (both confirmations say so)
  const openActions = meeting.actions.filter((a) => a.status === 'OPEN' || a.status === 'IN_PROGRESS').length
  // closing cannot be undone: the confirmation names what the meeting still lacks ("belum punya agenda, daftar hadir, dan notulen";
  // English says "has no agenda, attendance record, or minutes")
  const gaps = closeGaps(meeting)
  const closeGapNote = gaps.length ? `${t('closeGaps', { missing: new Intl.ListFormat(lang, { type: lang === 'en' ? 'disjunction' : 'conjunction' }).format(gaps.map((g) => t(`closeGap.${g}`))) })} ` : ''

  return (
    <>
      <p className="no-print mb-2 text-sm"><Link href="/rapat" className="text-brand-700 hover:underline">← {t('detail.backToList')}</Link></p>
      <PageHeader
        title={meeting.title}
        description={`${t(`typeLong.${meeting.type}`)} · ${when}`}
        actions={
          <>
            {editable && <LinkButton href={`/rapat/${meeting.id}/ubah`} variant="secondary"><Pencil aria-hidden className="size-4" />{t('edit')}</LinkButton>}
            {admin && <LinkButton href={`/rapat/baru?lanjutan=${meeting.id}`} variant="secondary"><Repeat aria-hidden className="size-4" />{t('followUpMeeting')}</LinkButton>}
            <HistoryLink user={user} entity="Meeting" id={meeting.id} />
          </>
        }
      />
      <div className="mb-4 flex flex-wrap items-center gap-2">
        <MeetingStatusBadge status={meeting.status} />
        {/* on paper the status is the badge: the buttons that move it act on the screen only */}
        {statusActions.map((s) => (
          <span key={s} className="no-print contents"><ConfirmAction action={setMeetingStatus} fields={{ id: meeting.id, version: String(meeting.version), status: s }} label={t(`statusAction.${s as 'HELD'}`)} title={t(`statusAction.${s as 'HELD'}`)} body={s === 'CANCELLED' ? t('cancelConfirm', { open: openActions }) : `${s === 'CLOSED' ? closeGapNote : ''}${t('statusConfirm', { status: t(`status.${s}`) })}${s === 'CLOSED' ? t('closeOpenNote', { open: openActions }) : ''}`} variant={s === 'CANCELLED' ? 'danger' : 'secondary'} {...(s === 'CANCELLED' && { confirmLabel: t('cancelConfirmYes'), cancelLabel: t('cancelConfirmBack') })} /></span>
        ))}
        {!admin && <p className="text-xs text-slate-500">{t('detail.readOnly')}</p>}
      </div>
      {saved && (
        <p role="status" className="mb-4 rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-800" data-testid="meeting-saved">
          {t('detail.saved')}
          {saved === 'undangan' && <> {t('detail.savedResend')} <a href={`/api/rapat/${meeting.id}/undangan`} className="font-medium underline">{t('detail.invitation')}</a></>}
        </p>
      )}
      {/* a meeting over but still planned keeps its attendance closed and reads as upcoming: its admin is told what to do */}
      {admin && meeting.status === 'PLANNED' && meeting.endsAt < new Date() && (
        <p role="note" className="mb-4 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900" data-testid="past-still-planned">
          {t('detail.pastStillPlanned', { date: formatDate(meeting.startsAt, { locale: lang }) })}
        </p>
      )}
      <nav aria-label={t('detail.exports')} className="no-print mb-6 flex flex-wrap gap-2">
        <a href={`/api/rapat/${meeting.id}/notulen?format=docx`} className={buttonClass('secondary', 'sm')}><FileDown aria-hidden className="size-4" />{t('detail.minutesDocx')}</a>
        <a href={`/api/rapat/${meeting.id}/notulen?format=pdf`} className={buttonClass('secondary', 'sm')}><FileText aria-hidden className="size-4" />{t('detail.minutesPdf')}</a>
        <a href={`/api/rapat/${meeting.id}/daftar-hadir`} className={buttonClass('secondary', 'sm')}><ClipboardSignature aria-hidden className="size-4" />{t('detail.attendanceSheet')}</a>
        <a href={`/api/rapat/${meeting.id}/undangan`} className={buttonClass('secondary', 'sm')}><CalendarPlus aria-hidden className="size-4" />{t('detail.invitation')}</a>
        <Link href={`/rapat/${meeting.id}/bahan`} className={buttonClass('secondary', 'sm')}><Presentation aria-hidden className="size-4" />{t('detail.briefing')}</Link>
      </nav>

      <div className="grid gap-6 xl:grid-cols-3" data-print="document">
        <div className="space-y-6 xl:col-span-2">
          <Section id="agenda" title={t('detail.agenda')}>
            {meeting.agendaItems.length === 0 && <p className="text-sm text-slate-600">{t('detail.noAgenda')}</p>}
            <ol className="space-y-5">
              {meeting.agendaItems.map((item) => (
                <li key={item.id} className="rounded-md border border-slate-100 p-3" data-agenda-item={item.position}>
                  <div className="flex flex-wrap items-baseline justify-between gap-2">
                    <h3 className="font-semibold text-slate-900">{item.position}. {item.title}</h3>
                    <p className="text-xs text-slate-500">
                      {item.presenter && <span data-user-content>{item.presenter}</span>}
                      {item.presenter && item.durationMinutes ? ' · ' : null}
                      {item.durationMinutes ? t('detail.duration', { minutes: formatNumber(item.durationMinutes, { locale: lang }) }) : null}
                    </p>
                  </div>
                  <div className="mt-2" data-minutes>
                    {item.minutes ? <Markdown text={item.minutes} /> : <p className="text-sm italic text-slate-500">{t('detail.noMinutes')}</p>}
                  </div>
                  {item.outcomes.length > 0 && (
                    <ul className="mt-3 space-y-2" aria-label={t('detail.outcomes')}>
                      {item.outcomes.map((o) => (
                        <li key={o.id} className="rounded-md bg-slate-50 p-2 text-sm" data-outcome={o.kind}>
                          <Badge tone={o.kind === 'DECISION' ? 'green' : o.kind === 'RECOMMENDATION' ? 'blue' : 'slate'}>{t(`outcomeKind.${o.kind}`)}</Badge>{' '}
                          {/* plain text, its line breaks kept as the minutes' .docx/PDF print them (and as a follow-up's description shows them) */}
                          <span data-user-content className="whitespace-pre-wrap">{o.text}</span>
                          {(o.program || o.indicator || o.regency) && (
                            <span className="mt-1 block text-xs text-slate-600">
                              {t('detail.linked')}:{' '}
                              {o.program && <Link href={`/dasbor/kredit?program=${o.program.code}`} className="text-brand-700 underline">{o.program.name}</Link>}
                              {o.indicator && <>{o.program && ' · '}<Link href={`/dasbor/indikator?indicator=${o.indicator.code}`} className="text-brand-700 underline">{lang === 'en' ? o.indicator.nameEn : o.indicator.name}</Link></>}
                              {o.regency && <>{(o.program || o.indicator) && ' · '}{o.regency.name}</>}
                            </span>
                          )}
                          {editable && choices && (
                            <div className="no-print mt-1">
                              <AddPanel label={t('detail.editOutcome')}>
                                <OutcomeForm agendaItemId={item.id} initial={{ id: o.id, version: o.version, kind: o.kind, text: o.text, programId: o.programId, indicatorCode: o.indicatorCode, regencyCode: o.regencyCode }} programs={opt.programs} indicators={opt.indicators} regencies={opt.regencies} />
                                <div className="mt-2"><ConfirmAction action={removeOutcome} fields={{ id: o.id, version: String(o.version) }} label={t('remove')} title={t('removeDialog.outcomeTitle')} body={t('removeDialog.outcomeBody', { text: o.text })} confirmLabel={t('removeDialog.confirm')} variant="danger" /></div>
                              </AddPanel>
                            </div>
                          )}
                        </li>
                      ))}
                    </ul>
                  )}
                  {editable && choices && (
                    <>
                      <AddPanel label={t('detail.addOutcome')}><OutcomeForm agendaItemId={item.id} programs={opt.programs} indicators={opt.indicators} regencies={opt.regencies} /></AddPanel>
                      <AddPanel label={t('detail.editAgendaItem')}>
                        <AgendaItemForm meetingId={meeting.id} item={{ id: item.id, version: item.version, title: item.title, presenter: item.presenter, durationMinutes: item.durationMinutes, minutes: item.minutes }} />
                        <div className="mt-2"><ConfirmAction action={removeAgendaItem} fields={{ id: item.id, version: String(item.version) }} label={t('remove')} title={t('removeDialog.agendaTitle', { title: item.title })} body={t('removeDialog.agendaBody')} confirmLabel={t('removeDialog.confirm')} variant="danger" /></div>
                      </AddPanel>
                    </>
                  )}
                </li>
              ))}
            </ol>
            {editable && <AddPanel label={t('detail.addAgendaItem')}><AgendaItemForm meetingId={meeting.id} /></AddPanel>}
          </Section>

          <Section id="actions" title={t('detail.actions')} actions={<Link href={`/tindak-lanjut?meeting=${meeting.id}&status=all`} className="no-print text-sm text-brand-700 underline">{t('actions.title')} →</Link>}>
            {meeting.actions.length === 0 ? <p className="text-sm text-slate-600">{t('detail.noActions')}</p> : (
              <>
              <ul className="space-y-2 sm:hidden">
                {meeting.actions.map((a) => (
                  <li key={a.id} className="rounded-md border border-slate-100 p-2 text-sm" data-action={a.id}>
                    <Link href={`/tindak-lanjut/${a.id}`} className="font-medium text-brand-700 hover:underline" data-user-content>{a.title}</Link>
                    <p className="text-xs text-slate-600">{ownerName(a)} · {formatDate(a.dueDate, { locale: lang })}</p>
                    <ActionStatusBadge status={a.status} overdue={isOverdue({ ...a, meeting }, today)} />
                  </li>
                ))}
              </ul>
              <div className="hidden sm:block">
              <Table caption={t('detail.actions')}>
                <thead><tr><Th>{t('actions.columns.action')}</Th><Th>{t('actions.columns.owner')}</Th><Th>{t('actions.columns.due')}</Th><Th>{t('actions.columns.status')}</Th></tr></thead>
                <tbody className="divide-y divide-slate-100">
                  {meeting.actions.map((a) => (
                    <tr key={a.id} data-action={a.id}>
                      <Td><Link href={`/tindak-lanjut/${a.id}`} className="font-medium text-brand-700 hover:underline" data-user-content>{a.title}</Link></Td>
                      <Td>{ownerName(a)}<span className="block text-xs text-slate-500">{t(`ownerKind.${a.ownerKind}`)}</span></Td>
                      <Td className="whitespace-nowrap">{formatDate(a.dueDate, { locale: lang })}</Td>
                      <Td><ActionStatusBadge status={a.status} overdue={isOverdue({ ...a, meeting }, today)} /></Td>
                    </tr>
                  ))}
                </tbody>
              </Table>
              </div>
              </>
            )}
            {meeting.carried.length > 0 && (
              <div className="mt-4">
                <h3 className="mb-2 text-sm font-semibold">{t('detail.carried')}</h3>
                <ul className="space-y-1 text-sm">
                  {meeting.carried.map((a) => (
                    <li key={a.id}><Link href={`/tindak-lanjut/${a.id}`} className="text-brand-700 underline" data-user-content>{a.title}</Link> — {ownerName(a)}, {formatDate(a.dueDate, { locale: lang })} <ActionStatusBadge status={a.status} overdue={isOverdue(a, today)} /></li>
                  ))}
                </ul>
              </div>
            )}
            {editable && choices && <AddPanel label={t('detail.addAction')}><ActionItemForm meetingId={meeting.id} meetingStartsAt={meeting.startsAt} regencies={opt.regencies} banks={opt.banks} users={opt.owners} outcomes={opt.outcomes} /></AddPanel>}
          </Section>
        </div>

        <div className="space-y-6">
          <Section id="summary" title={t('detail.summary')}>
            <dl className="grid grid-cols-1 gap-2 text-sm">
              {([
                ['schedule', when],
                ['place', meetingPlace(meeting) ?? '–'],
                ['host', meeting.hostRegency?.name ?? '–'],
                ['organiser', meeting.organiser],
                ['chair', meeting.chair ?? '–'],
              ] as const).map(([k, v]) => (
                <div key={k}><dt className="text-xs text-slate-500">{t(`detail.${k}`)}</dt><dd className="font-medium text-slate-900">{v}</dd></div>
              ))}
              {meeting.previousMeeting && (
                <div><dt className="text-xs text-slate-500">{t('detail.previous')}</dt><dd><Link href={`/rapat/${meeting.previousMeeting.id}`} className="text-brand-700 underline">{meeting.previousMeeting.title}</Link> ({formatDate(meeting.previousMeeting.startsAt, { locale: lang })})</dd></div>
              )}
              {meeting.followUps.length > 0 && (
                <div><dt className="text-xs text-slate-500">{t('followUps')}</dt><dd>{meeting.followUps.map((f) => (
                  // a cancelled follow-up meeting says so: it will not take place
                  <span key={f.id} className="block"><Link href={`/rapat/${f.id}`} className="text-brand-700 underline">{f.title} ({formatDate(f.startsAt, { locale: lang })})</Link>{f.status === 'CANCELLED' && <> <MeetingStatusBadge status={f.status} /></>}</span>
                ))}</dd></div>
              )}
            </dl>
          </Section>

          <Section id="participants" title={t('detail.participants')}>
            {/* most of a Rakor's sheet is "present": one step for everyone still invited, as the page lists them (up to
                the 2.000 markPresentSchema takes; a larger sheet is set one by one) */}
            {editable && started && invited.length > 1 && invited.length <= 2000 && (
              <div className="no-print mb-2">
                <ConfirmAction action={markInvitedPresent} fields={{ meetingId: meeting.id, seen: invited.map((p) => `${p.id}:${p.version}`).join(',') }}
                  label={t('detail.markPresent', { count: invited.length })} title={t('detail.markPresentTitle')} body={t('detail.markPresentBody', { count: invited.length })} confirmLabel={t('detail.markPresentYes')} />
              </div>
            )}
            {meeting.participants.length === 0 ? <p className="text-sm text-slate-600">{t('detail.noParticipants')}</p> : (
              <ul className="divide-y divide-slate-100 text-sm">
                {meeting.participants.map((p) => (
                  <li key={p.id} className="py-2" data-participant={p.name}>
                    <p className="font-medium text-slate-900">{p.name}{p.position && <span className="font-normal text-slate-600">, {p.position}</span>}</p>
                    <p className="text-xs text-slate-600">{p.agency}</p>
                    <div className="mt-1">
                      {/* attendance is what happened: recorded once the meeting has started (the server refuses it before); one
                          recorded before a move into the future can still be set back to invited. Keyed by version: a change made
                          elsewhere (everyone marked present) shows in the select, which keeps what it was first given */}
                      {/* on paper the attendance as recorded, not its drop-down and "Simpan" */}
                      {editable && (started || p.attendance !== 'PLANNED') && <div className="no-print"><AttendanceForm key={p.version} id={p.id} version={p.version} attendance={p.attendance} representedBy={p.representedBy} name={p.name} /></div>}
                      <span className={editable && (started || p.attendance !== 'PLANNED') ? 'hidden print:inline' : undefined}>
                        <Badge tone={p.attendance === 'PRESENT' ? 'green' : p.attendance === 'ABSENT' ? 'red' : p.attendance === 'REPRESENTED' ? 'blue' : 'slate'}>
                          {t(`attendance.${p.attendance}`)}{p.representedBy ? `: ${p.representedBy}` : ''}
                        </Badge>
                      </span>
                    </div>
                    {editable && <div className="no-print mt-1"><ConfirmAction action={removeParticipant} fields={{ id: p.id, version: String(p.version) }} label={t('remove')} title={t('removeDialog.participantTitle', { name: p.name })} body={t('removeDialog.participantBody')} confirmLabel={t('removeDialog.confirm')} variant="danger" /></div>}
                  </li>
                ))}
              </ul>
            )}
            {editable && choices && <AddPanel label={t('detail.addParticipant')}><ParticipantForm meetingId={meeting.id} regencies={opt.regencies} banks={opt.banks} users={opt.users} started={started} /></AddPanel>}
          </Section>

          <Section id="documents" title={t('detail.documents')}>
            {meeting.documents.length === 0 ? <p className="text-sm text-slate-600">{t('detail.noDocuments')}</p> : (
              <ul className="space-y-2 text-sm">
                {meeting.documents.map((d) => (
                  <li key={d.id} className="flex flex-wrap items-center justify-between gap-2">
                    <span>
                      <a href={`/api/rapat/dokumen/${d.id}`} className="font-medium text-brand-700 underline">{d.filename}</a>
                      <span className="block text-xs text-slate-500">{t(`documentKind.${d.kind}`)} · {formatFileSize(d.size, { locale: lang })}</span>
                    </span>
                    {editable && <div className="no-print"><ConfirmAction action={deleteDocument} fields={{ id: d.id }} label={t('remove')} title={t('removeDialog.documentTitle', { name: d.filename })} body={t('removeDialog.documentBody')} confirmLabel={t('removeDialog.confirm')} variant="danger" /></div>}
                  </li>
                ))}
              </ul>
            )}
            {admin && meeting.status !== 'CANCELLED' && <AddPanel label={t('detail.upload')}><DocumentForm meetingId={meeting.id} /></AddPanel>}
          </Section>
        </div>
      </div>
    </>
  )
}
