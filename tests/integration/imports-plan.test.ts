import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { db } from '@/lib/db'
import { STORED_VERDICTS_SQL } from '@/lib/imports/pipeline'
import { createTestUser } from '../support/session'

/**
 * The dry run's verdicts (import_rows) are read by the index meant for each read, also for an import the
 * planner's statistics do not know: a new import's rows are stored after the table's last ANALYZE, so
 * PostgreSQL estimates one row for it. With a second index on (import_id, outcome) the planner then took that
 * index for the commit's read of the next 500 rows, went through all the import's rows and sorted them on
 * every batch (8,7 s of a 100.000-row commit); the rows are read by the primary key now, a window of row numbers
 * at a time (an estimate of a few rows can also make it fetch every row after the batch's start and sort them),
 * and the lists of refused rows and of changes by a partial index that no other read can take.
 */
let client: pg.Client
const importId = 'plan-test-import'

beforeAll(async () => {
  const user = await createTestUser({ role: 'ADMIN' })
  client = new pg.Client({ connectionString: process.env.DATABASE_URL })
  await client.connect()
  // the statistics of a table without this import's rows (this file's database starts with none)
  await client.query('ANALYZE import_rows')
  await client.query(`INSERT INTO imports (id, kind, created_by_id, created_by_name, file_name, file_hash, file_size, file_format, file, status)
    VALUES ($1, 'umkm', $2, 'Uji', 'umkm.xlsx', repeat('0', 64), 1, 'xlsx', '\\x00', 'CHECKED')`, [importId, user.id])
  // 20.000 verdicts as a large import's: mostly new rows, one in 50 refused, one in 500 a change
  await client.query(`INSERT INTO import_rows (import_id, row_number, outcome, key, "values", errors, changes)
    SELECT $1, n + 1,
      CASE WHEN n % 50 = 0 THEN 'INVALID' WHEN n % 500 = 7 THEN 'UPDATE' ELSE 'CREATE' END,
      lpad(n::text, 13, '9'),
      jsonb_build_object('nib', lpad(n::text, 13, '9'), 'businessName', 'Usaha ' || n, 'address', repeat('Jl. Merdeka ', 20)),
      CASE WHEN n % 50 = 0 THEN '[{"column": "NIB", "message": "NIB harus 13 digit angka."}]'::jsonb END,
      CASE WHEN n % 500 = 7 THEN '[{"field": "workers", "before": "3", "after": "4"}]'::jsonb END
    FROM generate_series(1, 20000) AS n`, [importId])
})

afterAll(async () => {
  await client?.query('DELETE FROM imports WHERE id = $1', [importId])
  await client?.end()
  await db.$disconnect()
})

type PlanNode = { 'Node Type': string; 'Index Name'?: string; 'Actual Rows'?: number; Plans?: PlanNode[] }
/** Every node of the plan PostgreSQL chooses and runs for `sql` (its parameters given as literals). */
async function planOf(sql: string, params: (string | number)[]): Promise<PlanNode[]> {
  const literal = (v: string | number) => (typeof v === 'number' ? String(v) : `'${v.replace(/'/g, "''")}'`)
  const text = sql.replace(/\$(\d+)/g, (_, i: string) => literal(params[Number(i) - 1]))
  const { rows } = await client.query<{ 'QUERY PLAN': { Plan: PlanNode }[] }>(`EXPLAIN (ANALYZE, FORMAT JSON) ${text}`)
  const nodes: PlanNode[] = []
  const walk = (n: PlanNode) => { nodes.push(n); n.Plans?.forEach(walk) }
  walk(rows[0]['QUERY PLAN'][0].Plan)
  return nodes
}
const indexesOf = (nodes: PlanNode[]) => nodes.filter((n) => n['Index Name']).map((n) => n['Index Name'])
const mostRows = (nodes: PlanNode[]) => Math.max(...nodes.map((n) => n['Actual Rows'] ?? 0))

describe('reads of an import the statistics do not know yet', () => {
  it.each([0, 10_000, 19_500])('the commit reads the batch after row %i by the primary key, touching no more rows than the batch', async (after) => {
    const nodes = await planOf(STORED_VERDICTS_SQL, [importId, after, 500])
    expect(indexesOf(nodes)).toEqual(['import_rows_pkey'])
    // whatever the plan (an index scan, or a bitmap scan and a sort): a batch's rows, not all the rows after it
    expect(mostRows(nodes)).toBeLessThanOrEqual(500)
  })

  it.each(['INVALID', 'UPDATE'])('the list of %s rows (the import page, the refused rows file) reads the partial index', async (outcome) => {
    // the statement Prisma sends for lib/imports/history.ts and app/api/impor/[id]/ditolak
    const nodes = await planOf('SELECT row_number, key, errors FROM import_rows WHERE import_id = $1 AND outcome = $2 ORDER BY row_number ASC LIMIT $3 OFFSET $4', [importId, outcome, 100, 0])
    expect(indexesOf(nodes)).toEqual(['import_rows_shown_idx'])
    expect(nodes.map((n) => n['Node Type'])).not.toContain('Sort')
    expect(mostRows(nodes)).toBeLessThanOrEqual(100)
  })

  it('the commit read returns the rows of the window in order', async () => {
    const { rows } = await client.query<{ rowNumber: number }>(STORED_VERDICTS_SQL, [importId, 10_000, 500])
    expect(rows.map((r) => r.rowNumber)).toEqual(Array.from({ length: 500 }, (_, i) => 10_001 + i))
    const { rows: end } = await client.query<{ rowNumber: number }>(STORED_VERDICTS_SQL, [importId, 19_800, 500])
    expect(end.map((r) => r.rowNumber)).toEqual(Array.from({ length: 201 }, (_, i) => 19_801 + i))
  })
})
