import { DashboardSkeleton } from '@/components/dashboard/skeleton'

export default function Loading() {
  return <DashboardSkeleton cards={0} charts={2} />
}
