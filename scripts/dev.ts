/**
 * `npm run dev`: local secret, database (embedded unless DATABASE_URL is set), migrations, demo data
 * on first start, then `next dev`. `npm run dev -- --prod` serves a production build with `next start`.
 */
import { ensureLocalEnv } from './lib/local-env'
import { resolveDatabase } from './lib/with-database'
import { isEmpty, prismaCli, seedDemoData } from './lib/prepare-db'
import { runNext } from './lib/run-next'
import { DEMO_USERS } from '../prisma/seed/demo-users'

/**
 * Once Next answers /api/health (the demo data is loaded before Next starts), print how long the start
 * took: the first start (new database, demo data) is the figure the README promises.
 */
async function reportReady(port: number, started: number, firstStart: boolean) {
  for (let i = 0; i < 600; i++) {
    try {
      const r = await fetch(`http://127.0.0.1:${port}/api/health`, { signal: AbortSignal.timeout(10_000) })
      if (r.ok) {
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
async function warmUp(port: number) {
  for (let i = 0; i < 600; i++) {
    try {
      await fetch(`http://127.0.0.1:${port}/api/health`, { signal: AbortSignal.timeout(60_000) })
      await fetch(`http://127.0.0.1:${port}/masuk`, { signal: AbortSignal.timeout(60_000) }).catch(() => {})
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
  const db = await resolveDatabase({ dataDir: '.data/postgres', publishUrl: true })
  let fresh: boolean
  try {
    prismaCli(['migrate', 'deploy'], db.url)
    fresh = await isEmpty(db.url)
  } catch (e) {
    await db.stop()
    throw e
  }
  const port = Number(process.env.PORT ?? 3000)
  // On a new database Next.js starts (and compiles) while the demo data loads, its output held back until
  // the data is in: about a quarter of the first start, on two cores.
  const next = runNext(process.argv.includes('--prod') ? 'start' : 'dev', db, port, { hold: fresh })
  if (fresh) {
    console.log('Database baru: memuat data demo (Next.js bersiap bersamaan) ...')
    void warmUp(port)
    try {
      await seedDemoData(db.url)
    } catch (e) {
      console.error(e instanceof Error ? e.message : e)
      next.stop(1)
      return
    }
  }
  console.log(`\nLumbung siap di http://localhost:${port}`)
  console.log('Akun demo (kata sandi hanya untuk demo):')
  for (const u of DEMO_USERS) console.log(`  ${u.role.padEnd(17)} ${u.username.padEnd(16)} ${u.password}   ${u.label}`)
  console.log('')
  next.release()
  void reportReady(port, started, fresh)
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e)
  process.exit(1)
})
