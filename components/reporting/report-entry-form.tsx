'use client'

import { useMemo, useRef, useState } from 'react'
import { useTranslations } from 'next-intl'
import clsx from 'clsx'
import { AlertTriangle, CircleAlert } from 'lucide-react'
import { saveReport } from '@/lib/actions/reporting'
import { announce } from '@/components/ui/announcer'
import { Button } from '@/components/ui/button'
import { useFormAction } from '@/components/ui/use-form-action'
import { inputClass } from '@/components/ui/input-class'
import { FormMessage } from '@/components/ui/form-message'
import { ActivityFeedNote } from '@/components/activities/activity-feed-note'
import { formatIndicatorValue, type Unit } from '@/lib/reporting/display'
import { commentsToGive, evaluateRules, fieldsToFix, MISSING_MESSAGE, missingValues, withDerived, type Rule, type RuleIndicator } from '@/lib/reporting/rules'
import { parseDecimalInput, valueProblem } from '@/lib/validations/reporting'
import { serverText } from '@/lib/i18n/server-text'
import { focusFirstError } from '@/components/ui/focus'
import { formatDate } from '@/lib/format'
import { isPastDeadline } from '@/lib/reporting/periods'

export type EntryIndicator = RuleIndicator & {
  name: string
  unit: Unit
  /** unit · stock or flow over the period, in the user's language */
  about: string
  source: string | null
  /** the language the source is written in: Indonesian when the agency wrote no English one */
  sourceLang: 'id' | 'en'
  definition: string | null
  initial: string
  comment: string
  reviewNote: string | null
  /** the previous quarter's value, as the submission's rules compare (lib/actions/reporting.ts) */
  previous: number | null
  /** the value shown beside the field: the last period the indicator's form was due (a semester form's previous semester) */
  shownPrevious: number | null
  targetText: string | null
  /** the value counted from the pembinaan activities' beneficiaries, for an activity-fed indicator (else null) */
  recorded: number | null
}
/** `previousLabel`: the column of previous values, named for the form's period (Triwulan lalu, Semester lalu) */
export type EntryForm = { code: string; name: string; previousLabel: string; indicators: EntryIndicator[] }

/**
 * Every figure in the form is written the Indonesian way, in English mode too: the fields are read by the one
 * Indonesian parser (lib/parse.ts), and a previous value shown as `43,950` beside a field invites typing
 * `5,120`, which that parser reads as 5,12. One format in the form (and a hint in English mode) instead.
 */
const NUMBERS = 'id'

/**
 * The officer's entry form: one row per indicator with the previous quarter's value and the target
 * beside the field, and the validation rules evaluated as the officer types (the same pure module
 * the server enforces on submission), shown next to the field that breaks them. Enter saves a draft;
 * submitting asks for confirmation first.
 */
