import type { Metadata } from 'next'
import Link from 'next/link'
import { getLocale, getTranslations } from 'next-intl/server'
import clsx from 'clsx'
import { Plus } from 'lucide-react'
import { Badge } from '@/components/ui/badge'
import { LinkButton } from '@/components/ui/button'
import { ConfirmAction } from '@/components/ui/confirm-action'
import { EmptyState } from '@/components/ui/empty-state'
import { Table, Td, Th } from '@/components/ui/table'
import { deleteHoliday } from '@/lib/actions/holidays'
import { jakartaToday } from '@/lib/dates'
import { findHolidays } from '@/lib/data/holidays'
import { formatDate, formatNumber, formatWeekday } from '@/lib/format'
import { requirePermission } from '@/lib/session'
import { flatParams, type SearchParams } from '@/lib/url'
import { isWeekend } from '@/lib/working-days'
import { parseYearParam } from '@/lib/parse'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('config'))('tabs.holidays') }
}

/**
 * The holiday calendar of one year (libur nasional and cuti bersama): what every working-day count
 * subtracts. A year filter, the year's working days, add, edit and delete (asked first).
 */
export default async function HolidaysPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requirePermission('config.manage')
  const params = flatParams(await searchParams)
  const thisYear = Number(jakartaToday().slice(0, 4))
  const year = parseYearParam(params.tahun) ?? thisYear
  const [t, locale, data] = await Promise.all([getTranslations('config.holidays'), getLocale(), findHolidays({ user, year })])
  const lang = locale === 'en' ? 'en' : 'id'
  const n = (v: number) => formatNumber(v, { locale: lang })
  const years = [...new Set([...data.years, thisYear, thisYear + 1, year])].sort((a, b) => a - b)
  const weekdayHolidays = data.weekdays - data.workingDays
  return (
    <section aria-labelledby="holidays-title" className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="holidays-title" className="text-lg font-semibold text-slate-900">{t('title', { year })}</h2>
        <LinkButton href="/pengaturan/hari-libur/baru"><Plus aria-hidden className="size-4" />{t('new')}</LinkButton>
      </div>
      <p className="max-w-3xl text-sm text-slate-600">{t('intro')}</p>
      <nav aria-label={t('yearFilter')} className="flex flex-wrap gap-2">
        {years.map((y) => (
          <Link
            key={y}
            href={`/pengaturan/hari-libur?tahun=${y}`}
            aria-current={y === year ? 'page' : undefined}
            className={clsx('rounded-full px-3 py-1 text-sm ring-1 ring-inset', y === year ? 'bg-brand-700 text-white ring-brand-700' : 'bg-white text-slate-700 ring-slate-300 hover:bg-slate-50')}
          >
            {y}
          </Link>
        ))}
      </nav>
      <p className="text-sm text-slate-700" data-testid="working-days">
        {t('summary', { year, holidays: n(data.holidays.length), weekdayHolidays: n(weekdayHolidays), workingDays: n(data.workingDays) })}
      </p>
      {params.disimpan && <p role="status" className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-800">{t('saved', { date: formatDate(params.disimpan, { locale: lang }) })}</p>}
      {params.dihapus && <p role="status" className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-800">{t('deleted')}</p>}
      {data.holidays.length === 0 ? (
        <EmptyState title={t('empty', { year })} />
      ) : (
        <Table caption={t('title', { year })}>
          <thead>
            <tr>
              <Th>{t('col.date')}</Th>
              <Th>{t('col.name')}</Th>
              <Th className="hidden md:table-cell">{t('col.kind')}</Th>
              <Th className="hidden md:table-cell">{t('col.source')}</Th>
              <Th>{t('col.actions')}</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {data.holidays.map((h) => (
              <tr key={h.id} data-testid={`holiday-${h.date}`}>
                <Td className="whitespace-nowrap">
                  <span className="font-medium tabular-nums">{formatDate(h.date, { locale: lang })}</span>
                  <span className="block text-xs text-slate-500">
                    {formatWeekday(h.date, { locale: lang })}{isWeekend(h.date) && ` · ${t('weekend')}`}
                  </span>
                </Td>
                <Td>
                  <span data-user-content>{h.name}</span>
                  {/* on a phone the kind and the source go under the name, so the table fits the screen (the kind's
                      badge had been cut at its edge, "Ubah" and "Hapus" out of sight) */}
                  <span className="mt-1 block md:hidden"><Badge tone={h.kind === 'CUTI_BERSAMA' ? 'blue' : 'red'}>{t(`kind.${h.kind}`)}</Badge></span>
                  {h.source && <span className="mt-1 block text-xs text-slate-500 md:hidden" data-user-content>{h.source}</span>}
                </Td>
                <Td className="hidden whitespace-nowrap md:table-cell"><Badge tone={h.kind === 'CUTI_BERSAMA' ? 'blue' : 'red'}>{t(`kind.${h.kind}`)}</Badge></Td>
                <Td className="hidden max-w-md text-xs text-slate-600 md:table-cell">
                  {h.source ? <span data-user-content>{h.source}</span> : '–'}
                  {h.source && /konfirmasi/i.test(h.source) && <span className="ml-1"><Badge tone="amber">{t('toConfirm')}</Badge></span>}
                </Td>
                <Td>
                  <div className="flex flex-col items-start gap-2 md:flex-row md:flex-wrap">
                    <Link href={`/pengaturan/hari-libur/${h.id}`} className="pt-1 text-brand-700 underline-offset-2 hover:underline">{t('edit')}</Link>
                    <ConfirmAction
                      action={deleteHoliday}
                      fields={{ id: h.id, version: String(h.version) }}
                      label={t('delete')}
                      title={t('deleteTitle', { date: formatDate(h.date, { locale: lang }) })}
                      body={t('deleteBody', { name: h.name })}
                      confirmLabel={t('deleteConfirm')}
                      variant="danger"
                    />
                  </div>
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </section>
  )
}
