import 'server-only'
import { AsyncLocalStorage } from 'node:async_hooks'
import { pipeline } from 'node:stream/promises'
import { Readable } from 'node:stream'
import pg from 'pg'
import { from as copyFrom } from 'pg-copy-streams'
import { Prisma } from '@/lib/generated/prisma/client'
import { APP_SESSION_OPTIONS, createPrismaClientWithPool } from '@/lib/prisma-client'
import { env } from '@/lib/env'
import { isDatabaseUnreachable } from '@/lib/db-errors'

type Client = ReturnType<typeof createPrismaClientWithPool>['prisma']

/** While the replica failed: reads go to the primary until `downUntil` (ms since the epoch). */
type ReplicaState = { downUntil: number; lastError?: string; downSince?: Date; fallbacks: number; epoch: number; retrying?: boolean }

// One client per server process (and one for the replica); in development, hot reloads would otherwise
// open a new pool each time.
const globalForPrisma = globalThis as unknown as { prisma?: Client; prismaReplica?: Client; replicaState?: ReplicaState }

// Each client's pg pool, for `readSql`: the pool belongs to its client ($disconnect ends both). On
// globalThis like the clients: Next.js may load this module more than once (instrumentation, the server
// components' and the routes' bundles), and a client one copy created must find its pool in another.
const pools = ((globalThis as unknown as { prismaPools?: WeakMap<Client, pg.Pool> }).prismaPools ??= new WeakMap<Client, pg.Pool>())

function withPool({ prisma, pool }: { prisma: Client; pool: pg.Pool }): Client {
  pools.set(prisma, pool)
  return prisma
}

// The primary pool's connections by their server process id, for `transactionSql` (on globalThis like the pools).
const connections = ((globalThis as unknown as { prismaConnections?: Map<number, pg.PoolClient> }).prismaConnections ??= new Map<number, pg.PoolClient>())

function trackConnections(c: ReturnType<typeof createPrismaClientWithPool>) {
  c.pool.on('connect', (conn) => {
    // known once the connection is up (the server sends it before it is ready for queries)
    const pid = (conn as unknown as { processID: number }).processID
    connections.set(pid, conn)
    conn.once('end', () => {
      if (connections.get(pid) === conn) connections.delete(pid)
    })
  })
  return c
}

function client(): Client {
  globalForPrisma.prisma ??= withPool(trackConnections(createPrismaClientWithPool(env().DATABASE_URL, 10, APP_SESSION_OPTIONS)))
  return globalForPrisma.prisma
}

/** The replica's client: a connection attempt gives up after 3 s, so an unreachable replica costs one short wait. */
function replica(url: string): Client {
  globalForPrisma.prismaReplica ??= withPool(createPrismaClientWithPool(url, 10, APP_SESSION_OPTIONS, 3_000))
  return globalForPrisma.prismaReplica
}

function replicaState(): ReplicaState {
  return (globalForPrisma.replicaState ??= { downUntil: 0, fallbacks: 0, epoch: 0 })
}

function bound(c: Client, prop: string | symbol) {
  const value = Reflect.get(c, prop, c)
  return typeof value === 'function' ? value.bind(c) : value
}

/**
 * The app's Prisma client on the primary: every write, every transaction, sessions, sign-in throttling,
 * jobs. Created on first use, not on import: `next build` imports every route to read its
 * configuration, and the database URL is only needed once a query runs.
 */
export const db: Client = new Proxy({} as Client, {
  get(_target, prop) {
    return bound(client(), prop)
  },
})

/** Set on a user's response after a server action or a writing route: that user's reads stay on the primary. */
export const READ_PRIMARY_COOKIE = 'lumbung-baca-primer'

// Inside a server action, a writing route handler or a background job, every read goes to the primary:
// the request reads what it has just written, and checks before a write never see a lagging copy.
// On globalThis, as the pools are: a Next server running the jobs inline evaluates this module more than once, and the
// worker's copy enters the scope that a job handler from another copy reads
const primaryScope = ((globalThis as unknown as { __lumbungPrimaryScope?: AsyncLocalStorage<true> }).__lumbungPrimaryScope ??= new AsyncLocalStorage<true>())

