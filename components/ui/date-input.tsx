'use client'

import { useState } from 'react'
import clsx from 'clsx'
import { useTranslations } from 'next-intl'
import { inputClass } from '@/components/ui/field'
import { dateInputText, parseDateInput } from '@/lib/parse'

/**
 * A date field that reads the Indonesian way, day first (`31/10/2026`), whatever the browser's
 * language (the native date input shows mm/dd/yyyy in an English browser). The form sends the
 * hidden ISO value (`2026-10-31`); text that is no date is sent as typed, so the server names the
 * problem in the field.
 */
export function DateInput({
  name, defaultValue, className, placeholder, ...props
}: Omit<React.ComponentProps<'input'>, 'type' | 'defaultValue' | 'value' | 'onChange'> & { name: string; defaultValue?: string | null }) {
  const t = useTranslations('common')
  const [text, setText] = useState(() => dateInputText(defaultValue))
  // a new value from the server (a filter applied, a refused form refilled) replaces what is shown
  const [shownDefault, setShownDefault] = useState(defaultValue)
  if (shownDefault !== defaultValue) {
    setShownDefault(defaultValue)
    setText(dateInputText(defaultValue))
  }
  const iso = parseDateInput(text)
  return (
    <>
      <input
        {...props}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        placeholder={placeholder ?? t('datePlaceholder')}
        maxLength={10}
        value={text}
        onChange={(e) => setText(e.target.value)}
        className={clsx(className ?? inputClass(), 'tabular-nums')}
      />
      <input type="hidden" name={name} value={iso ?? text.trim()} />
    </>
  )
}
