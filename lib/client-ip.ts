import { headers } from 'next/headers'

/**
 * The client's address as the reverse proxy reports it (first X-Forwarded-For hop, else X-Real-IP).
 * Deployments must put the app behind a proxy that sets these headers; used for throttling and audit.
 */
export function ipFromHeaders(h: Headers): string {
  const forwarded = h.get('x-forwarded-for')?.split(',')[0]?.trim()
  return (forwarded || h.get('x-real-ip') || 'unknown').slice(0, 64)
}

/** The current request's client address, or 'unknown' outside a request (scripts, tests). */
export async function clientIp(): Promise<string> {
  try {
    return ipFromHeaders(await headers())
  } catch {
    return 'unknown'
  }
}