/** Run `fn` with every `readDb` read inside it on the primary (server actions, writing routes, jobs). */
export function onPrimary<T>(fn: () => Promise<T>): Promise<T> {
  return primaryScope.run(true, fn)
}

/**
 * After a write: for `DATABASE_READ_AFTER_WRITE_SECONDS` this user's requests read from the primary, so
 * the page the action redirects to (and the next few) shows the write even while the replica lags. A
 * cookie, not process memory, so it holds whichever instance serves the next request. Outside a request
 * (jobs, tests, scripts) there is no later request of the same user to protect: nothing to do.
 */
export async function rememberWrite(): Promise<void> {
  const { DATABASE_READ_URL: url, DATABASE_READ_AFTER_WRITE_SECONDS: seconds } = env()
  if (!url || seconds === 0) return
  const { cookies } = await import('next/headers')
  try {
    ;(await cookies()).set(READ_PRIMARY_COOKIE, '1', { path: '/', maxAge: seconds, sameSite: 'lax', httpOnly: true })
  } catch (e) {
    await rethrowNextSignal(e)
  }
}

/**
 * Next.js' own control-flow errors (a prerender's dynamic-usage signal) must reach Next.js; any other
 * error of `cookies()` means there is no request (a job, a script, a test). Imported lazily, as
 * `next/headers` is: scripts outside Next.js (the bench) load this module and never get here.
 */
async function rethrowNextSignal(e: unknown): Promise<void> {
  const { unstable_rethrow } = await import('next/navigation')
  unstable_rethrow(e)
}

async function wroteRecently(): Promise<boolean> {
  const { cookies } = await import('next/headers')
  try {
    return (await cookies()).has(READ_PRIMARY_COOKIE)
  } catch (e) {
    await rethrowNextSignal(e)
    return false
  }
}

/** Where a read goes now: the replica unless it is not configured, failed recently, or this request/user wrote. */
async function readTarget(url: string): Promise<Client> {
  if (primaryScope.getStore()) return client()
  const state = replicaState()
  if (Date.now() < state.downUntil) return client()
  // the retry time has passed: reads go back to the replica, a change of route like a failure
  if (state.downSince && !state.retrying) {
    state.retrying = true
    state.epoch++
  }
  if (await wroteRecently()) return client()
  return replica(url)
}

/** The first message or code along the cause chain (Prisma's adapter error may carry an empty message). */
function describe(error: unknown): string {
  let e: unknown = error
  for (let depth = 0; e && depth < 6; depth++) {
    const x = e as { message?: unknown; code?: unknown; originalCode?: unknown; kind?: unknown; cause?: unknown }
    const text = [x.message, x.originalCode ?? x.code, x.kind].find((v) => typeof v === 'string' && v.trim())
    // Prisma's messages begin with a blank line and the invocation; its last line says what happened
    if (typeof text === 'string') return (text.split('\n').map((l) => l.trim()).filter(Boolean).at(-1) ?? text).slice(0, 200)
    e = x.cause
  }
  return String(error).slice(0, 200)
}

function noteReplicaDown(error: unknown) {
  const s = replicaState()
  const wasUp = !s.downSince
  s.downUntil = Date.now() + env().DATABASE_READ_RETRY_SECONDS * 1000
  s.downSince ??= new Date()
  s.retrying = false
  s.epoch++
  s.lastError = describe(error)
  if (wasUp) console.warn(`Replika baca (DATABASE_READ_URL) gagal (${s.lastError}); bacaan dilayani primer dan replika dicoba lagi setelah ${env().DATABASE_READ_RETRY_SECONDS} detik.`)
}

function noteReplicaUp() {
  const s = replicaState()
  if (!s.downSince) return
  console.warn('Replika baca (DATABASE_READ_URL) dapat dihubungi lagi; bacaan kembali ke replika.')
  s.downSince = undefined
  s.downUntil = 0
  s.lastError = undefined
  s.retrying = false
  s.epoch++
}

