/**
 * The response headers every page carries. The Content-Security-Policy is made per request in proxy.ts
 * with a fresh nonce: Next puts the nonce on its own bootstrap scripts, and a script injected into a page
 * (which cannot know the nonce) does not run. No 'unsafe-inline' for scripts; styles keep it, because
 * React's style attributes and the chart library need it and a style cannot run code.
 * Used by the proxy (pages) and next.config.ts (API routes and files, which never carry scripts).
 */

/** The policy for a page answered with this nonce. */
export function pageContentSecurityPolicy(nonce: string, dev = process.env.NODE_ENV !== 'production'): string {
  return [
    "default-src 'self'",
    // 'strict-dynamic': scripts the nonce'd bootstrap loads (the page's chunks) are trusted, nothing else
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${dev ? ' ws:' : ''}`,
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "object-src 'none'",
  ].join('; ')
}

/** For JSON, CSV, spreadsheets and files: nothing may run or be framed. */
export const API_CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'none'; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'"

/** The same for every response. */
export const STATIC_SECURITY_HEADERS = [
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
]

/** HSTS for a year once the app is reached over HTTPS (browsers ignore it over plain HTTP anyway). */
export const HSTS = 'max-age=31536000; includeSubDomains'

/** Whether this request reached us over HTTPS (directly, or as the TLS-terminating proxy reports). */
export function isHttps(url: URL, headers: Headers): boolean {
  return url.protocol === 'https:' || headers.get('x-forwarded-proto')?.split(',')[0]?.trim() === 'https'
}

/** Above this a POST is refused before it is read: the largest upload a form takes plus its fields (lib/upload-limits.ts). */
export { MAX_BODY_BYTES } from './upload-limits'
