'use client'

import clsx from 'clsx'
import { inputClass } from './input-class'
import { useEffect, useRef, useState } from 'react'
import { useTranslations } from 'next-intl'

type TextControl = HTMLInputElement | HTMLTextAreaElement
const isTextControl = (el: EventTarget): el is TextControl => el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement

/**
 * The limit of a text field (its maxLength) when what is being put in would run past it, so that the browser cuts it
 * there without a word (a walk pasted a 140-character name and saved the first 120): `added` is the pasted text or
 * the typed character. Null when it fits, or the field has no limit. A full date or NIK typed to its length is no cut.
 */
function cutAt(el: EventTarget, added: string): number | null {
  if (!isTextControl(el) || el.maxLength <= 0) return null
  const kept = el.value.length - ((el.selectionEnd ?? 0) - (el.selectionStart ?? 0))
  return kept + added.length > el.maxLength ? el.maxLength : null
}

/**
 * A labelled form control with its error under it, tied by aria-describedby and announced politely:
 * the error says what is wrong in the field that is wrong. Once the user changes the field the error is set aside
 * (it had stayed, red, over a corrected value until the next submission); the next answer's errors show again.
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
  // the errors the user has since edited the field under: by identity, so each answer's errors (a new array) show
  const [edited, setEdited] = useState<string[] | undefined>()
  const t = useTranslations('common')
  // text cut at the field's limit: said under it until the text is shorter again, so that a cut is seen before saving
  const [limit, setLimit] = useState<number | null>(null)
  const shown = errors === edited ? undefined : errors
  const invalid = Boolean(shown?.length)
  const limitId = `${id}-limit`
  const describedBy = [hint ? hintId : null, invalid ? errorId : null, limit ? limitId : null].filter(Boolean).join(' ') || undefined
  // a form reset (after a save) empties the field without an input event: the note goes with the text
  const wrapper = useRef<HTMLDivElement>(null)
  useEffect(() => {
    const form = wrapper.current?.closest('form')
    if (!form) return
    const clear = () => setLimit(null)
    form.addEventListener('reset', clear)
    return () => form.removeEventListener('reset', clear)
  }, [])
  return (
    <div
      ref={wrapper}
      className={clsx('flex flex-col gap-1', className)}
      onChange={invalid ? () => setEdited(errors) : undefined}
      onPaste={(e) => setLimit(cutAt(e.target, e.clipboardData.getData('text')))}
      onKeyDown={(e) => {
        // a printable character typed into a full field (not a shortcut)
        if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) { const at = cutAt(e.target, e.key); if (at) setLimit(at) }
      }}
      onInput={(e) => { if (limit && isTextControl(e.target) && e.target.value.length < limit) setLimit(null) }}
    >
      <label htmlFor={id} className="text-sm font-medium text-slate-800">
        {label}
        {required && <span className="text-red-600" aria-hidden> *</span>}
      </label>
      {children({ id, name, 'aria-invalid': invalid, 'aria-describedby': describedBy, required, className: inputClass(invalid) })}
      {hint && <p id={hintId} className="text-xs text-slate-500">{hint}</p>}
      {/* always rendered, so that a screen reader hears the note when it appears */}
      <p id={limitId} aria-live="polite" className="min-h-0 text-xs font-medium text-amber-800" data-testid={limit ? 'field-limit' : undefined}>
        {limit ? t('fieldLimit', { max: limit }) : null}
      </p>
      <p id={errorId} aria-live="polite" className="min-h-0 text-xs font-medium text-red-700">
        {shown?.join(' ')}
      </p>
    </div>
  )
}
