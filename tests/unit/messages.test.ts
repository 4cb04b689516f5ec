import { describe, expect, it } from 'vitest'
import { MESSAGES } from '@/lib/i18n/messages'
import SERVER_EN from '@/lib/i18n/server-messages.en.json'

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

describe('the amber status has one English name', () => {
  it('calls "perlu perhatian" Watch in every English message and server message, never "needs attention"', () => {
    // a walk read "Watch" on Beranda and the credit dashboard and "needs attention" on the indicator dashboard
    const pairs: [string, string, string][] = [
      ...keys(MESSAGES.id).map((k): [string, string, string] => [k, String(at(MESSAGES.id, k)), String(at(MESSAGES.en, k))]),
      ...Object.entries(SERVER_EN as Record<string, string>).map(([id, en]): [string, string, string] => [id, id, en]),
    ].filter(([, id]) => /perlu perhatian/i.test(id))
    expect(pairs.length).toBeGreaterThan(3)
    for (const [where, , en] of pairs) {
      expect(en, where).toMatch(/\bwatch\b/i)
      expect(en, where).not.toMatch(/attention/i)
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

describe('the audit filter names each action as a label', () => {
  it('gives every action a choice that stands alone in English: no sentence cut before its object', () => {
    const { verb, verbOption } = MESSAGES.en.auditLog
    // the page's choice (app/(dashboard)/audit/page.tsx): the action's own label, else the sentence's verb
    const options = Object.keys(verb).map((a) => (verbOption as Record<string, string>)[a] ?? (verb as Record<string, string>)[a])
    expect(options.filter((o) => /\b(of|to|the|a|an|for)$/i.test(o)), 'options that end waiting for their object').toEqual([])
    expect(verbOption).toMatchObject({ PAY: 'Payment recorded', PASSWORD_RESET: 'Password reset' })
    // a label for an action the log never records would be a stale key
    expect(Object.keys(verbOption).filter((a) => !(a in verb))).toEqual([])
  })
})

describe('the audit log names every field its rows hold', () => {
  /** What a source text's audit calls write: the keys of their literal before/after objects, and the kinds of record whose whole row they pass. */
  function auditedFields(source: string): { keys: string[]; records: string[] } {
    const keys: string[] = []
    const records: string[] = []
    for (const m of source.matchAll(/\b(?:writeAudits?|auditExport)\(/g)) {
      const call = balanced(source, m.index + m[0].length - 1)
      const entity = /\bentity: '([A-Z]\w+)'/.exec(call)?.[1]
      for (const v of call.matchAll(/\b(?:before|after)(: |(?=\s*[,}]))/g)) {
        const at = v.index + v[0].length
        if (v[1] && call[at] === '{') {
          const { props, spreads } = properties(balanced(call, at))
          keys.push(...props)
          if (spreads && entity) records.push(entity)
        } else if (entity) records.push(entity) // a variable: the record's row (or a select of it)
      }
    }
    return { keys, records }
  }
  /** The text from an opening bracket to its matching close. */
  function balanced(text: string, from: number): string {
    let depth = 0
    for (let i = from; i < text.length; i++) {
      if ('({['.includes(text[i])) depth++
      else if (')}]'.includes(text[i]) && --depth === 0) return text.slice(from, i + 1)
    }
    return text.slice(from)
  }
  /** An object literal's own property names (shorthand included), and whether it spreads another object in. */
  function properties(literal: string): { props: string[]; spreads: boolean } {
    const props: string[] = []
    let spreads = false
    let depth = 0
    let start = true
    for (let i = 0; i < literal.length; i++) {
      const c = literal[i]
      if ('({['.includes(c)) { depth++; if (depth === 1) start = true; continue }
      if (')}]'.includes(c)) { depth--; continue }
      if (depth !== 1) continue
      if (c === ',') { start = true; continue }
      if (!start || /\s/.test(c)) continue
      start = false
      if (literal.startsWith('...', i)) { spreads = true; continue }
      const name = /^\w+/.exec(literal.slice(i))?.[0]
      if (name) props.push(name)
    }
    return { props, spreads }
  }
  /** The scalar fields (enums included) of each Prisma model. */
  function modelFields(schema: string): Map<string, string[]> {
    const enums = new Set([...schema.matchAll(/^enum (\w+)/gm)].map((m) => m[1]))
    const scalar = new Set(['String', 'Int', 'BigInt', 'Float', 'Decimal', 'Boolean', 'DateTime', 'Json', 'Bytes', ...enums])
    const out = new Map<string, string[]>()
    for (const m of schema.matchAll(/^model (\w+) \{([\s\S]*?)^\}/gm)) {
      const fields = m[2].split('\n').map((l) => /^\s+(\w+)\s+(\w+)/.exec(l)).filter((f) => f && scalar.has(f[2])).map((f) => f![1])
      out.set(m[1], fields)
    }
    return out
  }

  it('has a label in both languages for each field an audit call writes', async () => {
    const { readdirSync, readFileSync } = await import('node:fs')
    const { AUDIT_HIDDEN } = await import('@/lib/audit-text')
    const files = ['lib', 'app'].flatMap((dir) => readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((f) => `${dir}/${f}`))
      .filter((f) => /\.tsx?$/.test(f) && !f.startsWith('lib/generated/') && !/\.test\.tsx?$/.test(f) && f !== 'lib/audit.ts')
    const models = modelFields(readFileSync('prisma/schema.prisma', 'utf8'))
    const written = new Set<string>()
    for (const f of files) {
      const { keys, records } = auditedFields(readFileSync(f, 'utf8'))
      for (const k of keys) written.add(k)
      for (const r of records) for (const k of models.get(r) ?? []) written.add(k)
    }
    // an import's row spreads its Summary in (lib/imports/pipeline.ts): its fields are written too
    const summary = /export type Summary = \{([^}]*)\}/.exec(readFileSync('lib/imports/pipeline.ts', 'utf8'))?.[1] ?? ''
    for (const m of summary.matchAll(/(\w+):/g)) written.add(m[1])
    expect(summary).toContain('total')
    expect(written.size).toBeGreaterThan(50)
    const missing = [...written].filter((k) => !AUDIT_HIDDEN.has(k) && (!(k in MESSAGES.id.auditLog.field) || !(k in MESSAGES.en.auditLog.field)))
    expect(missing.sort(), 'audited fields without a label').toEqual([])
  })
})
