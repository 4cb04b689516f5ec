import clsx from 'clsx'

/**
 * A labelled form control with its error under it, tied by aria-describedby and announced politely:
 * the error says what is wrong in the field that is wrong.
 */
export function Field({
  label, name, errors, hint, required, className, children, idPrefix,
}: {
  label: string
  name: string
  /** when several forms on one page share field names: keeps the ids (and so the labels) unique */
  idPrefix?: string
  errors?: string[]
  hint?: string
  required?: boolean
  className?: string
  children: (props: { id: string; name: string; 'aria-invalid': boolean; 'aria-describedby'?: string; required?: boolean; className: string }) => React.ReactNode
}) {
  const id = `${idPrefix ?? 'f'}-${name}`
  const errorId = `${id}-error`
  const hintId = `${id}-hint`
  const invalid = Boolean(errors?.length)
  const describedBy = [hint ? hintId : null, invalid ? errorId : null].filter(Boolean).join(' ') || undefined
  return (
    <div className={clsx('flex flex-col gap-1', className)}>
      <label htmlFor={id} className="text-sm font-medium text-slate-800">
        {label}
        {required && <span className="text-red-600" aria-hidden> *</span>}
      </label>
      {children({ id, name, 'aria-invalid': invalid, 'aria-describedby': describedBy, required, className: inputClass(invalid) })}
      {hint && <p id={hintId} className="text-xs text-slate-500">{hint}</p>}
      <p id={errorId} aria-live="polite" className="min-h-0 text-xs font-medium text-red-700">
        {errors?.join(' ')}
      </p>
    </div>
  )
}

export function inputClass(invalid = false) {
  return clsx(
    'w-full rounded-md border bg-white px-3 py-2 text-sm text-slate-900 shadow-xs placeholder:text-slate-400 focus:outline-2 focus:outline-offset-1 disabled:cursor-not-allowed disabled:bg-slate-100 disabled:text-slate-600',
    invalid ? 'border-red-500 focus:outline-red-500' : 'border-slate-300 focus:outline-brand-600',
  )
}
