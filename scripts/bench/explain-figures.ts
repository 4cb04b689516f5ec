/**
 * `EXPLAIN (ANALYZE, BUFFERS)` of each credit figure function's statement next to its floor's, on a database
 * holding the bench data set (run `npm run bench` with `BENCH_DATABASE_URL` first, which keeps it):
 *
 *   DATABASE_URL=postgresql://… npx tsx --conditions=react-server scripts/bench/explain-figures.ts [summary|series|ranking] [regency]
 *
 * The function's statement is taken from the call itself (the query on its pg pool is intercepted, then explained
 * on a session with the app's settings), so what is explained is exactly what the function sends.
 */
import pg from 'pg'
import { Prisma } from '../../lib/generated/prisma/client'
import { figuresInScope } from '../../lib/data/credit'
import { resolveFigureScope } from '../../lib/scope'
import { jakartaToday } from '../../lib/dates'
import { APP_SESSION_OPTIONS } from '../../lib/prisma-client'
import type { SessionUser } from '../../lib/session-user'
import { RANKING_SQL, seriesSql, summarySql } from './dashboard'
import { PROVINCE } from './data'

async function main() {
  const [figure = 'summary', regency] = process.argv.slice(2)
  const url = process.env.DATABASE_URL
  if (!url) throw new Error('DATABASE_URL is not set')
  process.env.AGENCY_PROVINCE_CODE ??= PROVINCE
  const pool = new pg.Pool({ connectionString: url, max: 1, options: APP_SESSION_OPTIONS })
  const programId = (await pool.query(`SELECT id FROM credit_programs WHERE id LIKE 'bench-%' ORDER BY year DESC LIMIT 1`)).rows[0].id as string
  const user: SessionUser = regency
    ? { id: 'x', username: 'x', name: 'x', role: 'DISTRICT_OFFICER', regencyCode: regency, bankId: null, mustChangePassword: false }
    : { id: 'x', username: 'x', name: 'x', role: 'LEADERSHIP', regencyCode: null, bankId: null, mustChangePassword: false }
  const scope = await resolveFigureScope(user, { programId, regencyCode: figure === 'ranking' ? undefined : regency })

  // the function's statement: intercept the query of the pg pool the figures run on (lib/db.ts#readSql keeps
  // each client's pool on globalThis)
  const { readSql } = await import('../../lib/db')
  await readSql(Prisma.sql`SELECT 1`)
  const g = globalThis as unknown as { prisma: object; prismaPools: WeakMap<object, pg.Pool> }
  const appPool = g.prismaPools.get(g.prisma)!
  let captured: { text: string; values: unknown[] } | undefined
  const original = appPool.query.bind(appPool) as (text: string, values?: unknown[]) => Promise<unknown>
  ;(appPool as unknown as { query: typeof original }).query = (text: string, values?: unknown[]) => {
    captured = { text, values: values ?? [] }
    return original(text, values)
  }
  if (figure === 'summary') await figuresInScope.creditSummary(scope)
  else if (figure === 'series') await figuresInScope.monthlySeries(scope)
  else await figuresInScope.regencyRanking(scope)
  if (!captured) throw new Error('no statement captured')

  const { rows: [p] } = await pool.query(`SELECT scheme, year FROM credit_programs WHERE id = $1`, [programId])
  const yearEnd = `${p.year}-12-31`
  const asOf = jakartaToday() < yearEnd ? jakartaToday() : yearEnd
  const params = figure === 'ranking' ? [programId, asOf, PROVINCE] : [programId, asOf, p.scheme, `${p.year}-01-01`, `${p.year + 1}-01-01`, ...(regency ? [regency] : [])]
  const floor = figure === 'summary' ? summarySql(Boolean(regency)) : figure === 'series' ? seriesSql(Boolean(regency)) : RANKING_SQL

  for (const [label, sql, values] of [['function', captured.text, captured.values], ['floor', floor, params]] as const) {
    for (let i = 0; i < 3; i++) await pool.query(sql, values as unknown[]) // warm
    const plan = await pool.query(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, values as unknown[])
    console.log(`\n===== ${label}: ${figure}${regency ? ` ${regency}` : ''} =====`)
    console.log(plan.rows.map((r) => r['QUERY PLAN']).join('\n'))
  }
  await pool.end()
  await (await import('../../lib/db')).db.$disconnect()
}
main().catch((e) => {
  console.error(e)
  process.exit(1)
})
