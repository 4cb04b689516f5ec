import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { getLocale, getTranslations } from 'next-intl/server'
import { Pencil } from 'lucide-react'
import { measureText } from '@/components/activities/measure-text'
import { TargetProgress } from '@/components/activities/target-progress'
import { CARD_HEADING, InfoCard, Section } from '@/components/registers/badges'
import { LinkButton } from '@/components/ui/button'
import { ConfirmAction } from '@/components/ui/confirm-action'
import { HistoryLink } from '@/components/ui/history-link'
import { PageHeader } from '@/components/ui/page-header'
import { Table, Td, Th } from '@/components/ui/table'
import { deleteProgrammeTarget } from '@/lib/actions/activities'
import { contributingRecords, getProgrammeTarget, type ContributingRecord } from '@/lib/data/programme-targets'
import { formatDate, formatNumber } from '@/lib/format'
import { can } from '@/lib/permissions'
import { requirePermission } from '@/lib/session'

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const user = await requirePermission('programmeTargets.read')
  const target = await getProgrammeTarget({ user, id: (await params).id })
  return { title: target?.name ?? (await getTranslations('programmeTargets'))('title') }
}

/** One time-bound target: its progress and pace, and the records its progress is counted from. */
export default async function ProgrammeTargetPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission('programmeTargets.read')
  const { id } = await params
  const [target, t, a, locale] = await Promise.all([getProgrammeTarget({ user, id }), getTranslations('programmeTargets'), getTranslations('activities'), getLocale()])
  if (!target) notFound()
  const lang = locale === 'en' ? 'en' : 'id'
  const records = await contributingRecords({ target })
  const manage = can(user.role, 'programmeTargets.manage')
  // what a record is, in words: its register number labelled (a bare 16-digit NIK had been a healthy KSP's whole detail)
  const details = (r: ContributingRecord) => [
    r.detail,
    r.code && t(r.code.kind === 'NIK' ? 'record.nik' : 'record.nib', { value: r.code.value }),
    r.score !== null && t('record.healthy', { score: formatNumber(r.score, { decimals: 2, locale: lang }) }),
  ].filter(Boolean).join(' · ')
  return (
    <div className="space-y-8">
      <div>
        <p className="mb-2 text-sm"><Link href="/target-program" className="text-brand-700 hover:underline">← {t('title')}</Link></p>
        <PageHeader
          title={target.name}
          description={`${measureText(target, t, a, lang)} · ${target.regencyName ?? t('province')}`}
          actions={
            <>
              <HistoryLink user={user} entity="ProgrammeTarget" id={target.id} />
              {manage && (
                <>
                  <LinkButton variant="secondary" href={`/target-program/${target.id}/ubah`}><Pencil aria-hidden className="size-4" />{t('edit')}</LinkButton>
                  <ConfirmAction action={deleteProgrammeTarget} fields={{ id: target.id, version: String(target.version) }} label={t('delete')} title={t('deleteTitle')} body={t('deleteBody')} confirmLabel={t('delete')} variant="danger" />
                </>
              )}
            </>
          }
        />
        <div className="grid gap-4 md:grid-cols-2">
          <section aria-label={t('progress')} className="rounded-lg border border-slate-200 bg-white p-4">
            {/* headed as the measure's card beside it (an InfoCard): "Progress" beside "MEASURE" had looked like two styles */}
            <h2 className={CARD_HEADING}>{t('progress')}</h2>
            <TargetProgress target={target} />
          </section>
          <InfoCard
            title={t('measureLabel')}
            rows={[
              [t('fields.measure'), t(`measure.${target.measure}`)],
              [t('fields.startDate'), formatDate(target.startDate, { locale: lang })],
              [t('fields.deadline'), formatDate(target.deadline, { locale: lang })],
              [t('fields.regency'), target.regencyName ?? t('province')],
              [t('fields.notes'), target.notes ? <span className="whitespace-pre-line" data-user-content>{target.notes}</span> : '–'],
            ]}
          />
        </div>
        <p className="mt-3 max-w-3xl text-xs text-slate-600">{t('formula')}</p>
      </div>
      <Section title={t('contributing')} id="data">
        {records.length === 0 ? (
          <p className="text-sm text-slate-600">{t('contributingEmpty')}</p>
        ) : (
          <>
            <Table caption={t('contributing')}>
              <thead>
                <tr>
                  <Th>{t('record.date')}</Th>
                  <Th>{t('record.name')}</Th>
                  <Th>{t('record.detail')}</Th>
                  <Th>{t('record.regency')}</Th>
                  {target.measure === 'INDICATOR' && <Th align="right">{t('record.value')}</Th>}
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100" data-testid="contributing">
                {records.map((r) => (
                  <tr key={r.key}>
                    <Td className="whitespace-nowrap">{r.date.length === 10 ? formatDate(r.date, { locale: lang }) : r.detail}</Td>
                    <Td className="min-w-48">{r.href ? <Link href={r.href} className="font-medium text-brand-700 hover:underline">{r.label}</Link> : r.label}</Td>
                    <Td className="text-slate-700">{details(r) || '–'}</Td>
                    <Td className="whitespace-nowrap">{r.regencyName ?? '–'}</Td>
                    {target.measure === 'INDICATOR' && <Td align="right">{r.value === null ? '–' : formatNumber(r.value, { locale: lang })}</Td>}
                  </tr>
                ))}
              </tbody>
            </Table>
            {records.length >= 500 && <p className="mt-2 text-xs text-slate-600">{t('contributingNote')}</p>}
          </>
        )}
      </Section>
    </div>
  )
}
