'use client'

import { startTransition, useActionState, useEffect, useRef, type FormEvent } from 'react'
import type { ActionState } from '@/lib/safe-action'
import { useFocusFirstError } from './focus'
import { FORM_SAVED_EVENT } from './unsaved-changes-guard'

/**
 * One way for a form to run its server action and keep what the user entered.
 *
 * With `<form action={fn}>` React resets the form after every submission; text inputs come back
 * through their new `defaultValue`, but selects (and the dependent selects filled by fetch) lose
 * the choice, so a refused form made the user pick regency, district, village and type again. This
 * hook submits through `onSubmit` instead: nothing is reset when the server refuses (every field,
 * selects included, keeps its value and the errors show beside it), and the form is cleared only
 * after a success that stays on the page (e.g. "add a participant").
 */
export function useFormAction<S extends { ok?: boolean } | undefined>(
  action: (prev: S | undefined, formData: FormData) => Promise<S>,
  /** keep the fields after a success too (a preview that leaves the form to be saved next) */
  { keepAfterSuccess = false }: { keepAfterSuccess?: boolean } = {},
) {
  const [state, dispatch, pending] = useActionState<S | undefined, FormData>(action, undefined)
  const lastForm = useRef<HTMLFormElement | null>(null)
  const lastIntent = useRef<string | null>(null)
  useEffect(() => {
    if (!state?.ok) return
    if (!keepAfterSuccess) lastForm.current?.reset()
    // saved: the unsaved-changes guard (components/ui/unsaved-changes-guard.tsx) lets the page go without asking; a
    // preview (intent=preview: the claim form's first step) has saved nothing
    else if (lastIntent.current !== 'preview') lastForm.current?.dispatchEvent(new Event(FORM_SAVED_EVENT, { bubbles: true }))
  }, [state, keepAfterSuccess])
  // a refusal puts the keyboard on the first wrong field, not on <body> (the pending button was disabled)
  useFocusFirstError(lastForm, state)
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const form = event.currentTarget
    lastForm.current = form
    // the pressed button's name/value travel with the form, as with a native submission
    const submitter = (event.nativeEvent as SubmitEvent).submitter
    lastIntent.current = submitter instanceof HTMLButtonElement && submitter.name === 'intent' ? submitter.value : null
    const data = new FormData(form, submitter instanceof HTMLButtonElement || submitter instanceof HTMLInputElement ? submitter : null)
    startTransition(() => dispatch(data))
  }
  return [state, onSubmit, pending] as const
}

/** A form's state read field by field: `v(name, fallback)` is what was typed (else the record's value), `e(name)` the field's errors. */
export function useFormFields(action: (prev: ActionState | undefined, formData: FormData) => Promise<ActionState>) {
  const [state, formAction, pending] = useFormAction(action)
  const v = (name: string, fallback = '') => state?.values?.[name] ?? fallback
  const e = (name: string) => state?.errors?.[name]
  return { state, formAction, pending, v, e }
}