/**
 * Which server `readDb` reads from now for this request, and the epoch of the route: a number that
 * changes whenever reads switch between replica and primary (a failure, a retry, a recovery). The
 * figure cache (lib/figure-cache.ts) keys by the server and stores a value only when the epoch did not
 * change while it was read, so a database snapshot read on one server never labels figures read on
 * the other.
 */
export async function readRoute(): Promise<{ server: 'primary' | 'replica'; epoch: number }> {
  const epoch = replicaState().epoch
  const url = env().DATABASE_READ_URL
  if (!url) return { server: 'primary', epoch }
  return { server: (await readTarget(url)) === client() ? 'primary' : 'replica', epoch: replicaState().epoch }
}

/** The route's epoch now (see readRoute). */
export function readRouteEpoch(): number {
  return replicaState().epoch
}

/** An error of the replica itself (gone, starting, a query cancelled by WAL replay), not of the query: the primary answers instead. */
function isReplicaFailure(error: unknown): boolean {
  if (isDatabaseUnreachable(error)) return true
  let e: unknown = error
  for (let depth = 0; e && depth < 6; depth++) {
    const x = e as { code?: unknown; originalCode?: unknown; message?: unknown; cause?: unknown }
    const code = typeof x.originalCode === 'string' ? x.originalCode : x.code
    // a hot standby cancels a query whose rows WAL replay must remove (40001), and refuses writes (25006)
    if (code === '40001' && typeof x.message === 'string' && /recovery/i.test(x.message)) return true
    if (code === '25006' || (typeof x.message === 'string' && /read-only transaction|conflict with recovery/i.test(x.message))) return true
    e = x.cause
  }
  return false
}

async function routed<T>(url: string, run: (c: Client) => Promise<T>): Promise<T> {
  const target = await readTarget(url)
  const primary = client()
  if (target === primary) return run(primary)
  try {
    const result = await run(target)
    if (replicaState().downSince) noteReplicaUp()
    return result
  } catch (e) {
    if (!isReplicaFailure(e)) throw e
    noteReplicaDown(e)
    replicaState().fallbacks++
    return run(primary)
  }
}

const MODEL_READS = new Set(['findUnique', 'findUniqueOrThrow', 'findFirst', 'findFirstOrThrow', 'findMany', 'count', 'aggregate', 'groupBy'])
const RAW_READS = new Set(['$queryRaw', '$queryRawUnsafe'])

/**
 * The client for what pages show: dashboards and figures, lists, detail pages and exports (`lib/data/*`,
 * `lib/scope.ts`). With `DATABASE_READ_URL` unset it is `db`. With it set, model reads (`findMany`,
 * `count`, `groupBy` …) and raw reads (`$queryRaw`) go to the streaming replica, except inside a server
 * action, a writing route or a job (`onPrimary`), for a user who wrote in the last
 * `DATABASE_READ_AFTER_WRITE_SECONDS` (`rememberWrite`'s cookie), and for `DATABASE_READ_RETRY_SECONDS`
 * after the replica failed (refused, shut down, starting, a query cancelled by replay): then the
 * primary answers the same query, and the request does not fail. Anything else (writes, transactions)
 * always goes to the primary.
 */
export const readDb: Client = new Proxy({} as Client, {
  get(_target, prop) {
    const url = env().DATABASE_READ_URL
    const primary = client()
    if (!url || typeof prop !== 'string') return bound(primary, prop)
    if (RAW_READS.has(prop)) {
      return (...args: unknown[]) => routed(url, (c) => (Reflect.get(c, prop, c) as (...a: unknown[]) => Promise<unknown>).apply(c, args))
    }
    const value = Reflect.get(primary, prop, primary)
    if (prop.startsWith('$') || !value || typeof value !== 'object') return typeof value === 'function' ? value.bind(primary) : value
    // a model delegate: its reads are routed, anything else (a write) stays on the primary
    return new Proxy(value as object, {
      get(delegate, method) {
        if (typeof method !== 'string' || !MODEL_READS.has(method)) {
          const v = Reflect.get(delegate, method, delegate)
          return typeof v === 'function' ? v.bind(delegate) : v
        }
        return (...args: unknown[]) =>
          routed(url, (c) => {
            const d = Reflect.get(c, prop, c) as Record<string, (...a: unknown[]) => Promise<unknown>>
            return d[method](...args)
          })
      },
    })
  },
})

