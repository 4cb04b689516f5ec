/**
 * The git-ignored `.env.local`: the local auth secret written on first run, read back on the next.
 * Next.js loads this file itself for `next dev` / `next start`; the scripts load it here too.
 */
import { existsSync, readFileSync, appendFileSync } from 'node:fs'
import { randomBytes } from 'node:crypto'

const FILE = '.env.local'

function parse(text: string): Record<string, string> {
  const out: Record<string, string> = {}
  for (const line of text.split('\n')) {
    const m = /^\s*([A-Z0-9_]+)\s*=\s*(.*)\s*$/.exec(line)
    if (m) out[m[1]] = m[2].replace(/^['"]|['"]$/g, '')
  }
  return out
}

/** Load `.env.local` into process.env (without overriding) and create AUTH_SECRET when none exists. */
export function ensureLocalEnv(log: (m: string) => void = console.log): void {
  const file = existsSync(FILE) ? parse(readFileSync(FILE, 'utf8')) : {}
  for (const [k, v] of Object.entries(file)) process.env[k] ??= v
  if (!process.env.AUTH_SECRET) {
    const secret = randomBytes(32).toString('base64url')
    appendFileSync(FILE, `${existsSync(FILE) ? '\n' : ''}# dibuat otomatis saat pertama dijalankan; jangan dibagikan\nAUTH_SECRET=${secret}\n`)
    process.env.AUTH_SECRET = secret
    log(`AUTH_SECRET lokal dibuat di ${FILE}.`)
  }
  // `next start` behind localhost or a reverse proxy: trust the Host header (Auth.js "UntrustedHost")
  process.env.AUTH_TRUST_HOST ??= 'true'
}
