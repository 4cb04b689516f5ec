'use client'

import { useEffect, useLayoutEffect, useRef, useState } from 'react'
import clsx from 'clsx'
import { useLocale, useTranslations } from 'next-intl'
import { inputClass } from '@/components/ui/input-class'
import { dateInputText, dateTimeInputText, parseDateInput, parseTimeInput, timeInputText } from '@/lib/parse'

/**
 * The field's text follows its form's reset (a form cleared after a successful save, use-form-action.ts): the
 * text lives in React state, which `form.reset()` does not touch, so without this the next entry would resend
 * the previous date. `restore` is the latest render's (the default value it shows).
 */
function useFormReset(inside: React.RefObject<HTMLInputElement | null>, restore: () => void) {
  const latest = useRef(restore)
  // React resets a `<form action>` form while committing the render that carries the action's result (its
  // refilled values), before that render's effects: an effect-updated `latest` still held the previous render's
  // and put the attempt before back into the field. Updated in the layout phase, and the reset applied after the
  // commit (a microtask), it is the newest render's.
  useLayoutEffect(() => {
    latest.current = restore
  })
  useEffect(() => {
    const form = inside.current?.form
    if (!form) return
    const onReset = () => queueMicrotask(() => latest.current())
    form.addEventListener('reset', onReset)
    return () => form.removeEventListener('reset', onReset)
  }, [inside])
}

/**
 * Room for a date written out (`18 September 2024`), which the parser reads too; `15122026`, typed on a phone's
 * digit keypad, is read as well. Either is shown as `15/12/2026` once the field is left.
 */
const DAY_MAX_LENGTH = 20

/**
 * A date field that reads the Indonesian way, day first (`31/10/2026`), whatever the browser's
 * language (the native date input shows mm/dd/yyyy in an English browser). The form sends the
 * hidden ISO value (`2026-10-31`); text that is no date is sent as typed, so the server names the
 * problem in the field.
 */
export function DateInput({
  name, defaultValue, className, placeholder, onDay, ...props
}: Omit<React.ComponentProps<'input'>, 'type' | 'defaultValue' | 'value' | 'onChange'> & { name: string; defaultValue?: string | null; /** the day typed, as it changes (null while it is not one) */ onDay?: (iso: string | null) => void }) {
  const t = useTranslations('common')
  const [text, setText] = useState(() => dateInputText(defaultValue))
  // a new value from the server (a filter applied, a refused form refilled) replaces what is shown
  const [shownDefault, setShownDefault] = useState(defaultValue)
  if (shownDefault !== defaultValue) {
    setShownDefault(defaultValue)
    setText(dateInputText(defaultValue))
  }
  const hidden = useRef<HTMLInputElement>(null)
  useFormReset(hidden, () => setText(dateInputText(defaultValue)))
  const iso = parseDateInput(text)
  return (
    <>
      <input
        {...props}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        placeholder={placeholder ?? t('datePlaceholder')}
        maxLength={DAY_MAX_LENGTH}
        value={text}
        onChange={(e) => {
          setText(e.target.value)
          onDay?.(parseDateInput(e.target.value))
        }}
        onBlur={(e) => {
          if (iso) setText(dateInputText(iso))
          props.onBlur?.(e)
        }}
        className={clsx(className ?? inputClass(), 'tabular-nums')}
      />
      <input ref={hidden} type="hidden" name={name} value={iso ?? text.trim()} />
    </>
  )
}

/**
 * A day and a clock time in Jakarta (a meeting's start and end): the day typed as in DateInput, the
 * time as `09.00` or `09:00`, 24-hour (a phone's decimal keypad gives `.` or `,`). The native `datetime-local` showed `mm/dd/yyyy, hh:mm AM` in an
 * English browser and a different picker in each; this reads the same everywhere. The form sends the
 * hidden `2024-09-18T09:00`; what is not a day and a time is sent as typed, so the server names the
 * problem in the field. The label's `id` goes to the day; the time is named by `timeLabel` ("Jam mulai (WIB)").
 */
export function DateTimeInput({
  id, name, defaultValue, className, timeLabel, ...props
}: Omit<React.ComponentProps<'input'>, 'type' | 'defaultValue' | 'value' | 'onChange' | 'name'> & { name: string; defaultValue?: string | null; timeLabel: string }) {
  const t = useTranslations('common')
  const locale = useLocale() === 'en' ? 'en' : 'id'
  const [parts, setParts] = useState(() => dateTimeInputText(defaultValue, locale))
  const [shownDefault, setShownDefault] = useState(defaultValue)
  if (shownDefault !== defaultValue) {
    setShownDefault(defaultValue)
    setParts(dateTimeInputText(defaultValue, locale))
  }
  const hidden = useRef<HTMLInputElement>(null)
  useFormReset(hidden, () => setParts(dateTimeInputText(defaultValue, locale)))
  const day = parseDateInput(parts.day)
  const time = parseTimeInput(parts.time)
  // refused: the two parts as typed, one space between (dateTimeInputText splits them there again)
  const sent = day && time ? `${day}T${time}` : `${parts.day} ${parts.time}`
  const cls = clsx(className ?? inputClass(), 'tabular-nums')
  return (
    <div className="flex gap-2">
      <div className="min-w-0 flex-1">
        <input
          {...props}
          id={id}
          type="text"
          inputMode="numeric"
          autoComplete="off"
          placeholder={t('datePlaceholder')}
          maxLength={DAY_MAX_LENGTH}
          value={parts.day}
          onChange={(e) => setParts((p) => ({ ...p, day: e.target.value }))}
          onBlur={(e) => {
            if (day) setParts((p) => ({ ...p, day: dateInputText(day) }))
            props.onBlur?.(e)
          }}
          className={cls}
        />
      </div>
      {/* `w-full` of the input class fills its box: the boxes, not the inputs, share the row */}
      <div className="w-20 shrink-0">
        <input
          {...props}
          id={id ? `${id}-time` : undefined}
          type="text"
          inputMode="decimal"
          autoComplete="off"
          aria-label={timeLabel}
          placeholder={t('timePlaceholder')}
          maxLength={5}
          value={parts.time}
          onChange={(e) => setParts((p) => ({ ...p, time: e.target.value }))}
          onBlur={(e) => {
            if (time) setParts((p) => ({ ...p, time: timeInputText(time, locale) }))
            props.onBlur?.(e)
          }}
          className={cls}
        />
      </div>
      <input ref={hidden} type="hidden" name={name} value={sent} />
    </div>
  )
}