/**
 * A read statement run on `readDb`'s pg pool directly, without Prisma: for the figures' one-statement SQL
 * (lib/data/credit.ts) and the figure cache's snapshot read, where a call through Prisma (its client,
 * the driver adapter's result conversion) cost more than the statement itself (docs/benchmarks.md). Routed
 * like `readDb.$queryRaw`: the replica when configured, the primary inside actions/jobs, after the user's
 * write and while the replica is down, with the same fallback. Rows come as `pg` parses them: `int4` and
 * `float8` as numbers; `numeric`, `int8` and `text` as strings, so a statement casts what it returns.
 */
export async function readSql<T>(query: Prisma.Sql): Promise<T[]> {
  const run = async (c: Client) => (await pools.get(c)!.query(query.text, query.values)).rows as T[]
  const url = env().DATABASE_READ_URL
  return url ? routed(url, run) : run(client())
}

// A transaction's connection (null: not found, Prisma runs the statements), looked up once per transaction, the
// last statement sent for it by transactionSql, and whether its statements have ended (transactionStatementsEnd)
type TransactionConnection = { conn: pg.PoolClient | null; last: Promise<unknown>; ended: boolean }
const transactionConnections = new WeakMap<Prisma.TransactionClient, Promise<TransactionConnection>>()

/** What a raw statement through Prisma returns for these types, for `transactionSql`'s rows. */
const PRISMA_LIKE_TYPES: Record<number, (text: string) => unknown> = {
  1700: (text) => new Prisma.Decimal(text), // numeric
  1082: (text) => new Date(`${text}T00:00:00.000Z`), // date: midnight UTC, whatever the process's time zone
  1114: (text) => new Date(`${text.replace(' ', 'T')}Z`), // timestamp (without time zone): UTC
}
const prismaLikeTypes = {
  getTypeParser: (oid: number, format?: string) => PRISMA_LIKE_TYPES[oid] ?? pg.types.getTypeParser(oid, format as 'text'),
}

/**
 * The pg connection a Prisma transaction runs on: the pool connection whose server process is the
 * transaction's, and only if that connection is in this very transaction (the same transaction id). Behind a
 * connection pooler (PgBouncer) the server's process id is not the one the pooler gave the connection, so none
 * is found — or, by an unlucky coincidence, another one, which the transaction id tells apart; then null.
 */
function connectionOf(tx: Prisma.TransactionClient): Promise<TransactionConnection> {
  let found = transactionConnections.get(tx)
  if (!found) {
    found = (async () => {
      const [row] = await tx.$queryRaw<{ pid: number; xid: string }[]>`SELECT pg_backend_pid() AS pid, pg_current_xact_id()::text AS xid`
      const candidate = connections.get(row.pid)
      const same = candidate && (await candidate.query<{ xid: string }>('SELECT pg_current_xact_id()::text AS xid')).rows[0]?.xid === row.xid
      return { conn: same ? candidate : null, last: Promise.resolve(), ended: false }
    })()
    transactionConnections.set(tx, found)
  }
  return found
}

/**
 * A statement inside a Prisma interactive transaction of `db`, sent on that transaction's own connection
 * without Prisma: it commits or rolls back with the transaction's other statements. For the large batched
 * statements of a long write (an import's batches: `unnest` arrays of 500 rows, a JSON document of their
 * audit rows), where Prisma's handling of each call (the parameters serialised into its request, compiled
 * by its WebAssembly query compiler, the result converted back) cost more CPU than PostgreSQL spent on the
 * statement (docs/benchmarks.md, "The import's time"). Rows come as `$queryRawUnsafe` returns them for the types the
 * registers use: `numeric` as Decimal, `date` and `timestamp` as Dates in UTC, `int4` as numbers, `jsonb`
 * parsed, `text` and enums as strings. When the connection cannot be found for certain (behind a pooler, or a
 * transaction of another client), the statement goes through the transaction's `$queryRawUnsafe`: slower, the
 * same rows, the same transaction.
 * Statements run in the order of the calls: a caller may call again before the previous statement answered
 * (the next is sent when it has). Do not run the transaction's own Prisma statements meanwhile: they would be
 * handed to the connection while one of these runs. A caller that may leave statements waiting when its
 * transaction's callback ends (calls not awaited) runs the callback in `withTransactionStatements`.
 */
