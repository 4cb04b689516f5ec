import { DashboardSkeleton } from '@/components/dashboard/skeleton'

export default function Loading() {
  return <DashboardSkeleton cards={8} charts={2} />
}
