import Link from 'next/link'
import { getLocale, getTranslations } from 'next-intl/server'
import clsx from 'clsx'
import { findReportTasks } from '@/lib/data/reporting'
import { formatDate } from '@/lib/format'
import { quarterLabel } from '@/lib/reporting/periods'
import type { SessionUser } from '@/lib/session-user'

/**
 * A district officer's overview says what its regency owes: reports returned for correction and quarters not
 * yet sent (late ones first in red), each opening its report. The province's completeness card beside it
 * counts every regency; this is the officer's own to-do, which before only the bell said.
 */
export async function ReportTasksCard({ user, regencyName, className = 'mt-6' }: { user: SessionUser; regencyName: string; className?: string }) {
  const [tasks, t, tr, locale] = await Promise.all([findReportTasks({ user }), getTranslations('dashboard.card'), getTranslations('reporting'), getLocale()])
  const lang = locale === 'en' ? 'en' : 'id'
  return (
    <section className={clsx(className, 'break-inside-avoid rounded-lg border border-slate-200 bg-white p-4')} data-testid="card-report-tasks" aria-labelledby="report-tasks-title">
      <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
        <h2 id="report-tasks-title" className="text-base font-semibold">{t('reportTasks', { regency: regencyName })}</h2>
        <Link href="/laporan-triwulan" className="no-print text-sm font-medium text-brand-700 underline">{t('reportTasksAll')} →</Link>
      </div>
      {tasks.length === 0 ? (
        <p className="text-sm text-slate-600">{t('reportTasksNone')}</p>
      ) : (
        <ul className="divide-y divide-slate-100 text-sm">
          {tasks.map((x) => (
            <li key={`${x.year}-${x.quarter}`} className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1 py-2" data-task={x.status === 'RETURNED' ? 'returned' : x.late ? 'late' : 'due'}>
              <Link href={`/laporan-triwulan/${user.regencyCode}/${x.year}/${x.quarter}`} className="font-medium text-brand-700 underline">{quarterLabel(x.quarter, lang)} {x.year}</Link>
              <span className={clsx(x.status === 'RETURNED' || x.late ? 'font-medium text-red-700' : 'text-slate-600')}>
                {x.status === 'RETURNED'
                  ? t('reportTaskReturned')
                  : t(x.late ? 'reportTaskLate' : 'reportTaskDue', { deadline: formatDate(x.deadline!, { locale: lang }), status: tr(`status.${x.status}`) })}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
