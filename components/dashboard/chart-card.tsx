import { ExportLink } from './export-link'

/** A chart's frame: title, its .xlsx export, and the chart; kept whole on a printed page. */
export function ChartCard({ title, exportHref, exportLabel, children, className, testId }: { title: string; exportHref?: string; exportLabel?: string; children: React.ReactNode; className?: string; testId?: string }) {
  return (
    <section className={`min-w-0 break-inside-avoid rounded-lg border border-slate-200 bg-white p-4 ${className ?? ''}`} data-testid={testId}>
      <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
        <h2 className="text-base font-semibold">{title}</h2>
        {exportHref && exportLabel && <ExportLink href={exportHref} label={exportLabel} of={title} />}
      </div>
      {children}
    </section>
  )
}
