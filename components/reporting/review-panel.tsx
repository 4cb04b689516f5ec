'use client'

import { useActionState, useRef } from 'react'
import { useTranslations } from 'next-intl'
import { approveReport, reopenReport, returnReport } from '@/lib/actions/reporting'
import { Button } from '@/components/ui/button'
import { ConfirmAction } from '@/components/ui/confirm-action'
import { Field, inputClass } from '@/components/ui/field'
import { FormMessage } from '@/components/ui/form-message'
import { ReportValuesTable, type ValueRow } from './report-values-table'

type Labels = Parameters<typeof ReportValuesTable>[0]['labels']

/**
 * The admin's review of a submitted report: the values beside the previous quarter and targets, a
 * note field per value, an overall reason, and Return; or Approve behind a confirmation.
 */
export function ReviewPanel({ id, version, groups, labels }: { id: string; version: number; groups: { code: string; name: string; rows: ValueRow[] }[]; labels: Labels }) {
  const t = useTranslations('reporting.review')
  const [state, action, pending] = useActionState(returnReport, undefined)
  return (
    <div className="space-y-4">
      <form action={action} className="space-y-4" noValidate id="return-form">
        <input type="hidden" name="id" value={id} />
        <input type="hidden" name="version" value={version} />
        <ReportValuesTable
          groups={groups}
          labels={labels}
          noteField={(r) => (
            <input
              name={`notes.${r.code}`}
              defaultValue={state?.values?.[`notes.${r.code}`] ?? ''}
              aria-label={t('noteFor', { indicator: r.name })}
              maxLength={1000}
              className={inputClass()}
            />
          )}
        />
        <section aria-labelledby="review-title" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
          <h3 id="review-title" className="text-base font-semibold text-slate-900">{t('title')}</h3>
          <FormMessage state={state} />
          <Field label={t('reason')} name="reason" errors={state?.errors?.reason} hint={t('reasonHint')}>
            {(p) => <textarea {...p} rows={3} maxLength={2000} defaultValue={state?.values?.reason} />}
          </Field>
          <div className="flex flex-wrap items-start gap-2">
            <Button type="submit" variant="danger" disabled={pending}>{pending ? t('processing') : t('return')}</Button>
          </div>
        </section>
      </form>
      <div className="flex flex-wrap items-start gap-2 rounded-lg border border-emerald-200 bg-emerald-50 p-4">
        <ConfirmAction action={approveReport} fields={{ id, version: String(version) }} label={t('approve')} title={t('approveTitle')} body={t('approveBody')} variant="primary" />
      </div>
    </div>
  )
}

/** Reopen an approved report, with the reason the officer will read (admin only). */
export function ReopenForm({ id, version }: { id: string; version: number }) {
  const t = useTranslations('reporting.review')
  const [state, action, pending] = useActionState(reopenReport, undefined)
  const form = useRef<HTMLFormElement>(null)
  return (
    <form ref={form} action={action} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4" noValidate>
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      <FormMessage state={state} />
      <Field label={t('reopenReason')} name="reason" errors={state?.errors?.reason} hint={t('reopenHint')}>
        {(p) => <textarea {...p} rows={2} maxLength={2000} defaultValue={state?.values?.reason} />}
      </Field>
      <Button type="submit" variant="secondary" disabled={pending}>{pending ? t('processing') : t('reopen')}</Button>
    </form>
  )
}
