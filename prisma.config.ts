import { randomUUID } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { defineConfig } from 'prisma/config'
import { PrismaPg } from '@prisma/adapter-pg'
import pg from 'pg'

// Engine-free: queries run through the WebAssembly query compiler and migrations through the WebAssembly
// schema engine, so the CLI must never look for (and try to download) a native query engine. Pointing
// this at any existing file stops the download attempt, which otherwise hides the real error behind
// `ENOTFOUND binaries.prisma.sh` (a schema syntax error, a missing DATABASE_URL...).
process.env.PRISMA_QUERY_ENGINE_LIBRARY ??= __filename
// @ts-expect-error pg ships no types for its internal Result class
import Result from 'pg/lib/result.js'

// Introspection returns Postgres' internal `name` (OID 19) and `"char"` (OID 18) types, which
// adapter-pg 6.x cannot decode ("Column type 'name' could not be deserialized"): read them as text.
const addFields = Result.prototype.addFields
Result.prototype.addFields = function (fields: { dataTypeID: number }[]) {
  for (const f of fields) if (f.dataTypeID === 18 || f.dataTypeID === 19) f.dataTypeID = 25
  return addFields.call(this, fields)
}

// With no DATABASE_URL, use the embedded PostgreSQL that `npm run dev` (or `npm run prisma`) started:
// it writes its URL here, because its port is picked free at each start. Set before the CLI reads the
// schema, whose `url = env("DATABASE_URL")` it validates even when the adapter does the connecting.
if (!process.env.DATABASE_URL) {
  try {
    process.env.DATABASE_URL = readFileSync('.data/database-url', 'utf8').trim()
  } catch {
    // not running: commands that need a database say so below
  }
}

function databaseUrl(): string {
  if (process.env.DATABASE_URL) return process.env.DATABASE_URL
  throw new Error('DATABASE_URL is not set and no embedded database is running: start `npm run dev`, or use `npm run prisma -- <command>`.')
}

// Discrete fields, not a connectionString: PrismaPg.connectToShadowDb() overrides `database`, and a
// connectionString would silently win over it (the "shadow" would be the real database).
function poolConfig(url: string): pg.PoolConfig {
  const u = new URL(url)
  return {
    host: u.hostname,
    port: Number(u.port || 5432),
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
    database: u.pathname.slice(1),
  }
}

type Adapter = Awaited<ReturnType<PrismaPg['connect']>>

// adapter-pg 6.x runs a migration by splitting its script on every ";", which cuts a PL/pgSQL function body
// (a trigger) into pieces. Send the script whole instead: PostgreSQL's simple query protocol takes several
// statements in one message and runs them as one implicit transaction, so a migration applies entirely or not.
function wholeScripts(adapter: Adapter): Adapter {
  const a = adapter as Adapter & { client: pg.Pool; onError(e: unknown): never }
  a.executeScript = async (script: string) => {
    try {
      await a.client.query(script)
    } catch (e) {
      a.onError(e)
    }
  }
  return adapter
}

class PrismaPgMigrate extends PrismaPg {
  constructor(private readonly cfg: pg.PoolConfig) {
    super(cfg)
  }
  async connect() {
    return wholeScripts(await super.connect())
  }
  // `migrate dev` needs a shadow database: a throwaway one, dropped WITH (FORCE) only after its pool
  // has closed (the stock implementation drops it before, and fails)
  async connectToShadowDb() {
    const admin = new pg.Client(this.cfg)
    await admin.connect()
    const db = `prisma_shadow_${randomUUID().replaceAll('-', '')}`
    await admin.query(`CREATE DATABASE "${db}"`)
    const shadow = wholeScripts(await new PrismaPg({ ...this.cfg, database: db }).connect())
    const dispose = shadow.dispose.bind(shadow)
    shadow.dispose = async () => {
      await dispose()
      await admin.query(`DROP DATABASE IF EXISTS "${db}" WITH (FORCE)`)
      await admin.end()
    }
    return shadow
  }
}

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations', seed: 'tsx prisma/seed.ts' },
  adapter: async () => new PrismaPgMigrate(poolConfig(databaseUrl())),
})
