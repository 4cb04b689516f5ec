import { readFileSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'

/**
 * Every word a component shows goes through the message catalogue (lib/i18n/messages), so the English
 * interface is complete: a test over every .tsx of app/ and components/ that fails on a JSX text node
 * with words, or a text attribute people read (aria-label, title, placeholder, alt, and the text props of
 * our components: label, hint, …) given as a literal. Text reaching the page other ways is caught when it
 * reads as prose (a capitalised word: `Skema`, `Ya, lanjutkan`): a literal argument of a function called
 * inside JSX (`{text('scheme', 'Skema')}`), a literal shown straight from a JSX expression
 * (`{done ? 'Selesai' : …}`), a read property of an object literal inside JSX (`{ placeholder: '…' }`), and
 * a prop's default value (`confirmLabel = 'Ya, lanjutkan'`). Method calls (`.replace('Kabupaten ', 'Kab. ')`)
 * work on data and are not checked.
 */
const ROOT = path.resolve(__dirname, '../..')
const READ_ATTRIBUTES = new Set([
  'aria-label', 'title', 'placeholder', 'alt', 'aria-description',
  'label', 'hint', 'description', 'confirmLabel', 'body', 'caption', 'legend', 'message', 'heading',
])
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
  // a sentence or a label: a capitalised word first (not a key `credit.bank`, a code `PROKESRA`, a class list)
  const prose = (text: string) => /^\p{Lu}\p{Ll}/u.test(text.trim()) && words(text)
  const at = (node: ts.Node) => `${file}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`
  /** Whether a node is inside a JSX expression `{…}` of the same function (a callback's body is not). */
  const inJsx = (node: ts.Node) => {
    for (let p = node.parent; p; p = p.parent) {
      if (ts.isJsxExpression(p)) return true
      if (ts.isFunctionLike(p) || ts.isSourceFile(p)) return false
    }
    return false
  }
  /** Whether a literal is shown as it stands: the value of a JSX expression, through `?:`, `&&`, `||`, `??` and parentheses. */
  const shown = (node: ts.Node): boolean => {
    const p = node.parent
    if (ts.isJsxExpression(p)) return true
    if (ts.isParenthesizedExpression(p)) return shown(p)
    if (ts.isConditionalExpression(p) && p.condition !== node) return shown(p)
    if (ts.isBinaryExpression(p) && p.right === node && [ts.SyntaxKind.AmpersandAmpersandToken, ts.SyntaxKind.BarBarToken, ts.SyntaxKind.QuestionQuestionToken].includes(p.operatorToken.kind)) return shown(p)
    return false
  }
  const visit = (node: ts.Node) => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      const p = node.parent
      const argument = ts.isCallExpression(p) && ts.isIdentifier(p.expression) && p.arguments.includes(node as ts.Expression) && inJsx(node)
      const readProperty = ts.isPropertyAssignment(p) && p.initializer === node && READ_ATTRIBUTES.has(p.name.getText().replace(/^['"]|['"]$/g, '')) && inJsx(node)
      const propDefault = ts.isBindingElement(p) && p.initializer === node
      if ((argument || readProperty || propDefault || shown(node)) && prose(node.text)) found.push(`${at(node)} '${node.text}'`)
    }
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
