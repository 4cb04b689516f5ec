import { useTranslations } from 'next-intl'

/** Grey blocks in the shape of a dashboard while its figures load (loading.tsx of each page). */
export function DashboardSkeleton({ cards = 4, charts = 2 }: { cards?: number; charts?: number }) {
  const t = useTranslations('common')
  return (
    <div aria-busy="true" aria-live="polite" className="animate-pulse">
      <span className="sr-only">{t('loading')}</span>
      <div className="mb-6 h-8 w-64 rounded bg-slate-200" />
      <div className="mb-4 h-20 rounded-lg bg-slate-100" />
      <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
        {Array.from({ length: cards }, (_, i) => <div key={i} className="h-32 rounded-lg bg-slate-100" />)}
      </div>
      <div className="mt-6 grid gap-6 xl:grid-cols-2">
        {Array.from({ length: charts }, (_, i) => <div key={i} className="h-80 rounded-lg bg-slate-100" />)}
      </div>
    </div>
  )
}
