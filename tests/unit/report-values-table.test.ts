import { createElement, type ComponentProps } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { NextIntlClientProvider } from 'next-intl'
import { describe, expect, it } from 'vitest'
import { MESSAGES } from '@/lib/i18n/messages'
import { ReportValuesTable, type ValueRow } from '@/components/reporting/report-values-table'

/** The read-only values table of a report: an activity-fed value that differs from the activities' count. */
function render(settled: boolean, explained = false): string {
  const row: ValueRow = {
    code: 'MANAJER_KSP', name: 'Manajer KSP bersertifikat kompetensi', valueText: '30', previousText: '28', targetText: null, comment: null, reviewNote: null, findings: [],
    activity: { recorded: 25, typed: 30, unit: 'COUNT', decimals: 0, locale: 'id', settled, explained },
  }
  const labels = { indicator: 'Indikator', value: 'Nilai', previous: 'Triwulan lalu', target: 'Target', comment: 'Keterangan', reviewNote: 'Catatan' }
  const table = createElement(ReportValuesTable, { groups: [{ code: 'KELEMBAGAAN', name: 'Kelembagaan', rows: [row] }], labels })
  const provider: ComponentProps<typeof NextIntlClientProvider> = { locale: 'id', messages: MESSAGES.id, timeZone: 'Asia/Jakarta', children: null }
  return renderToStaticMarkup(createElement(NextIntlClientProvider, provider, table))
}

describe('ReportValuesTable: the activity difference', () => {
  it('flags it while the report can still change, without asking for a comment nobody can write on this screen', () => {
    const html = render(false)
    expect(html).toContain('Berbeda dari 25 yang dihitung dari kegiatan pembinaan; belum dijelaskan di komentar.')
    expect(html).not.toContain('sebaiknya jelaskan')
    expect(html).toContain('text-amber-800')
  })
  it('says it is explained, no longer amber, once the officer has commented on it', () => {
    const html = render(false, true)
    expect(html).toContain('Berbeda dari 25 yang dihitung dari kegiatan pembinaan; dijelaskan di komentar.')
    expect(html).not.toContain('periksa kembali')
    expect(html).not.toContain('text-amber-800')
  })
  it('states it as information on an approved, locked report, where nothing can be explained any more', () => {
    const html = render(true)
    expect(html).toContain('Nilai yang dilaporkan berbeda dari 25 yang dihitung dari kegiatan pembinaan.')
    expect(html).not.toContain('jelaskan di komentar')
    expect(html).not.toContain('text-amber-800')
  })
})

describe('ReportValuesTable: a rule’s warning', () => {
  const html = (resolved: boolean) => renderToStaticMarkup(createElement(ReportValuesTable, {
    groups: [{ code: 'KELEMBAGAAN', name: 'Kelembagaan', rows: [{
      code: 'KOP_AKTIF', name: 'Koperasi aktif', valueText: '900', previousText: '300', targetText: null, comment: resolved ? 'Pendataan ulang' : null, reviewNote: null,
      findings: [{ severity: 'WARNING', text: 'Berubah +200% dari triwulan lalu.', resolved }], activity: null,
    }] }],
    labels: { indicator: 'Indikator', value: 'Nilai', previous: 'Triwulan lalu', target: 'Target', comment: 'Keterangan', reviewNote: 'Catatan' },
  }))
  it('stays amber while unexplained, and reads as the entry form shows it (grey) once the officer explained it, after sending too', () => {
    expect(html(false)).toContain('text-amber-800')
    expect(html(true)).not.toContain('text-amber-800')
    expect(html(true)).toContain('Berubah +200% dari triwulan lalu.')
  })
})

describe('ReportValuesTable: on a phone, a card per value; from md up, a table that fits', () => {
  const row: ValueRow = {
    code: 'OMZET_UMK', name: 'Omzet UMK tercatat', valueText: 'Rp1.234.567.890', previousText: 'Rp369.000.000.000', targetText: 'Rp700.000.000.000 (tahun)', comment: 'Sesuai laporan', reviewNote: null, findings: [], activity: null,
  }
  const labels = { indicator: 'Indikator', value: 'Nilai', previous: 'Triwulan lalu', target: 'Target', comment: 'Keterangan', reviewNote: 'Catatan pemeriksa' }
  const html = (noteField?: (r: ValueRow) => React.ReactNode) => renderToStaticMarkup(createElement(ReportValuesTable, {
    groups: [{ code: 'KINERJA_UMK', name: 'Kinerja UMK (semesteran)', previousLabel: 'Semester lalu', rows: [row] }], labels, noteField,
  }))

  it('labels every figure where a phone shows it, hides the header row only visually, and names the previous column for the form’s period', () => {
    const out = html()
    for (const label of ['Nilai', 'Semester lalu', 'Target', 'Keterangan', 'Catatan pemeriksa']) expect(out).toContain(`md:hidden">${label}</span>`)
    expect(out).toMatch(/<thead class="sr-only [^"]*md:not-sr-only/)
    expect(out).toContain('<th scope="col" class="px-3 py-2 text-right">Semester lalu</th>')
    expect(out).not.toContain('Triwulan lalu')
  })

  it('lets a long amount wrap inside its column instead of running over the next, never inside a number that fits, with no fixed width wider than a phone', () => {
    const out = html()
    expect(out).not.toContain('whitespace-nowrap')
    expect(out).not.toContain('min-w-[52rem]')
    // break-word, not anywhere: "anywhere" let the column shrink below a number and split it (Rp369.000.000.0 / 00)
    expect(out).toContain('[overflow-wrap:break-word]')
    expect(out).not.toContain('[overflow-wrap:anywhere]')
    expect(out).toMatch(/<table class="block [^"]*md:table /)
  })

  it('puts the review’s note field in the card as given, once', () => {
    const out = html((r) => createElement('input', { name: `notes.${r.code}` }))
    expect(out.match(/name="notes.OMZET_UMK"/g)).toHaveLength(1)
  })
})
