import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { getLocale, getTranslations } from 'next-intl/server'
import { History, Pencil, Trash2 } from 'lucide-react'
import { InfoCard, OutcomeBadge, ScaleBadge, Section } from '@/components/registers/badges'
import { InspectionFollowUpForm, InspectionForm, YearForm, type YearEdit } from '@/components/registers/record-forms'
import { TrendChart } from '@/components/registers/trend-chart'
import { Badge } from '@/components/ui/badge'
import { LinkButton } from '@/components/ui/button'
import { ConfirmAction } from '@/components/ui/confirm-action'
import { EmptyState } from '@/components/ui/empty-state'
import { PageHeader } from '@/components/ui/page-header'
import { Table, Td, Th } from '@/components/ui/table'
import { deleteCooperative, deleteCooperativeYear } from '@/lib/actions/cooperatives'
import { dateInput, moneyInput } from '@/lib/registers/form-values'
import { yearAmounts } from '@/lib/registers/health'
import { formatDate, formatNumber, formatRupiah } from '@/lib/format'
import { jakartaYear } from '@/lib/dates'
import { can } from '@/lib/permissions'
import { HistoryLink, historyHref } from '@/components/ui/history-link'
import type { SearchParams } from '@/lib/url'
import { ActivitiesReceived } from '@/components/activities/received'
import { load } from '../load'

/** The audit log's name for a book year's records (lib/registers/writes.ts writes them so). */
const BOOK_YEAR_ENTITY = 'CooperativeYear'

/** A row's action as an icon the size of the delete button beside it (the book-year table's Ubah and Riwayat). */
const ICON_LINK = 'inline-flex size-8 items-center justify-center rounded-md text-brand-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600'

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const { record: coop } = await load((await params).id)
  return { title: coop?.name ?? (await getTranslations('cooperatives'))('title') }
}

