/** Migrate a database and load the demo data into it when it has none yet. */
import { spawn, spawnSync } from 'node:child_process'
import pg from 'pg'

export function prismaCli(args: string[], databaseUrl: string): void {
  const r = spawnSync('node_modules/.bin/prisma', args, {
    stdio: 'inherit',
    env: { ...process.env, DATABASE_URL: databaseUrl },
  })
  if (r.status !== 0) throw new Error(`prisma ${args.join(' ')} gagal (kode ${r.status})`)
}

/** True when the database holds no users yet: a fresh database that wants the demo data. */
export async function isEmpty(databaseUrl: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    const r = await client.query('SELECT count(*)::int AS n FROM users')
    return r.rows[0].n === 0
  } finally {
    await client.end()
  }
}

/** Migrate; load the demo data when `seed` and the database is empty. True when the demo data was loaded now. */
export async function prepareDatabase(databaseUrl: string, opts: { seed: boolean; log?: (m: string) => void }): Promise<boolean> {
  const log = opts.log ?? console.log
  prismaCli(['migrate', 'deploy'], databaseUrl)
  if (opts.seed && (await isEmpty(databaseUrl))) {
    log('Database baru: memuat data demo ...')
    const r = spawnSync('node_modules/.bin/tsx', ['prisma/seed.ts'], {
      stdio: 'inherit',
      env: { ...process.env, DATABASE_URL: databaseUrl },
    })
    if (r.status !== 0) throw new Error('Pemuatan data demo gagal')
    return true
  }
  return false
}

/**
 * Load the demo data in its own process without blocking this one (so `npm run dev` can start Next.js
 * meanwhile); resolves when it has loaded, rejects when it failed.
 */
export function seedDemoData(databaseUrl: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('node_modules/.bin/tsx', ['prisma/seed.ts'], { stdio: 'inherit', env: { ...process.env, DATABASE_URL: databaseUrl } })
    child.on('error', reject)
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error('Pemuatan data demo gagal'))))
  })
}
