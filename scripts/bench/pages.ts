/**
 * Pages under load (design/quality.md, "Pages under load"): a signed-in page load of the main screens
 * on a running `next start`, with autocannon (N connections for S seconds each), against the health
 * endpoint on the same server; and the JavaScript each main page makes the browser load, gzip bytes as
 * transferred (response bodies, headers excluded), measured in Chromium.
 *
 * Signing in goes through Auth.js's own endpoints (csrf, then the credentials callback), exactly as the
 * sign-in form does, so the cookie is a real session and every request re-checks it in the database.
 */
import autocannon from 'autocannon'
import { existsSync } from 'node:fs'

export type PageLoadRow = {
  path: string
  connections: number
  seconds: number
  requests: number
  rps: number
  p50: number
  p95: number
  p99: number
  max: number
  errors: number
  timeouts: number
  non2xx: number
  /** p50 of this page ÷ p50 of /api/health on the same server, same run */
  p50RatioToHealth: number | null
  /** requests/s of /api/health ÷ requests/s of this page */
  rpsRatioToHealth: number | null
  /** CPU time the `next start` process(es) used during the run ÷ responses (ms per request), when measured */
  serverCpuMsPerRequest: number | null
  /** the same for the balancer in front of several instances */
  balancerCpuMsPerRequest: number | null
}

export type ScriptBytesRow = { path: string; scripts: number; gzipBytes: number; decodedBytes: number; afterScrollGzipBytes: number }

export const PAGE_P95_TARGET_MS = 300
export const JS_TARGET_BYTES = 200 * 1024

/** Sign in with username and password; returns the Cookie header of the session. */
export async function signIn(base: string, username: string, password: string): Promise<string> {
  const jar = new Map<string, string>()
  const keep = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';')
      const i = pair.indexOf('=')
      jar.set(pair.slice(0, i), pair.slice(i + 1))
    }
  }
  const header = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ')
  const csrfRes = await fetch(`${base}/api/auth/csrf`)
  keep(csrfRes)
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string }
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: header() },
    body: new URLSearchParams({ csrfToken, username, password, callbackUrl: `${base}/` }),
  })
  keep(res)
  if (![...jar.keys()].some((k) => k.includes('session-token'))) throw new Error(`sign-in as ${username} failed (HTTP ${res.status})`)
  // a signed-in page must answer 200 (not the sign-in page) with this cookie
  const check = await fetch(`${base}/`, { headers: { cookie: header() }, redirect: 'manual' })
  if (check.status !== 200) throw new Error(`signed in as ${username}, but / answered ${check.status}`)
  return header()
}

/** One autocannon run; latencies in ms. */
async function load(url: string, opts: { cookie?: string; connections: number; seconds: number; timeoutSeconds: number }) {
  const r = await autocannon({
    url,
    connections: opts.connections,
    duration: opts.seconds,
    timeout: opts.timeoutSeconds,
    headers: opts.cookie ? { cookie: opts.cookie } : {},
  })
  return {
    requests: r.requests.total,
    rps: r.requests.average,
    p50: r.latency.p50,
    // autocannon reports p90, p97_5 and p99; p95 is not among its fixed percentiles: take p97.5 as the
    // conservative upper bound (≥ p95) and say so in the table
    p95: r.latency.p97_5,
    p99: r.latency.p99,
    max: r.latency.max,
    errors: r.errors,
    timeouts: r.timeouts,
    non2xx: r.non2xx,
  }
}

/**
 * Each path, then /api/health, under the same load; a short warm-up per path first (the first
 * requests of a fresh `next start` compile nothing but fill caches).
 */
