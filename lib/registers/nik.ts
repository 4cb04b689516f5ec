/**
 * Owner NIK (personal data under UU 27/2022): shown masked everywhere by default, first 4 digits
 * (province + regency) and last 4 kept: `3517••••••••0001`. Unmasking is a separate, audited action.
 */
export const MASK_CHAR = '•'

export function maskNik(nik: string | null | undefined): string {
  if (!nik) return '–'
  if (nik.length <= 8) return MASK_CHAR.repeat(nik.length)
  return nik.slice(0, 4) + MASK_CHAR.repeat(nik.length - 8) + nik.slice(-4)
}

/** `3517…` → `35.17`: the regency code the first four digits of a NIK must name. */
export function nikRegencyCode(nik: string): string {
  return `${nik.slice(0, 2)}.${nik.slice(2, 4)}`
}