export function ReportEntryForm({
  year, quarter, quarterName, version, forms, rules, obstacles, followUps, locale, lateAfter,
}: {
  year: number
  quarter: number
  quarterName: string
  version: number
  forms: EntryForm[]
  rules: Rule[]
  obstacles: string
  followUps: string
  locale: 'id' | 'en'
  /** the deadline (YYYY-MM-DD) past which sending now makes the report late; null when its timeliness is settled
   * (sent before: the first sending counts) or not judged (a quarter before the reporting start) */
  lateAfter: string | null
}) {
  const t = useTranslations('reporting.entry')
  // not `<form action>`: React resets the form after an action, emptying the uncontrolled Hambatan and Tindak
  // lanjut boxes on a refusal. Kept after a successful draft save too: the fields are the saved draft, nothing to clear.
  // a report sent is shown read-only at once, this form (and its message) gone; a draft saved from the sticky bar
  // far down the page has its message above the form, out of sight: the frame's announcer says both where the user is
  const [state, onSubmit, pending] = useFormAction(async (prev: Awaited<ReturnType<typeof saveReport>> | undefined, data: FormData) => {
    const result = await saveReport(prev, data)
    if (result?.ok && result.message) announce(serverText(result.message, locale))
    return result
  }, { keepAfterSuccess: true })
  const indicators = useMemo(() => forms.flatMap((f) => f.indicators), [forms])
  const [texts, setTexts] = useState<Record<string, string>>(() => Object.fromEntries(indicators.map((i) => [i.code, i.initial])))
  const [comments, setComments] = useState<Record<string, string>>(() => Object.fromEntries(indicators.map((i) => [i.code, i.comment])))
  const dialog = useRef<HTMLDialogElement>(null)

  // a value the server would refuse (`1,250` in English, `85,30` for a count) is no value for the rules and the computed
  // shares: they had judged 1,25 ("-100% from the previous quarter", a share of 6.824%) beside the field's own error
  const values = useMemo(() => {
    const out: Record<string, number | null> = {}
    for (const i of indicators) {
      const n = valueProblem(texts[i.code], i.decimals) ? null : parseDecimalInput(texts[i.code])
      out[i.code] = n === null || Number.isNaN(n) ? null : n
    }
    return out
  }, [indicators, texts])
  const derived = useMemo(() => withDerived(indicators, values), [indicators, values])
  const previous = useMemo(() => Object.fromEntries(indicators.map((i) => [i.code, i.previous])), [indicators])
  const shownPrevious = useMemo(() => withDerived(indicators, Object.fromEntries(indicators.map((i) => [i.code, i.shownPrevious]))), [indicators])
  const findings = useMemo(() => evaluateRules({ indicators, rules, values, previous, comments }), [indicators, rules, values, previous, comments])

  const currentVersion = state?.data?.version ?? String(version)
  const serverErrors = state?.errors ?? {}
  // what the server would refuse, known while typing: unreadable numbers and rule errors; and warnings still without a comment
  // the same check the server runs, its message in the reader's language (lib/i18n/server-text.ts)
  // (with the indicator's decimals: `10,5` for a count is refused here as on the server)
  const typingErrors = useMemo(() => Object.fromEntries(indicators.map((i) => [i.code, serverText(valueProblem(texts[i.code], i.decimals) ?? undefined, locale)]).filter(([, p]) => p)) as Record<string, string>, [indicators, texts, locale])
  // entered values still empty, which the server refuses on submission (lib/reporting/rules.ts submissionErrors): said on
  // their fields once the officer tries to send, not while a draft is typed (an unreadable one already has its error)
  const missing = useMemo(() => new Set(missingValues(indicators, values).filter((code) => !typingErrors[code])), [indicators, values, typingErrors])
  const [submitTried, setSubmitTried] = useState(false)
  // the fields to fix before the confirmation opens, each counted once: values to correct (red), and rule warnings still
  // without a comment, counted apart so that the note says which is which (it had asked to "fix or explain" N fields
  // beside notes that say they do not stop the report, e.g. a value differing from the coaching activities)
  const toFix = fieldsToFix(indicators, findings.filter((f) => f.severity === 'ERROR'), [...Object.keys(typingErrors), ...missing])
  // the comment boxes marked are the ones the note counts: not a value's still to fix (lib/reporting/rules.ts)
  const commentsNeeded = commentsToGive(findings, toFix)
  const toExplain = commentsNeeded.size
  const blocking = toFix.size + toExplain
  const [blockedNote, setBlockedNote] = useState(false)
  // what sending now means, said in the confirmation: late (judged when it opens: a form left open over the
  // deadline), and the warnings sent with their explanations for the province to read
  const [lateOnSend, setLateOnSend] = useState(false)
  const explainedWarnings = findings.filter((f) => f.severity === 'WARNING' && f.resolved).length
  // a refusal before anything was written says so: the officer must not believe the draft is safe
  const shown = state && !state.ok && !state.data?.version ? { ...state, message: t('notSaved', { reason: state.message ?? '' }) } : state

  function openSubmit(form: HTMLFormElement | null) {
    setSubmitTried(true)
    if (blocking > 0) {
      setBlockedNote(true)
      // after React has marked the empty fields, so that focus lands on the first field to fix
      requestAnimationFrame(() => focusFirstError(form))
      return
    }
    setBlockedNote(false)
    setLateOnSend(lateAfter !== null && isPastDeadline(lateAfter, new Date()))
    dialog.current?.showModal()
  }

  return (
    <form data-unsaved-guard onSubmit={onSubmit} className="space-y-6" noValidate>
      {locale === 'en' && <p className="rounded-md border border-sky-200 bg-sky-50 px-4 py-3 text-sm text-sky-900" data-testid="number-format-hint">{t('numberFormatHint')}</p>}
      <input type="hidden" name="year" value={year} />
      <input type="hidden" name="quarter" value={quarter} />
      <input type="hidden" name="version" value={currentVersion} />
      <FormMessage state={shown} />
      {forms.map((form) => (
        <fieldset key={form.code} className="rounded-lg border border-slate-200 bg-white">
          <legend className="sr-only">{form.name}</legend>
          <h3 aria-hidden className="border-b border-slate-200 px-4 py-3 text-sm font-semibold text-slate-900">{form.name}</h3>
          <div className="hidden grid-cols-[minmax(0,2fr)_minmax(0,1.2fr)_minmax(0,1fr)_minmax(0,1fr)_minmax(0,1.6fr)] gap-3 border-b border-slate-100 bg-slate-50 px-4 py-2 text-xs font-semibold uppercase tracking-wide text-slate-600 lg:grid">
            <span>{t('indicator')}</span><span>{t('value')}</span><span>{form.previousLabel}</span><span>{t('target')}</span><span>{t('comment')}</span>
          </div>
          <ul className="divide-y divide-slate-100">
            {form.indicators.map((i) => {
              const mine = findings.filter((f) => f.indicatorCode === i.code)
              // the server's refusal of a value the form already refuses is the same check read without the indicator's
              // decimals (a count's "misalnya 43.950 atau 85,30" beside the form's whole-number one): the form's stands alone
              const serverValueErrs = typingErrors[i.code] ? [] : serverErrors[`values.${i.code}`] ?? []
              const errs = [...new Set([...(typingErrors[i.code] ? [typingErrors[i.code]] : []), ...(submitTried && missing.has(i.code) ? [MISSING_MESSAGE[locale]] : []), ...mine.filter((f) => f.severity === 'ERROR').map((f) => (locale === 'en' ? f.messageEn : f.message)), ...serverValueErrs])]
              const warns = mine.filter((f) => f.severity === 'WARNING')
              const commentErrs = serverErrors[`comments.${i.code}`]?.filter(() => warns.some((w) => !w.resolved)) ?? []
              const entered = i.aggregation !== 'RATIO'
              const id = `v-${i.code}`
              const commentInvalid = commentErrs.length > 0 || (submitTried && commentsNeeded.has(i.code))
              const describedBy = [`${id}-about`, errs.length ? `${id}-error` : null, warns.length ? `${id}-warning` : null, i.reviewNote ? `${id}-note` : null].filter(Boolean).join(' ')
              return (
                // `row-<code>`: the returned banner's link target, the label and the reviewer's note in sight under the sticky header
                <li key={i.code} id={`row-${i.code}`} data-indicator={i.code} className="scroll-mt-20 grid gap-2 px-4 py-3 lg:grid-cols-[minmax(0,2fr)_minmax(0,1.2fr)_minmax(0,1fr)_minmax(0,1fr)_minmax(0,1.6fr)] lg:items-start lg:gap-3">
                  <div className="lg:pt-2">
                    <label htmlFor={entered ? id : undefined} className="text-sm font-medium text-slate-800">{i.name}</label>
                    <p id={`${id}-about`} className="mt-0.5 text-xs text-slate-600" data-indicator-about>
                      {i.about}
                      {/* the agency's words; an Indonesian source in English mode is marked so a screen reader reads it as Indonesian */}
                      {i.source && <> · {t('about.sourceLabel')}: <span data-user-content lang={i.sourceLang}>{i.source}</span></>}
                      {i.definition && <span className="mt-0.5 block text-slate-500" data-user-content>{i.definition}</span>}
                    </p>
                    {/* outside the label: the field's name stays the indicator's name; the note is its description */}
                    {i.reviewNote && (
                      <p id={`${id}-note`} className="mt-1 rounded bg-red-50 px-2 py-1 text-xs text-red-800">
                        {t('reviewNote')}: {i.reviewNote}
                      </p>
                    )}
                  </div>
                  <div>
                    {entered ? (
                      <input
                        id={id}
                        name={`values.${i.code}`}
                        value={texts[i.code]}
                        onChange={(e) => setTexts((s) => ({ ...s, [i.code]: e.target.value }))}
                        inputMode="decimal"
                        autoComplete="off"
                        aria-invalid={errs.length > 0}
                        aria-describedby={describedBy}
                        className={clsx(inputClass(errs.length > 0), 'scroll-mb-24 text-right tabular-nums')}
                        placeholder={i.unit === 'RUPIAH' ? 'Rp' : undefined} // no '0': read as a zero already typed
                      />
                    ) : (
                      <p className="rounded-md bg-slate-50 px-3 py-2 text-right text-sm tabular-nums text-slate-800" aria-describedby={describedBy} data-computed={i.code}>
                        {formatIndicatorValue(derived[i.code], i.unit, i.decimals, NUMBERS)} <span className="text-xs text-slate-500">({t('computed')})</span>
                      </p>
                    )}
                    {errs.length > 0 && (
                      <p id={`${id}-error`} className="mt-1 flex gap-1 text-xs font-medium text-red-700" aria-live="polite">
                        <CircleAlert aria-hidden className="mt-px size-3.5 shrink-0" />
                        {errs.join(' ')}
                      </p>
                    )}
                    {i.recorded !== null && <ActivityFeedNote code={i.code} recorded={i.recorded} typed={values[i.code]} unit={i.unit} decimals={i.decimals} locale={NUMBERS} explained={!!comments[i.code]?.trim()} />}
                    {warns.length > 0 && (
                      <p id={`${id}-warning`} className={clsx('mt-1 flex gap-1 text-xs font-medium', warns.every((w) => w.resolved) ? 'text-slate-600' : 'text-amber-800')} aria-live="polite">
                        <AlertTriangle aria-hidden className="mt-px size-3.5 shrink-0" />
                        {warns.map((w) => (locale === 'en' ? w.messageEn : w.message)).join(' ')}
                      </p>
                    )}
                  </div>
                  <p className="text-xs text-slate-600 lg:pt-2.5 lg:text-sm">
                    <span className="lg:sr-only">{form.previousLabel}: </span>
                    <span className="tabular-nums">{formatIndicatorValue(i.aggregation === 'RATIO' ? shownPrevious[i.code] : i.shownPrevious, i.unit, i.decimals, NUMBERS)}</span>
                  </p>
                  <p className="text-xs text-slate-600 lg:pt-2.5 lg:text-sm">
                    <span className="lg:sr-only">{t('target')}: </span>
                    <span className="tabular-nums">{i.targetText ?? '–'}</span>
                  </p>
                  <div>
                    <input
                      name={`comments.${i.code}`}
                      value={comments[i.code]}
                      onChange={(e) => setComments((s) => ({ ...s, [i.code]: e.target.value }))}
                      aria-label={t('commentFor', { indicator: i.name })}
                      // a warning's missing comment blocks sending, not a draft: marked once the officer tries to send, so that a
                      // refused draft's focus goes to the value that refused it, not to this box
                      aria-invalid={commentInvalid}
                      aria-describedby={commentErrs.length ? `${id}-comment-error` : undefined}
                      maxLength={1000}
                      placeholder={t('comment')}
                      // marked as the "fix the fields marked in red" note says; clear of the sticky send bar when focused
                      className={clsx(inputClass(commentInvalid), 'scroll-mb-24')}
                    />
                    {commentErrs.length > 0 && <p id={`${id}-comment-error`} className="mt-1 text-xs font-medium text-red-700">{commentErrs.join(' ')}</p>}
                  </div>
                </li>
              )
            })}
          </ul>
        </fieldset>
      ))}
      <fieldset className="grid gap-4 rounded-lg border border-slate-200 bg-white p-4 md:grid-cols-2">
        <legend className="sr-only">{t('narrative')}</legend>
        <label className="flex flex-col gap-1 text-sm font-medium text-slate-800">
          {t('obstacles')}
          <textarea name="obstacles" defaultValue={obstacles} rows={4} maxLength={4000} className={inputClass(Boolean(serverErrors.obstacles))} />
        </label>
        <label className="flex flex-col gap-1 text-sm font-medium text-slate-800">
          {t('followUps')}
          <textarea name="followUps" defaultValue={followUps} rows={4} maxLength={4000} className={inputClass(Boolean(serverErrors.followUps))} />
        </label>
      </fieldset>
      <div className="sticky bottom-0 -mx-4 flex flex-wrap gap-2 border-t border-slate-200 bg-white/95 px-4 py-3 backdrop-blur sm:mx-0 sm:rounded-lg sm:border">
        {/* first submit button: Enter in a field saves a draft */}
        <Button type="submit" name="intent" value="save" variant="secondary" disabled={pending}>{pending ? t('saving') : t('save')}</Button>
        <Button type="button" disabled={pending} onClick={(e) => openSubmit(e.currentTarget.form)}>{t('submit')}</Button>
        {blockedNote && blocking > 0 && <p role="alert" className="basis-full text-sm font-medium text-red-700" data-testid="submit-blocked">{toExplain === 0 ? t('fixBeforeSubmit', { count: toFix.size }) : toFix.size === 0 ? t('explainBeforeSubmit', { count: toExplain }) : t('fixAndExplainBeforeSubmit', { fix: toFix.size, explain: toExplain })}</p>}
      </div>
      <dialog ref={dialog} aria-labelledby="submit-title" aria-describedby={['submit-body', lateOnSend ? 'submit-late' : null, explainedWarnings > 0 ? 'submit-warnings' : null].filter(Boolean).join(' ')} className="m-auto w-[min(28rem,90vw)] rounded-lg p-0 shadow-xl backdrop:bg-slate-900/40">
        <div className="space-y-3 p-5">
          <h2 id="submit-title" className="text-base font-semibold text-slate-900">{t('submitTitle', { quarter: quarterName, year })}</h2>
          <p id="submit-body" className="text-sm text-slate-700">{t('submitBody')}</p>
          {lateOnSend && lateAfter && (
            <p id="submit-late" className="flex gap-2 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900" data-testid="submit-late">
              <CircleAlert aria-hidden className="mt-0.5 size-4 shrink-0" />
              {t('submitLate', { deadline: formatDate(lateAfter, { locale }) })}
            </p>
          )}
          {explainedWarnings > 0 && (
            <p id="submit-warnings" className="flex gap-2 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="submit-warnings">
              <AlertTriangle aria-hidden className="mt-0.5 size-4 shrink-0" />
              {t('submitWarnings', { count: explainedWarnings })}
            </p>
          )}
          <div className="flex justify-end gap-2 pt-2">
            <Button type="button" variant="secondary" onClick={() => dialog.current?.close()}>{t('cancel')}</Button>
            <Button type="submit" name="intent" value="submit" onClick={() => dialog.current?.close()}>{t('submitConfirm')}</Button>
          </div>
        </div>
      </dialog>
    </form>
  )
}
