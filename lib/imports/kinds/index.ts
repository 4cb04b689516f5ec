import 'server-only'
import { claimLineKind } from './claims'
import { cooperativeKind } from './cooperatives'
import { disbursementKind } from './disbursements'
import { msmeKind } from './msmes'
import type { AnyKind } from './types'

/** Every import kind, by the slug in its URL (`/impor/baru?jenis=umkm`). */
export const IMPORT_KINDS: Record<string, AnyKind> = {
  [cooperativeKind.kind]: cooperativeKind,
  [msmeKind.kind]: msmeKind,
  [disbursementKind.kind]: disbursementKind,
  [claimLineKind.kind]: claimLineKind,
}

export function importKind(slug: string): AnyKind | null {
  return Object.hasOwn(IMPORT_KINDS, slug) ? IMPORT_KINDS[slug] : null
}
