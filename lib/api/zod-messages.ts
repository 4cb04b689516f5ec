/**
 * Indonesian messages for the zod checks that carry no message of their own (unknown keys, wrong JSON types,
 * bare `.max(200)`), passed per parse where the API validates (lib/api/route.ts parseQuery/readJson). The README
 * promises an Indonesian `detail`; zod's own default is English. Not set globally (z.config): the forms keep
 * their messages as they are. A schema's own message always wins over this map (zod's precedence).
 */
import { z } from 'zod'

const fallback = z.locales.id().localeError

const TYPE_NAMES: Record<string, string> = {
  string: 'teks', number: 'angka', int: 'bilangan bulat', boolean: 'true atau false', object: 'objek JSON', array: 'daftar (array)',
  null: 'null', undefined: 'kosong', date: 'tanggal', bigint: 'angka', nan: 'NaN',
}
const typeName = (t: unknown) => TYPE_NAMES[String(t)] ?? String(t)
const received = (input: unknown) => (input === null ? 'null' : Array.isArray(input) ? 'array' : typeof input === 'number' && Number.isNaN(input) ? 'nan' : typeof input)
const UNITS: Record<string, string> = { string: 'karakter', array: 'butir', set: 'butir', map: 'butir', file: 'byte' }
const quoted = (keys: readonly string[]) => keys.map((k) => `"${k.slice(0, 40)}"`).join(', ')

type Issue = Parameters<typeof fallback>[0]

/** The Indonesian sentence for a zod issue the schema left without a message. */
export function apiZodMessage(issue: Issue): string {
  switch (issue.code) {
    case 'unrecognized_keys':
      return `Isian tidak dikenal: ${quoted(issue.keys)}. Periksa ejaan nama isian pada dokumen OpenAPI.`
    case 'invalid_type':
      if (issue.input === undefined) return `Wajib diisi (${typeName(issue.expected)}).`
      return `Harus berupa ${typeName(issue.expected)}, bukan ${typeName(received(issue.input))}.`
    case 'too_big': {
      const unit = UNITS[issue.origin ?? '']
      return unit ? `Paling banyak ${issue.maximum.toString()} ${unit}.` : `Paling besar ${issue.maximum.toString()}.`
    }
    case 'too_small': {
      const unit = UNITS[issue.origin ?? '']
      if (unit === 'karakter' && Number(issue.minimum) === 1) return 'Wajib diisi.'
      return unit ? `Paling sedikit ${issue.minimum.toString()} ${unit}.` : `Paling kecil ${issue.minimum.toString()}.`
    }
    case 'invalid_value':
      return issue.values.length === 1 ? `Harus ${JSON.stringify(issue.values[0])}.` : `Pilihan tidak dikenal; gunakan salah satu: ${issue.values.map(String).join(', ')}.`
    case 'invalid_format':
      return issue.format === 'datetime' ? 'Harus waktu ISO 8601, misalnya 2026-01-31T00:00:00Z.' : issue.format === 'date' ? 'Harus tanggal YYYY-MM-DD.' : 'Bentuknya tidak valid.'
    case 'invalid_union':
      return 'Nilainya tidak sesuai bentuk yang diterima.'
    default: {
      const m = fallback(issue)
      return typeof m === 'string' ? m : (m?.message ?? 'Nilainya tidak valid.')
    }
  }
}

/** The per-parse option: `schema.safeParse(value, API_PARSE)`. */
export const API_PARSE = { error: apiZodMessage } as const
