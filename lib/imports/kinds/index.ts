import 'server-only'
import { claimLineKind } from './claims'
import { cooperativeYearKind } from './cooperative-years'
import { cooperativeKind } from './cooperatives'
import { disbursementKind } from './disbursements'
import { msmeKind } from './msmes'
import { reportValueKind } from './report-values'
import { targetKind } from './targets'
import type { Role } from '@/lib/generated/prisma/enums'
import { can } from '@/lib/permissions'
import type { AnyKind } from './types'

/** Every import kind, by the slug in its URL (`/impor/baru?jenis=umkm`). */
export const IMPORT_KINDS: Record<string, AnyKind> = {
  [cooperativeKind.kind]: cooperativeKind,
  [cooperativeYearKind.kind]: cooperativeYearKind,
  [msmeKind.kind]: msmeKind,
  [disbursementKind.kind]: disbursementKind,
  [claimLineKind.kind]: claimLineKind,
  [reportValueKind.kind]: reportValueKind,
  [targetKind.kind]: targetKind,
}

export function importKind(slug: string): AnyKind | null {
  return Object.hasOwn(IMPORT_KINDS, slug) ? IMPORT_KINDS[slug] : null
}

/** The kinds a role may import (the import pages, the history): the same rule as kindFor's refusal in service.ts. */
export function importKindsFor(role: Role): AnyKind[] {
  return Object.values(IMPORT_KINDS).filter((k) => can(role, k.permission))
}
