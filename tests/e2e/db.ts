import { readFileSync } from 'node:fs'
import pg from 'pg'

/** A query on the e2e server's database, to check what the screens show against independent SQL. */
export async function sql<T extends Record<string, unknown>>(text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: readFileSync('test-results/e2e-database-url', 'utf8').trim() })
  await client.connect()
  try {
    return (await client.query(text, values)).rows as T[]
  } finally {
    await client.end()
  }
}
