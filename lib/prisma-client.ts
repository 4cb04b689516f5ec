import { PrismaPg } from '@prisma/adapter-pg'
import pg from 'pg'
import { PrismaClient } from '@/lib/generated/prisma/client'

/**
 * A Prisma client on the pg driver adapter (no native query engine is available on these machines).
 * The app uses the single instance in `lib/db.ts`; scripts and tests build their own with this.
 * `options` is PostgreSQL's per-connection settings string (`-c name=value …`); `connectionTimeoutMillis`
 * bounds a connection attempt (the read replica's, so an unreachable replica fails fast and reads fall back).
 */
export function createPrismaClient(connectionString: string, max = 10, options?: string, connectionTimeoutMillis?: number): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg(poolConfig(connectionString, max, options, connectionTimeoutMillis)) })
}

function poolConfig(connectionString: string, max: number, options?: string, connectionTimeoutMillis?: number): pg.PoolConfig {
  return { connectionString, max, ...(options && { options }), ...(connectionTimeoutMillis && { connectionTimeoutMillis }) }
}

/**
 * The same client on a `pg` pool the caller keeps, so statements that need no Prisma (the figures' raw SQL,
 * see `readSql` in lib/db.ts) can run on the same connections. `$disconnect()` ends the pool.
 */
export function createPrismaClientWithPool(connectionString: string, max = 10, options?: string, connectionTimeoutMillis?: number): { prisma: PrismaClient; pool: pg.Pool } {
  const pool = new pg.Pool(poolConfig(connectionString, max, options, connectionTimeoutMillis))
  // An idle connection the server ends (a restart, a replica shut down) emits 'error' on the pool, which
  // would end the process without a listener; the pool drops that connection and the next query opens a
  // new one or fails with its own error (lib/db.ts routes a failed replica read to the primary).
  pool.on('error', () => {})
  return { prisma: new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) }), pool }
}

/**
 * The app's sessions run without parallel query workers. A dashboard page runs a dozen aggregates at
 * once and many pages are served at once: a parallel plan makes each query start two more backends
 * that compete for the same cores (and build the same hash table three times), which doubled the
 * figures' time on 2 cores and left no capacity for concurrent requests (README, "Benchmarks").
 * Parallel workers help one big query on an idle many-core server, which is not how the app reads.
 * `PGOPTIONS` (libpq's variable, also read by node-postgres) overrides it.
 */
export const APP_SESSION_OPTIONS = process.env.PGOPTIONS ?? '-c max_parallel_workers_per_gather=0'
