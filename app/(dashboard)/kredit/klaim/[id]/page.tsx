import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { getLocale, getTranslations } from 'next-intl/server'
import { z } from 'zod'
import { ClaimReview, PaymentForm } from '@/components/credit/claim-review'
import { ClaimStatusBadge } from '@/components/credit/claim-status'
import { CreditNav } from '@/components/credit/credit-nav'
import { buttonClass } from '@/components/ui/button'
import { PageHeader } from '@/components/ui/page-header'
import { Pagination } from '@/components/ui/pagination'
import { StatCard } from '@/components/ui/stat-card'
import { Table, Td, Th } from '@/components/ui/table'
import { Tabs } from '@/components/ui/tabs'
import { EmptyState } from '@/components/ui/empty-state'
import { inputClass } from '@/components/ui/input-class'
import { FilterForm } from '@/components/ui/filter-form'
import { PastLastPage } from '@/components/ui/past-last-page'
import { CLAIM_LINE_VIEWS, getClaim, programBudgetUse, REVIEW_ADDED_MAX } from '@/lib/data/claims'
import { dayAfterMonth, jakartaDate } from '@/lib/dates'
import { formatDate, formatMonth, formatNumber, formatRate, formatRupiah } from '@/lib/format'
import { CLAIM_REASON_TEXT, correctedAtReview, shownClaimReason, shownLineNote, type ClaimLineReason } from '@/lib/credit/claim-reasons'
import { can } from '@/lib/permissions'
import { HistoryLink } from '@/components/ui/history-link'
import { requirePermission } from '@/lib/session'
import { flatParams, hrefWith, type SearchParams } from '@/lib/url'
import { FILTER_TEXT_MAX, filterText } from '@/lib/validations/registers-common'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('credit'))('verify') }
}

