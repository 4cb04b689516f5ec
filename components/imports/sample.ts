import { maskNik } from '@/lib/registers/nik'

/** The field that holds personal data among an import's fields (lib/imports/kinds: the one each kind's `show` masks). */
const PERSONAL_FIELD = 'ownerNik'
const NIK_SHAPE = /^\d{16}$/

/**
 * A column's sample value as the mapping step shows it: the owner NIK masked as on every other screen
 * (lib/registers/nik.ts maskNik), whether the column is matched to it now, was matched when the page opened,
 * or is not matched yet but holds a NIK-shaped value in a kind that carries owner NIKs.
 */
export function shownSample(sample: string, { kindHasPersonal, chosen, initial }: { kindHasPersonal: boolean; chosen: string | null | undefined; initial: string | null | undefined }): string {
  if (!kindHasPersonal || !sample) return sample
  const value = sample.trim()
  return chosen === PERSONAL_FIELD || initial === PERSONAL_FIELD || NIK_SHAPE.test(value) ? maskNik(value) : sample
}

export const hasPersonalField = (fields: { key: string }[]) => fields.some((f) => f.key === PERSONAL_FIELD)
