import { DashboardSkeleton } from '@/components/dashboard/skeleton'

export default function Loading() {
  return <DashboardSkeleton cards={4} charts={2} />
}