export default async function ClaimPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> }) {
  const user = await requirePermission('claims.read')
  const { id } = await params
  const sp = flatParams(await searchParams)
  const page = z.coerce.number().int().min(1).max(10_000).catch(1).parse(sp.page ?? 1)
  const view = z.enum(CLAIM_LINE_VIEWS).catch('semua').parse(sp.baris ?? 'semua')
  // lines the verifier added to the review form to correct them though they agree with the computation
  const review = (sp.koreksi ?? '').split(',').filter((lineId) => /^[A-Za-z0-9_-]{1,40}$/.test(lineId)).slice(0, REVIEW_ADDED_MAX)
  // one loan looked for among the claim's lines (an account, a NIB, a business name), within the chosen view
  const q = filterText.parse(sp.q)
  const [claim, t, locale] = await Promise.all([getClaim({ user, id, page, view, review, q }), getTranslations('credit'), getLocale()])
  if (!claim) notFound()
  const lang = locale === 'en' ? 'en' : 'id'
  const money = (v: number) => formatRupiah(v, { locale: lang })
  const monthName = formatMonth(claim.month, { locale: lang })
  const verifier = can(user.role, 'claims.verify')
  const outstanding = (claim.totals.approved ?? 0) - claim.totals.paid
  const viewHref = (v: string) => hrefWith(`/kredit/klaim/${claim.id}`, sp, { baris: v === 'semua' ? undefined : v, page: undefined })
  // a bank reconciling its claim looks for the lines cut (the views the claim offers: lib/data/claims.ts getClaim)
  const viewLabel = { semua: ['linesViewAll', claim.totals.lines], berbeda: ['linesViewDiffering', claim.totals.differing], dipotong: ['linesViewReduced', claim.totals.reduced] } as const
  const views = claim.views.map((v) => ({ key: v, href: viewHref(v), label: t(viewLabel[v][0], { count: formatNumber(viewLabel[v][1], { locale: lang }) }) }))
  const reasonText = (code: string | null) => (code ? (CLAIM_REASON_TEXT[code as ClaimLineReason]?.[lang] ?? code) : null)
  const noteText = (note: string | null) => shownLineNote(note, lang)
  // a line that agreed with the computation and was approved below it: corrected at verification (as on the record)
  const lineReason = (l: (typeof claim.lines)[number]) => reasonText(shownClaimReason(l)) ?? (correctedAtReview(l) ? t('recordCorrected') : null)
  const bankFigures = (l: { claimedBalance: unknown; claimedDays: number | null; claimedRate: unknown }) =>
    l.claimedBalance === null && l.claimedDays === null && l.claimedRate === null ? null
      : t('bankFigures', {
        balance: l.claimedBalance === null ? '–' : money(Number(l.claimedBalance)),
        days: l.claimedDays ?? '–',
        rate: l.claimedRate === null ? '–' : formatRate(l.claimedRate, { locale: lang }),
      })
  const reviewing = verifier && claim.status === 'SUBMITTED'
  // the programme's ceiling left for the verifier's dialogs (approving, paying): warned of, not refused
  const budget = verifier && (claim.status === 'SUBMITTED' || claim.status === 'APPROVED') ? await programBudgetUse(user, claim.program.id) : null
  // a line added to the review form opens at that line (the 50th line of a form had been out of sight)
  const reviewHref = (ids: string[], at = 'differing-lines-title') => `${hrefWith(`/kredit/klaim/${claim.id}`, sp, { koreksi: ids.length ? ids.join(',') : undefined })}#${at}`
  const added = claim.reviewLines.map((l) => l.id)
  const onForm = (l: (typeof claim.differingLines)[number]) => ({
    id: l.id, account: l.disbursement.accountNumber, business: l.disbursement.msme.businessName, claimed: Number(l.claimedAmount), computed: Number(l.computedAmount),
  })
  const differing = [
    ...claim.differingLines.map((l) => ({ ...onForm(l), reason: reasonText(shownClaimReason(l)), bankFigures: bankFigures(l) })),
    ...claim.reviewLines.map((l) => ({ ...onForm(l), reason: t('addedForCorrection'), bankFigures: null, removeHref: reviewHref(added.filter((x) => x !== l.id)) })),
  ]
  const onReviewForm = new Set(differing.map((l) => l.id))
  return (
    <>
      <PageHeader
        title={t('claimTitle', { bank: claim.bank.shortName, month: monthName })}
        // when it was filed and, once decided, when it was approved or returned (a paid claim's approval; its payments are listed below)
        description={[claim.program.name, t('submittedOn', { date: formatDate(claim.submittedAt, { locale: lang }) }),
          claim.status !== 'SUBMITTED' && claim.reviewedAt && t('decidedOn', { status: claim.status, date: formatDate(claim.reviewedAt, { locale: lang }) })].filter(Boolean).join(' · ')}
        actions={
          <div className="flex flex-wrap items-center gap-2 print:hidden">
            <ClaimStatusBadge status={claim.status} />
            <a className={buttonClass('secondary', 'sm')} href={`/api/kredit/klaim/${claim.id}/ekspor`} download>{t('exportLines')}</a>
            <Link className={buttonClass('secondary', 'sm')} href={`/kredit/klaim/${claim.id}/berita-acara`}>{t('verificationRecord')}</Link>
            <HistoryLink user={user} entity="SubsidyClaim" id={claim.id} />
          </div>
        }
      />
      <CreditNav user={user} current="claims" />
      {claim.status === 'RETURNED' && claim.returnReason && (
        <div className="mb-4 space-y-2 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          <p>{t('returnedBecause', { reason: claim.returnReason })}</p>
          {/* the bank files the month again: at the computed amounts by the form, or with its own by a spreadsheet */}
          {can(user.role, 'claims.submit') && (
            <div className="flex flex-wrap gap-2 print:hidden">
              <Link className={buttonClass('primary', 'sm')} href={`/kredit/klaim/baru?program=${claim.program.id}&bulan=${claim.month.toISOString().slice(0, 7)}`}>{t('fileAgain')}</Link>
              {can(user.role, 'imports.use') && <Link className={buttonClass('secondary', 'sm')} href="/impor/baru?jenis=klaim">{t('fileAgainImport')}</Link>}
            </div>
          )}
        </div>
      )}
      {claim.unclaimed && claim.unclaimed.loans > 0 && (
        <p className="mb-4 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="claim-unclaimed">
          {t('unclaimed', { count: claim.unclaimed.loans, month: monthName, amount: money(claim.unclaimed.due) })}{' '}
          {claim.status === 'SUBMITTED' && (verifier ? t('unclaimedReviewer') : user.role === 'BANK_OFFICER' ? t('unclaimedBank') : null)}
        </p>
      )}
      <section className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3 2xl:grid-cols-5">
        <StatCard testId="claim-lines" label={t('lines')} value={formatNumber(claim.totals.lines, { locale: lang })} detail={t('differingCount', { count: claim.totals.differing })} />
        <StatCard testId="claim-claimed" label={t('claimed')} value={money(claim.totals.claimed)} />
        <StatCard testId="claim-computed" label={t('computed')} value={money(claim.totals.computed)} detail={`${t('difference')}: ${money(claim.totals.claimed - claim.totals.computed)}`} tone={claim.totals.claimed > claim.totals.computed ? 'amber' : 'slate'} />
        <StatCard testId="claim-approved" label={t('approved')} value={claim.totals.approved === null ? '–' : money(claim.totals.approved)} />
        <StatCard testId="claim-paid" label={t('paid')} value={money(claim.totals.paid)} />
      </section>

      {reviewing && (
        <div className="mt-6">
          <ClaimReview
            claimId={claim.id}
            version={claim.version}
            lines={differing}
            lineCount={claim.totals.lines}
            approvable={claim.totals.approvable}
            budgetLeft={budget ? budget.ceiling - budget.approved : null}
          />
        </div>
      )}

      {(claim.payments.length > 0 || (verifier && claim.status === 'APPROVED')) && (
        <section className="mt-6 grid gap-6 lg:grid-cols-2">
          <div className="rounded-lg border border-slate-200 bg-white p-4">
            <h2 className="mb-2 text-base font-semibold">{t('payments')}</h2>
            {claim.payments.length === 0 ? <p className="text-sm text-slate-600">–</p> : (
              <ul className="divide-y divide-slate-100 text-sm">
                {claim.payments.map((p) => (
                  <li key={p.id} className="flex justify-between gap-2 py-2"><span>{formatDate(p.paidOn, { locale: lang })} · {p.reference}</span><span className="tabular-nums">{money(Number(p.amount))}</span></li>
                ))}
              </ul>
            )}
          </div>
          {verifier && claim.status === 'APPROVED' && <PaymentForm claimId={claim.id} version={claim.version} outstanding={outstanding} earliest={dayAfterMonth(claim.month)} approvedOn={claim.reviewedAt ? jakartaDate(claim.reviewedAt) : null} budgetLeft={budget ? budget.ceiling - budget.paid : null} usedReferences={budget?.references ?? []} />}
        </section>
      )}

      <section className="mt-6">
        <h2 className="mb-2 text-base font-semibold">{t('allLines')}</h2>
        <Tabs variant="pills" label={t('linesView')} current={claim.view} tabs={views} />
        <FilterForm role="search" className="my-3 flex flex-wrap items-end gap-2">
          {/* the view and the lines added to the review form stay as they are; a search starts at its first page */}
          {sp.baris && <input type="hidden" name="baris" value={sp.baris} />}
          {sp.koreksi && <input type="hidden" name="koreksi" value={sp.koreksi} />}
          <label className="flex min-w-0 flex-1 flex-col gap-1 text-sm sm:max-w-md">
            <span className="font-medium">{t('search')}</span>
            <input name="q" type="search" defaultValue={q ?? ''} maxLength={FILTER_TEXT_MAX} className={inputClass()} />
          </label>
          <button type="submit" className={buttonClass('secondary')}>{t('apply')}</button>
          {q && <Link href={hrefWith(`/kredit/klaim/${claim.id}`, sp, { q: undefined, page: undefined })} className="w-full py-2 text-sm font-medium text-brand-700 hover:underline sm:w-auto">{t('linesSearchClear')}</Link>}
        </FilterForm>
        {q && claim.viewTotal > 0 && <p role="status" className="mb-2 text-sm text-slate-600">{t('linesSearchFound', { count: claim.viewTotal, q })}</p>}
        {claim.lines.length === 0 && claim.viewTotal > 0 ? (
          <PastLastPage page={claim.page} total={claim.viewTotal} href={hrefWith(`/kredit/klaim/${claim.id}`, sp, { page: undefined })} />
        ) : claim.lines.length === 0 ? (
          <EmptyState title={q ? t('linesSearchNone', { q }) : t('linesViewEmpty')} />
        ) : (
        <>
        {/* phones: a card per line, its four amounts in a grid (the nine-column table scrolled sideways); wider screens: the table */}
        <ul className="space-y-2 md:hidden" aria-label={`${t('allLines')}: ${views.find((v) => v.key === claim.view)?.label ?? ''}`}>
          {claim.lines.map((l) => {
            const reason = lineReason(l)
            return (
              <li key={l.id} className="rounded-lg border border-slate-200 bg-white p-3 text-sm">
                <p className="break-all font-mono text-xs text-slate-700">{l.disbursement.accountNumber}</p>
                <p className="font-medium text-slate-900">{l.disbursement.msme.businessName}</p>
                <p className="text-xs text-slate-600">{l.disbursement.regency.name}</p>
                <dl className="mt-2 grid grid-cols-2 gap-x-3 gap-y-1 text-xs">
                  <div><dt className="text-slate-500">{t('plafond')}</dt><dd className="whitespace-nowrap font-medium tabular-nums text-slate-800">{money(Number(l.disbursement.plafond))}</dd></div>
                  <div><dt className="text-slate-500">{t('claimed')}</dt><dd className="whitespace-nowrap font-medium tabular-nums text-slate-800">{money(Number(l.claimedAmount))}</dd></div>
                  <div><dt className="text-slate-500">{t('computed')}</dt><dd className={`whitespace-nowrap font-medium tabular-nums ${Number(l.claimedAmount) !== Number(l.computedAmount) ? 'text-red-700' : 'text-slate-800'}`}>{money(Number(l.computedAmount))}</dd></div>
                  <div><dt className="text-slate-500">{t('approved')}</dt><dd className="whitespace-nowrap font-medium tabular-nums text-slate-800">{l.approvedAmount === null ? '–' : money(Number(l.approvedAmount))}</dd></div>
                </dl>
                {reason && <p className="mt-2 text-xs text-slate-700"><span className="text-slate-500">{t('reason')}: </span>{reason}</p>}
                {l.note && <p className="mt-1 text-xs text-slate-700"><span className="text-slate-500">{t('note')}: </span>{noteText(l.note)}</p>}
                {reviewing && !onReviewForm.has(l.id) && shownClaimReason(l) === null && added.length < REVIEW_ADDED_MAX && (
                  <Link href={reviewHref([...added, l.id], `review-line-${l.id}`)} aria-label={t('correctLineLabel', { account: l.disbursement.accountNumber })} className="mt-2 inline-block font-medium text-brand-700 hover:underline">{t('correctLine')}</Link>
                )}
              </li>
            )
          })}
        </ul>
        <div className="hidden md:block">
        <Table caption={`${t('allLines')}: ${views.find((v) => v.key === claim.view)?.label ?? ''}`}>
          <thead>
            <tr><Th>{t('account')}</Th><Th>{t('msme')}</Th><Th>{t('regency')}</Th><Th align="right">{t('plafond')}</Th><Th align="right">{t('claimed')}</Th><Th align="right">{t('computed')}</Th><Th align="right">{t('approved')}</Th><Th>{t('reason')}</Th><Th>{t('note')}</Th></tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {claim.lines.map((l) => (
              <tr key={l.id}>
                <Td className="font-mono text-xs">{l.disbursement.accountNumber}</Td>
                <Td>{l.disbursement.msme.businessName}</Td>
                <Td>{l.disbursement.regency.name}</Td>
                <Td align="right">{money(Number(l.disbursement.plafond))}</Td>
                <Td align="right">{money(Number(l.claimedAmount))}</Td>
                <Td align="right" className={Number(l.claimedAmount) !== Number(l.computedAmount) ? 'text-red-700' : undefined}>{money(Number(l.computedAmount))}</Td>
                <Td align="right">{l.approvedAmount === null ? '–' : money(Number(l.approvedAmount))}</Td>
                <Td className="text-xs">{lineReason(l)}</Td>
                <Td className="text-xs">
                  {noteText(l.note)}
                  {/* a line that agrees with the computation is corrected on the review form above, once added to it */}
                  {/* only a line that agrees with the computation is added by hand (a differing one past the form's 500 is not "equal") */}
                  {reviewing && !onReviewForm.has(l.id) && shownClaimReason(l) === null && added.length < REVIEW_ADDED_MAX && (
                    <Link href={reviewHref([...added, l.id], `review-line-${l.id}`)} aria-label={t('correctLineLabel', { account: l.disbursement.accountNumber })} className="whitespace-nowrap font-medium text-brand-700 hover:underline">{t('correctLine')}</Link>
                  )}
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
        </div>
        </>
        )}
        {claim.lines.length > 0 && <Pagination pathname={`/kredit/klaim/${claim.id}`} params={sp} page={claim.page} pageSize={claim.pageSize} total={claim.viewTotal} />}
      </section>
    </>
  )
}
