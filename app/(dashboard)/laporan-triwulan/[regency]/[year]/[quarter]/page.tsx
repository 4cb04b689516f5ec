import type { Metadata } from 'next'
import { forbidden, notFound } from 'next/navigation'
import { getLocale, getTranslations } from 'next-intl/server'
import { Lock, PencilLine, Send, Undo2 } from 'lucide-react'
import { ReportEntryForm, type EntryForm } from '@/components/reporting/report-entry-form'
import { ReportHistory } from '@/components/reporting/report-history'
import { ReportValuesTable, type ValueRow } from '@/components/reporting/report-values-table'
import { ReopenForm, ReviewPanel } from '@/components/reporting/review-panel'
import { StatusBadge, TimelinessBadge } from '@/components/reporting/status-badge'
import { activityIndicatorValues } from '@/lib/data/activities'
import { getReport, type ReportDetail } from '@/lib/data/reporting'
import { formatDate, formatDateTime } from '@/lib/format'
import { can } from '@/lib/permissions'
import { formatIndicatorValue, formatInputValue } from '@/lib/reporting/display'
import { isOnTime, isPastDeadline, quarterLabel, quarterStarted } from '@/lib/reporting/periods'
import { evaluateRules, withDerived } from '@/lib/reporting/rules'
import { inRegencyScope } from '@/lib/scope'
import { requirePermission } from '@/lib/session'
import { toRuleIndicators } from '@/lib/data/reporting'
import { isRegencyCode, parseYearParam } from '@/lib/parse'

type Params = { regency: string; year: string; quarter: string }

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  const p = await params
  const lang = (await getLocale()) === 'en' ? 'en' : 'id'
  return { title: `${quarterLabel(Number(p.quarter) || 1, lang)} ${p.year} · ${(await getTranslations('nav'))('quarterly')}` }
}

/**
 * One regency's report for one quarter. The officer of that regency edits it while DRAFT or RETURNED;
 * the admin reviews it when SUBMITTED and may reopen it when APPROVED; everyone else in scope reads.
 */
