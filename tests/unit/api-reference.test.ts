/**
 * The API reference page's pieces (components/api/openapi-reference.tsx): nested objects of the OpenAPI schemas
 * list their fields one level down (Claim totals and lines, the figures summary, the indicators), the document's
 * `backticks` render as code; the document itself is English with the period report's 409 and 413, and the
 * page's header and language note exist in both languages.
 */
import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { Fields, Text, type Schema } from '@/components/api/openapi-reference'
import { openApiDocument } from '@/lib/api/openapi'
import { MESSAGES } from '@/lib/i18n/messages'

const doc = JSON.parse(JSON.stringify(openApiDocument())) as { info: { description: string }; paths: Record<string, Record<string, { responses: Record<string, unknown> }>>; components: { schemas: Record<string, Schema> } }
const fields = (name: string) => renderToStaticMarkup(createElement(Fields, { schema: doc.components.schemas[name] }))

describe('the API reference', () => {
  it('lists the fields of nested objects, one level down', () => {
    const claim = fields('Claim')
    for (const f of ['approvable', 'differing', 'claimed_amount', 'reason_text', 'paid_on']) expect(claim).toContain(`<code class="font-mono">${f}</code>`)
    expect(fields('ProgrammeFigures')).toContain('<code class="font-mono">absorption_pct</code>')
    expect(fields('Indicators')).toContain('<code class="font-mono">time_aggregation</code>')
    // deeper than one level: by type only (summary.projection's own fields are not listed)
    expect(fields('ProgrammeFigures')).not.toContain('<code class="font-mono">final</code>')
  })

  it('renders `backticks` as code', () => {
    // the markup, not its classes (the colours are the design's to change)
    expect(renderToStaticMarkup(createElement(Text, null, 'Pass as `cursor` to continue.'))).toMatch(/^Pass as <code class="[^"]*font-mono[^"]*">cursor<\/code> to continue\.$/)
  })

  it('documents the period report’s 409 and 413, and is English; the page words its header in both languages', () => {
    expect(Object.keys(doc.paths['/api/v1/penyaluran/{id}/periode'].post.responses)).toEqual(expect.arrayContaining(['409', '413']))
    expect(Object.keys(doc.paths['/api/v1/snapshot/{id}/unduh'].get.responses)).toContain('304')
    expect(doc.info.description).toMatch(/^System-to-system/)
    for (const locale of ['id', 'en'] as const) {
      const t = MESSAGES[locale].apiClients
      expect(t.referenceDescription).toContain('{version}')
      expect(t.referenceLanguageNote).toBeTruthy()
    }
    expect(MESSAGES.id.apiClients.referenceLanguageNote).toBe('Referensi teknis ini dalam bahasa Inggris, seperti dokumen OpenAPI-nya; pesan kesalahan API dalam bahasa Indonesia.')
  })
})
