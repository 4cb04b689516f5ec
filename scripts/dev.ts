/**
 * `npm run dev`: local secret, database (embedded unless DATABASE_URL is set), migrations, demo data
 * on first start, then `next dev`. `npm run dev -- --prod` serves a production build with `next start`.
 */
import { ensureLocalEnv } from './lib/local-env'
import { resolveDatabase } from './lib/with-database'
import { isEmpty, prismaCli, seedDemoData } from './lib/prepare-db'
import { runNext, type NextProcess } from './lib/run-next'
import { parsePort, portProblem } from './lib/port'
import { refuseBadConfiguration } from './lib/check-config'
import { DEMO_USERS } from '../prisma/seed/demo-users'

/**
 * Where `npm run dev` listens: this machine only by default (the demo passwords are in the README);
 * `HOST=0.0.0.0 npm run dev` (or an address of this machine) to open it to the network.
 */
const HOST = process.env.HOST?.trim() || '127.0.0.1'
/** The address the script itself asks: a wildcard is reached on the loopback. */
const PROBE_HOST = HOST === '0.0.0.0' || HOST === '::' ? '127.0.0.1' : HOST.includes(':') ? `[${HOST}]` : HOST

/**
 * Once Next answers /api/health (the demo data is loaded before Next starts), print how long the start
 * took: the first start (new database, demo data) is the figure the README promises.
 */
async function reportReady(next: NextProcess, port: number, started: number, firstStart: boolean) {
  for (let i = 0; i < 600 && next.alive(); i++) {
    try {
      const r = await fetch(`http://${PROBE_HOST}:${port}/api/health`, { signal: AbortSignal.timeout(10_000) })
      // our own Next still running: the port was free when we started, so the answer is its
      if (r.ok && next.alive()) {
        const s = ((Date.now() - started) / 1000).toFixed(0)
        console.log(`\nLumbung melayani di http://localhost:${port} setelah ${s} s (${firstStart ? 'start pertama: database baru dan data demo dimuat' : 'data yang sudah ada'}).\n`)
        return
      }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250))
  }
}

/**
 * While the demo data loads, ask Next for the health route and the sign-in page once it listens: in
 * development that compiles them, so the first page the user opens after the seed answers at once.
 */
async function warmUp(next: NextProcess, port: number) {
  for (let i = 0; i < 600 && next.alive(); i++) {
    try {
      await fetch(`http://${PROBE_HOST}:${port}/api/health`, { signal: AbortSignal.timeout(60_000) })
      await fetch(`http://${PROBE_HOST}:${port}/masuk`, { signal: AbortSignal.timeout(60_000) }).catch(() => {})
      return
    } catch {
      await new Promise((r) => setTimeout(r, 500))
    }
  }
}

async function main() {
  // from the start of this process (tsx and the imports included), as a user would count
  const started = Date.now() - Math.round(process.uptime() * 1000)
  ensureLocalEnv()
  // before anything starts (PostgreSQL, the demo data): a bad setting or a taken port is one sentence
  refuseBadConfiguration('', { load: false, assume: { DATABASE_URL: 'postgresql://embedded/lumbung' } })
  const port = parsePort(process.env.PORT, 3000)
  if (typeof port === 'string') {
    console.error(port)
    process.exit(1)
  }
  const taken = await portProblem(port, HOST)
  if (taken) {
    console.error(taken)
    process.exit(1)
  }
  const db = await resolveDatabase({ dataDir: '.data/postgres', publishUrl: true })
  let fresh: boolean
  try {
    prismaCli(['migrate', 'deploy'], db.url)
    fresh = await isEmpty(db.url)
  } catch (e) {
    await db.stop()
    throw e
  }
  // On a new database Next.js starts (and compiles) while the demo data loads, its output held back until
  // the data is in: about a quarter of the first start, on two cores.
  const next = runNext(process.argv.includes('--prod') ? 'start' : 'dev', db, port, { hold: fresh, host: HOST })
  if (fresh) {
    console.log('Database baru: memuat data demo (Next.js bersiap bersamaan) ...')
    void warmUp(next, port)
    try {
      await seedDemoData(db.url)
    } catch (e) {
      console.error(e instanceof Error ? e.message : e)
      next.stop(1)
      return
    }
  }
  console.log(`\nLumbung siap di http://${HOST === '127.0.0.1' ? 'localhost' : PROBE_HOST}:${port}${HOST === '127.0.0.1' ? ' (hanya dari mesin ini; HOST=0.0.0.0 untuk jaringan)' : ''}`)
  console.log('Akun demo (kata sandi hanya untuk demo):')
  for (const u of DEMO_USERS) console.log(`  ${u.role.padEnd(17)} ${u.username.padEnd(16)} ${u.password}   ${u.label}`)
  console.log('')
  next.release()
  void reportReady(next, port, started, fresh)
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e)
  process.exit(1)
})
