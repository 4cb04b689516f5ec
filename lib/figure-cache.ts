/**
 * A cross-request cache of figure sets (the overview's, the credit dashboard's), correct without any
 * invalidation: every entry is keyed by the **database snapshot** the request reads at, besides the
 * resolved scope and every other input of the figures.
 *
 * Why that is enough. `pg_current_snapshot()` names which transactions a new statement would see:
 * every transaction id below `xmin` is finished, those in `xip` are still running, none from `xmax`
 * on has started. Two requests that read the same snapshot text therefore see the same committed
 * transactions, hence the same rows of every table (a finished transaction's outcome never changes).
 * Any write by anyone — a server action of this or another instance, the seed, a job, an import, a
 * console, a restore — commits a transaction with an id, and every snapshot taken after its commit
 * differs from every snapshot taken before it (the id leaves `xip`, or `xmax` passes it). So an entry
 * can only be found by a request that began reading before the next commit: no trigger, no version
 * row, no tag to forget. Read-only requests do not take transaction ids, so the snapshot stays the same
 * while nobody writes and the cache hits.
 *
 * The order matters. The snapshot is read once per request *before* any read whose result goes into a
 * cached value: `resolveFigureScope` (lib/scope.ts) reads it before the programme it resolves, and the
 * figure statements run after. A write that commits between the snapshot and a figure statement makes
 * the cached value newer than its key, never older: a request with that key began before the write
 * committed, so showing the write is correct for it, and every request after the commit has another
 * key. Outside a React request (route handlers, jobs, tests, the bench) `cache()` does not memoise, so
 * each call reads its own snapshot first; the same order holds.
 *
 * With a read replica the snapshot and the figures must come from the same server (a snapshot of the
 * primary must not label figures of a lagging replica): the key names the server, and a value is only
 * stored when the route of `readDb` did not change while it was read (lib/db.ts#readRoute's epoch).
 * The cache is per instance (a bounded LRU by entries and bytes), so several `next start` processes
 * each keep their own, all correct for the same reason.
 */
import 'server-only'
import { cache } from 'react'
import { Prisma } from '@/lib/generated/prisma/client'
import { readRoute, readRouteEpoch, readSql } from '@/lib/db'
import { env } from '@/lib/env'
import { jakartaToday } from '@/lib/dashboard/period'

export type RequestSnapshot = { snapshot: string; server: 'primary' | 'replica'; epoch: number; stable: boolean }

async function readSnapshot(): Promise<RequestSnapshot> {
  const route = await readRoute()
  const [row] = await readSql<{ snapshot: string }>(Prisma.sql`SELECT pg_current_snapshot()::text AS snapshot`)
  // a switch of server while reading makes the snapshot's server unknown: not usable as a key
  return { snapshot: row.snapshot, server: route.server, epoch: route.epoch, stable: readRouteEpoch() === route.epoch }
}

/** The database snapshot of this request, read once, before the figures (see above). */
export const requestSnapshot = cache(readSnapshot)

type Entry = { value: unknown; bytes: number }

const state = globalThis as unknown as {
  figureCache?: { entries: Map<string, Entry>; bytes: number; loading: Map<string, Promise<unknown>>; stats: FigureCacheStats }
}
/** `hitsByName`: the hits of each `name` given to `cachedFigures` (one page reads several cached values). */
export type FigureCacheStats = { hits: number; misses: number; stored: number; notStored: number; evicted: number; hitsByName: Record<string, number> }

function store() {
  return (state.figureCache ??= { entries: new Map(), bytes: 0, loading: new Map(), stats: { hits: 0, misses: 0, stored: 0, notStored: 0, evicted: 0, hitsByName: {} as Record<string, number> } })
}

function countHit(s: { stats: FigureCacheStats }, name: string) {
  s.stats.hits++
  s.stats.hitsByName[name] = (s.stats.hitsByName[name] ?? 0) + 1
}

