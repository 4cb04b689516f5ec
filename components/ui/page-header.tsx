/** A page's title and one-line description, with room for actions on the right. */
export function PageHeader({ title, description, actions }: { title: string; description?: string; actions?: React.ReactNode }) {
  return (
    <div className="mb-6 flex flex-wrap items-end justify-between gap-3">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{title}</h1>
        {description && <p className="mt-1 text-sm text-slate-600">{description}</p>}
      </div>
      {/* its buttons and links are left out of print (app/globals.css); a status badge here prints */}
      {actions && <div className="flex flex-wrap gap-2" data-page-actions>{actions}</div>}
    </div>
  )
}
