import 'server-only'
import { APP_SESSION_OPTIONS, createPrismaClient } from '@/lib/prisma-client'
import { env } from '@/lib/env'

type Client = ReturnType<typeof createPrismaClient>

// One client per server process; in development, hot reloads would otherwise open a new pool each time.
const globalForPrisma = globalThis as unknown as { prisma?: Client }

function client(): Client {
  globalForPrisma.prisma ??= createPrismaClient(env().DATABASE_URL, 10, APP_SESSION_OPTIONS)
  return globalForPrisma.prisma
}

/**
 * The app's Prisma client. Created on first use, not on import: `next build` imports every route
 * to read its configuration, and the database URL is only needed once a query runs.
 */
export const db: Client = new Proxy({} as Client, {
  get(_target, prop) {
    const c = client()
    const value = Reflect.get(c, prop, c)
    return typeof value === 'function' ? value.bind(c) : value
  },
})
