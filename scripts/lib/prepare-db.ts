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
export async function seedDemoData(databaseUrl: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const child = spawn('node_modules/.bin/tsx', ['prisma/seed.ts'], { stdio: 'inherit', env: { ...process.env, DATABASE_URL: databaseUrl } })
    child.on('error', reject)
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error('Pemuatan data demo gagal'))))
  })
  // the data is in: a failed queue only leaves the bell to the next hourly scan, never stops the start
  await queueReminderScan(databaseUrl).catch((e) => console.warn(`Pemindaian pengingat tidak dapat diantrekan: ${e instanceof Error ? e.message : e}`))
}

/**
 * One reminder scan now that the demo data is in (lib/reminders/jobs.ts, job `reminders.scan`, a single run): the
 * worker, started with Next.js while the data loaded, ran its first scan on an empty database, and the admin's
 * bell stayed empty of the reports and the claim waiting for review until the next hour's scan.
 */
async function queueReminderScan(databaseUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    // run_at is UTC without a zone, as the queue writes it (lib/jobs/queue.ts)
    await client.query(`INSERT INTO jobs (id, kind, payload, max_attempts, run_at) VALUES (gen_random_uuid()::text, 'reminders.scan', '{"once": true}'::jsonb, 3, now() AT TIME ZONE 'UTC')`)
  } finally {
    await client.end()
  }
}
