'use client'

import { useEffect, useRef, useState } from 'react'
import { createPortal } from 'react-dom'
import { Menu, X } from 'lucide-react'
import { NavLinks, type NavLinkItem } from './nav-links'

/**
 * Below the `lg` breakpoint the sidebar becomes a drawer opened from the header. The drawer is rendered into
 * `document.body`: the sticky header's `backdrop-blur` makes the header the containing block of its `fixed`
 * descendants, which had clipped the drawer to the header's 62 px, links drawn over the page without a background.
 *
 * It is a native modal <dialog>: `showModal()` puts focus inside it, makes the page behind it inert (Tab and
 * Shift+Tab stay in the menu), closes on Escape, and on closing gives focus back to the "Menu" button.
 */
export function MobileNav({ items, labels }: { items: NavLinkItem[]; labels: { open: string; close: string; title: string } }) {
  const [open, setOpen] = useState(false)
  const dialog = useRef<HTMLDialogElement>(null)
  const trigger = useRef<HTMLButtonElement>(null)
  useEffect(() => {
    const d = dialog.current
    if (open && d && !d.open) d.showModal()
  }, [open])
  // every way out (Escape, ×, the backdrop, a link) goes through close(), whose `close` event ends here
  const close = () => dialog.current?.close()
  return (
    <div className="lg:hidden">
      <button
        ref={trigger}
        type="button"
        onClick={() => setOpen(true)}
        aria-expanded={open}
        aria-haspopup="dialog"
        aria-controls="mobile-nav"
        className="inline-flex items-center gap-2 rounded-md border border-slate-300 px-3 py-2 text-sm font-medium text-slate-700"
      >
        <Menu aria-hidden className="size-4" />
        {labels.open}
      </button>
      {open && createPortal(
        // not hidden at `lg`: a tablet turned to landscape while the menu is open must still be able to close it
        <dialog
          ref={dialog}
          aria-label={labels.title}
          onClose={() => {
            setOpen(false)
            // the browser returns focus to the opener too; said here so it holds wherever it does not
            trigger.current?.focus()
          }}
          // a click on the dimmed page (the ::backdrop) reaches the dialog itself; the menu fills the dialog's box
          onClick={(e) => e.target === e.currentTarget && close()}
          className="fixed inset-y-0 left-0 m-0 h-full max-h-full w-72 max-w-[85%] border-0 bg-white p-0 shadow-xl backdrop:bg-slate-900/40"
        >
          <nav id="mobile-nav" aria-label={labels.title} className="flex h-full flex-col gap-4 overflow-y-auto p-4">
            <div className="flex items-center justify-between">
              <span className="text-lg font-semibold text-brand-700">Lumbung</span>
              <button type="button" onClick={close} aria-label={labels.close} className="rounded-md p-2 text-slate-600 hover:bg-slate-100">
                <X aria-hidden className="size-5" />
              </button>
            </div>
            <NavLinks items={items} onNavigate={close} />
          </nav>
        </dialog>,
        document.body,
      )}
    </div>
  )
}
