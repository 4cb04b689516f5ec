/**
 * `npm run bench`: performance measured on a large data set, never by timed tests
 * (docs/quality.md, "Performance"). Prints tables and writes JSON to bench-results/<timestamp>.json.
 *
 *   npm run bench                          full scale: 1,000,000 disbursements, 300,000 MSMEs, 30,000 cooperatives
 *   npm run bench -- --scale small         a tenth of everything (a quick run)
 *   npm run bench -- --only dashboard      or --only import, --only pages (comma-separated; default all three);
 *                                          --only import loads only the regions and registers it needs
 *   npm run bench -- --seconds 20          pages: seconds of load per page (default 20), --connections 20
 *   npm run bench -- --instances 2         pages: N `next start` behind a round-robin balancer (HAProxy when
 *                                          installed, else scripts/bench/tcp-balancer.mjs); default 1
 *   npm run bench -- --page-data demo      pages: on the demo data only (or bench; default demo,bench)
 *   npm run bench -- --iterations 50       timed runs per figure (default at most 30, after 3 warm-up runs; once 10
 *                                          runs are done a figure stops after --budget seconds, default 40)
 *   BENCH_DATABASE_URL=postgresql://…      use that database instead of a throwaway embedded one: it must be
 *                                          empty (it is then loaded) or hold a bench data set of the same scale
 *                                          (it is reused as is); any other data makes the bench refuse to start
 *
 * Runs under `tsx --conditions=react-server` (see package.json) because lib/data/* import `server-only`,
 * which throws everywhere except in React server code; the condition makes it the empty module.
 *
 * Every figure is compared with a floor measured in the same run (this machine is shared and noisy):
 * the dashboard server functions with the fastest hand-written SQL for the same numbers, the import
 * with PostgreSQL COPY of the same rows, each page's load with /api/health on the same server.
 *
 * Pages (scripts/bench/pages.ts): the production build (made when missing) served by `next start`,
 * signed in as leadership, Beranda, /dasbor/kredit and /koperasi loaded by autocannon, at demo scale
 * (the demo data in a database of its own, `BENCH_DEMO_DATABASE_URL` to reuse one) and at the bench
 * scale (this run's data set), with the gzip JavaScript each page loads in Chromium. Targets are printed as PASS/FAIL; a miss is a measurement, not
 * an error: the exit code is non-zero only when something failed to run.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { createPrismaClient } from '../lib/prisma-client'
import { startEmbeddedPostgres, type EmbeddedDb } from './lib/embedded-db'
import { prepareDatabase, prismaCli } from './lib/prepare-db'
import { benchDashboard, P95_TARGET_MS, RATIO_TARGET, type DashboardRow } from './bench/dashboard'
import { existingCounts, inspectDatabase, loadBenchData, programId, VOLUMES, YEARS, type LoadReport, type Scale } from './bench/data'
import { benchImport, type ImportResult } from './bench/import'
import { round, table } from './bench/stats'
import { benchPageLoads, benchScriptBytes, JS_TARGET_BYTES, PAGE_P95_TARGET_MS, signIn, type PageLoadRow, type ScriptBytesRow } from './bench/pages'
import { benchLeader, ensureBuild, startServers } from './bench/page-server'

type Part = 'dashboard' | 'import' | 'pages'
const PARTS: Part[] = ['dashboard', 'import', 'pages']
type Options = { scale: Scale; iterations: number; warmup: number; budgetSeconds: number; only: Set<Part>; seconds: number; connections: number; instances: number; pageData: ('demo' | 'bench')[] }

/** The pages loaded under load, signed in as leadership, and the pages whose JavaScript is measured. */
const LOAD_PATHS = ['/', '/dasbor/kredit', '/koperasi']
const JS_PATHS = ['/', '/dasbor/kredit', '/dasbor/wilayah/35.17', '/koperasi']

/** Runs per figure are bounded (the machine is shared): at least MIN_RUNS, then stop after the time budget. */
const MIN_RUNS = 10

