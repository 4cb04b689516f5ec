import clsx from 'clsx'

/** The form-level outcome of an action, announced to screen readers. */
export function FormMessage({ state }: { state?: { ok: boolean; message?: string } }) {
  return (
    <div aria-live="polite" role="status">
      {state?.message && (
        <p
          data-form-refusal={state.ok ? undefined : ''}
          className={clsx(
            'rounded-md border px-3 py-2 text-sm',
            state.ok ? 'border-emerald-200 bg-emerald-50 text-emerald-800' : 'border-red-200 bg-red-50 text-red-800',
          )}
        >
          {state.message}
        </p>
      )}
    </div>
  )
}
