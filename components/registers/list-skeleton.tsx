/** The skeleton of a register list while its page loads (filters, then table rows). */
export function ListSkeleton({ label }: { label: string }) {
  return (
    <div aria-busy="true" aria-live="polite" className="animate-pulse">
      <span className="sr-only">{label}</span>
      <div className="mb-6 h-8 w-48 rounded bg-slate-200" />
      <div className="mb-4 h-28 rounded-lg border border-slate-200 bg-white" />
      <div className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
        {Array.from({ length: 10 }, (_, i) => (
          <div key={i} className="h-6 rounded bg-slate-100" />
        ))}
      </div>
    </div>
  )
}

/** The skeleton of a record's page (header, info cards, a section). */
export function DetailSkeleton({ label }: { label: string }) {
  return (
    <div aria-busy="true" aria-live="polite" className="animate-pulse space-y-4">
      <span className="sr-only">{label}</span>
      <div className="h-8 w-72 max-w-full rounded bg-slate-200" />
      <div className="grid gap-4 lg:grid-cols-2">
        <div className="h-48 rounded-lg border border-slate-200 bg-white" />
        <div className="h-48 rounded-lg border border-slate-200 bg-white" />
      </div>
      <div className="h-64 rounded-lg border border-slate-200 bg-white" />
    </div>
  )
}
