import { ClientMessages } from '@/components/i18n/client-messages'
import { gateDashboardFilter } from '@/lib/dashboard/gate'

/** The programme check above the loading skeleton: an unknown or hidden programme is a real 404. */
export default async function HomeLayout({ children }: { children: React.ReactNode }) {
  await gateDashboardFilter()
  return <ClientMessages section="(beranda)">{children}</ClientMessages>
}
