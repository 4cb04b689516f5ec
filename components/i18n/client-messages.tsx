import { NextIntlClientProvider } from 'next-intl'
import { getMessages } from 'next-intl/server'
import { CLIENT_NAMESPACES, pickMessages, type MessageSection } from '@/lib/i18n/client-messages'

/**
 * The messages a section's client components read, and no others (lib/i18n/client-messages.ts): the
 * RSC payload of each page carries a few kilobytes of its own texts instead of the whole catalogue.
 * Locale, time zone and formats come from the request's configuration as before.
 */
export async function ClientMessages({ section, children }: { section: MessageSection; children: React.ReactNode }) {
  const messages = await getMessages()
  return <NextIntlClientProvider messages={pickMessages(messages, CLIENT_NAMESPACES[section])}>{children}</NextIntlClientProvider>
}
