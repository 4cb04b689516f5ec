import { readFileSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'

/**
 * Every word a component shows goes through the message catalogue (lib/i18n/messages), so the English
 * interface is complete: a test over every .tsx of app/ and components/ that fails on a JSX text node
 * with words, or a text attribute people read (aria-label, title, placeholder, alt) given as a literal.
 */
const ROOT = path.resolve(__dirname, '../..')
const READ_ATTRIBUTES = new Set(['aria-label', 'title', 'placeholder', 'alt', 'aria-description'])
/** Not words of a language: the product's name, file types, units and codes, the same in both. */
const ALLOWED = new Set(['openapi', 'json', 'Lumbung', 'Rp', 'NIK', 'NIB', 'KBLI', 'KB', 'WIB', 'xlsx', 'csv', 'lt', 'gt'])

function tsxFiles(dir: string): string[] {
  const full = path.join(ROOT, dir)
  return readdirSync(full).flatMap((f) => {
    const p = path.join(dir, f)
    if (statSync(path.join(ROOT, p)).isDirectory()) return tsxFiles(p)
    return p.endsWith('.tsx') ? [p] : []
  })
}

function literals(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(path.join(ROOT, file), 'utf8'), ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX)
  const found: string[] = []
  // words of two letters or more, other than the allowed ones
  const words = (text: string) => (text.match(/\p{L}{2,}/gu) ?? []).some((w) => !ALLOWED.has(w))
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node)) {
      const text = node.getText().replace(/\s+/g, ' ').trim()
      if (text && words(text)) found.push(`${file}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1} “${text}”`)
    }
    if (ts.isJsxAttribute(node) && READ_ATTRIBUTES.has(node.name.getText()) && node.initializer && ts.isStringLiteral(node.initializer)) {
      const text = node.initializer.text.trim()
      if (words(text)) found.push(`${file}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1} ${node.name.getText()}="${text}"`)
    }
    ts.forEachChild(node, visit)
  }
  visit(source)
  return found
}

describe('no literal text in components', () => {
  const files = [...tsxFiles('app'), ...tsxFiles('components')]

  it('reads the components', () => {
    expect(files.length).toBeGreaterThan(50)
  })

  it('shows no word that is not from the message catalogue', () => {
    expect(files.flatMap(literals)).toEqual([])
  })
})
