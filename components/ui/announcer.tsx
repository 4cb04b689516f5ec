'use client'

import { useEffect, useState } from 'react'
import { X } from 'lucide-react'

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

/** The signed-in frame's one live region for announced outcomes: polite, shown for 8 s, dismissible. */
export function Announcer({ closeLabel }: { closeLabel: string }) {
  const [notice, setNotice] = useState<Notice | null>(null)
  useEffect(() => {
    listeners.add(setNotice)
    return () => {
      listeners.delete(setNotice)
    }
  }, [])
  useEffect(() => {
    if (!notice) return
    const timer = setTimeout(() => setNotice(null), 8000)
    return () => clearTimeout(timer)
  }, [notice])
  // the live region is always in the page, so a screen reader announces what is put into it
  return (
    <div role="status" aria-live="polite" className="no-print pointer-events-none fixed inset-x-0 bottom-4 z-50 flex justify-center px-4" data-testid="announcer">
      {notice && (
        <p key={notice.id} className="pointer-events-auto flex max-w-xl items-start gap-3 rounded-lg bg-slate-900 px-4 py-3 text-sm text-white shadow-lg">
          <span>{notice.text}</span>
          <button type="button" onClick={() => setNotice(null)} aria-label={closeLabel} className="-m-1 rounded p-1 text-slate-300 hover:text-white focus:outline-none focus-visible:ring-2 focus-visible:ring-white">
            <X aria-hidden className="size-4" />
          </button>
        </p>
      )}
    </div>
  )
}
