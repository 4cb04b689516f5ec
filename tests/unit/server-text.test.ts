import { readFileSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import english from '@/lib/i18n/server-messages.en.json'
import { hasEnglish, serverText, translateState } from '@/lib/i18n/server-text'

/**
 * Every message the server writes for a user (refusals, validation, uploads and imports) has its English
 * in lib/i18n/server-messages.en.json. The messages are found in the code itself: string literals that
 * read as a sentence (a capital or a `${…}` first, three or more letters in a row, a space), with
 * `${…}` parts standing for any text, in the files below. A new message without English fails here.
 */
const ROOT = path.resolve(__dirname, '../..')
export const MESSAGE_SOURCES = [
  'lib/actions', 'lib/validations', 'lib/errors.ts', 'lib/safe-action.ts', 'lib/parse.ts', 'lib/db-errors.ts', 'lib/transitions.ts',
  'lib/credit/claim-submission.ts', 'lib/credit/disbursement-corrections.ts', 'lib/credit/instalments.ts', 'lib/credit/eligibility.ts', 'lib/meetings/files.ts', 'lib/imports/service.ts', 'lib/imports/file.ts', 'lib/imports/fields.ts',
  'lib/imports/pipeline.ts', 'lib/reporting/writes.ts', 'lib/upload-limits.ts', 'lib/sessions.ts', 'lib/password.ts', 'lib/sign-in-throttle.ts',
]
/** Literals in those files that are not messages to a user (log lines, audit labels read in Indonesian by design, SQL). */
const NOT_MESSAGES = new Set<string>([
  // the dry run's COPY statement (lib/imports/pipeline.ts storeVerdicts)
  'COPY import_rows (import_id, row_number, outcome, key, "values", errors, changes, record_id, seen_version, seen_deleted, record, audit_before, audit_after) FROM STDIN',
])

function files(entry: string): string[] {
  const full = path.join(ROOT, entry)
  if (!statSync(full).isDirectory()) return [entry]
  return readdirSync(full).flatMap((f) => files(path.join(entry, f))).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
}

/** The sentences of a source file, `${…}` replaced by `{}` (comments left out). */
export function sentences(source: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '').replace(/\s\/\/ .*$/gm, '')
  const out: string[] = []
  for (const m of code.matchAll(/'((?:[^'\\\n]|\\.)*)'|`((?:[^`\\]|\\.)*)`/g)) {
    const text = m[1] ?? m[2].replace(/\$\{(?:[^{}]|\{[^}]*\})*\}/g, '{}')
    if (text.length < 8 || !/\s/.test(text) || !/^[A-Z{]/.test(text) || !/[a-z]{3}/.test(text)) continue
    if (/^(SELECT|INSERT|UPDATE|WITH|DELETE|CASE|ALTER|CREATE|COALESCE)\b/.test(text)) continue
    if (text.includes('${')) continue // a template inside a template: its English is a pattern for the whole message, written by hand
    out.push(text.replace(/\\'/g, "'"))
  }
  return out
}

describe('server messages in English', () => {
  const found = [...new Set(MESSAGE_SOURCES.flatMap(files).flatMap((f) => sentences(readFileSync(path.join(ROOT, f), 'utf8')).map((s) => s)))]

  it('finds the messages', () => {
    expect(found.length).toBeGreaterThan(100)
  })

  it('has the English of every message the server writes', () => {
    const missing = found.filter((s) => !NOT_MESSAGES.has(s) && !hasEnglish(s))
    expect(missing, `add to lib/i18n/server-messages.en.json:\n${missing.join('\n')}`).toEqual([])
  })

  it('keeps the placeholders of each message in its English', () => {
    for (const [id, en] of Object.entries(english as Record<string, string>)) {
      const names = (t: string) => [...t.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()
      expect(names(en), id).toEqual(names(id))
    }
  })

  it('has the English of the import kinds\' and the regions\' refusals (their field definitions and help stay Indonesian, as the templates are)', () => {
    const sources = [...files('lib/imports/kinds'), 'lib/imports/regions.ts']
    // the lines of field definitions (labels, synonyms, help, examples) and the kinds' titles are the templates' Indonesian
    const refusals = sources.flatMap((f) => sentences(readFileSync(path.join(ROOT, f), 'utf8').split('\n')
      .filter((line) => !/^\s*\{ key:/.test(line) && !/\b(help|label|synonyms|examples|title|description):/.test(line)).join('\n')))
    expect(refusals.length).toBeGreaterThan(20)
    const missing = refusals.filter((r) => !hasEnglish(r))
    expect(missing, `add to lib/i18n/server-messages.en.json:\n${missing.join('\n')}`).toEqual([])
    // the ones a walk-through in English found still Indonesian or half-translated
    expect(serverText('"Malang" cocok dengan beberapa wilayah: Kabupaten Malang (35.07), Kota Malang (35.73); tulis nama lengkap atau kodenya.', 'en'))
      .toBe('"Malang" matches several regions: Kabupaten Malang (35.07), Kota Malang (35.73); write the full name or the code.')
    expect(serverText('Rekening tidak dikenal untuk bank Anda: tidak tercatat sebagai penyaluran bank ini.', 'en')).toBe('Account not known for your bank: it is not recorded as a disbursement of this bank.')
    expect(serverText('Klaim bulan 2026-09 sudah diajukan; rinciannya tidak diubah lewat impor. Tercatat: 224906.', 'en'))
      .toBe('The claim for 2026-09 is already submitted; its lines are not changed by an import. On record: 224906.')
  })

  it('translates a pattern with a label inside, and leaves Indonesian as written', () => {
    expect(serverText('Periksa kembali isian yang ditandai.', 'id')).toBe('Periksa kembali isian yang ditandai.')
    expect(serverText('Periksa kembali isian yang ditandai.', 'en')).toBe('Check the marked fields.')
    expect(translateState({ ok: false, message: 'Periksa kembali isian yang ditandai.', errors: { nik: ['NIK koperasi harus 16 digit angka.'] } }, 'en'))
      .toEqual({ ok: false, message: 'Check the marked fields.', errors: { nik: ['The cooperative NIK must be 16 digits.'] } })
  })
})
