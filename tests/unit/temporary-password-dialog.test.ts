import { createElement, type ComponentProps } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { NextIntlClientProvider } from 'next-intl'
import { describe, expect, it } from 'vitest'
import { MESSAGES } from '@/lib/i18n/messages'
import { TemporaryPasswordDialog } from '@/components/users/temporary-password-dialog'

function render(locale: 'id' | 'en'): string {
  const dialog = createElement(TemporaryPasswordDialog, { username: 'petugas.malang', password: 'Kx7-pQ2m-Wz9r', message: 'Kata sandi petugas.malang direset.' })
  const provider: ComponentProps<typeof NextIntlClientProvider> = { locale, messages: MESSAGES[locale], timeZone: 'Asia/Jakarta', children: null }
  return renderToStaticMarkup(createElement(NextIntlClientProvider, provider, dialog))
}

describe('TemporaryPasswordDialog: a reset password shown once, in a dialog rather than in the table row', () => {
  it('shows the password in a labelled dialog with the note and a close button', () => {
    const html = render('id')
    expect(html).toMatch(/<dialog[^>]*aria-labelledby="[^"]+"[^>]*data-testid="temporary-password-dialog"/)
    expect(html).toContain('Kata sandi sementara petugas.malang')
    expect(html).toMatch(/data-testid="temporary-password">Kx7-pQ2m-Wz9r</)
    expect(html).toContain('hanya ditampilkan sekali')
    expect(html).toContain('Sudah dicatat, tutup')
    // the row keeps only a short button to open it again
    expect(html).toContain('Lihat sandi')
  })
  it('is worded in English too', () => {
    const html = render('en')
    expect(html).toContain('Temporary password of petugas.malang')
    expect(html).toContain('Noted, close')
  })
})
