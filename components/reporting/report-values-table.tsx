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
  findings: { severity: 'ERROR' | 'WARNING'; text: string }[]
  /**
   * an activity-fed indicator: the value counted from the activities beside the typed one (else null);
   * `settled` on an approved report, whose difference is information, no longer something to check or explain
   */
  activity: { recorded: number; typed: number | null; unit: Unit; decimals: number; locale: 'id' | 'en'; settled: boolean } | null
}

/**
 * A report's values as read by the reviewer, leadership, or the officer once submitted: each beside
 * the previous quarter and the target, with the officer's comment, the rule findings and the
 * reviewer's note, and for an activity-fed indicator the value counted from the activities with the
 * same difference flag as the entry form. `noteField` lets the review form put an input for a per-value note in each row.
 */
export function ReportValuesTable({
  groups, labels, noteField,
}: {
  groups: { code: string; name: string; rows: ValueRow[] }[]
  labels: { indicator: string; value: string; previous: string; target: string; comment: string; reviewNote: string }
  noteField?: (row: ValueRow) => React.ReactNode
}) {
  return (
    <div className="space-y-4">
      {groups.map((g) => (
        <div key={g.code} className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          {/* fixed layout: the columns line up from one form's table to the next */}
          <table className="w-full min-w-[52rem] table-fixed divide-y divide-slate-200 text-sm">
            <colgroup>
              <col className="w-[28%]" />
              <col className="w-[15%]" />
              <col className="w-[13%]" />
              <col className="w-[16%]" />
              <col className="w-[14%]" />
              <col className="w-[14%]" />
            </colgroup>
            <caption className="border-b border-slate-200 px-4 py-3 text-left text-sm font-semibold text-slate-900">{g.name}</caption>
            <thead className="bg-slate-50 text-xs font-semibold uppercase tracking-wide text-slate-600">
              <tr>
                <th scope="col" className="px-3 py-2 text-left">{labels.indicator}</th>
                <th scope="col" className="px-3 py-2 text-right">{labels.value}</th>
                <th scope="col" className="px-3 py-2 text-right">{labels.previous}</th>
                <th scope="col" className="px-3 py-2 text-right">{labels.target}</th>
                <th scope="col" className="px-3 py-2 text-left">{labels.comment}</th>
                <th scope="col" className="px-3 py-2 text-left">{labels.reviewNote}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {g.rows.map((r) => (
                <tr key={r.code} data-indicator={r.code}>
                  <th scope="row" className="px-3 py-2 text-left font-medium text-slate-800">
                    {r.name}
                    {r.findings.map((f, i) => (
                      <span key={i} className={clsx('mt-1 flex gap-1 text-xs font-medium', f.severity === 'ERROR' ? 'text-red-700' : 'text-amber-800')}>
                        {f.severity === 'ERROR' ? <CircleAlert aria-hidden className="mt-px size-3.5 shrink-0" /> : <AlertTriangle aria-hidden className="mt-px size-3.5 shrink-0" />}
                        {f.text}
                      </span>
                    ))}
                    {/* under the name (the wide column), as the findings: the counted value and the difference flag */}
                    {r.activity && <ActivityFeedNote code={r.code} {...r.activity} />}
                  </th>
                  <td className="whitespace-nowrap px-3 py-2 text-right font-semibold tabular-nums text-slate-900">{r.valueText}</td>
                  <td className="whitespace-nowrap px-3 py-2 text-right tabular-nums text-slate-600">{r.previousText}</td>
                  <td className="whitespace-nowrap px-3 py-2 text-right tabular-nums text-slate-600">{r.targetText ?? '–'}</td>
                  <td className="px-3 py-2 break-words text-slate-700">{r.comment ?? '–'}</td>
                  <td className="px-3 py-2 break-words text-slate-700">
                    {noteField ? noteField(r) : r.reviewNote ? <span className="text-red-800">{r.reviewNote}</span> : '–'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
    </div>
  )
}
