import { ROLE_LABELS, ROLES } from '@/lib/permissions'

/** The select options of the user form, in the reader's language. */
export function userFormChoices(lang: 'id' | 'en', options: { regencies: { code: string; name: string }[]; banks: { id: string; shortName: string }[] }) {
  return {
    roles: ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r][lang] })),
    regencies: options.regencies.map((r) => ({ value: r.code, label: `${r.name} (${r.code})` })),
    banks: options.banks.map((b) => ({ value: b.id, label: b.shortName })),
  }
}
