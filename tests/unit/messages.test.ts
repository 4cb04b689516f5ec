import { describe, expect, it } from 'vitest'
import { MESSAGES } from '@/lib/i18n/messages'

/** Every key path of a message tree: `dashboard.card.province`, … */
function keys(tree: unknown, prefix = ''): string[] {
  if (typeof tree !== 'object' || tree === null) return [prefix]
  return Object.entries(tree).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k))
}

/** The `{placeholders}` of an ICU message (the names only, plural/select arguments included). */
function placeholders(message: string): string[] {
  return [...new Set([...message.matchAll(/\{\s*([A-Za-z_]\w*)\s*[,}]/g)].map((m) => m[1]))].sort()
}

function at(tree: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((node, k) => (node as Record<string, unknown>)?.[k], tree)
}

describe('the message catalogue: Bahasa Indonesia and English complete', () => {
  const id = keys(MESSAGES.id)
  const en = keys(MESSAGES.en)

  it('has every Indonesian key in English and every English key in Indonesian', () => {
    expect(id.filter((k) => !en.includes(k)), 'missing in English').toEqual([])
    expect(en.filter((k) => !id.includes(k)), 'missing in Indonesian').toEqual([])
  })

  it('gives no message empty, and the same placeholders in both languages', () => {
    for (const k of id) {
      const [a, b] = [at(MESSAGES.id, k), at(MESSAGES.en, k)]
      expect(typeof a === 'string' && a.trim().length > 0, `id ${k}`).toBe(true)
      expect(typeof b === 'string' && b.trim().length > 0, `en ${k}`).toBe(true)
      expect(placeholders(String(b)), `placeholders of ${k}`).toEqual(placeholders(String(a)))
    }
  })
})

describe('the audit log names every kind of record it holds', () => {
  it('has a label in both languages for each entity the code audits', async () => {
    const { readdirSync, readFileSync } = await import('node:fs')
    // every `entity: 'Name'` written by the app (an audit row's kind of record), found in the sources
    const files = ['lib', 'app'].flatMap((dir) => readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((f) => `${dir}/${f}`))
      .filter((f) => /\.tsx?$/.test(f) && !f.startsWith('lib/generated/'))
    const audited = new Set(files.flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/\bentity: '([A-Z]\w+)'/g)].map((m) => m[1])))
    expect(audited.size).toBeGreaterThan(20)
    const missing = [...audited].filter((e) => !(e in MESSAGES.id.auditLog.entity) || !(e in MESSAGES.en.auditLog.entity))
    expect(missing, 'audited entities without a label').toEqual([])
  })
})
