import { useTranslations } from 'next-intl'
import { Badge } from '@/components/ui/badge'
import type { GridStatus, Timeliness } from '@/lib/data/reporting'

const STATUS_TONE = { NOT_STARTED: 'slate', DRAFT: 'amber', SUBMITTED: 'blue', RETURNED: 'red', APPROVED: 'green' } as const
const TIMELINESS_TONE = { ON_TIME: 'green', LATE: 'red', OVERDUE: 'red', PENDING: 'slate', NOT_REQUIRED: 'slate' } as const

/** A report's workflow state; a report the province reopened after approving it reads so (as its banner does), not "returned". */
export function StatusBadge({ status, reopened = false }: { status: GridStatus; reopened?: boolean }) {
  const t = useTranslations('reporting.status')
  return <Badge tone={STATUS_TONE[status]}>{t(status === 'RETURNED' && reopened ? 'REOPENED' : status)}</Badge>
}

/** On time, late, overdue (nothing sent past the deadline), not yet due, or not required (before reporting started). */
export function TimelinessBadge({ timeliness }: { timeliness: Timeliness }) {
  const t = useTranslations('reporting.timeliness')
  return <Badge tone={TIMELINESS_TONE[timeliness]}>{t(timeliness)}</Badge>
}
