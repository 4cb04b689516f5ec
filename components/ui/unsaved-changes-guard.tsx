'use client'

import { useEffect, useRef } from 'react'
import { usePathname } from 'next/navigation'

/**
 * Mark a data-entry form with this attribute (`<form data-unsaved-guard …>`) to have its typing guarded.
 * Not for filter/search forms, sign-in or one-button forms: leaving those loses nothing worth a question.
 */
export const UNSAVED_GUARD = 'data-unsaved-guard'

/** The event a form's save dispatches on the form once the server has accepted it (components/ui/use-form-action.ts). */
export const FORM_SAVED_EVENT = 'lumbung:form-saved'

/** The form a field event belongs to, if that form is guarded (a field's `form` also covers `form="…"` fields). */
function guardedForm(target: EventTarget | null): HTMLFormElement | null {
  if (!(target instanceof Element)) return null
  const owner = 'form' in target && target.form instanceof HTMLFormElement ? target.form : target.closest('form')
  return owner?.hasAttribute(UNSAVED_GUARD) ? owner : null
}

/**
 * Why: an officer on a phone typed values into the quarterly report, tapped another tab, and the page went away
 * without a word, taking the typing with it. Nothing asked before leaving a long form. Mounted once in the
 * signed-in frame (components/shell/app-shell.tsx), this guards every form marked `data-unsaved-guard`:
 *
 * - a guarded form becomes dirty on the user's first `input`/`change` in it (values typed back to what they were
 *   keep it dirty: good enough); it is clean again once the server accepted its save (FORM_SAVED_EVENT; a preview
 *   writes nothing and sends none) or it is reset, not when sent: a save still on its way, or refused, or failed on
 *   a bad connection, has saved nothing. A save that redirects is a router navigation, which this never stops; a
 *   form no longer in the page (the user went elsewhere in the app) no longer counts;
 * - while one is dirty, leaving the page by reload, close or a typed address gets the browser's own warning
 *   (`beforeunload`), and a click on a link to another page of the app (a Next <Link> or a plain <a>; not a new
 *   tab, a download or a file from /api/ (the page stays), a modified click or a link to a place on the same page) asks first with `message`, in the
 *   user's language. The app's confirmation dialogs are buttons of their own forms, not callable from here, so
 *   the question is the browser's `confirm`: synchronous, so an accepted click simply goes on.
 *
 * The browser's back and forward buttons inside the app cannot be cancelled reliably in the App Router and are
 * not intercepted; a back or forward that leaves the app (a full navigation) gets the `beforeunload` warning.
 */
export function UnsavedChangesGuard({ message }: { message: string }) {
  const pathname = usePathname()
  const sync = useRef<() => void>(() => {})
  const text = useRef(message)
  useEffect(() => {
    text.current = message
  }, [message])

  useEffect(() => {
    const dirty = new Set<HTMLFormElement>()
    const isDirty = () => {
      for (const form of dirty) if (!form.isConnected) dirty.delete(form)
      return dirty.size > 0
    }
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (!isDirty()) return
      event.preventDefault()
      event.returnValue = '' // older browsers show their warning only with a returnValue set
    }
    // the beforeunload listener only while something is unsaved: an idle page keeps its back/forward cache
    let listening = false
    const update = () => {
      const want = isDirty()
      if (want === listening) return
      listening = want
      if (want) window.addEventListener('beforeunload', onBeforeUnload)
      else window.removeEventListener('beforeunload', onBeforeUnload)
    }
    sync.current = update

    const onEdit = (event: Event) => {
      const form = guardedForm(event.target)
      if (!form || dirty.has(form)) return
      dirty.add(form)
      update()
    }
    const onReset = (event: Event) => {
      if (!(event.target instanceof HTMLFormElement) || !dirty.delete(event.target)) return
      update()
    }
    const onClick = (event: MouseEvent) => {
      if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return
      const link = event.target instanceof Element ? event.target.closest('a[href]') : null
      if (!(link instanceof HTMLAnchorElement)) return
      if ((link.target && link.target !== '_self') || link.hasAttribute('download')) return
      const to = new URL(link.href, window.location.href)
      if (to.origin !== window.location.origin) return
      // an export or a document from /api/ downloads: the page and its typing stay
      if (to.pathname.startsWith('/api/')) return
      if (to.hash && to.pathname === window.location.pathname && to.search === window.location.search) return
      if (!isDirty()) return
      if (window.confirm(text.current)) {
        // leaving was chosen: a plain <a> (a full navigation) must not be asked again by beforeunload
        dirty.clear()
        update()
        return
      }
      // before Next's <Link> handler (on the React root, below the document) sees the click
      event.preventDefault()
      event.stopPropagation()
    }

    document.addEventListener('input', onEdit, true)
    document.addEventListener('change', onEdit, true)
    document.addEventListener('reset', onReset, true)
    document.addEventListener(FORM_SAVED_EVENT, onReset, true)
    document.addEventListener('click', onClick, true)
    return () => {
      document.removeEventListener('input', onEdit, true)
      document.removeEventListener('change', onEdit, true)
      document.removeEventListener('reset', onReset, true)
      document.removeEventListener(FORM_SAVED_EVENT, onReset, true)
      document.removeEventListener('click', onClick, true)
      window.removeEventListener('beforeunload', onBeforeUnload)
      sync.current = () => {}
    }
  }, [])

  // after an in-app navigation the form left behind is gone from the page: drop it (and the beforeunload listener)
  useEffect(() => {
    sync.current()
  }, [pathname])

  return null
}
