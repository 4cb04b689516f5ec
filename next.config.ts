import type { NextConfig } from 'next'
import createNextIntlPlugin from 'next-intl/plugin'

const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts')

const isDev = process.env.NODE_ENV !== 'production'

// Next's runtime injects inline bootstrap scripts, hence 'unsafe-inline' for scripts; everything is
// same-origin (fonts are local, no CDN), and nobody may frame the dashboard.
const csp = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${isDev ? " 'unsafe-eval'" : ''}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  `connect-src 'self'${isDev ? ' ws:' : ''}`,
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "object-src 'none'",
].join('; ')

const securityHeaders = [
  { key: 'Content-Security-Policy', value: csp },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
]

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // forbidden() renders app/forbidden.tsx with HTTP 403 when a role may not open a page
  experimental: {
    authInterrupts: true,
    // the largest file a form takes is a meeting document (10 MB, lib/meetings/files.ts; claim files 5 MB):
    // room for it and the form's other fields, so the app's own size message answers, not the framework's.
    // proxy.ts answers a larger body with a clear 413 before it is read.
    serverActions: { bodySizeLimit: '11mb' },
    proxyClientMaxBodySize: '11mb',
  },
  // the pg driver, exceljs and pdfkit (reads its font metrics from its own folder) are Node libraries:
  // load them at run time instead of bundling
  serverExternalPackages: ['pg', '@prisma/adapter-pg', 'exceljs', 'pdfkit'],
  async headers() {
    return [{ source: '/:path*', headers: securityHeaders }]
  },
}

export default withNextIntl(nextConfig)
