'use client'

import clsx from 'clsx'
import { useRef } from 'react'
import { useSetAsideOnConfirm } from './set-aside'

/**
 * The form-level outcome of an action, announced to screen readers. A refusal is set aside once the form's
 * confirmation opens for corrected values (ConfirmSubmit with `ready`, set-aside.ts): it is about what the form held before.
 */
export function FormMessage({ state: answer }: { state?: { ok: boolean; message?: string; values?: Record<string, string> } }) {
  const ref = useRef<HTMLDivElement>(null)
  const refusal = useSetAsideOnConfirm(answer && !answer.ok ? answer : undefined, ref)
  const state = answer && !answer.ok ? refusal : answer
  return (
    <div ref={ref} aria-live="polite" role="status">
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
