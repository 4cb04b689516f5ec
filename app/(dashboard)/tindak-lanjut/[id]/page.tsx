import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { getLocale, getTranslations } from 'next-intl/server'
import { ActionItemForm, DocumentForm, ProgressForm } from '@/components/meetings/forms'
import { ActionStatusBadge } from '@/components/meetings/display'
import { actionOwnerName as ownerName, MEETING_CANCELLED_NOTE, outcomeChoices } from '@/lib/meetings/labels'
import { serverText } from '@/lib/i18n/server-text'
import { PageHeader } from '@/components/ui/page-header'
import { getAction, meetingFormChoices } from '@/lib/data/meetings'
import { jakartaToday } from '@/lib/dates'
import { env } from '@/lib/env'
import { formatDate, formatDateTime, formatFileSize } from '@/lib/format'
import { canUpdateProgress, isOverdue, meetingAhead, notHeldYet, statusChoices } from '@/lib/meetings/rules'
import { can } from '@/lib/permissions'
import { requirePermission } from '@/lib/session'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('meetings'))('actions.title') }
}

/** One follow-up: what, who, by when, its history of progress notes and evidence; the owner adds notes here. */
export default async function ActionPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission('meetings.read')
  const { id } = await params
  if (!/^[A-Za-z0-9_-]{1,40}$/.test(id)) notFound()
  const action = await getAction({ user, id })
  if (!action) notFound()
  const [t, locale] = await Promise.all([getTranslations('meetings'), getLocale()])
  const lang = locale === 'en' ? 'en' : 'id'
  // a cancelled meeting's follow-ups were dropped with it and stay so (the server refuses any change: lib/actions/meetings.ts liveMeeting)
  const cancelled = action.meeting.status === 'CANCELLED'
  // a meeting still ahead has its follow-ups prepared, not yet decided: worked on once it has begun (the server refuses before: heldMeeting)
  const planned = meetingAhead(action.meeting)
  const mayUpdate = !cancelled && !planned && canUpdateProgress(user, action) && can(user.role, 'meetings.progress')
  const admin = !cancelled && can(user.role, 'meetings.write')
  const choices = admin ? await meetingFormChoices({ provinceCode: env().AGENCY_PROVINCE_CODE }) : null
  const late = isOverdue(action, jakartaToday())
  return (
    <>
      <p className="mb-2 text-sm"><Link href="/tindak-lanjut" className="text-brand-700 hover:underline">← {t('action.backToList')}</Link></p>
      <PageHeader title={action.title} description={`${t('action.meeting')}: ${action.meeting.title} (${formatDate(action.meeting.startsAt, { locale: lang })})`} />
      <div className="grid gap-6 xl:grid-cols-3">
        <div className="space-y-6 xl:col-span-2">
          <section className="rounded-lg border border-slate-200 bg-white p-4" aria-labelledby="history-title">
            <h2 id="history-title" className="mb-3 text-base font-semibold">{t('action.history')}</h2>
            {action.notes.length === 0 ? <p className="text-sm text-slate-600">{t('action.noNotes')}</p> : (
              <ol className="space-y-3" data-testid="progress-notes">
                {action.notes.map((n) => (
                  <li key={n.id} className="rounded-md border border-slate-100 p-3 text-sm">
                    <p className="text-xs text-slate-500">{formatDateTime(n.createdAt, { locale: lang })} · {n.authorName}</p>
                    {/* a person's note as written; the note Lumbung writes on a cancellation in the reader's language */}
                    <p className="mt-1 whitespace-pre-wrap text-slate-900">{n.note === MEETING_CANCELLED_NOTE ? serverText(n.note, lang) : n.note}</p>
                    {n.statusFrom && n.statusTo && <p className="mt-1 text-xs font-medium text-slate-700">{t('action.statusChange', { from: t(`actionStatus.${n.statusFrom}`), to: t(`actionStatus.${n.statusTo}`) })}</p>}
                  </li>
                ))}
              </ol>
            )}
          </section>
          {mayUpdate ? (
            <section className="rounded-lg border border-slate-200 bg-white p-4" aria-labelledby="note-title">
              <h2 id="note-title" className="mb-3 text-base font-semibold">{t('action.addNote')}</h2>
              <ProgressForm actionId={action.id} version={action.version} status={action.status} statuses={statusChoices(user, action.status)} />
            </section>
          ) : (
            <p className="text-sm text-slate-600" data-testid="progress-closed">{planned ? serverText(notHeldYet(action.meeting), lang) : t(cancelled ? 'action.meetingCancelled' : 'action.notOwner')}</p>
          )}
          {admin && choices && (
            <details className="rounded-lg border border-dashed border-slate-300 bg-white p-4">
              <summary className="cursor-pointer text-sm font-medium text-brand-700">{t('action.editAction')}</summary>
              <div className="mt-3">
                <ActionItemForm
                  meetingId={action.meetingId}
                  meetingStartsAt={action.meeting.startsAt}
                  regencies={choices.regencies.map((r) => ({ value: r.code, label: r.name }))}
                  banks={choices.banks.map((b) => ({ value: b.id, label: b.shortName }))}
                  // the owner it has stays a choice, even one no longer offered (leadership named before that was refused)
                  users={choices.users.filter((u) => choices.owners.includes(u) || u.id === action.ownerUserId).map((u) => ({ value: u.id, label: `${u.name} (${u.username})` }))}
                  outcomes={outcomeChoices(action.meeting.agendaItems, (kind) => t(`outcomeKind.${kind}`))}
                  initial={{
                    id: action.id, version: action.version, title: action.title, description: action.description ?? '', ownerKind: action.ownerKind,
                    ownerRegencyCode: action.ownerRegencyCode ?? '', ownerBankId: action.ownerBankId ?? '', ownerUnit: action.ownerUnit ?? '', ownerUserId: action.ownerUserId ?? '',
                    dueDate: action.dueDate.toISOString().slice(0, 10), outcomeId: action.outcomeId ?? '', status: action.status,
                  }}
                />
              </div>
            </details>
          )}
        </div>
        <div className="space-y-6">
          <section className="rounded-lg border border-slate-200 bg-white p-4 text-sm">
            <dl className="space-y-2">
              <div><dt className="text-xs text-slate-500">{t('action.status')}</dt><dd data-testid="action-status"><ActionStatusBadge status={action.status} overdue={late} /></dd></div>
              <div><dt className="text-xs text-slate-500">{t('action.owner')}</dt><dd className="font-medium">{ownerName(action)} <span className="text-xs font-normal text-slate-500">({t(`ownerKind.${action.ownerKind}`)})</span></dd></div>
              <div><dt className="text-xs text-slate-500">{t('action.due')}</dt><dd className="font-medium">{formatDate(action.dueDate, { locale: lang })}</dd></div>
              <div><dt className="text-xs text-slate-500">{t('action.meeting')}</dt><dd><Link href={`/rapat/${action.meeting.id}`} className="text-brand-700 underline">{action.meeting.title}</Link></dd></div>
              {action.agendaItem && <div><dt className="text-xs text-slate-500">{t('action.agendaItem')}</dt><dd>{action.agendaItem.position}. {action.agendaItem.title}</dd></div>}
              {/* the outcome's line breaks kept, as on the meeting's page and in its minutes */}
              {action.outcome && <div><dt className="text-xs text-slate-500">{t('action.outcome')}</dt><dd>{t(`outcomeKind.${action.outcome.kind}`)}: <span data-testid="action-outcome" className="whitespace-pre-wrap">{action.outcome.text}</span></dd></div>}
              {action.description && <div><dt className="text-xs text-slate-500">{t('fields.description')}</dt><dd className="whitespace-pre-wrap">{action.description}</dd></div>}
            </dl>
          </section>
          <section className="rounded-lg border border-slate-200 bg-white p-4" aria-labelledby="evidence-title">
            <h2 id="evidence-title" className="mb-3 text-base font-semibold">{t('action.evidence')}</h2>
            {action.documents.length === 0 ? <p className="text-sm text-slate-600">{t('action.noEvidence')}</p> : (
              <ul className="space-y-1 text-sm">
                {action.documents.map((d) => <li key={d.id}><a href={`/api/rapat/dokumen/${d.id}`} className="text-brand-700 underline">{d.filename}</a> <span className="text-xs text-slate-500">{formatFileSize(d.size, { locale: lang })} · {formatDate(d.createdAt, { locale: lang })}</span></li>)}
              </ul>
            )}
            {mayUpdate && <div className="mt-3"><DocumentForm meetingId={action.meetingId} actionId={action.id} /></div>}
          </section>
        </div>
      </div>
    </>
  )
}
