import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { CLIENT_NAMESPACES, pickMessages, type MessageSection } from '@/lib/i18n/client-messages'
import { MESSAGES } from '@/lib/i18n/messages'

/**
 * Each section of the app passes its client components only the message namespaces they use
 * (`lib/i18n/client-messages.ts`, `components/i18n/client-messages.tsx`). This test computes, from the
 * import graph of every file of a section (static imports, re-exports and `import('…')`), which modules
 * run on the client (a `'use client'` file and everything it imports) and which namespaces their
 * `useTranslations('…')` calls read, and fails when a section's list differs: a namespace missing from
 * it would show raw keys in the browser, one too many is shipped on every page for nothing.
 */
const ROOT = path.resolve(__dirname, '../..')
const APP = path.join(ROOT, 'app')

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f)
    if (statSync(p).isDirectory()) return filesUnder(p)
    return /\.(tsx?|jsx?)$/.test(f) && !/\.test\.tsx?$/.test(f) ? [p] : []
  })
}

function resolveImport(from: string, spec: string): string | null {
  let base: string
  if (spec.startsWith('@/')) base = path.join(ROOT, spec.slice(2))
  else if (spec.startsWith('.')) base = path.resolve(path.dirname(from), spec)
  else return null // a package: its own messages, if any, are not ours
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts'), path.join(base, 'index.tsx')]) {
    if (existsSync(candidate) && statSync(candidate).isFile() && /\.(tsx?|jsx?)$/.test(candidate)) return candidate
  }
  return null
}

const sources = new Map<string, string>()
function source(file: string): string {
  let text = sources.get(file)
  if (text === undefined) {
    text = readFileSync(file, 'utf8')
    sources.set(file, text)
  }
  return text
}

const imports = new Map<string, string[]>()
function importsOf(file: string): string[] {
  const known = imports.get(file)
  if (known) return known
  const text = source(file)
  const specs = [
    // `import … from '…'`, `export … from '…'`: only names, braces, commas and `*` between the keyword and `from`
    ...text.matchAll(/^[ \t]*(?:import|export)\s[\w$*{}\s,]*?\bfrom\s+['"]([^'"]+)['"]/gm),
    ...text.matchAll(/^\s*import\s+['"]([^'"]+)['"]/gm),
    ...text.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g),
  ].map((m) => m[1])
  const found = specs.map((s) => resolveImport(file, s)).filter((f): f is string => f !== null)
  imports.set(file, found)
  return found
}

const isClientBoundary = (file: string) => /^\s*['"]use client['"]/.test(source(file))

/** The namespaces read by `useTranslations` in a module; a call whose namespace is not a literal is an error. */
function namespacesOf(file: string): string[] {
  const text = source(file)
  const calls = [...text.matchAll(/\buseTranslations\(([^)]*)\)/g)]
  return calls.map((m) => {
    const arg = m[1].trim()
    const literal = /^['"]([\w.]+)['"]$/.exec(arg)
    if (!literal) throw new Error(`${path.relative(ROOT, file)}: useTranslations(${arg}) — give the namespace as a literal, so its section can pass it`)
    return literal[1]
  })
}

/** Every namespace the client modules reachable from these entry files read. */
function clientNamespaces(entries: string[]): string[] {
  const seen = new Set<string>()
  const found = new Set<string>()
  const walk = (file: string, client: boolean) => {
    const isClient = client || isClientBoundary(file)
    const key = `${isClient}:${file}`
    if (seen.has(key)) return
    seen.add(key)
    if (isClient) for (const ns of namespacesOf(file)) found.add(ns)
    for (const next of importsOf(file)) walk(next, isClient)
  }
  for (const entry of entries) walk(entry, false)
  return [...found].sort()
}

/** `'config'` covers `'config.banks'`: keep only the namespaces not inside another of the list. */
function minimal(namespaces: string[]): string[] {
  return namespaces.filter((ns) => !namespaces.some((other) => other !== ns && ns.startsWith(`${other}.`)))
}

/** The sections: the root (app/*.tsx and the dashboard frame), the sign-in pages, and each dashboard area. */
function sections(): Record<string, string[]> {
  const dashboard = path.join(APP, '(dashboard)')
  const result: Record<string, string[]> = {
    root: [...readdirSync(APP).filter((f) => /\.tsx?$/.test(f)).map((f) => path.join(APP, f)), path.join(dashboard, 'layout.tsx')],
    auth: filesUnder(path.join(APP, '(auth)')),
  }
  for (const dir of readdirSync(dashboard)) {
    if (statSync(path.join(dashboard, dir)).isDirectory()) result[dir] = filesUnder(path.join(dashboard, dir))
  }
  return result
}

describe('message namespaces passed to the client', () => {
  const found = sections()

  it('every section passes exactly the namespaces its client components read', () => {
    const computed = Object.fromEntries(Object.entries(found).map(([name, files]) => [name, minimal(clientNamespaces(files))]))
    const declared = Object.fromEntries(Object.entries(CLIENT_NAMESPACES).map(([name, list]) => [name, [...list].sort()]))
    expect(declared).toEqual(computed)
  })

  it('every section below the root wraps itself in its provider', () => {
    const missing = Object.keys(found)
      .filter((name) => name !== 'root')
      .filter((name) => {
        const layout = path.join(APP, name === 'auth' ? '(auth)' : path.join('(dashboard)', name), 'layout.tsx')
        return !existsSync(layout) || !source(layout).includes(`<ClientMessages section="${name}">`)
      })
    expect(missing).toEqual([])
  })

  it('every declared namespace exists in both languages, and picking keeps its whole subtree', () => {
    for (const [name, list] of Object.entries(CLIENT_NAMESPACES)) {
      for (const locale of ['id', 'en'] as const) {
        const picked = pickMessages(MESSAGES[locale], list)
        for (const ns of list) {
          const original = ns.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], MESSAGES[locale])
          const kept = ns.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], picked)
          expect(original, `${name}: ${locale} ${ns}`).toBeDefined()
          expect(kept, `${name}: ${locale} ${ns}`).toEqual(original)
        }
      }
    }
    const sectionNames: MessageSection[] = Object.keys(CLIENT_NAMESPACES) as MessageSection[]
    expect(sectionNames).toContain('root')
  })

  it('picks nested namespaces without the rest of their parent', () => {
    const picked = pickMessages({ a: { b: { x: '1' }, c: { y: '2' } }, d: { z: '3' } }, ['a.b', 'd'])
    expect(picked).toEqual({ a: { b: { x: '1' } }, d: { z: '3' } })
  })
})
