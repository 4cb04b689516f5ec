import { AppShell } from '@/components/shell/app-shell'
import { requireUser } from '@/lib/session'

// Every page below reads the session and the database: never prerendered.
export const dynamic = 'force-dynamic'

export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser()
  return <AppShell user={user}>{children}</AppShell>
}
