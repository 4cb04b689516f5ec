import { NextResponse } from 'next/server'
import { db, replicaHealth } from '@/lib/db'

export const dynamic = 'force-dynamic'

/**
 * Liveness and database reachability for load balancers and monitoring: 200 with the round-trip
 * time, 503 when PostgreSQL does not answer within 3 seconds. Public: it reveals no data.
 * With `DATABASE_READ_URL` set, `replica` says whether the read replica answers (and how far its
 * replay is behind); a replica that does not answer leaves the answer 200: reads fall back to the
 * primary, so the instance still serves every page.
 */
export async function GET() {
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
