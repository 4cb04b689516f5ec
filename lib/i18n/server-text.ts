/**
 * Messages written by the server (refusals, validation, import and job errors) are written in Bahasa
 * Indonesia where they arise, and that text is their key, as gettext's msgid is: the English of each is
 * looked up here, where it is shown (a form's state, a route's error, a client-side check of the same
 * schema). A key with `{name}` parts is a pattern: `{label} tidak valid.` matches "Tanggal kontrak tidak
 * valid." and the English `{label} is not valid.` gets the captured text, itself translated when it is a
 * key (a field label). `tests/unit/server-text.test.ts` fails when a message in the server code has no
 * English here.
 */
import english from './server-messages.en.json'

export type TextLocale = 'id' | 'en'

type Pattern = { re: RegExp; names: string[]; en: string; weight: number }

const exact = new Map<string, string>()
const patterns: Pattern[] = []
for (const [id, en] of Object.entries(english as Record<string, string>)) {
  if (!/\{\w+\}/.test(id)) {
    exact.set(id, en)
    continue
  }
  const names: string[] = []
  const source = id.split(/(\{\w+\})/).map((part) => {
    const m = /^\{(\w+)\}$/.exec(part)
    if (!m) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    names.push(m[1])
    return '([\\s\\S]+?)'
  }).join('')
  patterns.push({ re: new RegExp(`^${source}$`), names, en, weight: id.replace(/\{\w+\}/g, '').length })
}
// the most specific pattern (the most fixed text) first
patterns.sort((a, b) => b.weight - a.weight)

function translate(text: string, depth: number): string | null {
  const hit = exact.get(text)
  if (hit !== undefined) return hit
  if (depth > 2) return null
  for (const p of patterns) {
    const m = p.re.exec(text)
    if (!m) continue
    return p.en.replace(/\{(\w+)\}/g, (whole, name: string) => {
      const i = p.names.indexOf(name)
      if (i < 0) return whole
      const value = m[i + 1]
      return translate(value, depth + 1) ?? value
    })
  }
  return null
}

/** The text in the reader's language: Indonesian as written, English from the catalogue (as written when missing). */
export function serverText(text: string, locale: TextLocale): string
export function serverText(text: string | undefined, locale: TextLocale): string | undefined
export function serverText(text: string | undefined, locale: TextLocale): string | undefined {
  if (text === undefined || locale === 'id') return text
  return translate(text, 0) ?? text
}

/** Whether a message has an English text (for the test that keeps the catalogue complete). */
export function hasEnglish(text: string): boolean {
  return translate(text, 0) !== null
}

/** A form's state (message and field errors) in the reader's language; the typed values stay as typed. */
export function translateState<S extends { message?: string; errors?: Record<string, string[] | undefined> } | undefined>(state: S, locale: TextLocale): S {
  if (!state || locale === 'id') return state
  return {
    ...state,
    message: serverText(state.message, locale),
    ...(state.errors && { errors: Object.fromEntries(Object.entries(state.errors).map(([k, list]) => [k, list?.map((m) => serverText(m, locale))])) }),
  }
}
