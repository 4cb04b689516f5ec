'use client'

import clsx from 'clsx'
import { inputClass } from './input-class'
import { useState } from 'react'
import { useTranslations } from 'next-intl'

type TextControl = HTMLInputElement | HTMLTextAreaElement
const isTextControl = (el: EventTarget): el is TextControl => el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement

/**
 * The limit of a text field (its maxLength) when its text has reached it: a browser cuts typed and pasted text
 * there without a word (a walk pasted a 140-character name and saved the first 120). Null below the limit.
 */
function reachedLimit(el: EventTarget, pasted?: string): number | null {
  if (!isTextControl(el) || el.maxLength <= 0) return null
  const length = pasted === undefined ? el.value.length : el.value.length - ((el.selectionEnd ?? 0) - (el.selectionStart ?? 0)) + pasted.length
  return length >= el.maxLength ? el.maxLength : null
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
  // the field's text at its limit: said under it, so that a cut paste is seen before saving
  const [limit, setLimit] = useState<number | null>(null)
  const shown = errors === edited ? undefined : errors
  const invalid = Boolean(shown?.length)
  const limitId = `${id}-limit`
  const describedBy = [hint ? hintId : null, invalid ? errorId : null, limit ? limitId : null].filter(Boolean).join(' ') || undefined
  return (
    <div
      className={clsx('flex flex-col gap-1', className)}
      onChange={invalid ? () => setEdited(errors) : undefined}
      onPaste={(e) => setLimit(reachedLimit(e.target, e.clipboardData.getData('text')))}
      onInput={(e) => setLimit((shown) => reachedLimit(e.target) ?? (shown && isTextControl(e.target) && e.target.value.length >= shown ? shown : null))}
    >
      <label htmlFor={id} className="text-sm font-medium text-slate-800">
        {label}
        {required && <span className="text-red-600" aria-hidden> *</span>}
      </label>
      {children({ id, name, 'aria-invalid': invalid, 'aria-describedby': describedBy, required, className: inputClass(invalid) })}
      {hint && <p id={hintId} className="text-xs text-slate-500">{hint}</p>}
      {limit && <p id={limitId} className="text-xs font-medium text-amber-800" data-testid="field-limit">{t('fieldLimit', { max: limit })}</p>}
      <p id={errorId} aria-live="polite" className="min-h-0 text-xs font-medium text-red-700">
        {shown?.join(' ')}
      </p>
    </div>
  )
}
