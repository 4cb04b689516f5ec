/**
 * Tests only ever run against a local PostgreSQL: a throwaway embedded cluster by default, or the
 * server of a DATABASE_URL on this machine. A remote URL (production!) is refused outright.
 */
export function assertLocalDatabaseUrl(url: string): void {
  const host = new URL(url).hostname
  if (!['localhost', '127.0.0.1', '::1', '[::1]'].includes(host)) {
    throw new Error(`Tes menolak DATABASE_URL yang bukan lokal (${host}): tes membuat dan menghapus database.`)
  }
}

/** The same server, another database. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url)
  u.pathname = `/${database}`
  return u.toString()
}