function parseArgs(argv: string[]): Options {
  const value = (name: string) => {
    const i = argv.indexOf(`--${name}`)
    if (i >= 0) return argv[i + 1]
    return argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3)
  }
  const known = new Set(['--scale', '--iterations', '--warmup', '--budget', '--only', '--seconds', '--connections', '--instances', '--page-data'])
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i].split('=')[0]
    if (!known.has(flag)) throw new Error(`unknown argument ${argv[i]} (known: ${[...known].join(', ')})`)
    if (!argv[i].includes('=')) i++
  }
  const scale = value('scale') ?? 'full'
  if (scale !== 'small' && scale !== 'full') throw new Error(`--scale must be "small" or "full", not "${scale}"`)
  const int = (name: string, fallback: number) => {
    const v = value(name)
    if (v === undefined) return fallback
    if (!/^\d+$/.test(v) || Number(v) < 1) throw new Error(`--${name} must be a positive whole number`)
    return Number(v)
  }
  const only = (value('only') ?? PARTS.join(',')).split(',')
  for (const o of only) if (!(PARTS as string[]).includes(o)) throw new Error(`--only takes ${PARTS.join(', ')}, not "${o}"`)
  const pageData = value('page-data') ?? 'demo,bench'
  if (!/^(demo|bench)(,(demo|bench))?$/.test(pageData)) throw new Error(`--page-data takes demo, bench or demo,bench, not "${pageData}"`)
  return {
    scale, iterations: int('iterations', 30), warmup: int('warmup', 3), budgetSeconds: int('budget', 40), only: new Set(only as Part[]),
    seconds: int('seconds', 20), connections: int('connections', 20), instances: int('instances', 1), pageData: [...new Set(pageData.split(','))] as ('demo' | 'bench')[],
  }
}

const log = (m: string) => console.log(m)

