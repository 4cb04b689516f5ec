/**
 * Where a page's time goes on a running server, per request: `npx tsx scripts/bench/page-sql.ts
 * http://localhost:3000 [--requests 10] [--paths /,/dasbor/kredit]` with `DATABASE_URL` pointing at the
 * server's database, signed in as the demo `pimpinan` (or BENCH_USER/BENCH_PASSWORD).
 *
 * For each page: `pg_stat_statements` is reset, the page is loaded N times one after the other, and the
 * statements PostgreSQL ran are read back: statements and rows per request, their total execution time
 * per request, and the statements that cost most. Set up once (as a superuser, then restart PostgreSQL):
 * `ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements'`; the extension is created here
 * when missing. Reports the wall time of the requests beside it: the rest is Node (session, rendering).
 */
import { performance } from 'node:perf_hooks'
import pg from 'pg'
import { signIn } from './pages'

type Statement = { query: string; calls: number; rows: number; ms: number }

async function main() {
  const argv = process.argv.slice(2)
  const base = argv.find((a) => a.startsWith('http')) ?? 'http://localhost:3000'
  const arg = (n: string) => (argv.includes(`--${n}`) ? argv[argv.indexOf(`--${n}`) + 1] : undefined)
  const requests = Number(arg('requests') ?? 10)
  const paths = (arg('paths') ?? '/,/dasbor/kredit,/koperasi').split(',')
  if (!process.env.DATABASE_URL) throw new Error('DATABASE_URL: the database the server reads')
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL })
  await client.connect()
  await client.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements')
  const cookie = await signIn(base, process.env.BENCH_USER ?? 'pimpinan', process.env.BENCH_PASSWORD ?? 'Lumbung-Pimpinan-2026')
  for (const path of paths) {
    // warm: the first request compiles nothing in production, but fills caches and the pool
    for (let i = 0; i < 2; i++) await (await fetch(base + path, { headers: { cookie } })).text()
    await client.query('SELECT pg_stat_statements_reset()')
    const wall: number[] = []
    let bytes = 0
    for (let i = 0; i < requests; i++) {
      const t = performance.now()
      const res = await fetch(base + path, { headers: { cookie } })
      bytes += (await res.text()).length
      wall.push(performance.now() - t)
      if (res.status !== 200) throw new Error(`${path}: HTTP ${res.status}`)
    }
    const { rows } = await client.query<Statement>(`
      SELECT regexp_replace(query, '\\s+', ' ', 'g') AS query, calls::int, rows::int, total_exec_time::float8 AS ms
      FROM pg_stat_statements
      WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
        AND query NOT ILIKE '%pg_stat_statements%' AND toplevel
      ORDER BY total_exec_time DESC`)
    const calls = rows.reduce((a, r) => a + r.calls, 0)
    const ms = rows.reduce((a, r) => a + r.ms, 0)
    wall.sort((a, b) => a - b)
    console.log(`\n${path}: ${requests} requests, wall p50 ${wall[Math.floor(requests / 2)].toFixed(0)} ms (min ${wall[0].toFixed(0)}), ` +
      `${(bytes / requests / 1024).toFixed(0)} KiB HTML per request`)
    console.log(`  SQL per request: ${(calls / requests).toFixed(1)} statements, ${(ms / requests).toFixed(1)} ms execution in PostgreSQL`)
    for (const r of rows.slice(0, Number(arg('top') ?? 12))) {
      console.log(`  ${(r.calls / requests).toFixed(1).padStart(5)}×  ${(r.ms / requests).toFixed(2).padStart(8)} ms  ${(r.rows / Math.max(1, r.calls)).toFixed(0).padStart(6)} rows  ${r.query.slice(0, 150)}`)
    }
  }
  await client.end()
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
