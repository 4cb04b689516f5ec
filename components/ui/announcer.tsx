'use client'

import { useCallback, useEffect, useRef, useState } from 'react'
import { X } from 'lucide-react'
import { focusLost, focusMainHeading } from './focus'

type Notice = { id: number; text: string }
const listeners = new Set<(notice: Notice) => void>()
let lastId = 0

/**
 * Say that something was done, where the page shows it whatever the action changed: a confirmed step
 * (a meeting marked held, a document deleted) often removes the very button whose result it was, as the
 * page refreshes with the new state, so a message kept beside that button would never be seen.
 */
export function announce(text: string) {
  const notice = { id: ++lastId, text }
  listeners.forEach((listener) => listener(notice))
}

/**
 * A server action whose success is announced (its message is already in the reader's language, lib/safe-action.ts):
 * for a step whose refreshed page no longer holds the form that would have shown it (a claim approved, a report
 * returned, a confirmed button's row gone). A refusal is returned as is, for the form to show.
 */
export function announcing<S extends { ok?: boolean; message?: string; data?: Record<string, string> } | undefined>(act: (prev: S | undefined, data: FormData) => Promise<S>) {
  return async (prev: S | undefined, data: FormData): Promise<S> => {
    const result = await act(prev, data)
    // a refusal the action drew the page again with (`data.refreshed`, e.g. a claim paid meanwhile) is announced too:
    // the refreshed page may no longer hold the form that shows it
    if (result?.message && (result.ok || result.data?.refreshed)) announce(result.message)
    return result
  }
}

/**
 * The signed-in frame's one live region for announced outcomes: polite, shown for 8 s, dismissible.
 * The step announced has usually taken focus with it (its button disabled while pending, then gone in the
 * refresh): focus then goes to the page's heading, so the next Tab continues from the top of the refreshed
 * content; closing the notice puts focus there too rather than on <body>.
 */
export function Announcer({ closeLabel }: { closeLabel: string }) {
  const [notice, setNotice] = useState<Notice | null>(null)
  const box = useRef<HTMLParagraphElement>(null)
  // the close button leaves with the notice: focus inside it goes to the heading, not to <body>
  const dismiss = useCallback(() => {
    const hadFocus = Boolean(box.current?.contains(document.activeElement))
    setNotice(null)
    if (hadFocus) focusMainHeading(document)
  }, [])
  useEffect(() => {
    listeners.add(setNotice)
    return () => {
      listeners.delete(setNotice)
    }
  }, [])
  useEffect(() => {
    if (!notice) return
    const refocus = () => {
      if (focusLost(document)) focusMainHeading(document)
    }
    // once the notice is drawn, and again once the refreshed page (applied in its own transition) has replaced the old one
    const frame = requestAnimationFrame(refocus)
    const settled = setTimeout(refocus, 600)
    const timer = setTimeout(dismiss, 8000)
    return () => {
      cancelAnimationFrame(frame)
      clearTimeout(settled)
      clearTimeout(timer)
    }
  }, [notice, dismiss])
  // the live region is always in the page, so a screen reader announces what is put into it; while a notice
  // shows, a spacer as tall as it ends the page, so the last lines of content can scroll clear of it
  return (
    <>
      <div role="status" aria-live="polite" className="no-print pointer-events-none fixed inset-x-0 bottom-4 z-50 flex justify-center px-4" data-testid="announcer">
        {notice && (
          <p ref={box} key={notice.id} className="pointer-events-auto flex max-w-xl items-start gap-3 rounded-lg bg-slate-900 px-4 py-3 text-sm text-white shadow-lg">
            <span>{notice.text}</span>
            <button type="button" onClick={dismiss} aria-label={closeLabel} className="-m-1 rounded p-1 text-slate-300 hover:text-white focus:outline-none focus-visible:ring-2 focus-visible:ring-white">
              <X aria-hidden className="size-4" />
            </button>
          </p>
        )}
      </div>
      {notice && <div aria-hidden className="no-print h-24 shrink-0" data-testid="announcer-spacer" />}
    </>
  )
}
