import { createElement, type ComponentProps } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { NextIntlClientProvider } from 'next-intl'
import { describe, expect, it } from 'vitest'
import { MESSAGES } from '@/lib/i18n/messages'
import { ReportValuesTable, type ValueRow } from '@/components/reporting/report-values-table'

/** The read-only values table of a report: an activity-fed value that differs from the activities' count. */
function render(settled: boolean): string {
  const row: ValueRow = {
    code: 'MANAJER_KSP', name: 'Manajer KSP bersertifikat kompetensi', valueText: '30', previousText: '28', targetText: null, comment: null, reviewNote: null, findings: [],
    activity: { recorded: 25, typed: 30, unit: 'COUNT', decimals: 0, locale: 'id', settled },
  }
  const labels = { indicator: 'Indikator', value: 'Nilai', previous: 'Triwulan lalu', target: 'Target', comment: 'Keterangan', reviewNote: 'Catatan' }
  const table = createElement(ReportValuesTable, { groups: [{ code: 'KELEMBAGAAN', name: 'Kelembagaan', rows: [row] }], labels })
  const provider: ComponentProps<typeof NextIntlClientProvider> = { locale: 'id', messages: MESSAGES.id, timeZone: 'Asia/Jakarta', children: null }
  return renderToStaticMarkup(createElement(NextIntlClientProvider, provider, table))
}

describe('ReportValuesTable: the activity difference', () => {
  it('asks to check or explain it while the report can still change', () => {
    const html = render(false)
    expect(html).toContain('periksa kembali atau jelaskan di komentar')
    expect(html).toContain('text-amber-800')
  })
  it('states it as information on an approved, locked report, where nothing can be explained any more', () => {
    const html = render(true)
    expect(html).toContain('Nilai yang dilaporkan berbeda dari 25 yang dihitung dari kegiatan pembinaan.')
    expect(html).not.toContain('jelaskan di komentar')
    expect(html).not.toContain('text-amber-800')
  })
})
