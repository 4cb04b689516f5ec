/**
 * Bulk writes for the demo data: PostgreSQL `COPY ... FROM STDIN` (text format) through pg-copy-streams.
 * Tens of thousands of loans and hundreds of thousands of loan periods load in seconds this way, where
 * row batches through the ORM took minutes. The rows themselves are built by the callers, from the same
 * domain code the app uses.
 */
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import pg from 'pg'
import { from as copyFrom } from 'pg-copy-streams'

export type CopyValue = string | number | boolean | Date | null | undefined

const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' }

/** One value in COPY's text format: NULL as \N, booleans as t/f, dates as ISO text, the four special characters escaped. */
export function copyText(v: CopyValue): string {
  if (v === null || v === undefined) return '\\N'
  if (typeof v === 'boolean') return v ? 't' : 'f'
  const s = v instanceof Date ? v.toISOString() : String(v)
  return s.replace(/[\\\t\n\r]/g, (c) => ESCAPES[c])
}

/** COPY `rows` into `table (columns)`; rows are produced lazily (in batches of lines), so memory stays flat. */
export async function copyRows(client: pg.ClientBase, table: string, columns: string[], rows: Iterable<CopyValue[]>): Promise<number> {
  let count = 0
  function* lines() {
    let batch: string[] = []
    for (const row of rows) {
      batch.push(row.map(copyText).join('\t'))
      count++
      if (batch.length === 2_000) {
        yield batch.join('\n') + '\n'
        batch = []
      }
    }
    if (batch.length) yield batch.join('\n') + '\n'
  }
  const sql = `COPY ${client.escapeIdentifier(table)} (${columns.map((c) => client.escapeIdentifier(c)).join(', ')}) FROM STDIN`
  await pipeline(Readable.from(lines()), client.query(copyFrom(sql)))
  return count
}

/** A plain pg connection for COPY, closed after `work`. */
export async function withPgClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return await work(client)
  } finally {
    await client.end()
  }
}