/** Counters since start (or the last reset): for tests and the health page, not for decisions. */
export function figureCacheStats(): FigureCacheStats & { entries: number; bytes: number } {
  const s = store()
  return { ...s.stats, hitsByName: { ...s.stats.hitsByName }, entries: s.entries.size, bytes: s.bytes }
}

/** Empty the cache and its counters (tests). */
export function resetFigureCache(): void {
  state.figureCache = undefined
}

/** Roughly the bytes a value keeps alive: strings twice their length, numbers 8, objects their parts and a little. */
function sizeOf(value: unknown, depth = 0): number {
  if (value === null || value === undefined) return 8
  switch (typeof value) {
    case 'string': return 16 + value.length * 2
    case 'number': case 'boolean': return 8
    case 'bigint': return 16
    case 'object': {
      if (depth > 12) return 64
      if (value instanceof Date) return 32
      if (Array.isArray(value)) return value.reduce<number>((n, v) => n + sizeOf(v, depth + 1), 32)
      return Object.entries(value).reduce<number>((n, [k, v]) => n + 16 + k.length * 2 + sizeOf(v, depth + 1), 48)
    }
    default: return 16
  }
}

/** Shared between requests: a caller that changed a cached value would change it for everyone, so it is frozen. */
function deepFreeze<T>(value: T, depth = 0): T {
  if (value && typeof value === 'object' && depth < 12 && !Object.isFrozen(value) && (Array.isArray(value) || Object.getPrototypeOf(value) === Object.prototype)) {
    Object.freeze(value)
    for (const v of Object.values(value)) deepFreeze(v, depth + 1)
  }
  return value
}

function limits() {
  const { FIGURE_CACHE_MB: mb, FIGURE_CACHE_ENTRIES: entries } = env()
  return { bytes: mb * 1024 * 1024, entries }
}

function remember(key: string, value: unknown) {
  const s = store()
  const max = limits()
  const bytes = sizeOf(value) + key.length * 2
  if (max.entries === 0 || bytes > max.bytes) return false
  const old = s.entries.get(key)
  if (old) {
    s.entries.delete(key)
    s.bytes -= old.bytes
  }
  s.entries.set(key, { value, bytes })
  s.bytes += bytes
  // Map keeps insertion order and a hit re-inserts: the first entries are the least recently used
  for (const [k, e] of s.entries) {
    if (s.entries.size <= max.entries && s.bytes <= max.bytes) break
    s.entries.delete(k)
    s.bytes -= e.bytes
    s.stats.evicted++
  }
  return true
}

/**
 * A figure set from the cache, or loaded and kept. `parts` are every input of `load` other than the
 * database's contents: the resolved scope (programme, regency, bank, as-of day), the raw filter as
 * given, what of the user changes the result (role, regency, bank). The request's snapshot and
 * server, and today's date in Asia/Jakarta (a figure read against "today" stays correct across
 * midnight), are added here. Concurrent requests with the same key share one load. Refusals happen
 * before this (the scope is resolved by the caller), and a load that fails is not kept.
 */
export async function cachedFigures<T>(name: string, parts: readonly unknown[], load: () => Promise<T>): Promise<T> {
  const snap = await requestSnapshot()
  const s = store()
  if (!snap.stable || limits().entries === 0) {
    s.stats.misses++
    s.stats.notStored++
    return load()
  }
  const key = JSON.stringify([name, snap.server, snap.snapshot, jakartaToday(), ...parts])
  const hit = s.entries.get(key)
  if (hit) {
    s.entries.delete(key)
    s.entries.set(key, hit)
    countHit(s, name)
    return hit.value as T
  }
  const pending = s.loading.get(key)
  if (pending) {
    countHit(s, name)
    return pending as Promise<T>
  }
  s.stats.misses++
  const loading = (async () => {
    const value = deepFreeze(await load())
    // the route stayed on the snapshot's server for the whole load: the value belongs to that key
    if (readRouteEpoch() === snap.epoch && remember(key, value)) s.stats.stored++
    else s.stats.notStored++
    return value
  })()
  s.loading.set(key, loading)
  try {
    return await loading
  } finally {
    s.loading.delete(key)
  }
}