export default async function ReportPage({ params }: { params: Promise<Params> }) {
  const user = await requirePermission('reports.read')
  const p = await params
  const regencyCode = decodeURIComponent(p.regency)
  const year = parseYearParam(p.year)
  const quarter = Number(p.quarter)
  if (!isRegencyCode(regencyCode) || year === null || !['1', '2', '3', '4'].includes(p.quarter)) notFound()
  if (!inRegencyScope(user, regencyCode)) forbidden()
  const [detail, t, locale, recorded] = await Promise.all([getReport({ user, regencyCode, year, quarter }), getTranslations('reporting'), getLocale(), activityIndicatorValues({ user, regencyCode, year, quarter })])
  if (!detail) notFound()
  const lang = locale === 'en' ? 'en' : 'id'
  const report = detail.report
  const status = report?.status ?? 'NOT_STARTED'
  const quarterName = quarterLabel(quarter, lang)
  // the values the province's return noted, in the form's order
  const noted = new Set(report?.values.filter((v) => v.reviewNote).map((v) => v.indicatorCode))
  const notedIndicators = detail.forms.flatMap((f) => f.indicators).filter((i) => noted.has(i.code))
  const editable = can(user.role, 'reports.write') && user.regencyCode === regencyCode && (status === 'NOT_STARTED' || status === 'DRAFT' || status === 'RETURNED') && quarterStarted(year, quarter, new Date())
  const labels = {
    indicator: t('entry.indicator'), value: t('entry.value'), previous: t('entry.previous'),
    target: t('entry.target'), comment: t('entry.comment'), reviewNote: t('entry.reviewNote'),
  }
  // a report sent again after a return still holds that return's notes (cleared by the next decision): the read-only
  // table names them as the earlier return's, so that nobody reads them as about the values now sent (the reviewer's
  // panel shows each under the field for a new note, ReviewPanel)
  const readLabels = status === 'SUBMITTED' && report?.values.some((v) => v.reviewNote) ? { ...labels, reviewNote: t('entry.reviewNoteEarlier') } : labels
  // what a value means, beside its field: unit, stock or flow over the form's period, and its source
  const about = (i: { unit: 'COUNT' | 'PERCENT' | 'RUPIAH'; timeAggregation: 'FLOW' | 'STOCK'; source: string | null }, periodType: 'QUARTERLY' | 'SEMESTER' | 'YEARLY') =>
    `${t(`entry.about.unit.${i.unit}`)} · ${t(`entry.about.${i.timeAggregation}`, { period: t(`entry.about.period.${periodType}`) })}`
  // `numbers`: the entry form writes every figure the Indonesian way, as its fields are typed (report-entry-form.tsx)
  // the previous values' column, named for the form's period: a semester form's is the previous semester (getReport)
  const previousLabel: PreviousLabel = (periodType) => (periodType === 'QUARTERLY' ? t('entry.previous') : t(`entry.previousPeriod.${periodType}`))
  const targetText = (code: string, unit: 'COUNT' | 'PERCENT' | 'RUPIAH', decimals: number, numbers: 'id' | 'en' = lang) => {
    const target = detail.targets[code]
    if (!target) return null
    return `${formatIndicatorValue(target.value, unit, decimals, numbers)} (${target.quarter ? t('entry.targetQuarter') : t('entry.targetYear')})`
  }

  return (
    <section aria-labelledby="report-title" className="space-y-5">
      <header className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h2 id="report-title" className="text-lg font-semibold text-slate-900">{t('entry.title', { quarter: quarterName, year, regency: detail.regency.name })}</h2>
          {/* parts spaced by the gap, not joined by "·": wrapped on a phone, the next line had begun with a separator */}
          <p className="mt-1 flex flex-wrap items-center gap-x-4 gap-y-1 text-sm text-slate-600" data-testid="report-status-line">
            <StatusBadge status={status} reopened={Boolean(report?.reopenReason)} />
            <span>{t('entry.deadlineInfo', { deadline: formatDate(detail.deadline, { locale: lang }) })}</span>
            {!detail.required && <TimelinessBadge timeliness="NOT_REQUIRED" />}
            {detail.required && !report?.firstSubmittedAt && isPastDeadline(detail.deadline, new Date()) && <TimelinessBadge timeliness="OVERDUE" />}
            {report?.firstSubmittedAt && (
              <span>
                {t('submittedAt')} {formatDateTime(report.firstSubmittedAt, { locale: lang })} {detail.required && <>({t(`timeliness.${isOnTime(report.firstSubmittedAt, detail.deadline) ? 'ON_TIME' : 'LATE'}`)})</>}
              </span>
            )}
            {/* timeliness is the first sending's; a report sent again after its return says when, for the officer and the reviewer */}
            {report?.firstSubmittedAt && report.submittedAt && report.submittedAt > report.firstSubmittedAt && (
              <span data-testid="report-resubmitted">{t('resubmittedAt', { date: formatDateTime(report.submittedAt, { locale: lang }) })}</span>
            )}
          </p>
        </div>
      </header>

      {status === 'RETURNED' && report?.returnReason && (
        <div role="note" className="flex gap-2 rounded-md border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-900" data-testid="return-reason">
          <Undo2 aria-hidden className="mt-0.5 size-4 shrink-0" />
          <div className="space-y-1">
            <p><span className="font-semibold">{t(report.reopenReason ? 'entry.reopened' : 'entry.returned')}:</span> {report.returnReason}</p>
            {/* which values carry the reviewer's notes, each a link to its field (a long form hid them below the fold) */}
            {notedIndicators.length > 0 && (
              <p data-testid="return-noted">
                {t('entry.returnNoted', { count: notedIndicators.length })}{' '}
                {notedIndicators.map((i, n) => (
                  <span key={i.code}>
                    {n > 0 && ', '}
                    {/* a link to the value's row where there is one: the officer's form (the read-only table has no row ids) */}
                    {editable ? <a href={`#row-${i.code}`} className="font-medium underline">{lang === 'en' ? i.nameEn : i.name}</a> : <span className="font-medium">{lang === 'en' ? i.nameEn : i.name}</span>}
                  </span>
                ))}
              </p>
            )}
          </div>
        </div>
      )}

      {/* the previous quarter not sent: why its column is empty, and that no change is judged against it */}
      {detail.previous.unsent && (editable || status === 'SUBMITTED') && (
        <p role="note" className="rounded-md border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900" data-testid="previous-unsent">
          {t('entry.previousUnsent', { quarter: `${quarterLabel(detail.previous.quarter, lang)} ${detail.previous.year}`, status: t(`status.${detail.previous.unsent}`) })}
        </p>
      )}
      {editable ? (
        <>
          <p className="text-sm text-slate-600">{t('entry.intro')}</p>
          <ReportEntryForm
            year={year}
            quarter={quarter}
            quarterName={quarterName}
            version={report?.version ?? 0}
            forms={entryForms(detail, lang, targetText, about, recorded, previousLabel)}
            rules={detail.rules}
            obstacles={report?.obstacles ?? ''}
            followUps={report?.followUps ?? ''}
            locale={lang}
            lateAfter={detail.required && !report?.firstSubmittedAt ? detail.deadline : null}
          />
        </>
      ) : !report && !quarterStarted(year, quarter, new Date()) ? (
        <>
          {/* a quarter not begun yet: what its form will ask, with the targets set for it */}
          <p className="rounded-md border border-sky-200 bg-sky-50 px-4 py-3 text-sm text-sky-900" data-testid="upcoming">{t('entry.upcoming', { quarter: quarterName, year })}</p>
          <ReportValuesTable groups={valueGroups(detail, lang, targetText, recorded, previousLabel)} labels={labels} />
        </>
      ) : !report ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-center text-sm text-slate-600">{t('entry.notStarted')}</p>
      ) : (
        <>
          {status === 'APPROVED' && (
            <p className="flex items-center gap-2 rounded-md border border-emerald-200 bg-emerald-50 px-4 py-3 text-sm text-emerald-900" data-testid="locked">
              <Lock aria-hidden className="size-4 shrink-0" />
              {t('entry.locked')}
            </p>
          )}
          {/* an unsent report read by someone other than its officer (leadership, the province): its figures are the
              officer's work in progress, which a bold table alone had made look like a sent or approved report */}
          {(status === 'DRAFT' || status === 'RETURNED') && (
            <p className="flex items-center gap-2 rounded-md border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900" data-testid="unsent-note">
              <PencilLine aria-hidden className="size-4 shrink-0" />
              {t(status === 'DRAFT' ? 'entry.draftUnsent' : 'entry.returnedUnsent')}
            </p>
          )}
          {status === 'SUBMITTED' && !can(user.role, 'reports.review') && (
            <p className="flex items-center gap-2 rounded-md border border-sky-200 bg-sky-50 px-4 py-3 text-sm text-sky-900">
              <Send aria-hidden className="size-4 shrink-0" />
              {t('entry.awaiting')}
            </p>
          )}
          {status === 'SUBMITTED' && can(user.role, 'reports.review') ? (
            <ReviewPanel id={report.id} version={report.version} groups={valueGroups(detail, lang, targetText, recorded, previousLabel)} labels={labels}>
              <Narrative obstacles={report.obstacles} followUps={report.followUps} labels={{ obstacles: t('entry.obstacles'), followUps: t('entry.followUps') }} />
            </ReviewPanel>
          ) : (
            <>
              <ReportValuesTable groups={valueGroups(detail, lang, targetText, recorded, previousLabel)} labels={readLabels} />
              <Narrative obstacles={report.obstacles} followUps={report.followUps} labels={{ obstacles: t('entry.obstacles'), followUps: t('entry.followUps') }} />
            </>
          )}
          {status === 'APPROVED' && can(user.role, 'reports.review') && <ReopenForm id={report.id} version={report.version} />}
        </>
      )}

      <ReportHistory history={detail.history} locale={lang} />
    </section>
  )
}

