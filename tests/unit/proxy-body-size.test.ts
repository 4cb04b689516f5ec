import { NextRequest } from 'next/server'
import { describe, expect, it } from 'vitest'
import proxy from '@/proxy'
import { MAX_BODY_BYTES } from '@/lib/upload-limits'

const post = (headers: Record<string, string>) => new NextRequest('http://localhost/rapat/abc', { method: 'POST', headers: { 'next-action': 'x', ...headers } })

/** A body the proxy refuses before it is read: said in plain text that Next's action client passes on as the error's message. */
describe('the proxy and a request body too large to read', () => {
  it('refuses a body announced over the limit with 413, as exactly text/plain', async () => {
    const res = await proxy(post({ 'content-length': String(MAX_BODY_BYTES + 1) }))
    expect(res.status).toBe(413)
    expect(res.headers.get('content-type')).toBe('text/plain')
    expect(await res.text()).toMatch(/terlalu besar/)
  })

  it('refuses a body of unannounced length (chunked) with 411 instead of reading it into a 500', async () => {
    const res = await proxy(post({ 'transfer-encoding': 'chunked' }))
    expect(res.status).toBe(411)
    expect(res.headers.get('content-type')).toBe('text/plain')
  })

  it('lets a body under the limit through to the sign-in check', async () => {
    const res = await proxy(post({ 'content-length': '1000' }))
    expect(res.status).not.toBe(413)
    expect(res.status).not.toBe(411)
  })
})