export async function transactionSql<T>(tx: Prisma.TransactionClient, text: string, values: unknown[]): Promise<T[]> {
  const state = await connectionOf(tx)
  const { conn } = state
  return inTurn(state, async () =>
    conn ? ((await conn.query({ text, values, types: prismaLikeTypes })).rows as T[]) : tx.$queryRawUnsafe<T[]>(text, ...values))
}

/**
 * `send` when the statement sent before it on this transaction has answered: the order of the calls, and never two
 * queries handed to the connection at once (pg queues them today, but deprecates it). Refused once the
 * transaction's statements have ended (transactionStatementsEnd).
 */
function inTurn<T>(state: TransactionConnection, send: () => Promise<T>): Promise<T> {
  const result = state.last.then(() => {
    if (state.ended) throw new Error('The transaction has ended: its statements after transactionStatementsEnd are not sent.')
    return send()
  })
  state.last = result.catch(() => undefined)
  return result
}

/**
 * Ends `transactionSql` and `transactionCopy` for a transaction: the statements not sent yet are refused (they
 * reject), and this resolves once the one on the connection has answered. Call it before the transaction's
 * callback returns or throws — `withTransactionStatements` does — whenever statements may still be waiting
 * their turn (a batch write sent ahead of the one that failed): sent after Prisma's ROLLBACK, such a statement
 * would run outside the transaction and be committed on its own, on a connection already back in the pool.
 */
async function transactionStatementsEnd(tx: Prisma.TransactionClient): Promise<void> {
  const found = transactionConnections.get(tx)
  if (!found) {
    // no statement yet: a first one called from now on is refused too
    transactionConnections.set(tx, Promise.resolve({ conn: null, last: Promise.resolve(), ended: true }))
    return
  }
  const state = await found
  state.ended = true
  for (let last = state.last; ; last = state.last) {
    await last
    if (last === state.last) return
  }
}

/**
 * `run(tx)` in a transaction of `db`, its `transactionSql`/`transactionCopy` statements ended before the transaction
 * commits or rolls back. With the transaction's `timeout` (the one given to `$transaction`), also ended shortly
 * before it runs out: Prisma then rolls back and hands the connection back to the pool by itself, and a statement
 * sent on that connection afterwards would run outside any transaction and be committed on its own (a batch of an
 * import written without the rest). One still running when they end goes before Prisma's ROLLBACK on the connection.
 */
export async function withTransactionStatements<T>(tx: Prisma.TransactionClient, run: () => Promise<T>, timeout?: number): Promise<T> {
  // Prisma's clock starts before this callback's: end a margin earlier (1 s, or 5 % of a long timeout)
  const timer = timeout === undefined ? undefined : setTimeout(() => void transactionStatementsEnd(tx), Math.max(0, timeout - Math.max(1000, timeout * 0.05)))
  try {
    return await run()
  } finally {
    clearTimeout(timer)
    await transactionStatementsEnd(tx)
  }
}

/**
 * Whether `transactionCopy` can run in this transaction: its own connection is known (not behind a pooler,
 * where Prisma, which cannot run COPY, sends its statements).
 */
export async function transactionCanCopy(tx: Prisma.TransactionClient): Promise<boolean> {
  return (await connectionOf(tx)).conn !== null
}

