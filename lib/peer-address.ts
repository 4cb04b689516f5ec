import http from 'node:http'
import { PEER_HEADER } from '@/lib/client-ip'

const installed = Symbol.for('lumbung.peerAddress')

/**
 * `next start` has no way to hand the socket's address to the app: it only fills X-Forwarded-For when
 * the client did not send one, so a client could name any address it liked. Here every incoming HTTP
 * request gets the peer's address in PEER_HEADER (overwriting whatever the client sent) before Next
 * sees it; lib/client-ip.ts then trusts exactly TRUSTED_PROXY_HOPS proxies to the right of it.
 */
export function stampPeerAddress(): void {
  const proto = http.Server.prototype as http.Server & { [installed]?: boolean }
  if (proto[installed]) return
  proto[installed] = true
  const emit = proto.emit
  proto.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === 'request') {
      const req = args[0] as http.IncomingMessage
      req.headers[PEER_HEADER] = req.socket?.remoteAddress ?? ''
    }
    return (emit as (...a: unknown[]) => boolean).apply(this, [event, ...args])
  } as typeof proto.emit
}
