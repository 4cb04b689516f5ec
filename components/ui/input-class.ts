import clsx from 'clsx'

/** A text input's, select's or textarea's look, red when invalid: for server and client components alike (field.tsx is a client module). */
export function inputClass(invalid = false) {
  return clsx(
    'w-full rounded-md border bg-white px-3 py-2 text-sm text-slate-900 shadow-xs placeholder:text-slate-400 focus:outline-2 focus:outline-offset-1 disabled:cursor-not-allowed disabled:bg-slate-100 disabled:text-slate-600',
    invalid ? 'border-red-500 focus:outline-red-500' : 'border-slate-300 focus:outline-brand-600',
  )
}
