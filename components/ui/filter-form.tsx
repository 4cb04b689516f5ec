'use client'

import clsx from 'clsx'
import { ChevronDown } from 'lucide-react'
import { useTranslations } from 'next-intl'
import { useEffect, useId, useRef, useState } from 'react'

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

/**
 * Inside a FilterForm's grid: the filters after the search, folded behind one button on a phone ("Filter lainnya · 2
 * aktif"), where five drop-downs and their labels had filled the first screen before a single row of the list; from
 * the small breakpoint up they sit in the form's grid as before (`display: contents`). `active`: how many of them
 * the page's view has set, so a folded filter still says it is narrowing the list.
 */
export function MoreFilters({ active, children }: { active: number; children: React.ReactNode }) {
  const t = useTranslations('common')
  const [open, setOpen] = useState(false)
  const id = useId()
  return (
    <>
      <button type="button" aria-expanded={open} aria-controls={id} onClick={() => setOpen(!open)}
        className="flex items-center justify-between rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium text-slate-800 sm:hidden">
        <span>{t('moreFilters')}{active > 0 && <>{' '}<span className="ml-1 font-normal text-brand-700">· {t('filtersActive', { count: active })}</span></>}</span>
        <ChevronDown aria-hidden className={clsx('size-4 transition-transform', open && 'rotate-180')} />
      </button>
      <div id={id} className={open ? 'contents' : 'hidden sm:contents'}>{children}</div>
    </>
  )
}
