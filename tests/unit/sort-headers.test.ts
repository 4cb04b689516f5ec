import { createElement, type ComponentProps } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { NextIntlClientProvider } from 'next-intl'
import { describe, expect, it } from 'vitest'
import { MESSAGES } from '@/lib/i18n/messages'
import { SortLinks, SortTh } from '@/components/ui/table'

function html(element: React.ReactElement): string {
  const provider: ComponentProps<typeof NextIntlClientProvider> = { locale: 'id', messages: MESSAGES.id, timeZone: 'Asia/Jakarta', children: null }
  return renderToStaticMarkup(createElement(NextIntlClientProvider, provider, createElement('table', null, createElement('thead', null, createElement('tr', null, element)))))
}
const hrefs = (markup: string) => [...markup.matchAll(/href="([^"]+)"/g)].map((m) => m[1].replaceAll('&amp;', '&'))

describe('sortable headers: the order a click applies', () => {
  it('a name column starts A–Z and a second click reverses it', () => {
    expect(hrefs(html(createElement(SortTh, { label: 'Nama', column: 'name', pathname: '/koperasi', params: {} })))).toEqual(['/koperasi?sort=name&dir=asc'])
    expect(hrefs(html(createElement(SortTh, { label: 'Nama', column: 'name', pathname: '/koperasi', params: { sort: 'name', dir: 'asc' } })))).toEqual(['/koperasi?sort=name&dir=desc'])
  })

  it('an amount column starts largest first, then reverses; the page is reset and filters kept', () => {
    const first = html(createElement(SortTh, { label: 'Plafon', column: 'plafond', firstDir: 'desc', pathname: '/kredit/penyaluran', params: { bank: 'x', page: '3' } }))
    expect(hrefs(first)).toEqual(['/kredit/penyaluran?bank=x&sort=plafond&dir=desc'])
    expect(first).toContain('aria-sort="none"')
    const second = html(createElement(SortTh, { label: 'Plafon', column: 'plafond', firstDir: 'desc', pathname: '/kredit/penyaluran', params: { sort: 'plafond', dir: 'desc' } }))
    expect(hrefs(second)).toEqual(['/kredit/penyaluran?sort=plafond&dir=asc'])
    expect(second).toContain('aria-sort="descending"')
  })

  it("a list's default order shows its direction, on the phone's links too", () => {
    const header = html(createElement(SortTh, { label: 'Tanggal', column: 'contractDate', pathname: '/p', params: {}, defaultSort: 'contractDate', defaultDir: 'desc' }))
    expect(header).toContain('aria-sort="descending"')
    expect(hrefs(header)).toEqual(['/p?sort=contractDate&dir=asc'])
    const links = html(createElement(SortLinks, {
      pathname: '/p', params: {}, defaultSort: 'contractDate', defaultDir: 'desc', hiddenFrom: 'sm',
      columns: [{ column: 'contractDate', label: 'Tanggal', firstDir: 'desc' }, { column: 'plafond', label: 'Plafon', firstDir: 'desc' }, { column: 'name', label: 'Nama' }],
    }))
    expect(hrefs(links)).toEqual(['/p?sort=contractDate&dir=asc', '/p?sort=plafond&dir=desc', '/p?sort=name&dir=asc'])
    expect(links).toContain('(turun)')
  })
})
