import { isIP } from 'node:net'
import { headers } from 'next/headers'
import { numberSetting } from '@/lib/env'

/**
 * The header in which the server stamps the address of the TCP peer that sent the request (see
 * lib/peer-address.ts, installed from instrumentation.ts). A value a client sends is overwritten.
 */
export const PEER_HEADER = 'x-lumbung-peer'

/**
 * How many reverse proxies in front of the app append to X-Forwarded-For (TRUSTED_PROXY_HOPS, default
 * 0: no proxy, the socket's address is the client). Anything left of the hops we trust was written by
 * the client and proves nothing.
 */
export function trustedProxyHops(): number {
  // validated in lib/env.ts: a malformed value is refused at start, not read as 0
  return numberSetting('TRUSTED_PROXY_HOPS')
}

function normalise(address: string | null | undefined): string | null {
  const a = (address ?? '').trim().replace(/^\[(.*)\]$/, '$1')
  if (!a) return null
  const v4mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(a)
  const ip = v4mapped ? v4mapped[1] : a
  return isIP(ip) ? ip.toLowerCase() : null
}

/**
 * The client's address: the chain is X-Forwarded-For's entries followed by the socket peer, and the
 * client is the entry TRUSTED_PROXY_HOPS places from the right (0: the peer itself). A client can prepend
 * whatever it likes to X-Forwarded-For; only the hops our own proxies appended are read. An entry that
 * is not an IP address (`","`, `unknown`, garbage) falls back to the nearest trusted one, so no input
 * yields an address that escapes the per-address limits. Outside a real request (scripts, tests) there
 * is no peer: the address is then the literal `local`, which is throttled like any other.
 */
export function ipFromHeaders(h: Headers, hops: number = trustedProxyHops()): string {
  const peer = normalise(h.get(PEER_HEADER))
  const forwarded = (h.get('x-forwarded-for') ?? '').split(',').map((s) => s.trim())
  // Without our stamp (next dev before instrumentation, tests), Next itself may have put the socket
  // address into an absent X-Forwarded-For; then the last entry plays the peer's part.
  const chain = peer ? [...forwarded, peer] : forwarded
  const trusted = chain.slice(Math.max(0, chain.length - 1 - hops))
  for (const entry of trusted) {
    const ip = normalise(entry)
    if (ip) return ip
  }
  return 'local'
}

/** The current request's client address, or `local` outside a request (scripts, tests). */
export async function clientIp(): Promise<string> {
  try {
    return ipFromHeaders(await headers())
  } catch {
    return 'local'
  }
}
