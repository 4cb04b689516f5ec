import { createElement, type ComponentProps } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { NextIntlClientProvider } from 'next-intl'
import { describe, expect, it } from 'vitest'
import { MESSAGES } from '@/lib/i18n/messages'
import { ReportHistory, type HistoryEntry } from '@/components/reporting/report-history'

/** A report's history: the audit verbs in words, in either language, never the stored code. */
function render(locale: 'id' | 'en', history: HistoryEntry[]): string {
  const provider: ComponentProps<typeof NextIntlClientProvider> = { locale, messages: MESSAGES[locale], timeZone: 'Asia/Jakarta', children: null }
  return renderToStaticMarkup(createElement(NextIntlClientProvider, provider, createElement(ReportHistory, { history, locale })))
}

const at = new Date('2026-10-05T03:00:00Z')
const history: HistoryEntry[] = [
  { id: '1', createdAt: at, who: 'jombang', action: 'SUBMIT', reason: null },
  { id: '2', createdAt: at, who: 'admin', action: 'RETURN', reason: 'Nilai aset belum sesuai' },
  { id: '3', createdAt: at, who: 'admin', action: 'APPROVE', reason: null },
  { id: '4', createdAt: at, who: 'admin', action: 'REOPEN', reason: 'Koreksi' },
]

describe('ReportHistory', () => {
  // the audit log's own words (lib/i18n/messages/*/auditlog.json), whatever they are
  for (const locale of ['id', 'en'] as const) {
    it(`says each step in words (${locale})`, () => {
      const html = render(locale, history)
      const { verb, entity } = MESSAGES[locale].auditLog as { verb: Record<string, string>; entity: Record<string, string> }
      for (const code of ['SUBMIT', 'RETURN', 'APPROVE', 'REOPEN']) {
        expect(html).toContain(`${verb[code]} ${entity.QuarterlyReport}`)
        expect(html).not.toMatch(new RegExp(`>[^<]*\\b${code}\\b`))
      }
      expect(html).toContain(': Nilai aset belum sesuai')
    })
  }
  it('shows nothing without history', () => {
    expect(render('id', [])).toBe('')
  })
})
