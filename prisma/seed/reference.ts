/** Reference data every database needs (demo or not): regions and partner banks. */
import type { PrismaClient } from '../../lib/generated/prisma/client'
import { seedRegions } from './regions'
import { seedBanks } from './banks'

export async function seedReference(db: PrismaClient): Promise<void> {
  await seedRegions(db)
  await seedBanks(db)
}
