import clsx from 'clsx'
import { Badge } from '@/components/ui/badge'
import { STATUS_TONE, type PaceStatus } from '@/lib/dashboard/status'

/**
 * A headline figure of the leadership overview: the figure (rounded for the room), the exact value
 * beside it, what it is made of, the change against the same date last year, and a status colour
 * against the target's pace. `unavailable` cards say so instead of showing a number.
 */
export function FigureCard({
  testId, label, value, exact, detail, change, status, statusLabel, note, unavailable,
}: {
  testId: string
  label: string
  value?: string
  exact?: string
  detail?: React.ReactNode
  change?: React.ReactNode
  status?: PaceStatus | null
  statusLabel?: string
  note?: React.ReactNode
  unavailable?: string
}) {
  const tone = status ? STATUS_TONE[status] : 'slate'
  return (
    <article
      data-testid={testId}
      data-status={status ?? undefined}
      className={clsx('flex flex-col rounded-lg border border-l-4 bg-white p-4 break-inside-avoid', {
        slate: 'border-slate-200 border-l-slate-300',
        green: 'border-slate-200 border-l-emerald-500',
        amber: 'border-slate-200 border-l-amber-500',
        red: 'border-slate-200 border-l-red-500',
      }[tone])}
    >
      <div className="flex items-start justify-between gap-2">
        <h3 className="text-sm font-medium text-slate-600">{label}</h3>
        {status && statusLabel && <Badge tone={tone}>{statusLabel}</Badge>}
      </div>
      {unavailable ? (
        <p className="mt-1 text-lg font-semibold text-slate-500" data-value>{unavailable}</p>
      ) : (
        <p className="mt-1 flex flex-wrap items-baseline gap-x-2">
          <span className="text-2xl font-semibold tabular-nums text-slate-900" data-value>{value}</span>
          {exact && <span className="text-xs tabular-nums text-slate-500" data-exact>{exact}</span>}
        </p>
      )}
      {detail && <div className="mt-1 text-xs text-slate-600" data-detail>{detail}</div>}
      {change && <div className="mt-2 text-xs text-slate-600" data-change>{change}</div>}
      {note && <div className="mt-2 text-xs text-slate-500">{note}</div>}
    </article>
  )
}

/** `▲ 3,20 poin` / `▼ 1.234` / `= 0`: the direction as a sign and an arrow, never colour alone. */
export function ChangeValue({ delta, text }: { delta: number; text: string }) {
  const arrow = delta > 0 ? '▲' : delta < 0 ? '▼' : '='
  return (
    <span className={clsx('font-medium tabular-nums', delta > 0 ? 'text-emerald-700' : delta < 0 ? 'text-red-700' : 'text-slate-600')}>
      {arrow} {text}
    </span>
  )
}
