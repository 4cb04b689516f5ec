'use client'

import { useEffect, useState, type RefObject } from 'react'

/**
 * Sent on a form by ConfirmSubmit when its `ready` check has passed and its dialog opens: what the form holds now
 * would be accepted, so the previous answer's refusals (its banner, its fields' errors) are about values since
 * corrected. They had stayed, red, behind the dialog that confirmed the corrected values.
 */
export const CONFIRMING = 'lumbung:confirming'

/**
 * `value` (an answer's errors or refusal), or undefined once the form around `ref` has opened its confirmation
 * since that answer: by identity, so the next answer (a new object) shows again.
 */
export function useSetAsideOnConfirm<T>(value: T, ref: RefObject<HTMLElement | null>): T | undefined {
  const [aside, setAside] = useState<{ value: T } | null>(null)
  useEffect(() => {
    const form = ref.current?.closest('form')
    if (!form || value === undefined) return
    const setAsideNow = () => setAside({ value })
    form.addEventListener(CONFIRMING, setAsideNow)
    return () => form.removeEventListener(CONFIRMING, setAsideNow)
  }, [value, ref])
  return aside && aside.value === value ? undefined : value
}
