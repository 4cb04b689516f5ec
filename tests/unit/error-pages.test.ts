import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it, vi } from 'vitest'

vi.mock('next-intl/server', () => ({ getTranslations: async (ns: string) => (key: string) => `${ns}.${key}` }))

const { default: RootNotFound } = await import('@/app/not-found')
const { default: RootForbidden } = await import('@/app/forbidden')
const { default: DashboardNotFound } = await import('@/app/(dashboard)/not-found')
const { default: DashboardForbidden } = await import('@/app/(dashboard)/forbidden')

const count = (html: string, tag: string) => (html.match(new RegExp(`<${tag}[\\s>]`, 'g')) ?? []).length

/**
 * One main landmark per page: the dashboard's 403/404 render inside the layout's <main id="isi">, so they
 * are a labelled section; the root ones (an unknown URL, outside every layout) keep their own main.
 */
describe('403 and 404 pages', () => {
  it('inside the dashboard: a section named by its heading, no main', async () => {
    for (const page of [DashboardNotFound, DashboardForbidden]) {
      const html = renderToStaticMarkup(await page())
      expect(count(html, 'main')).toBe(0)
      expect(html).toMatch(/^<section aria-labelledby="error-page-title"/)
      expect(html).toContain('<h1 id="error-page-title"')
    }
  })

  it('at the root: one main', async () => {
    for (const page of [RootNotFound, RootForbidden]) {
      const html = renderToStaticMarkup(await page())
      expect(count(html, 'main')).toBe(1)
      expect(count(html, 'section')).toBe(0)
    }
    expect(renderToStaticMarkup(await RootNotFound())).toContain('notFound.title')
    expect(renderToStaticMarkup(await DashboardForbidden())).toContain('forbidden.title')
  })
})
