import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { Markdown, markdownToPlainLines } from '@/components/meetings/markdown'

/**
 * The minutes read the same on screen as in the .docx/PDF (markdownToPlainLines): a single line break typed in them
 * is a line break in both. The screen had run "… November 2026." and "Baris kedua …" into one line while the
 * exports printed two.
 */
const html = (text: string) => renderToStaticMarkup(createElement(Markdown, { text }))

describe('minutes in Markdown', () => {
  it('show a single line break as a break, where the exports start a new line', () => {
    const text = 'Paparan realisasi s.d. November 2026.\nBaris kedua notulen: Jombang 82%.'
    expect(html(text)).toContain('<p>Paparan realisasi s.d. November 2026.<br/>Baris kedua notulen: Jombang 82%.</p>')
    expect(markdownToPlainLines(text)).toEqual(['Paparan realisasi s.d. November 2026.\nBaris kedua notulen: Jombang 82%.'])
  })

  it('break inside a list item and a quote the same way; a blank line still starts a paragraph', () => {
    expect(html('- satu\n  lanjutan\n- dua')).toContain('<li>satu<br/>lanjutan</li>')
    expect(html('> kutip 1\n> kutip 2')).toContain('<p>kutip 1<br/>kutip 2</p>')
    expect(html('Satu.\n\nDua.')).toContain('<p>Satu.</p><p>Dua.</p>')
    expect(markdownToPlainLines('- satu\n  lanjutan\n- dua')).toEqual(['• satu\nlanjutan', '• dua'])
  })

  it('still shows raw HTML as text', () => {
    const out = html('Baris satu <script>x()</script>\n<b>dua</b>')
    expect(out).not.toContain('<script>')
    expect(out).not.toContain('<b>')
    expect(out).toContain('&lt;script&gt;x()&lt;/script&gt;')
    expect(out).toContain('<br/>')
  })
})
