import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it, vi } from 'vitest'
import { focusFirstError, focusLost, focusMainHeading } from '@/components/ui/focus'

/**
 * Where focus goes after a refused submit or an announced success (components/ui/focus.ts). The unit project
 * has no DOM (environment: node), so the document is a small fake: elements that take focus unless disabled,
 * found by the selectors the helpers ask for.
 */
type Fake = {
  name: string
  attrs: Record<string, string>
  disabled?: boolean
  focusable?: boolean
  focus: (opts?: FocusOptions) => void
  hasAttribute: (n: string) => boolean
  setAttribute: (n: string, v: string) => void
  focusOptions?: FocusOptions
}
function fakeDocument() {
  const doc = { body: { name: 'body' } as unknown, activeElement: null as unknown, querySelector: (() => null) as (s: string) => unknown }
  doc.activeElement = doc.body
  const el = (name: string, attrs: Record<string, string> = {}, opts: { disabled?: boolean; focusable?: boolean } = {}): Fake => {
    const e: Fake = {
      name, attrs, ...opts,
      focus(o) {
        // a disabled control, or an element neither interactive nor given a tabindex, does not take focus
        if (e.disabled || (e.focusable === false && !('tabindex' in e.attrs))) return
        e.focusOptions = o
        doc.activeElement = e
      },
      hasAttribute: (n) => n in e.attrs,
      setAttribute: (n, v) => { e.attrs[n] = v },
    }
    return e
  }
  return { doc, el }
}
function fakeForm(doc: ReturnType<typeof fakeDocument>['doc'], invalid: Fake[], submit: Fake | null, refusal: { scrollIntoView: (o?: ScrollIntoViewOptions) => void } | null = null) {
  return {
    ownerDocument: doc,
    querySelectorAll: (s: string) => (s === '[aria-invalid="true"]' ? invalid : []),
    querySelector: (s: string) => (s.includes('button') ? submit : s === '[data-form-refusal]' ? refusal : null),
  } as unknown as HTMLFormElement
}

describe('focusFirstError: a refused form puts the keyboard on its first wrong field', () => {
  it('focuses the first field marked aria-invalid, from <body> where the disabled button left it', () => {
    const { doc, el } = fakeDocument()
    const name = el('name', { 'aria-invalid': 'true' })
    const nik = el('nik', { 'aria-invalid': 'true' })
    expect(focusLost(doc as unknown as Document)).toBe(true)
    expect(focusFirstError(fakeForm(doc, [name, nik], el('submit')))).toBe(name)
    expect(doc.activeElement).toBe(name)
  })
  it('skips a marked element that cannot take focus', () => {
    const { doc, el } = fakeDocument()
    const group = el('fieldset', { 'aria-invalid': 'true' }, { focusable: false })
    const date = el('date', { 'aria-invalid': 'true' })
    expect(focusFirstError(fakeForm(doc, [group, date], null))).toBe(date)
  })
  it('a refusal of the whole form (no field marked) goes back to the submit button once it is enabled again', () => {
    const { doc, el } = fakeDocument()
    const submit = el('submit')
    expect(focusFirstError(fakeForm(doc, [], submit))).toBe(submit)
    expect(doc.activeElement).toBe(submit)
  })
  it('scrolls the form\'s refusal into view and focuses the button without scrolling back down to it', () => {
    const { doc, el } = fakeDocument()
    const submit = el('submit')
    const refusal = { scrollIntoView: vi.fn() }
    expect(focusFirstError(fakeForm(doc, [], submit, refusal))).toBe(submit)
    expect(refusal.scrollIntoView).toHaveBeenCalledWith({ block: 'nearest' })
    expect(submit.focusOptions).toEqual({ preventScroll: true })
    // a field marked invalid is focused (and so scrolled to) instead: the message is not scrolled to
    const again = { scrollIntoView: vi.fn() }
    focusFirstError(fakeForm(doc, [el('name', { 'aria-invalid': 'true' })], submit, again))
    expect(again.scrollIntoView).not.toHaveBeenCalled()
  })
  it('leaves focus alone when nothing is marked and the user is still in a field', () => {
    const { doc, el } = fakeDocument()
    const field = el('username')
    doc.activeElement = field
    expect(focusFirstError(fakeForm(doc, [], el('submit')))).toBeNull()
    expect(doc.activeElement).toBe(field)
  })
  it('does nothing without a form (no submission yet)', () => {
    expect(focusFirstError(null)).toBeNull()
  })
})

describe('focusMainHeading: after an announced success the keyboard continues from the page heading', () => {
  it('makes the heading of <main> focusable from script only and focuses it without scrolling', () => {
    const { doc, el } = fakeDocument()
    const h1 = el('h1', {}, { focusable: false })
    doc.querySelector = (s) => (s === 'main h1' ? h1 : null)
    expect(focusMainHeading(doc as unknown as Document)).toBe(h1)
    expect(h1.attrs.tabindex).toBe('-1')
    expect(doc.activeElement).toBe(h1)
    expect(h1.focusOptions).toEqual({ preventScroll: true })
    expect(focusLost(doc as unknown as Document)).toBe(false)
  })
  it('keeps a tabindex the heading already has, and falls back to <main> on a page without h1', () => {
    const { doc, el } = fakeDocument()
    const h1 = el('h1', { tabindex: '0' })
    doc.querySelector = (s) => (s === 'main h1' ? h1 : null)
    focusMainHeading(doc as unknown as Document)
    expect(h1.attrs.tabindex).toBe('0')
    const main = el('main', {}, { focusable: false })
    doc.querySelector = (s) => (s === 'main' ? main : null)
    expect(focusMainHeading(doc as unknown as Document)).toBe(main)
    expect(doc.activeElement).toBe(main)
  })
})

describe('MobileNav: the phone menu is a native modal dialog (focus inside, page inert, Escape closes)', () => {
  it('announces its dialog on the closed button', async () => {
    vi.doMock('next/navigation', () => ({ usePathname: () => '/' }))
    const { MobileNav } = await import('@/components/shell/mobile-nav')
    const html = renderToStaticMarkup(createElement(MobileNav, { items: [], labels: { open: 'Menu', close: 'Tutup menu', title: 'Navigasi utama' } }))
    expect(html).toMatch(/<button[^>]*aria-expanded="false"[^>]*aria-haspopup="dialog"/)
  })
  it('opens with showModal() and returns focus to the Menu button on close (no hand-made role=dialog overlay)', async () => {
    const { readFileSync } = await import('node:fs')
    const source = readFileSync(new URL('../../components/shell/mobile-nav.tsx', import.meta.url), 'utf8')
    expect(source).toContain('<dialog')
    expect(source).toContain('.showModal()')
    expect(source).toMatch(/onClose=\{[\s\S]*?trigger\.current\?\.focus\(\)/)
    expect(source).not.toContain('role="dialog"')
  })
})
