'use client'

import { useEffect } from 'react'

/**
 * Printing (the page's button or the browser's Ctrl+P) opens every `<details data-print-open>` (the credit
 * ranking's table, an audit row's values) and closes again those it opened: a collapsed section would print as
 * its one-line summary, and a printed page cannot be clicked open.
 */
export function PrintOpensDetails() {
  useEffect(() => {
    // kept across prints: a browser that never fires afterprint (some phones) still has them closed after the next print
    const opened = new Set<HTMLDetailsElement>()
    const before = () => {
      document.querySelectorAll<HTMLDetailsElement>('details[data-print-open]:not([open])').forEach((d) => {
        d.open = true
        opened.add(d)
      })
    }
    const after = () => {
      opened.forEach((d) => { d.open = false })
      opened.clear()
    }
    window.addEventListener('beforeprint', before)
    window.addEventListener('afterprint', after)
    return () => {
      window.removeEventListener('beforeprint', before)
      window.removeEventListener('afterprint', after)
    }
  }, [])
  return null
}
