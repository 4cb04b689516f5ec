/**
 * Where a server's CPU goes, by part: `npx tsx scripts/bench/cpu-profile.ts FILE.cpuprofile --requests=N`.
 *
 * Take the profile from the production build, e.g. `NODE_OPTIONS=--cpu-prof-dir=/tmp/prof next start` (the
 * whole process, start-up included), or only around the load with the toggle:
 * `node --import ./scripts/bench/cpu-profile-toggle.mjs node_modules/next/dist/bin/next start`, then
 * `kill -USR2 <pid>` before and after loading a page N times (`PROF_OUT` names the file). Each sample goes to
 * the first frame from the leaf up that belongs to a known part; frames in `.next/server` chunks are mapped to
 * their sources with the build's source maps (so `lib/format.ts` is told apart from React). V8's profiler
 * samples by wall clock: on a busy machine time spent waiting for a core counts too, so compare shares, and
 * take CPU time per request from `/proc/<pid>/stat` (the page bench's "CPU ms/req" column).
 */
import { existsSync, readFileSync } from 'node:fs'
import { SourceMapConsumer } from 'source-map-js'
const files = process.argv.slice(2).filter((a) => !a.startsWith('--'))
const reqs = Number((process.argv.find((a) => a.startsWith('--requests=')) ?? '--requests=1').split('=')[1])
type ProfileNode = { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }; children?: number[] }
const consumers = new Map<string, SourceMapConsumer | null>()
function original(url: string, line: number, col: number): string {
  const f = url.replace(/^file:\/\//, '')
  if (!f.includes('/.next/server/')) return f
  let c = consumers.get(f)
  if (c === undefined) { c = existsSync(f + '.map') ? new SourceMapConsumer(JSON.parse(readFileSync(f + '.map', 'utf8'))) : null; consumers.set(f, c) }
  if (!c) return f
  const o = c.originalPositionFor({ line: line + 1, column: col })
  return o.source ? decodeURIComponent(o.source).replace(/^.*turbopack:\/\/\/(\[project\]\/)?/, '').replace(/^(\.\.\/)+/, '') : f
}
const PARTS: [string, RegExp][] = [
  ['Prisma query compiler (WebAssembly)', /^wasm:|query_compiler/],
  ['Prisma client, driver adapter, pg', /node_modules\/(@prisma|pg|pg-pool|pg-protocol|pg-types|postgres-)/],
  ['session JWT (Auth.js: HKDF, JWE decrypt/encrypt)', /node:internal\/crypto|node_modules\/(jose|@auth|next-auth)|@auth\/core|next-auth\//],
  ['next-intl / ICU messages', /node_modules\/(use-intl|next-intl|intl-messageformat|@formatjs)|lib\/i18n\//],
  ['formatting figures (lib/format.ts, Intl)', /^lib\/format\.ts/],
  ['app code (pages, components, lib)', /^(app|components|lib|proxy)/],
  ['React render + RSC/HTML serialisation (Next app-page runtime)', /app-page.*runtime|react-dom|react-server|node_modules\/react\//],
  ['HTTP, streams, compression', /node:(internal\/)?(streams|stream|net|zlib|_http|http|internal\/webstreams|internal\/stream_base)|undici|compression/],
  ['Next server (routing, proxy, headers)', /node_modules\/next\/|next\/dist|\.next\/server/],
]
const total = new Map<string, number>(); let all = 0
for (const file of files) {
  const p = JSON.parse(readFileSync(file, 'utf8')) as { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }
  const byId = new Map<number, ProfileNode>(); const parent = new Map<number, number>()
  for (const n of p.nodes) byId.set(n.id, n)
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id)
  const memo = new Map<number, string>()
  const partOf = (n: ProfileNode): string | null => {
    const cf = n.callFrame
    if (cf.functionName === '(garbage collector)') return 'garbage collection'
    if (!cf.url) return null
    const src = original(cf.url, cf.lineNumber, cf.columnNumber)
    for (const [name, re] of PARTS) if (re.test(src)) return name
    return null
  }
  for (let i = 0; i < p.samples.length; i++) {
    const dt = (p.timeDeltas[i + 1] ?? 0) / 1000
    const leaf = byId.get(p.samples[i])
    if (!leaf || leaf.callFrame.functionName === '(idle)') continue
    all += dt
    let part = memo.get(leaf.id)
    if (part === undefined) {
      part = 'other (Node internals, timers, promises)'
      for (let x: ProfileNode | undefined = leaf; x; x = byId.get(parent.get(x.id) ?? -1)) { const k = partOf(x); if (k) { part = k; break } }
      memo.set(leaf.id, part)
    }
    total.set(part, (total.get(part) ?? 0) + dt)
  }
}
console.log(`on-CPU ${(all / reqs).toFixed(1)} ms per request (${reqs} requests)`)
for (const [k, v] of [...total].sort((a, b) => b[1] - a[1])) console.log(`${(v / reqs).toFixed(1).padStart(6)} ms  ${((100 * v) / all).toFixed(0).padStart(3)}%  ${k}`)
