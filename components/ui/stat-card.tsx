import clsx from 'clsx'

/** A headline figure with its label and a line of context (amounts, targets, "as of"). */
export function StatCard({ label, value, detail, tone = 'slate', testId }: { label: string; value: string; detail?: React.ReactNode; tone?: 'slate' | 'green' | 'amber' | 'red'; testId?: string }) {
  return (
    <div className={clsx('rounded-lg border bg-white p-4', { slate: 'border-slate-200', green: 'border-emerald-300', amber: 'border-amber-300', red: 'border-red-300' }[tone])} data-testid={testId}>
      <p className="text-sm font-medium text-slate-600">{label}</p>
      <p className="mt-1 text-2xl font-semibold tabular-nums text-slate-900" data-value>{value}</p>
      {detail && <div className="mt-1 text-xs text-slate-600">{detail}</div>}
    </div>
  )
}