async function main() {
  const opts = parseArgs(process.argv.slice(2))
  const started = new Date()
  const volume = VOLUMES[opts.scale]
  const importRows = opts.scale === 'full' ? 100_000 : 10_000
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'lumbung-bench-'))
  let embedded: EmbeddedDb | undefined
  let prisma: ReturnType<typeof createPrismaClient> | undefined
  let client: pg.Client | undefined
  let pool: pg.Pool | undefined
  let appDb: { $disconnect: () => Promise<void> } | undefined

  // Ctrl-C reaches the whole process group, PostgreSQL included, which then shuts down by itself;
  // stop() then only deletes the throwaway data folder
  const postgresRunning = () => embedded?.running() ?? false
  const within = (p: Promise<unknown> | undefined, ms: number) => Promise.race([p, new Promise((r) => setTimeout(r, ms).unref())])
  let cleaning: Promise<void> | undefined
  const cleanup = () =>
    (cleaning ??= (async () => {
      for (const close of [() => appDb?.$disconnect(), () => prisma?.$disconnect(), () => client?.end(), () => pool?.end()]) {
        try {
          await within(close(), 3_000)
        } catch {
          // closing after an error or an interrupt: nothing more to do
        }
      }
      if (embedded) {
        if (postgresRunning()) log('Stopping PostgreSQL ...')
        await within(embedded.stop(), 30_000)
      }
      rmSync(tmp, { recursive: true, force: true })
    })())
  // the last resort when something exits the process first
  process.on('exit', () => rmSync(tmp, { recursive: true, force: true }))
  let interrupted = false
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      interrupted = true
      log(`\n${signal}: stopping.`)
      cleanup().finally(() => process.exit(130))
    })
  }

  try {
    log(`Lumbung bench, scale ${opts.scale}: ${volume.disbursements.toLocaleString('en')} disbursements, ${volume.msmes.toLocaleString('en')} MSMEs, ` +
      `${volume.cooperatives.toLocaleString('en')} cooperatives, ${YEARS.length} programme years; ${os.cpus().length} CPUs, load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`)
    let url = process.env.BENCH_DATABASE_URL
    if (url) {
      log(`BENCH_DATABASE_URL is set: using that database (${url.replace(/:[^:@/]*@/, ':***@')}).`)
    } else {
      // throwaway: in a temporary folder the `postgres` user can reach (as root), deleted on stop
      embedded = await startEmbeddedPostgres({ persistent: false, log, ...(process.env.BENCH_PG_PORT && { port: Number(process.env.BENCH_PG_PORT) }) })
      await embedded.createDatabase('lumbung_bench')
      url = embedded.url('lumbung_bench')
      log(`Throwaway PostgreSQL on 127.0.0.1:${embedded.port} (data in ${embedded.dataDir}, deleted at the end).`)
    }
    client = new pg.Client({ connectionString: url })
    await client.connect()
    if (embedded) {
      // fewer checkpoints while loading a million rows; the cluster is thrown away afterwards
      await client.query(`ALTER SYSTEM SET max_wal_size = '4GB'`)
      await client.query(`SELECT pg_reload_conf()`)
    }
    const pgVersion = (await client.query('SHOW server_version')).rows[0].server_version as string

    // the import alone needs only the regions and the registers (scripts/bench/data.ts, Extent)
    const extent = opts.only.has('dashboard') || opts.only.has('pages') ? 'all' : 'registers'
    const state = await inspectDatabase(client, opts.scale, extent)
    if (state.state === 'refuse') throw new Error(`refusing to use BENCH_DATABASE_URL: ${state.reason}`)
    let load: LoadReport
    if (state.state === 'loaded') {
      log('The database already holds the bench data set of this scale: reusing it.')
      prismaCli(['migrate', 'deploy'], url)
      load = { reused: true, seconds: 0, counts: await existingCounts(client) }
    } else {
      log('Migrating ...')
      prismaCli(['migrate', 'deploy'], url)
      log(extent === 'all' ? 'Loading the data set (in SQL) ...' : 'Loading the regions and the registers (in SQL; --only import needs no credit data) ...')
      prisma = createPrismaClient(url, 2)
      load = await loadBenchData(client, prisma, opts.scale, log, extent)
      await prisma.$disconnect()
      prisma = undefined
      log(`Loaded in ${load.seconds.toFixed(0)} s.`)
    }
    log(table(['table', 'rows'], Object.entries(load.counts).map(([k, v]) => [k, v.toLocaleString('en')])))

    // the app's own database client (lib/db.ts) reads these on first use
    process.env.DATABASE_URL = url
    process.env.AGENCY_PROVINCE_CODE = '35'

    let dashboard: Awaited<ReturnType<typeof benchDashboard>> | undefined
    if (opts.only.has('dashboard')) {
      const program = programId(YEARS[YEARS.length - 1])
      log(`\nDashboard figures, programme ${program} (${opts.warmup} warm-up runs, then up to ${opts.iterations} timed runs each, alternating with the floor; ` +
        `after ${MIN_RUNS} runs a figure stops once it has taken ${opts.budgetSeconds} s) ...`)
      pool = new pg.Pool({ connectionString: url, max: 2 })
      appDb = (await import('../lib/db')).db
      dashboard = await benchDashboard({ pool, programId: program, iterations: opts.iterations, warmup: opts.warmup, minRuns: Math.min(MIN_RUNS, opts.iterations), budgetSeconds: opts.budgetSeconds, log })
    }

    let imported: ImportResult | undefined
    if (opts.only.has('import')) {
      log(`\nImport of ${importRows.toLocaleString('en')} MSME rows from .xlsx ...`)
      imported = await benchImport({ url, rows: importRows, dir: tmp, log })
    }

    type PagesResult = { scale: string; database: string; instances: number; balancer: string | null; loads: PageLoadRow[]; scripts: ScriptBytesRow[]; loadAverage: number[] }
    const pages: PagesResult[] = []
    if (opts.only.has('pages')) {
      ensureBuild(log)
      // demo scale: the demo data (npm run dev's) in a database of its own, unless one is given
      let demoUrl = process.env.BENCH_DEMO_DATABASE_URL
      if (!demoUrl && opts.pageData.includes('demo')) {
        if (embedded) {
          await embedded.createDatabase('lumbung_bench_demo')
          demoUrl = embedded.url('lumbung_bench_demo')
        } else {
          await client.query('DROP DATABASE IF EXISTS lumbung_bench_demo')
          await client.query('CREATE DATABASE lumbung_bench_demo')
          const u = new URL(url)
          u.pathname = '/lumbung_bench_demo'
          demoUrl = u.toString()
        }
        log('\nPages, demo scale: loading the demo data into lumbung_bench_demo (one to three minutes) ...')
        await prepareDatabase(demoUrl, { seed: true, log })
      }
      const targets = [...(opts.pageData.includes('demo') ? [['demo', demoUrl!] as const] : []), ...(opts.pageData.includes('bench') ? [[opts.scale, url] as const] : [])]
      for (const [name, dbUrl] of targets) {
        log(`\nPages at ${name} scale: next start × ${opts.instances}, signed in as leadership; ${opts.connections} connections for ${opts.seconds} s per page ...`)
        const leader = await benchLeader(dbUrl)
        const server = await startServers(dbUrl, opts.instances, log)
        try {
          const cookie = await signIn(server.base, leader.username, leader.password)
          const scripts = await benchScriptBytes({ base: server.base, cookie, paths: JS_PATHS })
          const loads = await benchPageLoads({ base: server.base, cookie, paths: LOAD_PATHS, connections: opts.connections, seconds: opts.seconds, log, cpu: server.cpu })
          pages.push({ scale: name, database: name === 'demo' ? 'demo data' : 'bench data set', instances: server.instances, balancer: server.balancer, loads, scripts, loadAverage: os.loadavg().map((l) => round(l, 2)) })
        } finally {
          await server.stop()
        }
      }
    }

    // ── report ──
    log(`\n━━━ Results (${opts.scale} scale, PostgreSQL ${pgVersion}, ${os.cpus().length} CPUs, load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')})`)
    if (dashboard) {
      log(`\nDashboard figures: programme ${dashboard.programme.id}, as of ${dashboard.programme.asOf}; ms over n runs; ` +
        `floor = fastest hand-written SQL for the same numbers; target p95 ≤ ${P95_TARGET_MS} ms and ratio ≤ ${RATIO_TARGET}`)
      log('p50/p95: in a request (scope resolved once, as a page); alone: the exported function as one call, with its programme read')
      log(table(['figure', 'user', 'n', 'p50', 'p95', 'alone p50', 'alone p95', 'floor p50', 'floor p95', 'ratio', 'alone ratio', 'result'],
        dashboard.rows.map((r: DashboardRow) => [r.figure, r.user, r.n, r.p50.toFixed(1), r.p95.toFixed(1), r.aloneP50.toFixed(1), r.aloneP95.toFixed(1), r.floorP50.toFixed(1), r.floorP95.toFixed(1), r.ratio.toFixed(2), r.aloneRatio.toFixed(2), r.pass ? 'PASS' : 'FAIL'])))
    }
    if (imported) {
      const i = imported
      log(`\nImport: ${i.rows.toLocaleString('en')} rows in .xlsx (${(i.xlsxBytes / 1e6).toFixed(1)} MB), ${i.accepted.toLocaleString('en')} written, ${i.rejected} rejected; ` +
        `batches of ${i.batchSize.toLocaleString('en')}; target ratio ≤ 1.5, peak RSS ≤ 300 MB`)
      log(table(['step', 'seconds', 'rows/s', 'ratio to COPY'], [
        ['real import path (lib/imports): upload + dry run + write', i.import.seconds.toFixed(2), i.import.rowsPerSecond.toLocaleString('en'), `${i.ratio.toFixed(2)} ${i.ratio <= 1.5 ? 'PASS' : 'FAIL'}`],
        ['  of which upload and analysis', i.import.uploadSeconds.toFixed(2), '', ''],
        ['  of which the dry run (job import.check: read, checked, verdicts and plan stored)', i.import.checkSeconds.toFixed(2), '', `${(i.import.checkSeconds / i.copy.seconds).toFixed(2)}`],
        ['  of which the write (job import.commit: plan checked and applied, or rows checked again; audited)', i.import.commitSeconds.toFixed(2), '',
          `${i.commitOnlyRatio.toFixed(2)} ${i.commitOnlyRatio <= 1.5 ? 'PASS' : 'FAIL'} (÷ COPY with audit rows: ${(i.import.commitSeconds / i.copyWithAudit.seconds).toFixed(2)})`],
        ['floor: COPY msmes FROM STDIN, same rows', i.copy.seconds.toFixed(2), i.copy.rowsPerSecond.toLocaleString('en'), '1.00'],
        ['COPY of the same rows and their audit rows', i.copyWithAudit.seconds.toFixed(2), '', `${(i.copyWithAudit.seconds / i.copy.seconds).toFixed(2)} (whole import ÷ this: ${i.ratioWithAudit.toFixed(2)})`],
      ]))
      log(`Peak RSS of the process running the import jobs: ${i.peakRssMb} MB (${i.baselineRssMb} MB before it started) ${i.peakRssMb <= 300 ? 'PASS' : 'FAIL'}; ` +
        `per phase (RSS / JavaScript heap${i.phasePeaksMb.upload.live === undefined ? '' : ' (live after a forced GC)'} / outside the heap): ` +
        `${Object.entries(i.phasePeaksMb).map(([k, v]) => `${k} ${v.rss} / ${v.heap}${v.live === undefined ? '' : ` (${v.live})`} / ${v.external} MB`).join(', ')}`)
    }

    for (const p of pages) {
      log(`\nPages under load, ${p.scale} scale (${p.database}), next start × ${p.instances}${p.balancer ? ` behind ${p.balancer === 'haproxy' ? 'HAProxy' : 'the Node TCP balancer'}` : ''}, ` +
        `${opts.connections} connections × ${opts.seconds} s each, signed in as leadership; ` +
        `ms; p95 column = autocannon's p97.5 (an upper bound of p95); CPU ms per request = CPU time of the next start process(es) (and of the balancer) during the run ÷ responses; ` +
        `load average after: ${p.loadAverage.join(' ')}; target p95 ≤ ${PAGE_P95_TARGET_MS} ms, 0 errors`)
      const ms = (v: number | null) => (v === null ? '' : v.toFixed(1))
      log(table(['page', 'requests', 'req/s', 'p50', 'p95 (p97.5)', 'p99', 'errors', 'time-outs', 'non-2xx', 'p50 ÷ health', 'health req/s ÷ page', 'CPU ms/req', ...(p.balancer ? ['balancer CPU ms/req'] : []), 'result'],
        p.loads.map((r) => [r.path, r.requests, r.rps.toFixed(1), r.p50, r.p95, r.p99, r.errors, r.timeouts, r.non2xx, r.p50RatioToHealth?.toFixed(1) ?? '', r.rpsRatioToHealth?.toFixed(1) ?? '',
          ms(r.serverCpuMsPerRequest), ...(p.balancer ? [ms(r.balancerCpuMsPerRequest)] : []),
          r.path === '/api/health' ? '' : r.p95 <= PAGE_P95_TARGET_MS && r.errors === 0 && r.timeouts === 0 && r.non2xx === 0 ? 'PASS' : 'FAIL'])))
      log(`JavaScript loaded in Chromium (1280×800), gzip as transferred; target ≤ ${JS_TARGET_BYTES / 1024} KiB on load`)
      log(table(['page', 'scripts', 'KiB on load', 'KiB after scrolling to the end', 'result'],
        p.scripts.map((r) => [r.path, r.scripts, (r.gzipBytes / 1024).toFixed(1), (r.afterScrollGzipBytes / 1024).toFixed(1), r.gzipBytes <= JS_TARGET_BYTES ? 'PASS' : 'FAIL'])))
    }

    const result = {
      startedAt: started.toISOString(),
      finishedAt: new Date().toISOString(),
      scale: opts.scale,
      machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, loadAverageAtEnd: os.loadavg().map((l) => round(l, 2)), node: process.version, postgres: pgVersion, database: embedded ? 'embedded (throwaway)' : 'BENCH_DATABASE_URL' },
      volume,
      note: 'Subsidy amounts in the bench data are synthetic (straight-line balances, 12 stored periods for a subset of loans); only query shapes and sizes matter.',
      load,
      dashboard: dashboard && { programme: dashboard.programme, maxIterations: opts.iterations, minRuns: MIN_RUNS, budgetSeconds: opts.budgetSeconds, warmup: opts.warmup, targets: { p95Ms: P95_TARGET_MS, ratio: RATIO_TARGET }, rows: dashboard.rows, samplesMs: dashboard.samples },
      import: imported,
      pages: pages.length ? { connections: opts.connections, seconds: opts.seconds, instances: opts.instances, targets: { p95Ms: PAGE_P95_TARGET_MS, jsBytes: JS_TARGET_BYTES }, runs: pages } : undefined,
    }
    mkdirSync('bench-results', { recursive: true })
    const file = path.join('bench-results', `${started.toISOString().replace(/[:.]/g, '-')}.json`)
    writeFileSync(file, JSON.stringify(result, null, 2) + '\n')
    log(`\nJSON: ${file}`)
  } catch (e) {
    // after Ctrl-C the running query fails because PostgreSQL is shutting down: not worth a stack trace
    if (interrupted) return new Promise<never>(() => {})
    throw e
  } finally {
    if (!interrupted) await cleanup()
  }
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e instanceof Error ? (e.stack ?? e.message) : e)
    process.exit(1)
  },
)