export async function benchPageLoads(opts: {
  base: string
  cookie: string
  paths: string[]
  connections: number
  seconds: number
  timeoutSeconds?: number
  log: (m: string) => void
  /** CPU ms used so far by the servers and the balancer (e.g. `Served.cpu` of page-server.ts) */
  cpu?: () => { servers: number | null; balancer: number | null }
}): Promise<PageLoadRow[]> {
  const timeoutSeconds = opts.timeoutSeconds ?? 10
  const rows: Omit<PageLoadRow, 'p50RatioToHealth' | 'rpsRatioToHealth'>[] = []
  const perRequest = (before: number | null | undefined, after: number | null | undefined, requests: number) =>
    before == null || after == null || !requests ? null : (after - before) / requests
  for (const p of [...opts.paths, '/api/health']) {
    const url = opts.base + p
    for (let i = 0; i < 3; i++) await fetch(url, { headers: { cookie: opts.cookie } }).then((r) => r.arrayBuffer())
    opts.log(`  ${p}: ${opts.connections} connections for ${opts.seconds} s ...`)
    const before = opts.cpu?.()
    const r = await load(url, { cookie: p === '/api/health' ? undefined : opts.cookie, connections: opts.connections, seconds: opts.seconds, timeoutSeconds })
    const after = opts.cpu?.()
    rows.push({
      path: p, connections: opts.connections, seconds: opts.seconds, ...r,
      serverCpuMsPerRequest: perRequest(before?.servers, after?.servers, r.requests),
      balancerCpuMsPerRequest: perRequest(before?.balancer, after?.balancer, r.requests),
    })
  }
  const health = rows[rows.length - 1]
  return rows.map((r) => ({
    ...r,
    p50RatioToHealth: r.path === '/api/health' || !health.p50 ? null : r.p50 / health.p50,
    rpsRatioToHealth: r.path === '/api/health' || !r.rps ? null : health.rps / r.rps,
  }))
}

/**
 * The scripts each page makes Chromium load, as transferred (gzip, as `next start` compresses them):
 * on load at a 1280×800 viewport, and again after scrolling to the bottom (charts loaded when on screen).
 */
export async function benchScriptBytes(opts: { base: string; cookie: string; paths: string[]; chromium?: string }): Promise<ScriptBytesRow[]> {
  const { chromium } = await import('@playwright/test')
  const executablePath = opts.chromium ?? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
  if (!existsSync(executablePath)) throw new Error(`no Chromium at ${executablePath} (apt-get install -y chromium, or set CHROMIUM_PATH)`)
  const browser = await chromium.launch({
    executablePath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  })
  const rows: ScriptBytesRow[] = []
  try {
    const host = new URL(opts.base).hostname
    const cookies = opts.cookie.split('; ').map((c) => {
      const i = c.indexOf('=')
      return { name: c.slice(0, i), value: c.slice(i + 1), domain: host, path: '/' }
    })
    for (const p of opts.paths) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
      await context.addCookies(cookies)
      const page = await context.newPage()
      // body bytes as transferred (gzip), headers excluded, per script response
      const scripts: Promise<{ transferred: number; decoded: number }>[] = []
      page.on('response', (r) => {
        if (r.request().resourceType() !== 'script') return
        scripts.push(
          r.finished()
            .then(async () => {
              const sizes = await r.request().sizes()
              return { transferred: sizes.responseBodySize, decoded: (await r.body().catch(() => Buffer.alloc(0))).length }
            })
            // a script still arriving when the page closes is not counted (nor a crash)
            .catch(() => ({ transferred: 0, decoded: 0 })),
        )
      })
      const res = await page.goto(opts.base + p, { waitUntil: 'networkidle' })
      if (!res || res.status() !== 200) throw new Error(`${p} answered ${res?.status()} in Chromium`)
      const sum = async () => (await Promise.all(scripts)).reduce((a, s) => ({ t: a.t + s.transferred, d: a.d + s.decoded }), { t: 0, d: 0 })
      const onLoad = await sum()
      const count = scripts.length
      await page.evaluate(async () => {
        for (let y = 0; y < document.body.scrollHeight; y += 400) {
          window.scrollTo(0, y)
          await new Promise((r) => setTimeout(r, 50))
        }
      })
      await page.waitForLoadState('networkidle')
      await page.waitForTimeout(500)
      const afterScroll = await sum()
      page.removeAllListeners('response')
      rows.push({ path: p, scripts: count, gzipBytes: onLoad.t, decodedBytes: onLoad.d, afterScrollGzipBytes: afterScroll.t })
      await context.close()
    }
  } finally {
    await browser.close()
  }
  return rows
}
