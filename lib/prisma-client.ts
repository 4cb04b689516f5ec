import { PrismaPg } from '@prisma/adapter-pg'
import { PrismaClient } from '@/lib/generated/prisma/client'

/**
 * A Prisma client on the pg driver adapter (no native query engine is available on these machines).
 * The app uses the single instance in `lib/db.ts`; scripts and tests build their own with this.
 */
export function createPrismaClient(connectionString: string, max = 10): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString, max }) })
}
