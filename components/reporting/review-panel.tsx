'use client'

import { useActionState, useRef } from 'react'
import { useTranslations } from 'next-intl'
import { approveReport, reopenReport, returnReport } from '@/lib/actions/reporting'
import { announcing } from '@/components/ui/announcer'
import type { ActionState } from '@/lib/safe-action'
import { acceptedBy, ConfirmSubmit, typedIn } from '@/components/ui/confirm-submit'
import { ConfirmAction } from '@/components/ui/confirm-action'
import { Field } from '@/components/ui/field'
import { inputClass } from '@/components/ui/input-class'
import { FormMessage } from '@/components/ui/form-message'
import { reopenReportSchema, returnReportSchema } from '@/lib/validations/reporting'
import { ReportValuesTable, type ValueRow } from './report-values-table'
import { useFocusFirstError } from '@/components/ui/focus'

type Labels = Parameters<typeof ReportValuesTable>[0]['labels']

/**
 * A review step's action that, once it lands, says so through the signed-in frame's announcer: the page
 * refreshes into the report's new state and the form that would show the message is gone (as ConfirmAction
 * does for approving).
 */
function useAnnouncedAction(act: (prev: ActionState | undefined, data: FormData) => Promise<ActionState>) {
  return useActionState(announcing(act), undefined)
}

/**
 * The admin's review of a submitted report: the values beside the previous quarter and targets, a
 * note field per value, an overall reason, and Return; or Approve behind a confirmation.
 */
export function ReviewPanel({ id, version, groups, labels, children }: { id: string; version: number; groups: { code: string; name: string; rows: ValueRow[] }[]; labels: Labels; children?: React.ReactNode }) {
  const t = useTranslations('reporting.review')
  const [state, action, pending] = useAnnouncedAction(returnReport)
  // a refused return (no reason) puts focus on the reason, where its message is read, not on <body>
  const returnForm = useRef<HTMLFormElement>(null)
  useFocusFirstError(returnForm, state)
  return (
    <div className="space-y-4">
      {/* the note inputs sit in the table and belong to the return form through their form attribute */}
      <ReportValuesTable
        groups={groups}
        labels={labels}
        noteField={(r) => (
          // named where it stands: on a phone (cards) the label shows above the field, from md up the table's column says it
          <label className="block">
            <span className="mb-1 block text-xs font-medium text-slate-600 md:sr-only">{t('noteFor', { indicator: r.name })}</span>
            {/* the note of the return before this sending, kept until this decision: said as earlier, not as the field's value */}
            {r.reviewNote && <span className="mb-1 block text-xs text-slate-600" data-earlier-note>{t('earlierNote', { note: r.reviewNote })}</span>}
            <input
              form="return-form"
              name={`notes.${r.code}`}
              defaultValue={state?.values?.[`notes.${r.code}`] ?? ''}
              maxLength={1000}
              className={inputClass()}
            />
          </label>
        )}
      />
      {children}
      <section aria-labelledby="review-title" className="rounded-lg border border-slate-200 bg-white">
        <h3 id="review-title" className="border-b border-slate-200 px-4 py-3 text-base font-semibold text-slate-900">{t('title')}</h3>
        <div className="grid gap-4 p-4 md:grid-cols-[minmax(0,1fr)_minmax(0,2fr)] md:divide-x md:divide-slate-200">
          <div className="space-y-2">
            <p className="text-sm text-slate-700">{t('approveBody')}</p>
            <ConfirmAction action={approveReport} fields={{ id, version: String(version) }} label={t('approve')} title={t('approveTitle')} body={t('approveBody')} confirmLabel={t('approve')} variant="primary" />
          </div>
          <form ref={returnForm} id="return-form" action={action} className="space-y-3 md:pl-4" noValidate>
            <input type="hidden" name="id" value={id} />
            <input type="hidden" name="version" value={version} />
            <FormMessage state={state} />
            <Field label={t('reason')} name="reason" errors={state?.errors?.reason} hint={t('reasonHint')}>
              {(p) => <textarea {...p} rows={3} maxLength={2000} defaultValue={state?.values?.reason} />}
            </Field>
            {/* asked before it lands, quoting the reason; a reason the server would refuse is sent without asking,
                so the refusal shows on the field (the notes outside the form belong to it through their form attribute) */}
            <ConfirmSubmit
              label={pending ? t('processing') : t('return')}
              title={t('returnConfirmTitle')}
              // the notes per value typed (inputs of the table, in this form through their form attribute): said only when there are some
              body={(form) => t('returnConfirmBody', { reason: typedIn(form, 'reason'), notes: [...new FormData(form).entries()].filter(([k, v]) => k.startsWith('notes.') && String(v).trim() !== '').length })}
              confirmLabel={t('return')}
              variant="danger"
              disabled={pending}
              ready={acceptedBy(returnReportSchema)}
            />
          </form>
        </div>
      </section>
    </div>
  )
}

/** Reopen an approved report, with the reason the officer will read (admin only). */
export function ReopenForm({ id, version }: { id: string; version: number }) {
  const t = useTranslations('reporting.review')
  const [state, action, pending] = useAnnouncedAction(reopenReport)
  const form = useRef<HTMLFormElement>(null)
  useFocusFirstError(form, state)
  return (
    <form ref={form} action={action} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4" noValidate>
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      <FormMessage state={state} />
      <Field label={t('reopenReason')} name="reason" errors={state?.errors?.reason} hint={t('reopenHint')}>
        {(p) => <textarea {...p} rows={2} maxLength={2000} defaultValue={state?.values?.reason} />}
      </Field>
      <ConfirmSubmit
        label={pending ? t('processing') : t('reopen')}
        title={t('reopenConfirmTitle')}
        body={(f) => t('reopenConfirmBody', { reason: typedIn(f, 'reason') })}
        confirmLabel={t('reopen')}
        variant="danger"
        disabled={pending}
        ready={acceptedBy(reopenReportSchema)}
      />
    </form>
  )
}
