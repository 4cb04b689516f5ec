/**
 * The page bench's fallback balancer when HAProxy is not installed: `node scripts/bench/tcp-balancer.mjs
 * PORT HOST:PORT,HOST:PORT,…` accepts connections on 127.0.0.1:PORT and hands each to the next backend in
 * turn (round robin per connection, bytes piped both ways; the load generator's keep-alive connections are
 * spread evenly). Plain JavaScript, no dependencies: it runs as its own process so its CPU can be measured.
 */
import net from 'node:net'

const [port, list] = process.argv.slice(2)
const backends = list.split(',').map((b) => {
  const i = b.lastIndexOf(':')
  return { host: b.slice(0, i), port: Number(b.slice(i + 1)) }
})
let next = 0
const server = net.createServer((client) => {
  const target = backends[next++ % backends.length]
  const upstream = net.connect(target)
  client.setNoDelay(true)
  upstream.setNoDelay(true)
  client.pipe(upstream).pipe(client)
  const close = () => {
    client.destroy()
    upstream.destroy()
  }
  client.on('error', close)
  upstream.on('error', close)
  client.on('close', close)
  upstream.on('close', close)
})
server.listen(Number(port), '127.0.0.1', () => process.stdout.write(`listening ${port}\n`))
for (const s of ['SIGINT', 'SIGTERM']) process.on(s, () => process.exit(0))
