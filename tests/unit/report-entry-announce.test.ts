import { createElement, type ComponentProps } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { NextIntlClientProvider } from 'next-intl'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { MESSAGES } from '@/lib/i18n/messages'

// the form's action as the hook receives it, to run it as a submission would
let action: ((prev: unknown, data: FormData) => Promise<unknown>) | null = null
const saveReport = vi.fn()
const announce = vi.fn()
vi.mock('@/lib/actions/reporting', () => ({ saveReport: (...args: unknown[]) => saveReport(...args) }))
vi.mock('@/components/ui/announcer', () => ({ announce: (text: string) => announce(text) }))
vi.mock('react', async (original) => ({
  ...(await original<typeof import('react')>()),
  useActionState: (fn: typeof action) => {
    action = fn
    return [undefined, vi.fn(), false]
  },
}))

const { ReportEntryForm } = await import('@/components/reporting/report-entry-form')

function render(locale: 'id' | 'en') {
  const form = createElement(ReportEntryForm, { year: 2026, quarter: 4, quarterName: 'Triwulan IV', version: 3, forms: [], rules: [], obstacles: '', followUps: '', locale, lateAfter: null })
  const provider: ComponentProps<typeof NextIntlClientProvider> = { locale, messages: MESSAGES[locale], timeZone: 'Asia/Jakarta', children: null }
  renderToStaticMarkup(createElement(NextIntlClientProvider, provider, form))
}
const data = (intent: string) => {
  const f = new FormData()
  f.set('intent', intent)
  return f
}

describe('ReportEntryForm: a report sent is announced by the frame (the form itself is replaced by the read-only view)', () => {
  beforeEach(() => {
    saveReport.mockReset()
    announce.mockReset()
  })

  it('announces the submission, in the reader’s language', async () => {
    saveReport.mockResolvedValue({ ok: true, message: 'Laporan dikirim ke Dinas Provinsi untuk diperiksa.', data: { version: '4' } })
    render('id')
    await action!(undefined, data('submit'))
    expect(announce).toHaveBeenCalledWith('Laporan dikirim ke Dinas Provinsi untuk diperiksa.')
    render('en')
    await action!(undefined, data('submit'))
    expect(announce).toHaveBeenLastCalledWith('Report submitted to the provincial agency for review.')
  })

  it('announces a draft saved (its message above the form is out of sight from the sticky bar), nothing for a refused submission', async () => {
    render('id')
    saveReport.mockResolvedValue({ ok: true, message: 'Draf disimpan.', data: { version: '4' } })
    await action!(undefined, data('save'))
    expect(announce).toHaveBeenCalledWith('Draf disimpan.')
    announce.mockClear()
    saveReport.mockResolvedValue({ ok: false, message: 'Draf disimpan, tetapi laporan belum dapat dikirim: perbaiki isian yang ditandai.', errors: {}, data: { version: '4' } })
    await action!(undefined, data('submit'))
    expect(announce).not.toHaveBeenCalled()
  })
})
