/**
 * `npx tsx scripts/bench/pages-run.ts http://localhost:3000 [--connections 20] [--seconds 20] [--js]`:
 * the page-load part of the bench against a server already running (e.g. `npm run dev -- --prod` with
 * the demo data), signed in as the demo leadership user.
 */
import os from 'node:os'
import { benchPageLoads, benchScriptBytes, signIn } from './pages'
import { table } from './stats'

async function main() {
  const argv = process.argv.slice(2)
  const base = argv.find((a) => a.startsWith('http')) ?? 'http://localhost:3000'
  const arg = (n: string, d: number) => (argv.includes(`--${n}`) ? Number(argv[argv.indexOf(`--${n}`) + 1]) : d)
  const paths = (argv.includes('--paths') ? argv[argv.indexOf('--paths') + 1] : '/,/dasbor/kredit,/koperasi').split(',')
  const user = process.env.BENCH_USER ?? 'pimpinan'
  const password = process.env.BENCH_PASSWORD ?? 'Lumbung-Pimpinan-2026'
  const cookie = await signIn(base, user, password)
  console.log(`signed in as ${user}; ${os.cpus().length} CPUs, load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`)
  if (argv.includes('--js')) {
    const js = await benchScriptBytes({ base, cookie, paths: argv.includes('--js-paths') ? argv[argv.indexOf('--js-paths') + 1].split(',') : [...paths, '/dasbor/wilayah/35.17'] })
    console.log(table(['page', 'scripts', 'gzip kB on load', 'gzip kB after scroll'], js.map((r) => [r.path, r.scripts, (r.gzipBytes / 1000).toFixed(1), (r.afterScrollGzipBytes / 1000).toFixed(1)])))
  }
  if (!argv.includes('--no-load')) {
    const rows = await benchPageLoads({ base, cookie, paths, connections: arg('connections', 20), seconds: arg('seconds', 20), log: console.log })
    console.log(table(['page', 'conn', 'req', 'req/s', 'p50', 'p97.5', 'max', 'errors', 'timeouts', 'non-2xx', 'p50 ÷ health'], rows.map((r) => [r.path, r.connections, r.requests, r.rps.toFixed(1), r.p50, r.p95, r.max, r.errors, r.timeouts, r.non2xx, r.p50RatioToHealth?.toFixed(1) ?? ''])))
  }
  console.log(`load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`)
}
main().catch((e) => { console.error(e); process.exit(1) })
