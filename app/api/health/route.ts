import { NextResponse } from 'next/server'
import { db, replicaHealth } from '@/lib/db'
import { configurationProblems } from '@/lib/env'

export const dynamic = 'force-dynamic'

/**
 * Liveness and database reachability for load balancers and monitoring: 200 with the round-trip
 * time, 503 when PostgreSQL does not answer within 3 seconds. Public: it reveals no data.
 * With `DATABASE_READ_URL` set, `replica` says whether the read replica answers (and how far its
 * replay is behind); a replica that does not answer leaves the answer 200: reads fall back to the
 * primary, so the instance still serves every page.
 * A malformed setting (lib/env.ts) is a 503 that says so and names the variables (not their values): it is
 * not a database outage, and an operator should not go looking at PostgreSQL for it.
 */
export async function GET() {
  const problems = configurationProblems()
  if (problems.length > 0) {
    return NextResponse.json(
      { status: 'error', configuration: { status: 'invalid', variables: problems.map((p) => p.variable), message: 'Konfigurasi lingkungan tidak valid; lihat log server' } },
      { status: 503, headers: { 'Cache-Control': 'no-store' } },
    )
  }
  const started = performance.now()
  const replica = replicaHealth().catch(() => undefined)
  try {
    await Promise.race([
      db.$queryRaw`SELECT 1`,
      new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 3000)),
    ])
    const ms = Math.round((performance.now() - started) * 10) / 10
    const r = await replica
    return NextResponse.json(
      { status: 'ok', database: { status: 'ok', roundTripMs: ms }, ...(r && { replica: r }) },
      { headers: { 'Cache-Control': 'no-store' } },
    )
  } catch {
    const r = await replica
    return NextResponse.json(
      { status: 'error', database: { status: 'unreachable', message: 'Database tidak dapat dihubungi' }, ...(r && { replica: r }) },
      { status: 503, headers: { 'Cache-Control': 'no-store' } },
    )
  }
}