/** Hambatan and tindak lanjut, as the officer wrote them. */
function Narrative({ obstacles, followUps, labels }: { obstacles: string | null; followUps: string | null; labels: { obstacles: string; followUps: string } }) {
  return (
    <dl className="grid gap-4 rounded-lg border border-slate-200 bg-white p-4 text-sm md:grid-cols-2">
      <div>
        <dt className="font-medium text-slate-800">{labels.obstacles}</dt>
        <dd className="mt-1 whitespace-pre-line text-slate-700">{obstacles ?? '–'}</dd>
      </div>
      <div>
        <dt className="font-medium text-slate-800">{labels.followUps}</dt>
        <dd className="mt-1 whitespace-pre-line text-slate-700">{followUps ?? '–'}</dd>
      </div>
    </dl>
  )
}

type PreviousLabel = (periodType: 'QUARTERLY' | 'SEMESTER' | 'YEARLY') => string
type TargetText = (code: string, unit: 'COUNT' | 'PERCENT' | 'RUPIAH', decimals: number, numbers?: 'id' | 'en') => string | null

function currentValues(detail: ReportDetail) {
  const values: Record<string, number | null> = {}
  const comments: Record<string, string | null> = {}
  const notes: Record<string, string | null> = {}
  for (const v of detail.report?.values ?? []) {
    values[v.indicatorCode] = v.value === null ? null : Number(v.value)
    comments[v.indicatorCode] = v.comment
    notes[v.indicatorCode] = v.reviewNote
  }
  return { values, comments, notes }
}

