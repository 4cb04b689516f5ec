/**
 * Whether an error means PostgreSQL could not be reached or went away mid-request (refused, reset,
 * shut down, starting up), as opposed to an error of the query itself. Walks the cause chain: Prisma's
 * driver adapter wraps the pg error.
 */
const CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND', '57P01', '57P02', '57P03', 'P1001', 'P1002', 'P1017'])
const MESSAGES = /connection terminated|connect ECONNREFUSED|can't reach database|terminating connection|server has closed the connection|database system is (shutting down|starting up|in recovery mode)|Connection ended unexpectedly|Client has encountered a connection error/i

export function isDatabaseUnreachable(error: unknown): boolean {
  let e: unknown = error
  for (let depth = 0; e && depth < 6; depth++) {
    const x = e as { code?: unknown; message?: unknown; cause?: unknown; originalCode?: unknown; kind?: unknown }
    if (typeof x.code === 'string' && CODES.has(x.code)) return true
    if (typeof x.originalCode === 'string' && CODES.has(x.originalCode)) return true
    if (typeof x.message === 'string' && MESSAGES.test(x.message)) return true
    if (x.kind === 'DatabaseNotReachable' || x.kind === 'ConnectionClosed') return true
    e = x.cause
  }
  return false
}

/** What the user reads when PostgreSQL is unreachable: nothing was saved, try again shortly. */
export const DATABASE_DOWN_MESSAGE = 'Database tidak dapat dihubungi; perubahan tidak disimpan. Coba lagi sebentar lagi.'