export default async function CooperativePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> }) {
  const [{ id }, sp] = await Promise.all([params, searchParams])
  const { user, record: coop } = await load(id)
  // another regency's record is indistinguishable from a missing one (no existence leak)
  if (!coop) notFound()
  const [t, r, th, locale] = await Promise.all([getTranslations('cooperatives'), getTranslations('registers'), getTranslations('health.cooperative'), getLocale()])
  const lang = locale === 'en' ? 'en' : 'id'
  const canWrite = can(user.role, 'cooperatives.write')
  const canReadAudit = can(user.role, 'audit.read')
  const date = (d: Date | null) => (d ? formatDate(d, { locale: lang }) : '–')
  // a register keeps sen when a figure was entered with them: shown, never rounded to a Rupiah that was not entered
  const rp = (v: { toString(): string }) => formatRupiah(v, { locale: lang, cents: true })
  // a book year's amount left empty is "not reported", never Rp0 (which reads as a figure the cooperative stated): a
  // muted dash, as the app shows any empty value, named for screen readers and on hover
  const yearAmount = (v: { toString(): string } | null) => v === null
    ? <span className="text-slate-400" title={t('notReported')}><span aria-hidden>–</span><span className="sr-only">{t('notReported')}</span></span>
    : rp(v)
  const num = (v: number) => formatNumber(v, { locale: lang })
  // an amount not reported is no point of the chart (null: no bar, a gap in the line), not a drop to zero: the
  // book year's amounts as the health worksheet reads them
  const trend = coop.yearlyFigures.map((y) => ({ year: y.year, ...yearAmounts(y) }))
  // the form proposes the year after the latest recorded one (never a future year)
  const thisYear = jakartaYear() // Jakarta's, as the book year's check (lib/validations/cooperatives.ts)
  const nextBookYear = Math.min(thisYear, (coop.yearlyFigures.at(-1)?.year ?? thisYear - 2) + 1)
  // "Ubah" on a recorded year (?ubahTahun=2023) opens the form prefilled with its values and the version shown
  const editing = coop.yearlyFigures.find((y) => String(y.year) === sp.ubahTahun)
  const yearEdit: YearEdit | undefined = editing && {
    year: editing.year,
    version: editing.version,
    cancelHref: `/koperasi/${coop.id}#angka-tahunan`,
    values: {
      ownCapital: moneyInput(editing.ownCapital), externalCapital: moneyInput(editing.externalCapital), assets: moneyInput(editing.assets),
      businessVolume: moneyInput(editing.businessVolume), netSurplus: moneyInput(editing.netSurplus), ratHeld: editing.ratHeld ? 'on' : '', ratDate: dateInput(editing.ratDate),
    },
  }
  // member MSMEs block the delete: the dialog says so and offers no "Ya, hapus" (the server refuses it too, naming how many)
  const deleteBlocked = coop._count.members > 0 ? t('deleteBlockedByMembers', { count: coop._count.members }) : undefined
  return (
    <div className="space-y-8">
      <div>
        <p className="mb-2 text-sm"><Link href="/koperasi" className="text-brand-700 hover:underline">← {r('back')}</Link></p>
        <PageHeader
          title={coop.name}
          description={`${t('nik')} ${coop.nik} · ${coop.regency.name}`}
          actions={
            <>
              <HistoryLink user={user} entity="Cooperative" id={coop.id} />
              {canWrite && (
              <>
                <LinkButton href={`/koperasi/${coop.id}/ubah`} variant="secondary"><Pencil aria-hidden className="size-4" />{r('edit')}</LinkButton>
                <ConfirmAction action={deleteCooperative} fields={{ id: coop.id, version: String(coop.version) }} label={r('delete')} variant="danger" title={t(deleteBlocked ? 'deleteBlockedTitle' : 'deleteTitle', { name: coop.name })} body={t('deleteBody')} blocked={deleteBlocked} confirmLabel={r('deleteYes')} size="md" icon={<Trash2 aria-hidden className="size-4" />} />
              </>
              )}
            </>
          }
        />
        {(sp.disimpan || sp.ditambahkan || sp.dipulihkan) && <p role="status" className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-800">{r(sp.ditambahkan ? 'cooperativeAdded' : sp.dipulihkan ? 'restored' : 'saved')}</p>}
        {!canWrite && <p className="text-sm text-slate-600">{r('readOnly')}</p>}
      </div>

      <div className="grid gap-4 lg:grid-cols-2">
        <InfoCard
          title={t('identity')}
          rows={[
            [t('nik'), <span key="nik" className="font-mono">{coop.nik}</span>],
            [t('legalEntityNumber'), coop.legalEntityNumber ?? '–'],
            [t('legalEntityDate'), date(coop.legalEntityDate)],
            [t('type'), r(`type.${coop.type}`)],
            [`${t('form')} / ${t('pattern')}`, `${r(`form.${coop.form}`)} / ${r(`pattern.${coop.pattern}`)}`],
            [t('group'), coop.groupName ?? '–'],
            [r('status'), coop.active ? <Badge key="s" tone="green">{r('active')}</Badge> : <Badge key="s">{r('inactive')}</Badge>],
            [t('health'), <OutcomeBadge key="h" outcome={coop.healthOutcome} label={r(`outcome.${coop.healthOutcome ?? 'BELUM'}`)} />],
          ]}
        />
        <div className="grid gap-4">
          <InfoCard
            title={r('location')}
            rows={[
              [r('regency'), coop.regency.name],
              [r('district'), coop.district?.name ?? '–'],
              [r('village'), coop.village?.name ?? '–'],
              [r('address'), coop.address ?? '–'],
            ]}
          />
          <InfoCard
            title={t('people')}
            rows={[
              [t('members'), t('membersSplit', { total: num(coop.membersMale + coop.membersFemale), male: num(coop.membersMale), female: num(coop.membersFemale) })],
              [t('managers'), num(coop.managers)],
              [t('employees'), num(coop.employees)],
            ]}
          />
        </div>
      </div>

      <Section title={t('years')} id="angka-tahunan">
        {coop.yearlyFigures.length === 0 ? (
          <EmptyState title={t('yearsEmpty')} />
        ) : (
          <>
            <div className="rounded-lg border border-slate-200 bg-white p-4">
              <h3 className="mb-2 text-sm font-medium text-slate-700">{t('chartTitle')}</h3>
              <TrendChart
                data={trend}
                locale={lang}
                labels={{ ownCapital: t('ownCapital'), externalCapital: t('externalCapital'), assets: t('assets'), businessVolume: t('businessVolume') }}
              />
            </div>
            <Table caption={t('years')}>
              <thead>
                {/* fits a 1366 px screen in either language: the long labels over the amounts may wrap and a row's
                    actions are icons, named for its year; on a phone the year stays in view beside them */}
                <tr>
                  <Th sticky wrap>{t('year')}</Th>
                  <Th align="right" wrap>{t('ownCapital')}</Th>
                  <Th align="right" wrap>{t('externalCapital')}</Th>
                  <Th align="right" wrap>{t('assets')}</Th>
                  <Th align="right" wrap>{t('businessVolume')}</Th>
                  <Th align="right" wrap>{t('netSurplus')}</Th>
                  <Th wrap>{t('rat')}</Th>
                  {(canWrite || canReadAudit) && <Th><span className="sr-only">{r('actions')}</span></Th>}
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {coop.yearlyFigures.map((y) => (
                  <tr key={y.id}>
                    <Td sticky className="font-medium">{y.year}</Td>
                    <Td align="right" className="whitespace-nowrap">{yearAmount(y.ownCapital)}</Td>
                    <Td align="right" className="whitespace-nowrap">{yearAmount(y.externalCapital)}</Td>
                    <Td align="right" className="whitespace-nowrap">{yearAmount(y.assets)}</Td>
                    <Td align="right" className="whitespace-nowrap">{yearAmount(y.businessVolume)}</Td>
                    <Td align="right" className="whitespace-nowrap">{yearAmount(y.netSurplus)}</Td>
                    {/* a RAT held with its date not recorded says so: a bare dash reads as "not reported", as the amounts' does */}
                    <Td className="whitespace-nowrap">{y.ratHeld ? (y.ratDate ? date(y.ratDate) : t('ratHeldNoDate')) : <Badge tone="amber">{r('no')}</Badge>}</Td>
                    {(canWrite || canReadAudit) && (
                      <Td className="whitespace-nowrap py-1.5">
                        <span className="flex items-center gap-1">
                          {canWrite && (
                            <>
                              <Link href={`/koperasi/${coop.id}?ubahTahun=${y.year}#angka-tahunan`} className={ICON_LINK} aria-label={t('editYearTitle', { year: y.year })} title={t('editYearTitle', { year: y.year })}><Pencil aria-hidden className="size-4" /></Link>
                              <ConfirmAction
                                action={deleteCooperativeYear}
                                fields={{ cooperativeId: coop.id, year: String(y.year), version: String(y.version) }}
                                label={r('delete')}
                                iconOnly={t('deleteYearLabel', { year: y.year })}
                                icon={<Trash2 aria-hidden className="size-4" />}
                                variant="danger"
                                title={t('deleteYearTitle', { year: y.year })}
                                body={t('deleteYearBody')}
                              />
                            </>
                          )}
                          {/* a book year's changes are its own records in the audit log (CooperativeYear), not the cooperative's */}
                          {canReadAudit && <Link href={historyHref(BOOK_YEAR_ENTITY, y.id)} className={ICON_LINK} aria-label={t('yearHistoryLabel', { year: y.year })} title={t('yearHistoryLabel', { year: y.year })}><History aria-hidden className="size-4" /></Link>}
                        </span>
                      </Td>
                    )}
                  </tr>
                ))}
              </tbody>
            </Table>
          </>
        )}
        {canWrite && <YearForm key={yearEdit ? `ubah-${yearEdit.year}-${yearEdit.version}` : 'baru'} cooperativeId={coop.id} defaultYear={nextBookYear} edit={yearEdit} />}
      </Section>

      <Section title={t('assessments')} id="penilaian">
        {coop.assessments.length === 0 ? (
          <EmptyState title={t('assessmentsEmpty')} />
        ) : (
          <Table caption={t('assessments')}>
            <thead>
              <tr>
                <Th>{t('assessedOn')}</Th>
                <Th>{t('assessor')}</Th>
                <Th align="right">{t('governance')}</Th>
                <Th align="right">{t('riskProfile')}</Th>
                <Th align="right">{t('financial')}</Th>
                <Th align="right">{t('capital')}</Th>
                <Th align="right">{t('total')}</Th>
                <Th>{t('outcome')}</Th>
                <Th><span className="sr-only">{th('open')}</span></Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {coop.assessments.map((a) => (
                <tr key={a.id}>
                  <Td className="whitespace-nowrap">{date(a.assessedOn)}</Td>
                  <Td className="whitespace-nowrap">{a.assessor}</Td>
                  {[a.governanceScore, a.riskProfileScore, a.financialScore, a.capitalScore].map((s, i) => (
                    <Td key={i} align="right">{formatNumber(s.toString(), { decimals: 2, locale: lang })}</Td>
                  ))}
                  <Td align="right" className="font-medium">{formatNumber(a.totalScore.toString(), { decimals: 2, locale: lang })}</Td>
                  <Td className="whitespace-nowrap"><OutcomeBadge outcome={a.outcome} label={r(`outcome.${a.outcome}`)} /></Td>
                  <Td><Link href={`/koperasi/${coop.id}/kesehatan/${a.id}`} className="text-brand-700 hover:underline">{th('open')}</Link></Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
        {canWrite && <div><LinkButton href={`/koperasi/${coop.id}/kesehatan/baru`} variant="secondary">{th('new')}</LinkButton></div>}
      </Section>

      <Section title={t('inspections')} id="pemeriksaan">
        {coop.inspections.length === 0 ? (
          <EmptyState title={t('inspectionsEmpty')} />
        ) : (
          <ul className="space-y-3">
            {coop.inspections.map((i) => (
              <li key={i.id} className="rounded-lg border border-slate-200 bg-white p-4 text-sm">
                <div className="mb-1 flex flex-wrap items-center gap-2">
                  <span className="font-medium">{date(i.inspectedOn)}</span>
                  <span className="text-slate-500">· {i.officer}</span>
                  <Badge tone={i.status === 'CLOSED' ? 'green' : i.status === 'FOLLOWED_UP' ? 'blue' : 'amber'}>{r(`inspectionStatus.${i.status}`)}</Badge>
                </div>
                <p><span className="text-slate-500">{t('findings')}:</span> {i.findings}</p>
                {i.followUp && <p className="mt-1"><span className="text-slate-500">{t('followUp')}:</span> {i.followUp}</p>}
                {canWrite && <div className="mt-3"><InspectionFollowUpForm cooperativeId={coop.id} inspection={i} /></div>}
              </li>
            ))}
          </ul>
        )}
        {canWrite && <InspectionForm cooperativeId={coop.id} />}
      </Section>

      <ActivitiesReceived user={user} cooperativeId={coop.id} />

      <Section title={t('memberMsmes')} id="anggota">
        {coop.members.length === 0 ? (
          <EmptyState title={t('memberMsmesEmpty')} />
        ) : (
          <>
            <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
              {coop.members.map((m) => (
                <li key={m.id} className="flex flex-wrap items-center justify-between gap-2 px-4 py-2.5 text-sm">
                  <Link href={`/umkm/${m.id}`} className="font-medium text-brand-700 hover:underline">{m.businessName}</Link>
                  <span className="flex items-center gap-2">
                    <span className="font-mono text-xs text-slate-500">{m.nib}</span>
                    <ScaleBadge scale={m.computedScale} label={r(`scale.${m.computedScale}`)} />
                  </span>
                </li>
              ))}
            </ul>
            <p className="text-sm text-slate-600">
              {t('memberMsmesMore', { shown: num(coop.members.length), total: num(coop._count.members) })}{' '}
              <Link href={`/umkm?koperasi=${coop.id}`} className="font-medium text-brand-700 hover:underline">{t('seeAllMembers')}</Link>
            </p>
          </>
        )}
      </Section>
    </div>
  )
}
