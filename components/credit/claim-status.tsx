import { getTranslations } from 'next-intl/server'
import { Badge } from '@/components/ui/badge'

const TONE = { SUBMITTED: 'blue', RETURNED: 'amber', APPROVED: 'green', PAID: 'slate' } as const

export async function ClaimStatusBadge({ status }: { status: keyof typeof TONE }) {
  const t = await getTranslations('credit')
  return <Badge tone={TONE[status]}>{t(`claimStatus_${status}`)}</Badge>
}
