import { expect, it } from 'vitest'

it('GET /api/health answers 503 with a message when the database is unreachable', async () => {
  // nothing listens on port 1: the app's client is created against it on first import below
  process.env.DATABASE_URL = 'postgresql://lumbung:x@127.0.0.1:1/lumbung'
  const { GET } = await import('@/app/api/health/route')
  const res = await GET()
  expect(res.status).toBe(503)
  expect(await res.json()).toMatchObject({ status: 'error', database: { status: 'unreachable', message: 'Database tidak dapat dihubungi' } })
})
