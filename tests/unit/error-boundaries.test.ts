import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it, vi } from 'vitest'
import id from '@/lib/i18n/messages/id/errors.json'
import en from '@/lib/i18n/messages/en/errors.json'

let locale = 'id'
vi.mock('next-intl', () => ({ useLocale: () => locale }))
vi.mock('next/navigation', () => ({ useRouter: () => ({ refresh: () => {} }) }))

const { default: RootError } = await import('@/app/error')
const { default: DashboardError } = await import('@/app/(dashboard)/error')
const { default: GlobalError } = await import('@/app/global-error')

const count = (html: string, tag: string) => (html.match(new RegExp(`<${tag}[\\s>]`, 'g')) ?? []).length
const error = Object.assign(new Error('boom'), { digest: '1234567' })
const reset = () => {}

/** A page that throws shows the app's own page, in the UI language, with a retry and a way home, never Next's English one. */
describe('error boundaries', () => {
  it('speak Indonesian, or English when that is the UI language', () => {
    locale = 'id'
    const html = renderToStaticMarkup(createElement(RootError, { error, reset }))
    expect(html).toContain(id.errorBoundary.title)
    expect(html).toContain(id.errorBoundary.retry)
    expect(html).toContain('href="/"')
    expect(html).toContain('1234567')
    expect(html).not.toContain('boom') // the message may hold internals; the digest is what support needs
    locale = 'en'
    expect(renderToStaticMarkup(createElement(DashboardError, { error, reset }))).toContain(en.errorBoundary.title)
  })

  it('at the root a main, inside the dashboard a section (the shell has the main)', () => {
    expect(count(renderToStaticMarkup(createElement(RootError, { error, reset })), 'main')).toBe(1)
    const inShell = renderToStaticMarkup(createElement(DashboardError, { error, reset }))
    expect(count(inShell, 'main')).toBe(0)
    expect(inShell).toMatch(/^<section aria-labelledby="error-page-title"/)
  })

  it('global-error renders its own html and body (the root layout is what failed)', () => {
    const html = renderToStaticMarkup(createElement(GlobalError, { error, reset }))
    expect(html).toMatch(/^<html lang="id">(<head><\/head>)?<body/)
    expect(html).toContain(id.errorBoundary.title)
  })

  it('has every text in both languages with the same placeholders', () => {
    expect(Object.keys(en.errorBoundary).sort()).toEqual(Object.keys(id.errorBoundary).sort())
    for (const [k, v] of Object.entries(id.errorBoundary)) expect(v.match(/\{\w+\}/g) ?? []).toEqual(en.errorBoundary[k as keyof typeof en.errorBoundary].match(/\{\w+\}/g) ?? [])
  })
})
