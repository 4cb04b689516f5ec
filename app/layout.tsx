import type { Metadata, Viewport } from 'next'
import { GeistSans } from 'geist/font/sans'
import { GeistMono } from 'geist/font/mono'
import { getLocale } from 'next-intl/server'
import { ClientMessages } from '@/components/i18n/client-messages'
import './globals.css'

export const metadata: Metadata = {
  title: { default: 'Lumbung', template: '%s · Lumbung' },
  description: 'Dasbor program koperasi dan UMKM Dinas Koperasi dan UKM Provinsi',
}

export const viewport: Viewport = { width: 'device-width', initialScale: 1, themeColor: '#23703f' }

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const locale = await getLocale()
  return (
    <html lang={locale} className={`${GeistSans.variable} ${GeistMono.variable}`}>
      <body className="min-h-screen bg-slate-50 font-sans text-slate-900 antialiased">
        <ClientMessages section="root">{children}</ClientMessages>
      </body>
    </html>
  )
}
