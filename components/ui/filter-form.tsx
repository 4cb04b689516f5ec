'use client'

import { useEffect, useRef } from 'react'

/**
 * A list's or dashboard's filters: GET, so a view is a URL that can be bookmarked and shared.
 * `autoComplete="off"` because otherwise the browser, on Back, puts back the choices made before
 * leaving the page while the page shows the figures of its URL: the controls would name another
 * view than the one on screen, and "Terapkan" would open a view nobody chose.
 *
 * The choices left at "Semua" (and an empty search) are left out of the URL: `?jenis=KSP`, not
 * `?q=&jenis=KSP&status=&kabupaten=`, which is the URL people copy and share. The form data is trimmed
 * as the browser builds it (the `formdata` event), so the submission stays the browser's own GET;
 * without JavaScript the empty parameters are sent and read as "all", as before.
 */
export function FilterForm(props: Omit<React.ComponentProps<'form'>, 'method' | 'autoComplete' | 'ref'>) {
  const ref = useRef<HTMLFormElement>(null)
  useEffect(() => {
    const form = ref.current
    if (!form) return
    const dropEmpty = (event: FormDataEvent) => {
      const kept = [...event.formData.entries()].filter(([, value]) => value !== '')
      for (const key of new Set(event.formData.keys())) event.formData.delete(key)
      for (const [key, value] of kept) event.formData.append(key, value)
    }
    form.addEventListener('formdata', dropEmpty)
    return () => form.removeEventListener('formdata', dropEmpty)
  }, [])
  return <form ref={ref} method="get" autoComplete="off" {...props} />
}

/** Inside a FilterForm: a search or a filter keeps the order the list was sorted in (the sort links' `sort`/`dir`). */
export function KeptSort({ sort, dir }: { sort?: string; dir?: string }) {
  return (
    <>
      {sort && <input type="hidden" name="sort" value={sort} />}
      {dir && <input type="hidden" name="dir" value={dir} />}
    </>
  )
}
