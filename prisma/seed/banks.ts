/** Partner banks named in the source documents. */
import type { PrismaClient } from '../../lib/generated/prisma/client'

export const BANKS = [
  { code: 'BPRJATIM', name: 'PT BPR Jatim (Bank UMKM Jawa Timur)', shortName: 'BPR Jatim' },
  { code: 'BANKDKI', name: 'PT Bank DKI', shortName: 'Bank DKI' },
] as const

export async function seedBanks(db: PrismaClient): Promise<void> {
  for (const b of BANKS) await db.bank.upsert({ where: { code: b.code }, update: {}, create: b })
}
