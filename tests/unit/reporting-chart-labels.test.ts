import { describe, expect, it } from 'vitest'
import { chartQuarter } from '@/lib/reporting/periods'

/** The quarters on the realisation charts (/laporan-triwulan/realisasi, /dasbor/indikator): compact, in each language's own way. */
describe('chartQuarter', () => {
  it('is TW I–IV in Indonesian', () => expect([1, 2, 3, 4].map((q) => chartQuarter(q, 'id'))).toEqual(['TW I', 'TW II', 'TW III', 'TW IV']))
  it('is Q1–Q4 in English, never the Indonesian TW', () => expect([1, 2, 3, 4].map((q) => chartQuarter(q, 'en'))).toEqual(['Q1', 'Q2', 'Q3', 'Q4']))
})

describe("the realisation chart's data table", () => {
  const render = async (props: { yearTarget: number | null; targets: (number | null)[] }) => {
    const { createElement } = await import('react')
    const { renderToStaticMarkup } = await import('react-dom/server')
    const { NextIntlClientProvider } = await import('next-intl')
    const { MESSAGES } = await import('@/lib/i18n/messages')
    const { RealisationChart } = await import('@/components/reporting/realisation-chart')
    const chart = createElement(RealisationChart, {
      data: [1, 2, 3, 4].map((q, i) => ({ label: chartQuarter(q, 'id'), value: 70 + q, target: props.targets[i] })),
      unit: 'PERCENT' as const, decimals: 1, yearTarget: props.yearTarget, locale: 'id',
      labels: { series: 'Realisasi', target: 'Target triwulan', yearTarget: 'Target 2026' },
    })
    return renderToStaticMarkup(createElement(NextIntlClientProvider, { locale: 'id', messages: MESSAGES.id, timeZone: 'Asia/Jakarta', children: chart }))
  }
  const headings = (html: string) => [...html.matchAll(/<th scope="col"[^>]*>([^<]*)<\/th>/g)].map((m) => m[1])

  it("holds the year's target the chart draws as a line, not a column of quarter targets all '–'", async () => {
    const html = await render({ yearTarget: 84, targets: [null, null, null, null] })
    expect(headings(html)).toEqual(['', 'Realisasi', 'Target 2026'])
    expect(html.match(/tabular-nums">84,0%</g)).toHaveLength(4)
  })

  it('keeps the quarter targets when there are some, and says "–" when there is no target at all', async () => {
    expect(headings(await render({ yearTarget: 84, targets: [80, 82, 84, 86] }))).toEqual(['', 'Realisasi', 'Target triwulan', 'Target 2026'])
    expect(headings(await render({ yearTarget: null, targets: [null, null, null, null] }))).toEqual(['', 'Realisasi', 'Target triwulan'])
  })
})
