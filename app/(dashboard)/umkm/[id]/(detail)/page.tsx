import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { getLocale, getTranslations } from 'next-intl/server'
import { AlertTriangle, Pencil, Trash2 } from 'lucide-react'
import { MsmeLoans } from '@/components/credit/msme-loans'
import { ActivitiesReceived } from '@/components/activities/received'
import { InfoCard, ScaleBadge, Section } from '@/components/registers/badges'
import { RevealNik } from '@/components/registers/reveal-nik'
import { LinkButton } from '@/components/ui/button'
import { ConfirmAction } from '@/components/ui/confirm-action'
import { PageHeader } from '@/components/ui/page-header'
import { deleteMsme } from '@/lib/actions/msmes'
import { formatDate, formatNumber, formatPhone, formatRupiah } from '@/lib/format'
import { normalizePhone } from '@/lib/parse'
import { can } from '@/lib/permissions'
import { HistoryLink } from '@/components/ui/history-link'
import type { SearchParams } from '@/lib/url'
import { load } from '../load'


export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const { record: m } = await load((await params).id)
  return { title: m?.businessName ?? (await getTranslations('msmes'))('title') }
}

export default async function MsmePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> }) {
  const [{ id }, sp] = await Promise.all([params, searchParams])
  const { user, record: m } = await load(id)
  if (!m) notFound()
  const [t, r, locale] = await Promise.all([getTranslations('msmes'), getTranslations('registers'), getLocale()])
  const lang = locale === 'en' ? 'en' : 'id'
  const canWrite = can(user.role, 'msmes.write')
  const scaleLabel = (s: string) => r(`scale.${s}`)
  // a stored number is called from a phone by a tap; one stored before numbers were normalised is shown as it is
  const phone = normalizePhone(m.phone)
  return (
    <div className="space-y-8">
      <div>
        <p className="mb-2 text-sm"><Link href="/umkm" className="text-brand-700 hover:underline">← {r('back')}</Link></p>
        <PageHeader
          title={m.businessName}
          description={`${t('nib')} ${m.nib} · ${m.regency.name}`}
          actions={
            <>
              <HistoryLink user={user} entity="Msme" id={m.id} />
              {canWrite && (
              <>
                <LinkButton href={`/umkm/${m.id}/ubah`} variant="secondary"><Pencil aria-hidden className="size-4" />{r('edit')}</LinkButton>
                <ConfirmAction action={deleteMsme} fields={{ id: m.id, version: String(m.version) }} label={r('delete')} variant="danger" title={t('deleteTitle', { name: m.businessName })} body={t('deleteBody')} confirmLabel={r('deleteYes')} size="md" icon={<Trash2 aria-hidden className="size-4" />} />
              </>
              )}
            </>
          }
        />
        {(sp.disimpan || sp.ditambahkan || sp.dipulihkan) && <p role="status" className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-800">{r(sp.ditambahkan ? 'msmeAdded' : sp.dipulihkan === 'tanpa-koperasi' ? 'restoredWithoutCooperative' : sp.dipulihkan ? 'restored' : 'saved')}</p>}
        {!canWrite && <p className="text-sm text-slate-600">{r('readOnly')}</p>}
        {m.scaleMismatch && m.recordedScale && (
          <p role="note" className="mt-3 flex items-start gap-2 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
            <AlertTriangle aria-hidden className="mt-0.5 size-4 shrink-0" />
            <span><strong>{t('mismatch')}.</strong> {t('mismatchBody', { recorded: scaleLabel(m.recordedScale), computed: scaleLabel(m.computedScale) })}</span>
          </p>
        )}
      </div>

      <div className="grid gap-4 lg:grid-cols-2">
        <InfoCard
          title={t('business')}
          rows={[
            [t('nib'), <span key="nib" className="font-mono">{m.nib}</span>],
            [t('kbli'), <span key="kbli" className="font-mono">{m.kbli}</span>],
            [t('ownerName'), m.ownerName],
            [t('ownerNik'), <RevealNik key="nik" id={m.id} masked={m.ownerNik} canReveal={can(user.role, 'msmes.revealNik')} />],
            [t('ownerGender'), r(`gender.${m.ownerGender}`)],
            [t('phone'), phone ? <a key="phone" href={`tel:+62${phone.slice(1)}`} className="tabular-nums text-brand-700 underline">{formatPhone(phone)}</a> : formatPhone(m.phone)],
            [t('workers'), formatNumber(m.workers, { locale: lang })],
          ]}
        />
        <InfoCard
          title={t('figures')}
          rows={[
            [t('businessCapital'), formatRupiah(m.businessCapital, { locale: lang, cents: true })],
            [t('annualSales'), formatRupiah(m.annualSales, { locale: lang, cents: true })],
            [t('computedScale'), (
              <span key="cs" className="flex flex-col items-start gap-1">
                <ScaleBadge scale={m.computedScale} label={scaleLabel(m.computedScale)} />
                <span className="text-xs text-slate-500">{m.newRegistration ? t('scaleBasisCapital') : t('scaleBasisSales')}</span>
              </span>
            )],
            [t('recordedScale'), m.recordedScale ? scaleLabel(m.recordedScale) : t('noRecordedScale')],
          ]}
        />
        <InfoCard
          title={r('location')}
          rows={[
            [r('regency'), m.regency.name],
            [r('district'), m.district?.name ?? '–'],
            [r('village'), m.village?.name ?? '–'],
            [r('address'), m.address ?? '–'],
          ]}
        />
        <InfoCard
          title={t('permits')}
          rows={[
            [t('iumkNumber'), m.iumkNumber ?? '–'],
            [t('iumkDate'), m.iumkDate ? formatDate(m.iumkDate, { locale: lang }) : '–'],
            [t('cooperative'), m.cooperative ? <Link key="c" href={`/koperasi/${m.cooperative.id}`} className="text-brand-700 hover:underline">{m.cooperative.name}</Link> : t('noCooperative')],
          ]}
        />
      </div>

      <Section title={t('loans')} id="pinjaman">
        <MsmeLoans user={user} msmeId={m.id} />
      </Section>

      <ActivitiesReceived user={user} msmeId={m.id} />
    </div>
  )
}
