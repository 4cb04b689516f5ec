'use client'

import { useEffect, useState, type RefObject } from 'react'

/**
 * Sent on a form by ConfirmSubmit when its `ready` check has passed and its dialog opens for what the form holds now.
 */
export const CONFIRMING = 'lumbung:confirming'

/**
 * `answer` (a refusal), or undefined once the form around `ref` has opened its confirmation holding other values than
 * the ones refused (`answer.values`): the refusal is then about values since corrected, and had stayed, red, behind the
 * dialog that confirmed the corrected ones. A refusal of the same values (a conflict, a rule only the server knows)
 * stays. By identity, so the next answer (a new object) shows again.
 */
export function useSetAsideOnConfirm<T extends { values?: Record<string, string> }>(answer: T | undefined, ref: RefObject<HTMLElement | null>): T | undefined {
  const [aside, setAside] = useState<{ answer: T } | null>(null)
  useEffect(() => {
    const form = ref.current?.closest('form')
    if (!form || answer === undefined) return
    const onConfirming = () => {
      const now = new FormData(form)
      const changed = Object.entries(answer.values ?? {}).some(([name, sent]) => now.has(name) && String(now.get(name)) !== sent)
      if (changed) setAside({ answer })
    }
    form.addEventListener(CONFIRMING, onConfirming)
    return () => form.removeEventListener(CONFIRMING, onConfirming)
  }, [answer, ref])
  return aside && aside.answer === answer ? undefined : answer
}
