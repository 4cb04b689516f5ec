'use client'

import { useEffect, type RefObject } from 'react'

/**
 * Where keyboard focus goes when the page changed under it. A pending submit disables its button and a
 * confirmed step often removes it: the browser then drops focus to <body> and the next Tab starts over
 * from the top of the document (or lands on the announcer's close button).
 */

/** Focus was lost: nothing, or only the document itself, holds it. */
export function focusLost(doc: Pick<Document, 'activeElement' | 'body'>): boolean {
  return !doc.activeElement || doc.activeElement === doc.body
}

/**
 * After a refusal, focus the first field the form marks invalid (the field's error is read with it through
 * aria-describedby); a refusal of the whole form (no field marked) goes back to the submit button, where the
 * user was, if focus was lost. Returns the focused element.
 *
 * A refusal of the whole form is also scrolled into view: its message (FormMessage, `data-form-refusal`) sits at
 * the top of the form, and someone who pressed "Simpan" at the bottom of a long form had seen nothing happen
 * (a stale edit: "UMKM ini sudah diubah oleh …"). The button then takes focus without scrolling back down.
 */
export function focusFirstError(form: HTMLFormElement | null): HTMLElement | null {
  if (!form) return null
  const doc = form.ownerDocument
  for (const el of form.querySelectorAll<HTMLElement>('[aria-invalid="true"]')) {
    el.focus()
    if (doc.activeElement === el) return el
  }
  form.querySelector<HTMLElement>('[data-form-refusal]')?.scrollIntoView?.({ block: 'nearest' })
  if (!focusLost(doc)) return null
  const submit = form.querySelector<HTMLElement>('button[type="submit"]:not(:disabled), button:not([type]):not(:disabled)')
  submit?.focus({ preventScroll: true })
  return submit ?? null
}

/**
 * Focus the page's main heading (the first h1 in <main>, else <main>), made focusable from script only, so
 * a keyboard user carries on from the top of the refreshed content rather than from <body>. The page is not
 * scrolled: a mouse user who saved something far down stays where they were; the next Tab brings it into view.
 */
export function focusMainHeading(doc: Pick<Document, 'querySelector'>): HTMLElement | null {
  const target = doc.querySelector<HTMLElement>('main h1') ?? doc.querySelector<HTMLElement>('main')
  if (!target) return null
  if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1')
  target.focus({ preventScroll: true })
  return target
}

/** Once a new refused state has arrived (and been rendered, so the fields carry aria-invalid), focus its first invalid field. */
export function useFocusFirstError(formRef: RefObject<HTMLFormElement | null>, state: { ok?: boolean } | undefined) {
  useEffect(() => {
    if (state && !state.ok) focusFirstError(formRef.current)
  }, [state, formRef])
}
