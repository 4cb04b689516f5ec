import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { getLocale, getTranslations } from 'next-intl/server'
import { Pencil } from 'lucide-react'
import { BeneficiaryForm } from '@/components/activities/forms'
import { InfoCard, Section } from '@/components/registers/badges'
import { Badge } from '@/components/ui/badge'
import { LinkButton } from '@/components/ui/button'
import { ConfirmAction } from '@/components/ui/confirm-action'
import { HistoryLink } from '@/components/ui/history-link'
import { PageHeader } from '@/components/ui/page-header'
import { Table, Td, Th } from '@/components/ui/table'
import { deleteActivity, removeBeneficiary } from '@/lib/actions/activities'
import { regencyScope } from '@/lib/scope'
import { getActivity } from '@/lib/data/activities'
import { formatDate, formatRupiah } from '@/lib/format'
import { can } from '@/lib/permissions'
import { requirePermission } from '@/lib/session'

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const user = await requirePermission('activities.read')
  const a = await getActivity({ user, id: (await params).id })
  return { title: a?.title ?? (await getTranslations('activities'))('title') }
}

/** One activity with its beneficiaries; the officer of its regency (or an admin) adds and removes them. */
export default async function ActivityPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission('activities.read')
  const { id } = await params
  const [a, t, r, locale] = await Promise.all([getActivity({ user, id }), getTranslations('activities'), getTranslations('registers'), getLocale()])
  // another regency's activity is indistinguishable from a missing one
  if (!a) notFound()
  const lang = locale === 'en' ? 'en' : 'id'
  const canWrite = can(user.role, 'activities.write')
  // a district officer removes only its own regency's beneficiaries: another regency's (added by the province)
  // feed that regency's counted figures (the server refuses the same: removeBeneficiary)
  const own = regencyScope(user).regencyCode
  const canRemove = (b: { regencyCode: string | null }) => canWrite && (own === undefined || b.regencyCode === own)
  const when = `${formatDate(a.startDate, { locale: lang })}${a.endDate && a.endDate.getTime() !== a.startDate.getTime() ? ` – ${formatDate(a.endDate, { locale: lang })}` : ''}`
  const defaultType = a.kind === 'CERTIFICATION' || a.kind === 'TRAINING' ? 'PERSON' : a.kind === 'SUPERVISION' ? 'COOPERATIVE' : 'MSME'
  return (
    <div className="space-y-8">
      <div>
        <p className="mb-2 text-sm"><Link href="/kegiatan" className="text-brand-700 hover:underline">← {t('title')}</Link></p>
        <PageHeader
          title={a.title}
          description={`${t(`kind.${a.kind}`)} · ${a.regency?.name ?? t('province')}`}
          actions={
            <>
              <HistoryLink user={user} entity="Activity" id={a.id} />
              {canWrite && (
                <>
                  <LinkButton variant="secondary" href={`/kegiatan/${a.id}/ubah`}><Pencil aria-hidden className="size-4" />{t('edit')}</LinkButton>
                  <ConfirmAction action={deleteActivity} fields={{ id: a.id, version: String(a.version) }} label={t('delete')} title={t('deleteTitle')} body={t('deleteBody')} confirmLabel={t('delete')} variant="danger" />
                </>
              )}
            </>
          }
        />
        <div className="grid gap-4 md:grid-cols-2">
          <InfoCard
            title={t('title')}
            rows={[
              [t('fields.kind'), t(`kind.${a.kind}`)],
              [t('period'), when],
              [r('regency'), a.regency?.name ?? t('province')],
              [t('fields.notes'), a.notes ? <span className="whitespace-pre-line" data-user-content>{a.notes}</span> : '–'],
            ]}
          />
          <InfoCard
            title={t('budget')}
            rows={[
              [t('fields.budgetSource'), a.budgetSource ? t(`source.${a.budgetSource}`) : t('fields.noBudget')],
              [t('fields.budgetAmount'), a.budgetAmount ? formatRupiah(a.budgetAmount, { locale: lang }) : '–'],
              [t('beneficiaryCount'), t('beneficiaries.count', { count: a.beneficiaries.length })],
            ]}
          />
        </div>
      </div>

      <Section title={t('beneficiaries.title')} id="penerima">
        {a.beneficiaries.length === 0 ? (
          <p className="text-sm text-slate-600">{t('beneficiaries.empty')}</p>
        ) : (
          <>
          {/* phones: one card per beneficiary; wider screens: the table */}
          <ul className="space-y-2 md:hidden" aria-label={t('beneficiaries.title')}>
            {a.beneficiaries.map((b) => (
              <li key={b.id} className="rounded-lg border border-slate-200 bg-white p-3 text-sm">
                <div className="flex items-start justify-between gap-2">
                  <span className="font-medium">
                    {b.type === 'COOPERATIVE' && b.cooperative && <Link href={`/koperasi/${b.cooperative.id}`} className="text-brand-700 hover:underline">{b.cooperative.name}</Link>}
                    {b.type === 'MSME' && b.msme && <Link href={`/umkm/${b.msme.id}`} className="text-brand-700 hover:underline">{b.msme.businessName}</Link>}
                    {b.type === 'PERSON' && b.personName}
                  </span>
                  <Badge tone="slate">{t(`beneficiaryType.${b.type}`)}</Badge>
                </div>
                <p className="mt-1 break-words text-slate-700">
                  {b.type === 'COOPERATIVE' && b.cooperative?.nik}
                  {b.type === 'MSME' && b.msme?.nib}
                  {b.type === 'PERSON' && [b.personRole, b.certificateNumber, b.cooperative?.name].filter(Boolean).join(' · ')}
                </p>
                {canRemove(b) && <div className="mt-2"><ConfirmAction action={removeBeneficiary} fields={{ id: b.id }} label={t('beneficiaries.remove')} title={t('beneficiaries.removeTitle')} body={t('beneficiaries.removeBody')} confirmLabel={t('beneficiaries.remove')} variant="danger" /></div>}
              </li>
            ))}
          </ul>
          <div className="hidden md:block">
          <Table caption={t('beneficiaries.title')}>
            <thead>
              <tr>
                <Th>{t('beneficiaries.name')}</Th>
                <Th>{t('beneficiaries.type')}</Th>
                <Th>{t('beneficiaries.detail')}</Th>
                {canWrite && <Th><span className="sr-only">{t('beneficiaries.remove')}</span></Th>}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100" data-testid="beneficiaries">
              {a.beneficiaries.map((b) => (
                <tr key={b.id}>
                  <Td className="min-w-48">
                    {b.type === 'COOPERATIVE' && b.cooperative && <Link href={`/koperasi/${b.cooperative.id}`} className="font-medium text-brand-700 hover:underline">{b.cooperative.name}</Link>}
                    {b.type === 'MSME' && b.msme && <Link href={`/umkm/${b.msme.id}`} className="font-medium text-brand-700 hover:underline">{b.msme.businessName}</Link>}
                    {b.type === 'PERSON' && <span className="font-medium">{b.personName}</span>}
                  </Td>
                  <Td className="whitespace-nowrap"><Badge tone="slate">{t(`beneficiaryType.${b.type}`)}</Badge></Td>
                  <Td className="text-slate-700">
                    {b.type === 'COOPERATIVE' && <span className="font-mono text-xs">{b.cooperative?.nik}</span>}
                    {b.type === 'MSME' && <span className="font-mono text-xs">{b.msme?.nib}</span>}
                    {b.type === 'PERSON' && (
                      <span>
                        {[b.personRole, b.certificateNumber].filter(Boolean).join(' · ') || '–'}
                        {b.cooperative && <> · <Link href={`/koperasi/${b.cooperative.id}`} className="text-brand-700 hover:underline">{b.cooperative.name}</Link></>}
                      </span>
                    )}
                  </Td>
                  {canWrite && (
                    <Td align="right">
                      {canRemove(b) && <ConfirmAction action={removeBeneficiary} fields={{ id: b.id }} label={t('beneficiaries.remove')} title={t('beneficiaries.removeTitle')} body={t('beneficiaries.removeBody')} confirmLabel={t('beneficiaries.remove')} variant="danger" />}
                    </Td>
                  )}
                </tr>
              ))}
            </tbody>
          </Table>
          </div>
          </>
        )}
        {canWrite && <div className="mt-4"><BeneficiaryForm activityId={a.id} defaultType={defaultType} /></div>}
      </Section>
    </div>
  )
}
