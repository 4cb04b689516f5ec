import { ExportLink } from './export-link'

/**
 * A chart's frame: title, its .xlsx export (and `action`, a link beside it), and the chart; kept whole on a printed
 * page. `min-w-0`: a grid item is as wide as its content by default, and a chart's data table opened on a phone had
 * widened the whole page (Beranda's cards, which were not ChartCards). The title gives way to the buttons, which keep
 * their place: under the title on a phone, at the top right from `sm` up, whatever the title's length (a long title
 * had pushed the button under it on one card and not on the card beside it).
 */
export function ChartCard({ title, exportHref, exportLabel, action, children, className, testId }: { title: string; exportHref?: string; exportLabel?: string; action?: React.ReactNode; children: React.ReactNode; className?: string; testId?: string }) {
  const exported = exportHref && exportLabel
  return (
    <section className={`min-w-0 break-inside-avoid rounded-lg border border-slate-200 bg-white p-4 ${className ?? ''}`} data-testid={testId}>
      <div className="mb-2 flex flex-col gap-2 sm:flex-row sm:items-start sm:justify-between sm:gap-4">
        <h2 className="min-w-0 text-base font-semibold">{title}</h2>
        {(exported || action) && (
          <div className="flex shrink-0 flex-wrap items-center gap-x-3 gap-y-1" data-card-actions>
            {action}
            {exported && <ExportLink href={exportHref} label={exportLabel} of={title} className="whitespace-nowrap" />}
          </div>
        )}
      </div>
      {children}
    </section>
  )
}
