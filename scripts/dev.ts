/**
 * `npm run dev`: local secret, database (embedded unless DATABASE_URL is set), migrations, demo data
 * on first start, then `next dev`. `npm run dev -- --prod` serves a production build with `next start`.
 */
import { ensureLocalEnv } from './lib/local-env'
import { resolveDatabase } from './lib/with-database'
import { prepareDatabase } from './lib/prepare-db'
import { runNext } from './lib/run-next'
import { DEMO_USERS } from '../prisma/seed/demo-users'

async function main() {
  ensureLocalEnv()
  const db = await resolveDatabase({ dataDir: '.data/postgres', publishUrl: true })
  try {
    await prepareDatabase(db.url, { seed: true })
  } catch (e) {
    await db.stop()
    throw e
  }
  const port = Number(process.env.PORT ?? 3000)
  console.log(`\nLumbung siap di http://localhost:${port}`)
  console.log('Akun demo (kata sandi hanya untuk demo):')
  for (const u of DEMO_USERS) console.log(`  ${u.role.padEnd(17)} ${u.username.padEnd(16)} ${u.password}   ${u.label}`)
  console.log('')
  runNext(process.argv.includes('--prod') ? 'start' : 'dev', db, port)
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e)
  process.exit(1)
})
