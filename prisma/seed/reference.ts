/**
 * Regions (every database needs them) and the demo's partner banks: what the demo seed, the tests and the
 * bench start from. A real deployment runs `npm run setup` instead (scripts/lib/setup.ts): the regions and the
 * reporting catalogue, without these banks, which are an agency's own configuration made in the app.
 */
import type { PrismaClient } from '../../lib/generated/prisma/client'
import { seedRegions } from './regions'
import { seedBanks } from './banks'

export async function seedReference(db: PrismaClient): Promise<void> {
  await seedRegions(db)
  await seedBanks(db)
}
