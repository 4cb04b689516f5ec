'use client'

import { useEffect } from 'react'

/**
 * Printing (the page's button or the browser's Ctrl+P) opens every `<details data-print-open>` (the credit
 * ranking's table, an audit row's values) and closes again those it opened: a collapsed section would print as
 * its one-line summary, and a printed page cannot be clicked open.
 */
export function PrintOpensDetails() {
  useEffect(() => {
    let opened: HTMLDetailsElement[] = []
    const before = () => {
      opened = [...document.querySelectorAll<HTMLDetailsElement>('details[data-print-open]:not([open])')]
      opened.forEach((d) => { d.open = true })
    }
    const after = () => {
      opened.forEach((d) => { d.open = false })
      opened = []
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
