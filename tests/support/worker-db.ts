/**
 * Runs before each integration test file: a fresh database cloned from the migrated template, so
 * files never see each other's rows. Sets DATABASE_URL before the app's modules are imported.
 */
import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { afterAll, inject } from 'vitest'
import { withDatabase } from './local-database'

const templateUrl = inject('templateDatabaseUrl')
const template = new URL(templateUrl).pathname.slice(1)
const name = `${template}_${randomBytes(4).toString('hex')}`

const admin = new pg.Client({ connectionString: withDatabase(templateUrl, 'postgres') })
await admin.connect()
await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`)
await admin.end()

process.env.DATABASE_URL = withDatabase(templateUrl, name)
// lib/db.ts keeps its clients (and the replica's state) on globalThis between hot reloads; a new file needs new ones
const g = globalThis as unknown as { prisma?: { $disconnect(): Promise<void> }; prismaReplica?: { $disconnect(): Promise<void> }; replicaState?: unknown }
delete g.prisma
delete g.prismaReplica
delete g.replicaState

afterAll(async () => {
  await g.prisma?.$disconnect()
  await g.prismaReplica?.$disconnect()
  delete g.prisma
  delete g.prismaReplica
  delete g.replicaState
})
