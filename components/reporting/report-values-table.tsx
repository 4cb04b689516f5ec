import clsx from 'clsx'
import { AlertTriangle, CircleAlert } from 'lucide-react'
import { ActivityFeedNote } from '@/components/activities/activity-feed-note'
import type { Unit } from '@/lib/reporting/display'

export type ValueRow = {
  code: string
  name: string
  valueText: string
  previousText: string
  targetText: string | null
  comment: string | null
  reviewNote: string | null
  /** `resolved`: a warning the officer explained in the comment, shown as the entry form shows it (grey, not amber) */
  findings: { severity: 'ERROR' | 'WARNING'; text: string; resolved: boolean }[]
  /**
   * an activity-fed indicator: the value counted from the activities beside the typed one (else null);
   * `settled` on an approved report, whose difference is information, no longer something to check or explain
   */
  activity: { recorded: number; typed: number | null; unit: Unit; decimals: number; locale: 'id' | 'en'; settled: boolean; explained: boolean } | null
}

/**
 * A report's values as read by the reviewer, leadership, or the officer once submitted: each beside
 * the previous value and the target, with the officer's comment, the rule findings and the
 * reviewer's note, and for an activity-fed indicator the value counted from the activities with the
 * same difference flag as the entry form. `noteField` lets the review form put an input for a per-value note in each row.
 *
 * From md up a table; on a phone each row is a card, as the officer's entry form is (one table in the page
 * either way, so the review's note inputs exist once): the header row is kept for screen readers only and
 * each figure carries its own visible label, so nothing scrolls sideways and every note field is named
 * where it stands. A group's `previousLabel` names its previous column for the form's period (Semester lalu).
 */
export function ReportValuesTable({
  groups, labels, noteField,
}: {
  groups: { code: string; name: string; previousLabel?: string; rows: ValueRow[] }[]
  labels: { indicator: string; value: string; previous: string; target: string; comment: string; reviewNote: string }
  noteField?: (row: ValueRow) => React.ReactNode
}) {
  // the label a phone shows before a figure; the table's header says it from md up
  const phoneLabel = (text: string) => <span className="mr-2 text-xs font-medium text-slate-500 md:hidden">{text}</span>
  const figure = 'flex items-baseline justify-between gap-2 py-0.5 text-right tabular-nums md:table-cell md:px-3 md:py-2 [overflow-wrap:break-word]'
  return (
    <div className="space-y-4">
      {groups.map((g) => {
        const previous = g.previousLabel ?? labels.previous
        return (
          <div key={g.code} className="rounded-lg border border-slate-200 bg-white md:overflow-x-auto">
            {/* fixed layout: the columns line up from one form's table to the next; the figures wrap, so the
                table fits the page from md up (no sidebar until lg) and scrolls only on a narrower window */}
            <table className="block w-full text-sm md:table md:min-w-[40rem] md:table-fixed md:divide-y md:divide-slate-200">
              <colgroup>
                {/* the three figure columns alike: at 13% a previous semester's Rp408.000.000.000 broke inside the number */}
                <col className="md:w-[24%]" />
                <col className="md:w-[16%]" />
                <col className="md:w-[16%]" />
                <col className="md:w-[16%]" />
                <col className="md:w-[14%]" />
                <col className="md:w-[14%]" />
              </colgroup>
              <caption className="block border-b border-slate-200 px-4 py-3 text-left text-sm font-semibold text-slate-900 md:table-caption">{g.name}</caption>
              <thead className="sr-only bg-slate-50 text-xs font-semibold uppercase tracking-wide text-slate-600 md:not-sr-only md:table-header-group">
                <tr>
                  <th scope="col" className="px-3 py-2 text-left">{labels.indicator}</th>
                  <th scope="col" className="px-3 py-2 text-right">{labels.value}</th>
                  <th scope="col" className="px-3 py-2 text-right">{previous}</th>
                  <th scope="col" className="px-3 py-2 text-right">{labels.target}</th>
                  <th scope="col" className="px-3 py-2 text-left">{labels.comment}</th>
                  <th scope="col" className="px-3 py-2 text-left">{labels.reviewNote}</th>
                </tr>
              </thead>
              <tbody className="block divide-y divide-slate-100 md:table-row-group">
                {g.rows.map((r) => (
                  <tr key={r.code} data-indicator={r.code} className="block px-4 py-3 md:table-row md:p-0">
                    <th scope="row" className="mb-1 block text-left font-medium text-slate-800 md:mb-0 md:table-cell md:px-3 md:py-2">
                      {r.name}
                      {r.findings.map((f, i) => (
                        <span key={i} className={clsx('mt-1 flex gap-1 text-xs font-medium', f.severity === 'ERROR' ? 'text-red-700' : f.resolved ? 'text-slate-600' : 'text-amber-800')}>
                          {f.severity === 'ERROR' ? <CircleAlert aria-hidden className="mt-px size-3.5 shrink-0" /> : <AlertTriangle aria-hidden className="mt-px size-3.5 shrink-0" />}
                          {f.text}
                        </span>
                      ))}
                      {/* under the name (the wide column), as the findings: the counted value and the difference flag */}
                      {r.activity && <ActivityFeedNote code={r.code} {...r.activity} readOnly />}
                    </th>
                    {/* a long amount with its period (Rp700.000.000.000 (tahun)) wraps inside its column, never over the next */}
                    <td className={clsx(figure, 'font-semibold text-slate-900')}>{phoneLabel(labels.value)}<span>{r.valueText}</span></td>
                    <td className={clsx(figure, 'text-slate-600')}>{phoneLabel(previous)}<span>{r.previousText}</span></td>
                    <td className={clsx(figure, 'text-slate-600')}>{phoneLabel(labels.target)}<span>{r.targetText ?? '–'}</span></td>
                    <td className="flex items-baseline justify-between gap-2 py-0.5 break-words text-slate-700 md:table-cell md:px-3 md:py-2">
                      {phoneLabel(labels.comment)}<span className="text-right md:text-left">{r.comment ?? '–'}</span>
                    </td>
                    <td className="block pt-1 break-words text-slate-700 md:table-cell md:px-3 md:py-2">
                      {noteField ? (
                        // the field brings its own label (review-panel.tsx), visible on a phone
                        noteField(r)
                      ) : (
                        <span className="flex items-baseline justify-between gap-2 md:block">
                          {phoneLabel(labels.reviewNote)}
                          {r.reviewNote ? <span className="text-red-800">{r.reviewNote}</span> : '–'}
                        </span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )
      })}
    </div>
  )
}
