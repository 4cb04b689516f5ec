import { ClientMessages } from '@/components/i18n/client-messages'

/** This section's client components get only the message namespaces they read (lib/i18n/client-messages.ts). */
export default function Layout({ children }: { children: React.ReactNode }) {
  return <ClientMessages section="kredit">{children}</ClientMessages>
}
