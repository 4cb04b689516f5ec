import { NextResponse, type NextRequest } from 'next/server'
import { sessionToken } from '@/lib/session-token'
import { SEARCH_HEADER } from '@/lib/request-search-header'
import { HSTS, isHttps, MAX_BODY_BYTES, pageContentSecurityPolicy } from '@/lib/security-headers'
import { problem } from '@/lib/api/problem'

const BAD_PATH = 'Alamat berisi kode persen yang tidak sah (mis. %E0%A4%A); periksa tautannya.'

/** Whether the path's percent-encoding decodes: Next answers a bare 500 for `/api/v1/klaim/%E0%A4%A` otherwise. */
function decodable(pathname: string): boolean {
  try {
    decodeURIComponent(pathname)
    return true
  } catch {
    return false
  }
}

/**
 * Every page request passes here: a body too large is refused with a clear 413 before it is read, a
 * signed-out visitor goes to /masuk (and back afterwards), and the response gets a Content-Security-Policy
 * with a fresh nonce (Next reads it from the request header and puts it on its scripts) and, over HTTPS,
 * HSTS. Only "signed in or not" is decided here (a session cookie that Auth.js made and that has not
 * expired, decoded once per token: lib/session-token.ts); every page, action and route checks the
 * session in the database and permissions itself.
 */
/**
 * A server action posted from another origin: Next refuses it too, but as a 500; here it is a 403. The
 * comparison is Next's own (the Origin's host against X-Forwarded-Host, else Host).
 */
function crossSiteAction(req: NextRequest): boolean {
  const origin = req.headers.get('origin')
  if (req.method !== 'POST' || !req.headers.get('next-action') || !origin) return false
  const host = req.headers.get('x-forwarded-host')?.split(',')[0].trim() || req.headers.get('host')
  try {
    return new URL(origin).host !== host
  } catch {
    return true
  }
}

export default async function proxy(req: NextRequest) {
  const path = req.nextUrl.pathname
  if (!decodable(path)) {
    return path.startsWith('/api/v1/') ? problem('invalid-request', { detail: BAD_PATH }) : new NextResponse(BAD_PATH, { status: 400, headers: { 'content-type': 'text/plain; charset=utf-8' } })
  }
  // an API request (bodiless, or with a suspect path): only the path check above is for it
  if (path.startsWith('/api/')) return NextResponse.next()
  if (crossSiteAction(req)) return new NextResponse('Permintaan dari situs lain ditolak.', { status: 403, headers: { 'content-type': 'text/plain; charset=utf-8' } })
  // exactly `text/plain` (the text is ASCII): Next's action client then throws this text, not "An unexpected response"
  if (Number(req.headers.get('content-length') ?? 0) > MAX_BODY_BYTES) {
    return new NextResponse(`Isian atau berkas terlalu besar: maksimal ${Math.floor(MAX_BODY_BYTES / 1024 / 1024) - 1} MB per berkas.`, { status: 413, headers: { 'content-type': 'text/plain' } })
  }
  // a body of unannounced length (chunked) cannot be measured before it is read, and Next answered one over the
  // limit with a 500 ("Unexpected end of form"); browsers always announce a form's length
  if (req.method === 'POST' && !req.headers.get('content-length') && req.headers.get('transfer-encoding')) {
    return new NextResponse('Panjang isian tidak disebutkan (Content-Length); kirim ulang formulirnya.', { status: 411, headers: { 'content-type': 'text/plain' } })
  }
  const { pathname } = req.nextUrl
  let response: NextResponse
  if (!pathname.startsWith('/masuk') && !(await sessionToken(req.cookies))) {
    const signIn = new URL('/masuk', req.nextUrl)
    signIn.searchParams.set('callbackUrl', req.nextUrl.href)
    response = NextResponse.redirect(signIn)
  } else {
    const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64')
    const policy = pageContentSecurityPolicy(nonce)
    const headers = new Headers(req.headers)
    headers.set('x-nonce', nonce)
    headers.set('content-security-policy', policy)
    // for the layouts that refuse by a query parameter before the loading skeleton (lib/request-search.ts)
    headers.set(SEARCH_HEADER, req.nextUrl.search)
    response = NextResponse.next({ request: { headers } })
    response.headers.set('Content-Security-Policy', policy)
  }
  if (isHttps(req.nextUrl, req.headers)) response.headers.set('Strict-Transport-Security', HSTS)
  return response
}

export const config = {
  // pages; static files are public. API routes answer 401 themselves (their CSP is static, next.config.ts) and
  // come here for the path check only without a body, or with a suspect path: a request the proxy matches has
  // its body copied and read to the end by Next before the route runs, which an unauthenticated upload must not get
  matcher: [
    '/((?!api|_next/static|_next/image|favicon.ico|.*\\.(?:png|svg|ico|woff2?)$).*)',
    { source: '/api/:path*', missing: [{ type: 'header', key: 'content-length' }, { type: 'header', key: 'transfer-encoding' }] },
    // with a body, only a path whose percent-encoding may not decode (a `%` not before two hex digits, or
    // before a byte above 0x7F): Next answered those with a bare 500; the rare valid one passes through
    '/api/:path(.*%(?:[89a-fA-F]|[0-9a-fA-F]?(?:[^0-9a-fA-F]|$)).*)',
  ],
}
