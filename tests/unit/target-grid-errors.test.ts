import { createElement, type ComponentProps } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { NextIntlClientProvider } from 'next-intl'
import { describe, expect, it, vi } from 'vitest'
import { MESSAGES } from '@/lib/i18n/messages'

// the grid as it stands after a refused save: the action's state is what the server answered
const refused = {
  ok: false,
  message: 'Periksa isian yang ditandai.',
  errors: { 't.35.07.2': ['Nilai target harus angka.'], 't.PROV.0': ['Target provinsi wajib diisi.'] },
  values: { 't.35.07.2': 'abc' },
}
vi.mock('@/lib/actions/config', () => ({ saveTargetGrid: vi.fn() }))
vi.mock('react', async (original) => ({ ...(await original<typeof import('react')>()), useActionState: () => [refused, vi.fn(), false] }))

const { TargetGridForm } = await import('@/components/config/target-grid')

function render(): string {
  const grid = createElement(TargetGridForm, {
    indicatorCode: 'KOP_AKTIF', year: 2027, version: 1, aggregation: 'SUM', decimals: 0, locale: 'id', initial: {},
    regencies: [{ code: '35.07', name: 'Kabupaten Malang' }, { code: '35.73', name: 'Kota Malang' }],
  })
  const provider: ComponentProps<typeof NextIntlClientProvider> = { locale: 'id', messages: MESSAGES.id, timeZone: 'Asia/Jakarta', children: null }
  return renderToStaticMarkup(createElement(NextIntlClientProvider, provider, grid))
}

describe('TargetGridForm: a refused cell says why where everyone can read it', () => {
  const html = render()
  it('lists each error above the grid, naming the regency and the period, linked to the cell', () => {
    expect(html).toContain('data-testid="target-cell-errors"')
    expect(html).toMatch(/<li id="target-cell-t-35-07-2-listed"><a href="#target-cell-t-35-07-2"[^>]*>Kabupaten Malang · TW II<\/a>: Nilai target harus angka\.<\/li>/)
    expect(html).toMatch(/<a href="#target-cell-t-PROV-0"[^>]*>Target provinsi · Setahun<\/a>: Target provinsi wajib diisi\./)
    // the province row comes first, as in the grid
    expect(html.indexOf('target-cell-t-PROV-0-listed')).toBeLessThan(html.indexOf('target-cell-t-35-07-2-listed'))
  })
  it('points the cell at its message (aria-describedby), and only the refused cells', () => {
    const input = (id: string) => html.match(new RegExp(`<input id="${id}"[^>]*>`))?.[0] ?? ''
    expect(input('target-cell-t-35-07-2')).toContain('aria-invalid="true"')
    expect(input('target-cell-t-35-07-2')).toContain('aria-describedby="target-cell-t-35-07-2-error"')
    expect(input('target-cell-t-35-73-2')).toContain('aria-invalid="false"')
    expect(input('target-cell-t-35-73-2')).not.toContain('aria-describedby')
  })
  it('tells the server a count\'s grid is of whole numbers, for the refusals\' example (43.950, not 85,30)', () => {
    expect(html).toContain('<input type="hidden" name="wholeNumbers" value="1"/>')
  })
  it('says why under the refused cell itself, where the red cell is seen', () => {
    expect(html).toMatch(/<input id="target-cell-t-35-07-2"[^>]*\/><p id="target-cell-t-35-07-2-error"[^>]*>Nilai target harus angka\.<\/p>/)
    expect(html).toMatch(/<input id="target-cell-t-PROV-0"[^>]*\/><p id="target-cell-t-PROV-0-error"[^>]*>Target provinsi wajib diisi\.<\/p>/)
    expect(html).not.toContain('id="target-cell-t-35-73-2-error"')
  })
})

describe('TargetGridForm: a stock\'s quarter target above its year target is warned of, not refused', () => {
  it('lists the cell with both targets, under the total check', () => {
    const grid = createElement(TargetGridForm, {
      indicatorCode: 'KSP_SEHAT', year: 2026, version: 1, aggregation: 'SUM', timeAggregation: 'STOCK', decimals: 0, locale: 'id',
      initial: { 't.35.07.0': '10', 't.35.07.4': '1.012', 't.35.73.0': '5', 't.35.73.4': '5' },
      regencies: [{ code: '35.07', name: 'Kabupaten Malang' }, { code: '35.73', name: 'Kota Malang' }],
    })
    const provider: ComponentProps<typeof NextIntlClientProvider> = { locale: 'id', messages: MESSAGES.id, timeZone: 'Asia/Jakarta', children: null }
    const html = renderToStaticMarkup(createElement(NextIntlClientProvider, provider, grid))
    expect(html).toContain('data-testid="stock-above-year"')
    expect(html).toContain('Kabupaten Malang · TW IV: 1.012, di atas target tahun 10')
    expect(html).not.toContain('Kota Malang · TW IV')
  })
})
