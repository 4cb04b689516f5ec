import { useTranslations } from 'next-intl'
import { formatDateTime } from '@/lib/format'

export type HistoryEntry = { id: string; createdAt: Date; /** the person's name, or the username when the account is gone */ who: string; action: string; reason: string | null }

/**
 * A report's submissions, returns, approvals and reopenings, each said in words ("jombang mengirim laporan
 * triwulan") with the audit log's own verbs, not the stored action code; a code without a verb shows as stored.
 */
export function ReportHistory({ history, locale }: { history: HistoryEntry[]; locale: 'id' | 'en' }) {
  const t = useTranslations('reporting.entry')
  const tl = useTranslations('auditLog')
  const verb = (action: string) => (tl.has(`verb.${action}`) ? tl(`verb.${action}` as 'verb.SUBMIT') : action)
  if (history.length === 0) return null
  return (
    <section aria-labelledby="history-title" className="rounded-lg border border-slate-200 bg-white p-4">
      <h3 id="history-title" className="mb-2 text-sm font-semibold text-slate-900">{t('history')}</h3>
      <ol className="space-y-1 text-sm text-slate-700">
        {history.map((h) => (
          <li key={h.id} data-action={h.action}>
            <span className="text-xs text-slate-500">{formatDateTime(h.createdAt, { locale })}</span> · <span className="font-medium">{h.who}</span> {verb(h.action)} {tl('entity.QuarterlyReport')}
            {h.reason && <span className="text-slate-600">: {h.reason}</span>}
          </li>
        ))}
      </ol>
    </section>
  )
}
