import type { NextConfig } from 'next'
import createNextIntlPlugin from 'next-intl/plugin'
import { API_CONTENT_SECURITY_POLICY, STATIC_SECURITY_HEADERS } from './lib/security-headers'
import { MAX_BODY_SIZE_TEXT } from './lib/upload-limits'

const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts')

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // forbidden() renders app/forbidden.tsx with HTTP 403 when a role may not open a page
  experimental: {
    authInterrupts: true,
    // the largest file a form takes (an import's spreadsheet, IMPORT_MAX_FILE_MB; a meeting document, 10 MB)
    // plus room for the form's other fields (lib/upload-limits.ts), so a file under its own limit reaches the
    // code that explains a refusal in the field, not the framework's generic 413. proxy.ts answers a larger
    // body with a clear 413 before it is read.
    serverActions: { bodySizeLimit: MAX_BODY_SIZE_TEXT },
    proxyClientMaxBodySize: MAX_BODY_SIZE_TEXT,
  },
  // the pg driver, exceljs and pdfkit (reads its font metrics from its own folder) are Node libraries:
  // load them at run time instead of bundling
  serverExternalPackages: ['pg', '@prisma/adapter-pg', 'exceljs', 'pdfkit', 'nodemailer'],
  // pages get their Content-Security-Policy (with a per-request nonce) from proxy.ts
  async headers() {
    return [
      { source: '/:path*', headers: STATIC_SECURITY_HEADERS },
      { source: '/api/:path*', headers: [{ key: 'Content-Security-Policy', value: API_CONTENT_SECURITY_POLICY }] },
    ]
  },
}

export default withNextIntl(nextConfig)
