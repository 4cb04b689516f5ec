import { createElement, type ComponentProps } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { NextIntlClientProvider } from 'next-intl'
import { describe, expect, it } from 'vitest'
import { MESSAGES } from '@/lib/i18n/messages'
import { ConfirmAction } from '@/components/ui/confirm-action'

const action = async () => ({ ok: true as const })

function render(locale: 'id' | 'en', blocked?: string): string {
  const button = createElement(ConfirmAction, { action, fields: { id: 'k1' }, label: 'Hapus', title: 'Hapus koperasi KUD Tani?', body: 'Koperasi disembunyikan dari daftar.', confirmLabel: 'Ya, hapus', variant: 'danger', blocked })
  const provider: ComponentProps<typeof NextIntlClientProvider> = { locale, messages: MESSAGES[locale], timeZone: 'Asia/Jakarta', children: null }
  return renderToStaticMarkup(createElement(NextIntlClientProvider, provider, button))
}
const buttons = (html: string) => [...html.matchAll(/<button[^>]*>(.*?)<\/button>/g)].map((m) => m[1].replace(/<[^>]+>/g, ''))

describe('ConfirmAction: a dialog before a destructive step', () => {
  it('asks, with "Batal" and the confirm button', () => {
    expect(buttons(render('id'))).toEqual(['Hapus', 'Batal', 'Ya, hapus'])
  })

  it('when the page knows the step is blocked, says why and offers only "Tutup", in either language', () => {
    const why = 'Koperasi ini belum dapat dihapus: 2 UMKM masih tercatat sebagai anggotanya.'
    const html = render('id', why)
    expect(buttons(html)).toEqual(['Hapus', 'Tutup'])
    expect(html).toContain(why)
    // what deleting would do is not said for a delete that cannot happen
    expect(html).not.toContain('Koperasi disembunyikan dari daftar.')
    expect(buttons(render('en', 'Blocked.'))).toEqual(['Hapus', 'Close'])
  })
})
