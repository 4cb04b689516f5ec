/**
 * A malformed setting is a configuration error on /api/health, naming the variable (not its value), not a
 * database outage; once fixed, the same route answers 200 again.
 */
import { afterEach, expect, it } from 'vitest'
import { GET } from '@/app/api/health/route'

const saved = { ...process.env }
afterEach(() => {
  process.env.AGENCY_PROVINCE_CODE = saved.AGENCY_PROVINCE_CODE
  if (saved.AGENCY_PROVINCE_CODE === undefined) delete process.env.AGENCY_PROVINCE_CODE
  delete process.env.TRUSTED_PROXY_HOPS
})

it('names a malformed setting as a configuration error, not an unreachable database', async () => {
  process.env.AGENCY_PROVINCE_CODE = '3'
  process.env.TRUSTED_PROXY_HOPS = '11'
  const res = await GET()
  expect(res.status).toBe(503)
  const body = await res.json()
  expect(body).toMatchObject({ status: 'error', configuration: { status: 'invalid', variables: ['AGENCY_PROVINCE_CODE', 'TRUSTED_PROXY_HOPS'] } })
  expect(body.database).toBeUndefined()
  expect(JSON.stringify(body)).not.toContain('11')
})

it('answers 200 once the settings are well-formed', async () => {
  const res = await GET()
  expect(res.status).toBe(200)
  expect(await res.json()).toMatchObject({ status: 'ok', database: { status: 'ok' } })
})