/** The entry form's rows: the current values as typed text, with previous values and targets. */
type About = (i: { unit: 'COUNT' | 'PERCENT' | 'RUPIAH'; timeAggregation: 'FLOW' | 'STOCK'; source: string | null }, periodType: 'QUARTERLY' | 'SEMESTER' | 'YEARLY') => string

function entryForms(detail: ReportDetail, lang: 'id' | 'en', targetText: TargetText, about: About, recorded: Record<string, number>, previousLabel: PreviousLabel): EntryForm[] {
  const { values, comments, notes } = currentValues(detail)
  return detail.forms.map((f) => ({
    code: f.code,
    name: lang === 'en' ? f.nameEn : f.name,
    previousLabel: previousLabel(f.periodType),
    indicators: f.indicators.map((i) => ({
      code: i.code, aggregation: i.aggregation, numeratorCode: i.numeratorCode, denominatorCode: i.denominatorCode, decimals: i.decimals,
      name: lang === 'en' ? i.nameEn : i.name,
      unit: i.unit,
      about: about(i, f.periodType),
      // the agency's own words: in English where it wrote them, else the Indonesian (marked as such by the form)
      source: lang === 'en' && i.sourceEn ? i.sourceEn : i.source,
      sourceLang: lang === 'en' && i.sourceEn ? 'en' : 'id',
      definition: (lang === 'en' ? i.definitionEn : i.definition) ?? null,
      initial: formatInputValue(values[i.code], i.decimals),
      comment: comments[i.code] ?? '',
      reviewNote: notes[i.code] ?? null,
      previous: detail.previous.values[i.code] ?? null,
      shownPrevious: detail.previous.shown[i.code] ?? null,
      targetText: targetText(i.code, i.unit, i.decimals, 'id'),
      recorded: recorded[i.code] ?? null,
    })),
  }))
}

/** The read-only rows, with the rule findings the reviewer should see (warnings with the officer's comment) and the activity-counted values. */
function valueGroups(detail: ReportDetail, lang: 'id' | 'en', targetText: TargetText, recorded: Record<string, number>, previousLabel: PreviousLabel): { code: string; name: string; previousLabel: string; rows: ValueRow[] }[] {
  const { values, comments, notes } = currentValues(detail)
  const indicators = toRuleIndicators(detail.forms)
  const current = withDerived(indicators, values)
  // shown: each indicator's last due period; the rules compare with the previous quarter, as the submission does
  const previous = withDerived(indicators, detail.previous.shown)
  const findings = evaluateRules({ indicators, rules: detail.rules, values, previous: detail.previous.values, comments })
  return detail.forms.map((f) => ({
    code: f.code,
    name: lang === 'en' ? f.nameEn : f.name,
    previousLabel: previousLabel(f.periodType),
    rows: f.indicators.map((i) => ({
      code: i.code,
      name: lang === 'en' ? i.nameEn : i.name,
      valueText: formatIndicatorValue(current[i.code], i.unit, i.decimals, lang),
      previousText: formatIndicatorValue(previous[i.code], i.unit, i.decimals, lang),
      targetText: targetText(i.code, i.unit, i.decimals),
      comment: comments[i.code] ?? null,
      reviewNote: notes[i.code] ?? null,
      findings: findings.filter((x) => x.indicatorCode === i.code).map((x) => ({ severity: x.severity, text: lang === 'en' ? x.messageEn : x.message, resolved: x.resolved })),
      // counted at read time from the activities: approving or reopening never stores it into the report
      activity: recorded[i.code] === undefined ? null : { recorded: recorded[i.code], typed: values[i.code] ?? null, unit: i.unit, decimals: i.decimals, locale: lang, settled: detail.report?.status === 'APPROVED', explained: !!comments[i.code]?.trim() },
    })),
  }))
}
