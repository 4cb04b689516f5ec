/**
 * Indonesian messages for the zod checks of a form's schema that carry no message of their own, passed per parse
 * where every action's input is parsed (lib/safe-action.ts guarded). A form's visible fields all have their own
 * messages; what falls here is a crafted or incomplete post: a hidden `id` or `version` left out, a date field
 * missing. zod's own default is English ("Invalid input: expected string, received undefined"), which an
 * Indonesian form then showed as it was. A schema's own message always wins over this map (zod's precedence).
 * The API has its own map (lib/api/zod-messages.ts), which names JSON types and its OpenAPI document.
 */
import type { z } from 'zod'
import { formatNumber } from '@/lib/format'

type Issue = Parameters<z.core.$ZodErrorMap>[0]

/** The field an issue is about: the last key of its path (`cooperativeId`, `version`). */
const fieldOf = (issue: Issue) => String(issue.path?.at(-1) ?? '')

/** The Indonesian sentence for a form's zod issue the schema left without a message. */
export function formZodMessage(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type': {
      // the hidden fields of an edit form: the same words as the schemas that name them (registers-common idField, versionField)
      const field = fieldOf(issue)
      if (field === 'id' || /[a-z]Id$/.test(field)) return 'Data tidak dikenal.'
      if (field === 'version') return 'Versi tidak valid.'
      return issue.input === undefined ? 'Wajib diisi.' : 'Isian tidak valid.'
    }
    case 'too_big':
      return issue.origin === 'string' ? `Paling banyak ${formatNumber(Number(issue.maximum))} karakter.` : 'Isian terlalu besar.'
    case 'too_small':
      return issue.origin === 'string' && Number(issue.minimum) === 1 ? 'Wajib diisi.' : issue.origin === 'string' ? `Paling sedikit ${formatNumber(Number(issue.minimum))} karakter.` : 'Isian terlalu kecil.'
    case 'invalid_value':
      return 'Pilihan tidak dikenal.'
    default:
      return 'Isian tidak valid.'
  }
}

/** The per-parse option: `schema.safeParse(value, FORM_PARSE)`. */
export const FORM_PARSE = { error: formZodMessage } as const