/**
 * `COPY … FROM STDIN` of `data` (COPY's text format: one line per row, columns separated by tabs, `\N` for
 * null; copyLine makes such a line) on the transaction's own connection, in the order of `transactionSql`'s
 * calls: the rows commit or roll back with the transaction. COPY loads rows in bulk, which a statement cannot:
 * the 100.000 records of an import's write took 1,3 × the time of COPY as `INSERT … SELECT FROM unnest`
 * (docs/benchmarks.md, "The import's time"). Only where `transactionCanCopy`. A COPY that fails (a unique key taken
 * meanwhile) rejects, and the transaction is then aborted.
 */
export async function transactionCopy(tx: Prisma.TransactionClient, text: string, data: string): Promise<void> {
  const state = await connectionOf(tx)
  const { conn } = state
  if (!conn) throw new Error('transactionCopy: the transaction\'s connection is not known (transactionCanCopy)')
  return inTurn(state, () => pipeline(Readable.from([data]), conn.query(copyFrom(text))))
}

/** A row as a line of COPY's text format: each value as its text, `\N` for null, backslash, tab and line breaks escaped. */
export function copyLine(values: readonly (string | number | boolean | null | undefined)[]): string {
  return values.map((v) => {
    if (v === null || v === undefined) return '\\N'
    const text = String(v)
    return COPY_SPECIAL.test(text) ? text.replace(COPY_SPECIALS, (c) => COPY_ESCAPES[c]) : text
  }).join('\t') + '\n'
}
const COPY_SPECIAL = /[\\\t\n\r]/
const COPY_SPECIALS = /[\\\t\n\r]/g
const COPY_ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' }

/**
 * `transactionSql` for a client that is either `db` itself (a job's statement outside a transaction: run on the
 * primary's pool) or one of its transactions (run on that transaction's connection). Same rows as
 * `transactionSql`.
 */
export async function clientSql<T>(on: Prisma.TransactionClient, text: string, values: unknown[]): Promise<T[]> {
  if (on !== db) return transactionSql<T>(on, text, values)
  return (await pools.get(client())!.query({ text, values, types: prismaLikeTypes })).rows as T[]
}

/** Bytes of WAL the primary has written that the replica has not replayed yet (null: not a standby, or the primary did not answer). */
async function lagBehindPrimary(replayLsn: string | null): Promise<number | null> {
  if (!replayLsn) return null
  try {
    const [lag] = await client().$queryRaw<{ bytes: number }[]>`SELECT greatest(pg_wal_lsn_diff(pg_current_wal_lsn(), ${replayLsn}::pg_lsn), 0)::float8 AS bytes`
    return lag.bytes
  } catch {
    return null
  }
}

export type ReplicaHealth =
  | { status: 'ok'; roundTripMs: number; inRecovery: boolean; lagBytes: number | null; reads: 'replica' | 'primary' }
  | { status: 'unreachable'; message: string; reads: 'primary'; retryAt: string }

/**
 * The replica's state for `/api/health` (undefined when none is configured): asked directly, with a
 * time limit; its answer also ends or starts a fallback, so the replica comes back as soon as it answers.
 * `lagBytes`: how far its replay is behind the primary's WAL (null when it is not a streaming standby).
 */
export async function replicaHealth(timeoutMs = 3_000): Promise<ReplicaHealth | undefined> {
  const url = env().DATABASE_READ_URL
  if (!url) return undefined
  const started = performance.now()
  let timer: NodeJS.Timeout | undefined
  try {
    const [row] = await Promise.race([
      replica(url).$queryRaw<{ in_recovery: boolean; replay_lsn: string | null }[]>`SELECT pg_is_in_recovery() AS in_recovery, pg_last_wal_replay_lsn()::text AS replay_lsn`,
      new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('timeout')), timeoutMs))),
    ])
    const roundTripMs = Math.round((performance.now() - started) * 10) / 10
    noteReplicaUp()
    return { status: 'ok', roundTripMs, inRecovery: row.in_recovery, lagBytes: await lagBehindPrimary(row.replay_lsn), reads: 'replica' }
  } catch (e) {
    noteReplicaDown(e)
    return { status: 'unreachable', message: 'Replika baca tidak dapat dihubungi; bacaan dilayani primer', reads: 'primary', retryAt: new Date(replicaState().downUntil).toISOString() }
  } finally {
    clearTimeout(timer)
  }
}
