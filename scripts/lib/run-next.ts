/**
 * Run `next dev` or `next start` as a child with the resolved database, forward Ctrl-C/SIGTERM, and
 * stop the embedded PostgreSQL cleanly after Next has exited.
 */
import { spawn } from 'node:child_process'
import type { ResolvedDatabase } from './with-database'

export function runNext(mode: 'dev' | 'start', db: ResolvedDatabase, port: number): void {
  // the PID of next itself (not npx), so signals reach next-server and nothing keeps the port
  const child = spawn('node_modules/.bin/next', [mode, '--port', String(port)], {
    stdio: 'inherit',
    env: { ...process.env, DATABASE_URL: db.url, NEXT_TELEMETRY_DISABLED: '1' },
  })
  let exiting = false
  const shutdown = (signal: NodeJS.Signals) => {
    if (exiting) return
    exiting = true
    console.log(`\n${signal}: menghentikan Lumbung ...`)
    child.kill(signal)
  }
  process.on('SIGINT', shutdown)
  process.on('SIGTERM', shutdown)
  child.on('exit', async (code) => {
    await db.stop().catch((e) => console.error('Gagal menghentikan PostgreSQL:', e))
    if (db.embedded) console.log('PostgreSQL bawaan dihentikan.')
    process.exit(code ?? 0)
  })
}
