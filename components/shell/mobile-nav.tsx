'use client'

import { useEffect, useState } from 'react'
import { createPortal } from 'react-dom'
import { Menu, X } from 'lucide-react'
import { NavLinks, type NavLinkItem } from './nav-links'

/**
 * Below the `lg` breakpoint the sidebar becomes a drawer opened from the header. The drawer is rendered into
 * `document.body`: the sticky header's `backdrop-blur` makes the header the containing block of its `fixed`
 * descendants, which had clipped the drawer to the header's 62 px, links drawn over the page without a background.
 */
export function MobileNav({ items, labels }: { items: NavLinkItem[]; labels: { open: string; close: string; title: string } }) {
  const [open, setOpen] = useState(false)
  useEffect(() => {
    if (!open) return
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && setOpen(false)
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [open])
  return (
    <div className="lg:hidden">
      <button
        type="button"
        onClick={() => setOpen(true)}
        aria-expanded={open}
        aria-controls="mobile-nav"
        className="inline-flex items-center gap-2 rounded-md border border-slate-300 px-3 py-2 text-sm font-medium text-slate-700"
      >
        <Menu aria-hidden className="size-4" />
        {labels.open}
      </button>
      {open && createPortal(
        <div className="fixed inset-0 z-40 flex lg:hidden" role="dialog" aria-modal="true" aria-label={labels.title}>
          <button type="button" aria-label={labels.close} className="absolute inset-0 bg-slate-900/40" onClick={() => setOpen(false)} />
          <nav id="mobile-nav" aria-label={labels.title} className="relative z-50 flex h-full w-72 max-w-[85%] flex-col gap-4 overflow-y-auto bg-white p-4 shadow-xl">
            <div className="flex items-center justify-between">
              <span className="text-lg font-semibold text-brand-700">Lumbung</span>
              <button type="button" onClick={() => setOpen(false)} aria-label={labels.close} className="rounded-md p-2 text-slate-600 hover:bg-slate-100">
                <X aria-hidden className="size-5" />
              </button>
            </div>
            <NavLinks items={items} onNavigate={() => setOpen(false)} />
          </nav>
        </div>,
        document.body,
      )}
    </div>
  )
}
