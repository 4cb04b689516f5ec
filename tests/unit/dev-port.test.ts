/**
 * `npm run dev` checks its port before starting anything (scripts/lib/port.ts): a taken port is one
 * sentence naming it and how to choose another, not somebody else's server reported as ready.
 */
import { createServer, type Server } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { portProblem } from '@/scripts/lib/port'

let server: Server | undefined
afterEach(() => new Promise<void>((r) => (server ? server.close(() => r()) : r())))

function listen(host: string): Promise<number> {
  return new Promise((resolve) => {
    server = createServer()
    server.listen(0, host, () => resolve((server!.address() as { port: number }).port))
  })
}

describe('portProblem', () => {
  it('is null for a free port', async () => {
    const port = await listen('127.0.0.1')
    await new Promise<void>((r) => server!.close(() => r()))
    server = undefined
    expect(await portProblem(port, '127.0.0.1')).toBeNull()
  })

  it('names a taken port and how to choose another', async () => {
    const port = await listen('127.0.0.1')
    expect(await portProblem(port, '127.0.0.1')).toBe(
      `Port ${port} sudah dipakai program lain (mungkin \`npm run dev\` atau \`npm start\` yang masih berjalan): hentikan program itu, atau pilih port lain, mis. \`PORT=${port + 1} npm run dev\`.`,
    )
  })

  it('sees a server listening on every interface as taking the loopback port', async () => {
    const port = await listen('0.0.0.0')
    expect(await portProblem(port, '127.0.0.1')).toMatch(/sudah dipakai/)
  })
})
