/**
 * Vitest global setup for integration tests: one throwaway PostgreSQL per run, a template database
 * migrated once; every test file then clones the template (tests/support/worker-db.ts).
 */
import pg from 'pg'
import type { TestProject } from 'vitest/node'
import { startEmbeddedPostgres } from '../../scripts/lib/embedded-db'
import { prismaCli } from '../../scripts/lib/prepare-db'
import { assertLocalDatabaseUrl, withDatabase } from './local-database'
import { createPrismaClient } from '../../lib/prisma-client'
import { seedReference } from '../../prisma/seed/reference'

declare module 'vitest' {
  export interface ProvidedContext {
    templateDatabaseUrl: string
  }
}

const TEMPLATE = `lumbung_test_template_${process.pid}`

export default async function setup(project: TestProject) {
  let serverUrl: string
  let stop = async () => {}
  if (process.env.DATABASE_URL) {
    assertLocalDatabaseUrl(process.env.DATABASE_URL)
    serverUrl = process.env.DATABASE_URL
  } else {
    // throwaway: its temporary data folder is deleted on stop
    const cluster = await startEmbeddedPostgres({ persistent: false })
    serverUrl = cluster.url('postgres')
    stop = () => cluster.stop()
  }
  const admin = new pg.Client({ connectionString: serverUrl })
  await admin.connect()
  await admin.query(`DROP DATABASE IF EXISTS "${TEMPLATE}" WITH (FORCE)`)
  await admin.query(`CREATE DATABASE "${TEMPLATE}"`)
  await admin.end()
  const templateUrl = withDatabase(serverUrl, TEMPLATE)
  prismaCli(['migrate', 'deploy'], templateUrl)
  // regions and banks are reference data every test needs; loaded once into the template
  const seedDb = createPrismaClient(templateUrl)
  await seedReference(seedDb)
  await seedDb.$disconnect()
  project.provide('templateDatabaseUrl', templateUrl)
  return async () => {
    const a = new pg.Client({ connectionString: serverUrl })
    await a.connect()
    // drop every database this run made (the template and its clones), then the cluster if ours
    const { rows } = await a.query(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [`${TEMPLATE}%`])
    for (const r of rows) await a.query(`DROP DATABASE IF EXISTS "${r.datname}" WITH (FORCE)`)
    await a.end()
    await stop()
  }
}
