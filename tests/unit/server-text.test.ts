import { readFileSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import english from '@/lib/i18n/server-messages.en.json'
import { hasEnglish, hasFullEnglish, serverText, translateState } from '@/lib/i18n/server-text'
import { rupiahMessage, type RupiahProblem } from '@/lib/parse'
import { programRules } from '@/lib/credit/disbursements'
import { IMPORT_KINDS } from '@/lib/imports/kinds'
import { REFUSAL_MESSAGES } from '@/lib/errors'

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
  // a list of months inside a refusal (lib/credit/disbursement-corrections.ts liveClaimRefusal), translated as a part of
  // its sentence (lib/i18n/server-text.ts englishDates; tested in credit-chain.test.ts)
  '{} dan {}',
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
    // a fixed sentence must not lean on a pattern whose captured words stay Indonesian ("Isi batas bawah, …" on `Isi {label}.`)
    const missing = found.filter((s) => !NOT_MESSAGES.has(s) && !hasFullEnglish(s))
    expect(missing, `add to lib/i18n/server-messages.en.json:\n${missing.join('\n')}`).toEqual([])
  })

  it('has the English of every error a route answers with', () => {
    // app/api's routes answer `{ error: '…' }`, which authRoute translates for an English reader; their other
    // literals (export headings, file names) are read in Indonesian by design, so only the errors are taken
    // a refusal thrown as the one refusal type (`new AppError('NOT_FOUND')`) answers its standard sentence, or the
    // message given with it
    const sources = files('app/api').map((f) => readFileSync(path.join(ROOT, f), 'utf8'))
    const literals = sources.flatMap((src) => [...src.matchAll(/\berror:\s*'((?:[^'\\\n]|\\.)*)'/g)].map((m) => m[1].replace(/\\'/g, "'")))
    const thrown = sources.flatMap((src) => [...src.matchAll(/new (?:AppError|ActionError)\(\s*'([A-Z_]+|(?:[^'\\\n]|\\.)*)'(?:\s*,\s*'((?:[^'\\\n]|\\.)*)')?/g)].map((m) => (m[2] ?? (m[1] in REFUSAL_MESSAGES ? REFUSAL_MESSAGES[m[1] as keyof typeof REFUSAL_MESSAGES] : m[1])).replace(/\\'/g, "'")))
    expect(literals).toContain('Kode wilayah tidak valid.') // the patterns still find what they look for
    expect(thrown).toContain(REFUSAL_MESSAGES.NOT_FOUND)
    const errors = [...literals, ...thrown]
    expect(errors.filter((s) => !hasFullEnglish(s)), 'add to lib/i18n/server-messages.en.json').toEqual([])
  })

  /**
   * The field labels given to the message builders (lib/parse.ts rupiahField, nameField, isoDateField…, and
   * the schemas' own `(label: string) => …`): each is a key, since its messages capture it, sometimes
   * lowercased (`Isi nama kegiatan.`). Builders are found by their `label` parameter, calls by a literal first argument.
   */
  const LABEL_BUILDER_SOURCES = ['lib/validations', 'lib/parse.ts']
  const LABEL_CALL_SOURCES = ['lib/validations', 'lib/actions', 'lib/parse.ts', 'lib/credit', 'lib/meetings', 'lib/reporting']
  function builderLabels(): { builders: string[]; labels: string[] } {
    const defs = LABEL_BUILDER_SOURCES.flatMap(files).map((f) => readFileSync(path.join(ROOT, f), 'utf8'))
    const builders = new Set<string>()
    const labels = new Set<string>()
    for (const code of defs) {
      for (const m of code.matchAll(/(?:const|function)\s+(\w+)\s*(?:=\s*)?\(\s*label\b(?:\s*=\s*'([^']+)')?/g)) {
        builders.add(m[1])
        if (m[2]) labels.add(m[2]) // a default label (isoDateField's `Tanggal`)
      }
    }
    // aliases: `const rupiah = rupiahField`
    for (const code of defs) for (const m of code.matchAll(/const\s+(\w+)\s*=\s*(\w+)\s*$/gm)) if (builders.has(m[2])) builders.add(m[1])
    const call = new RegExp(`\\b(?:${[...builders].join('|')})\\(\\s*'((?:[^'\\\\]|\\\\.)+)'`, 'g')
    for (const f of LABEL_CALL_SOURCES.flatMap(files)) for (const m of readFileSync(path.join(ROOT, f), 'utf8').matchAll(call)) labels.add(m[1].replace(/\\'/g, "'"))
    return { builders: [...builders], labels: [...labels] }
  }

  it('has the English of every label given to a message builder, in each message it makes', () => {
    const { builders, labels } = builderLabels()
    expect(builders).toEqual(expect.arrayContaining(['rupiahField', 'nameField', 'isoDateField', 'decimalField', 'isoMonthField', 'rupiahMessage']))
    expect(labels).toEqual(expect.arrayContaining(['Nama kegiatan', 'Nama target', 'Plafon', 'Tanggal', 'Nama hari libur', 'pesan']))
    const problems: RupiahProblem[] = ['EMPTY', 'NOT_A_NUMBER', 'FRACTION', 'NEGATIVE', 'TOO_LARGE']
    const missing = labels.flatMap((label) => [
      label,
      `Isi ${label}.`,
      `Isi ${label.toLowerCase()}.`,
      `${label} harus diisi.`,
      `${label} tidak valid; gunakan tanggal yang ada di kalender.`,
      `${label} minimal 3 karakter.`,
      ...problems.map((p) => rupiahMessage(label, p)),
    ].filter((m) => !hasFullEnglish(m)))
    expect(missing, `add the label to lib/i18n/server-messages.en.json:\n${missing.join('\n')}`).toEqual([])
  })

  it('translates a captured label in any case, with the English in the case of the sentence', () => {
    // the ones a walk-through in English found half Indonesian
    expect(serverText('Isi nama kegiatan.', 'en')).toBe('Fill in the activity name.')
    expect(serverText('Isi nama target.', 'en')).toBe('Fill in the target name.')
    expect(serverText('Isi plafon.', 'en')).toBe('Fill in the loan amount.')
    expect(serverText('Isi target kredit.', 'en')).toBe('Fill in the credit target.')
    expect(serverText('Isi pagu subsidi.', 'en')).toBe('Fill in the subsidy ceiling.')
    expect(serverText('Isi plafon maksimal.', 'en')).toBe('Fill in the maximum loan amount.')
    expect(serverText('Isi nama singkat.', 'en')).toBe('Fill in the short name.')
    expect(serverText('Isi nama bank.', 'en')).toBe('Fill in the bank name.')
    expect(serverText('Isi nama hari libur.', 'en')).toBe('Fill in the holiday name.')
    expect(serverText('Isi batas bawah, batas atas, atau keduanya.', 'en')).toBe('Fill in the lower bound, the upper bound, or both.')
    expect(serverText('Pesan minimal 5 karakter.', 'en')).toBe('The message must be at least 5 characters.')
    expect(serverText('Tanggal tidak valid; gunakan tanggal yang ada di kalender.', 'en')).toBe('Date is not valid; use a date that exists on the calendar.')
    expect(serverText('Nama kegiatan minimal 3 karakter.', 'en')).toBe('Activity name must be at least 3 characters.')
    // a first word in capitals keeps them
    expect(serverText('Isi nik koperasi.', 'en')).toBe('Fill in the cooperative NIK.')
    expect(serverText('Isi shu.', 'en')).toBe('Fill in the net surplus (SHU).')
  })

  it('writes a date the server formatted in Indonesian in English', () => {
    expect(serverText('Bank DKI ikut program PROKESRA-2026 dengan bunga 14,00% mulai 1 Januari 2026.', 'en'))
      .toBe('Bank DKI joins programme PROKESRA-2026 at a rate of 14.00% from 1 January 2026.')
    expect(serverText('Program sudah diubah oleh budi pada 5 Maret 2026 pukul 14.05 WIB; muat ulang halaman, lalu ulangi.', 'en'))
      .toBe('Programme was changed by budi on 5 March 2026 at 14:05 WIB; reload the page, then try again.')
  })

  it('writes the figures and months inside a message as the English interface does, leaving codes alone', () => {
    expect(serverText('Lembar "Data" memuat 3.000 kolom; batasnya 200 kolom per impor. Hapus kolom yang tidak diimpor, lalu unggah lagi.', 'en'))
      .toBe('Sheet "Data" has 3,000 columns; the limit is 200 columns per import. Delete the columns that are not imported, then upload again.')
    expect(serverText('Pembayaran melebihi sisa yang disetujui (Rp1.234.567).', 'en')).toBe('The payment is more than the approved amount still unpaid (Rp1,234,567).')
    expect(serverText('Klaim bulan Oktober 2026 sudah dihitung dari jadwal pinjaman ini dan sudah disetujui Dinas; laporan tidak disimpan, karena klaim yang sudah disetujui tidak dapat dikembalikan. Hubungi Dinas bila laporannya perlu dibetulkan.', 'en'))
      .toBe("The claim for October 2026 was computed from this loan's schedule and the agency has approved it; the report was not saved, because an approved claim cannot be returned. Contact the agency if the report must be put right.")
    expect(serverText('Subsidi pinjaman ini sudah masuk klaim September 2026 yang sudah disetujui Dinas; koreksi tidak disimpan, karena klaim yang sudah disetujui tidak dapat dikembalikan. Hubungi Dinas bila data pinjaman ini perlu dibetulkan.', 'en'))
      .toBe("This loan's subsidy is already in the claim for September 2026, which the agency has approved; the correction was not saved, because an approved claim cannot be returned. Contact the agency if this loan's data must be put right.")
    expect(serverText('Baris ini untuk Kabupaten Malang (35.07); Anda hanya dapat mengimpor nilai kabupaten/kota Anda (35.17).', 'en')).toContain('(35.07)')
    // account numbers with dots stay as the bank's file has them
    expect(serverText('Rekening tidak dikenal untuk bank Anda: PRK-2026.000.101, 123.456.789.', 'en')).toContain('PRK-2026.000.101, 123.456.789')
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

  it('names each import field in English inside a refusal (the mapping and the dry run had said "Map one column to Nomor Rekening")', () => {
    const untranslated = Object.values(IMPORT_KINDS).flatMap((k) => k.fields)
      .filter((f) => serverText(f.label, 'en') === f.label && !(f.labelEn ?? f.label).startsWith(f.label))
      .map((f) => `${f.label} → ${f.labelEn}`)
    expect(untranslated, 'add to lib/i18n/server-messages.en.json').toEqual([])
    expect(serverText('Petakan satu kolom ke Nomor Rekening: kunci untuk mencocokkan data.', 'en')).toBe('Map one column to Loan account number: the key for matching records.')
  })

  it('translates each sentence of a message that joins several (the programme rules a loan breaks)', () => {
    const program = { year: 2026, maxPlafond: 25_000_000, maxTenorMonths: 24, eligibleScales: ['MIKRO' as const] }
    const { refusal } = programRules(program, { nib: null, computedScale: 'KECIL' }, { plafond: 30_000_000, tenorMonths: 36, contractDate: '2025-12-01' }, 'BANK_OFFICER')
    expect(refusal?.message).toContain('Tenor melebihi batas program (36 > 24 bulan). ')
    expect(serverText(refusal!.message, 'en')).toBe('Does not meet the programme rules: The loan amount is above the programme limit (Rp30,000,000 > Rp25,000,000).'
      + ' The tenor is above the programme limit (36 > 24 months). The business scale is not one the programme serves (small).'
      + ' The contract date is outside the programme year 2026. The MSME has no NIB yet.')
    // a part whose sentences do not all have English is left as written (its figures in English grouping)
    expect(serverText('Tidak memenuhi ketentuan program: Plafon melebihi batas program (Rp30.000.000 > Rp25.000.000). Kalimat lain.', 'en'))
      .toBe('Does not meet the programme rules: Plafon melebihi batas program (Rp30,000,000 > Rp25,000,000). Kalimat lain.')
  })

  it('translates a pattern with a label inside, and leaves Indonesian as written', () => {
    expect(serverText('Periksa kembali isian yang ditandai.', 'id')).toBe('Periksa kembali isian yang ditandai.')
    expect(serverText('Periksa kembali isian yang ditandai.', 'en')).toBe('Check the marked fields.')
    expect(translateState({ ok: false, message: 'Periksa kembali isian yang ditandai.', errors: { nik: ['NIK koperasi harus 16 digit angka.'] } }, 'en'))
      .toEqual({ ok: false, message: 'Check the marked fields.', errors: { nik: ['The cooperative NIK must be 16 digits.'] } })
  })
})
