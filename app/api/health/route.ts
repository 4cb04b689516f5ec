import { NextResponse } from 'next/server'
import { db } from '@/lib/db'

export const dynamic = 'force-dynamic'

/**
 * Liveness and database reachability for load balancers and monitoring: 200 with the round-trip
 * time, 503 when PostgreSQL does not answer within 3 seconds. Public: it reveals no data.
 */
export async function GET() {
  const started = performance.now()
  try {
    await Promise.race([
      db.$queryRaw`SELECT 1`,
      new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 3000)),
    ])
    const ms = Math.round((performance.now() - started) * 10) / 10
    return NextResponse.json({ status: 'ok', database: { status: 'ok', roundTripMs: ms } }, { headers: { 'Cache-Control': 'no-store' } })
  } catch {
    return NextResponse.json(
      { status: 'error', database: { status: 'unreachable', message: 'Database tidak dapat dihubungi' } },
      { status: 503, headers: { 'Cache-Control': 'no-store' } },
    )
  }
}
