import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { getLocale, getTranslations } from 'next-intl/server'
import { PrintButton } from '@/components/dashboard/print-button'
import { buttonClass } from '@/components/ui/button'
import { CLAIM_REASON_TEXT, shownClaimReason, shownLineNote, type ClaimLineReason } from '@/lib/credit/claim-reasons'
import { getAgency } from '@/lib/agency'
import { CORRECTED_AT_REVIEW, getVerificationRecord } from '@/lib/data/claims'
import { formatDate, formatMonth, formatNumber, formatRupiah, formatRupiahInWords, formatWeekday } from '@/lib/format'
import { requirePermission } from '@/lib/session'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('credit'))('verificationRecord') }
}

const SHOWN_LINES = 100

/**
 * The verification record (berita acara verifikasi) of one claim, laid out for A4 paper or "Save as PDF":
 * totals, differences by reason, the differing lines, and signature blocks for the agency and the bank.
 */
export default async function VerificationRecordPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission('claims.read')
  const { id } = await params
  const [record, t, tc, locale, agency] = await Promise.all([getVerificationRecord({ user, id }), getTranslations('credit'), getTranslations('common'), getLocale(), getAgency()])
  if (!record) notFound()
  const { claim, byReason } = record
  const lang = locale === 'en' ? 'en' : 'id'
  // exact to the sen, as the amount in words below it is: a signed record may not round what it commits to
  const money = (v: number) => formatRupiah(v, { locale: lang, cents: true })
  const monthName = formatMonth(claim.month, { locale: lang })
  // a claim not yet verified (submitted, or submitted again after a return) has no record to sign: a draft, saying so
  const draft = claim.status === 'SUBMITTED'
  const decided = claim.reviewedAt ?? new Date()
  // the record states what was decided on its date: a payment comes later (it had shown a payment of 20 September
  // on a record of 10 September), so a paid claim reads as approved and the amounts paid are on the claim's page
  const shownStatus = claim.status === 'PAID' ? 'APPROVED' : claim.status
  // the amount the record commits to, in words as a signed record writes it: the approved total once decided, else the claimed
  const inWords = claim.totals.approved === null
    ? [t('recordClaimedInWords'), formatRupiahInWords(claim.totals.claimed, { locale: lang })]
    : [t('recordApprovedInWords'), formatRupiahInWords(claim.totals.approved, { locale: lang })]
  const reason = (code: string) => (code === CORRECTED_AT_REVIEW ? t('recordCorrected') : CLAIM_REASON_TEXT[code as ClaimLineReason]?.[lang] ?? code)
  return (
    <article className="mx-auto max-w-4xl space-y-5 rounded-lg border border-slate-200 bg-white p-6 text-sm print:border-0 print:p-0" data-testid="verification-record" data-print="document">
      <div className="no-print flex flex-wrap gap-2">
        <Link className={buttonClass('secondary')} href={`/kredit/klaim/${claim.id}`}>{t('back')}</Link>
        <PrintButton label={t('print')} />
      </div>
      <header className="space-y-1 text-center">
        <h1 className="text-lg font-bold uppercase tracking-wide">{t('recordTitle')}</h1>
        <p className="font-medium">{claim.program.name} · {claim.bank.name} · {monthName}</p>
      </header>
      {draft && <p role="note" className="rounded-md border-2 border-dashed border-amber-500 bg-amber-50 p-3 font-semibold text-amber-900" data-testid="record-draft">{t('recordDraft')}</p>}
      {/* on screen only: a reader of an approved record learns that payments came after it (the record itself states
          the verification on its date, so the note is not printed) */}
      {claim.payments.length > 0 && claim.totals.approved !== null && (
        <p role="note" className="no-print rounded-md border border-sky-200 bg-sky-50 p-3 text-sky-900" data-testid="record-paid-since">
          {t('recordPaidSince', {
            paid: money(claim.totals.paid), count: claim.payments.length, date: formatDate(claim.payments[claim.payments.length - 1].paidOn, { locale: lang }),
            status: claim.status === 'PAID' ? 'PAID' : 'other', remainder: money(Math.max(0, claim.totals.approved - claim.totals.paid)),
          })}{' '}
          <Link className="underline" href={`/kredit/klaim/${claim.id}`}>{t('recordPaidSinceLink')}</Link>
        </p>
      )}
      <p>{draft
        ? t('recordIntroDraft', { date: formatDate(claim.submittedAt, { locale: lang }), bank: claim.bank.name, month: monthName, program: claim.program.name })
        : t('recordIntro', { day: formatWeekday(decided, { locale: lang }), date: formatDate(decided, { locale: lang }), bank: claim.bank.name, month: monthName, program: claim.program.name })}</p>

      <section>
        <h2 className="mb-1 font-semibold">{t('recordTotals')}</h2>
        <div className="overflow-x-auto print:overflow-visible">
        <table className="w-full border-collapse">
          <tbody>
            {[
              [t('recordStatus'), t(`claimStatus_${shownStatus}`)],
              [t('lines'), formatNumber(claim.totals.lines, { locale: lang })],
              [t('claimed'), money(claim.totals.claimed)],
              [t('computed'), money(claim.totals.computed)],
              [t('difference'), money(claim.totals.claimed - claim.totals.computed)],
              [t('approved'), claim.totals.approved === null ? '–' : money(claim.totals.approved)],
            ].map(([k, v]) => (
              <tr key={k} className="border-b border-slate-200"><th className="w-1/2 py-1 pr-2 text-left font-normal text-slate-600">{k}</th><td className="py-1 pl-3 text-right font-medium tabular-nums" data-total={k}>{v}</td></tr>
            ))}
          </tbody>
        </table>
        </div>
        {/* a returned claim's record says why: the bank signs it, and the reason is what it must put right */}
        {claim.status === 'RETURNED' && claim.returnReason && (
          <p className="mt-2" data-testid="record-return-reason"><span className="text-slate-600">{t('returnReason')}:</span> <span data-user-content>{claim.returnReason}</span></p>
        )}
        <p className="mt-2" data-testid="record-in-words"><span className="text-slate-600">{inWords[0]}:</span> <em className="first-letter:uppercase inline-block">{inWords[1]}</em></p>
      </section>

      <section>
        <h2 className="mb-1 font-semibold">{t('recordByReason')}</h2>
        {byReason.length === 0 ? <p>{t('recordNoDifferences')}</p> : (
          <div className="overflow-x-auto print:overflow-visible">
          <table className="w-full border-collapse">
            <thead><tr className="border-b border-slate-300 text-left text-xs uppercase text-slate-500"><th className="py-1 pr-2">{t('reason')}</th><th className="py-1 pl-3 text-right">{t('lines')}</th><th className="py-1 pl-3 text-right">{t('claimed')}</th><th className="py-1 pl-3 text-right">{t('computed')}</th></tr></thead>
            <tbody>
              {byReason.map((r) => (
                <tr key={r.reason} className="border-b border-slate-200" data-reason-code={r.reason}>
                  <td className="py-1 pr-2">{reason(r.reason)}</td><td className="py-1 pl-3 text-right tabular-nums">{formatNumber(r.lines, { locale: lang })}</td>
                  <td className="py-1 pl-3 text-right tabular-nums">{money(r.claimed)}</td><td className="py-1 pl-3 text-right tabular-nums">{money(r.computed)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          </div>
        )}
      </section>

      {claim.differingLines.length > 0 && (
        <section>
          <h2 className="mb-1 font-semibold">{t('recordLines')}</h2>
          {/* on a phone the table scrolls sideways with its reason column wide enough to read, not squeezed into
              a word per line under the other columns (printed, A4 holds every column) */}
          <div className="overflow-x-auto print:overflow-visible">
          <table className="w-full border-collapse text-xs">
            <thead><tr className="border-b border-slate-300 text-left uppercase text-slate-500"><th className="py-1 pr-2">{t('account')}</th><th className="py-1 pr-2">{t('msme')}</th><th className="py-1 pl-3 text-right">{t('claimed')}</th><th className="py-1 pl-3 text-right">{t('computed')}</th><th className="py-1 pl-3 text-right">{t('approved')}</th><th className="min-w-56 py-1 pl-3 print:min-w-0">{t('reason')}</th></tr></thead>
            <tbody>
              {claim.differingLines.slice(0, SHOWN_LINES).map((l) => (
                <tr key={l.id} className="border-b border-slate-100 align-top">
                  <td className="py-1 pr-2 font-mono">{l.disbursement.accountNumber}</td><td className="py-1 pr-2">{l.disbursement.msme.businessName}</td>
                  <td className="py-1 pl-3 text-right tabular-nums">{money(Number(l.claimedAmount))}</td><td className="py-1 pl-3 text-right tabular-nums">{money(Number(l.computedAmount))}</td>
                  <td className="py-1 pl-3 text-right tabular-nums">{l.approvedAmount === null ? '–' : money(Number(l.approvedAmount))}</td>
                  <td className="py-1 pl-3">{reason(shownClaimReason(l) ?? CORRECTED_AT_REVIEW)}{l.note ? ` — ${shownLineNote(l.note, lang)}` : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
          </div>
          {claim.totals.differing > SHOWN_LINES && <p className="mt-1 text-xs text-slate-600">{t('recordMore', { count: formatNumber(claim.totals.differing - SHOWN_LINES, { locale: lang }) })}</p>}
        </section>
      )}

      {/* where and when it was signed, over the signatures as Indonesian records close ("Surabaya, 10 September 2026"),
          one block that a page break does not split (a signature page apart from its record is not accepted); none on a draft */}
      {!draft && (
      <div className="break-inside-avoid break-before-avoid pt-6" data-testid="record-sign-off">
      <p className="text-right" data-testid="record-place-date">{[agency.city, formatDate(decided, { locale: lang })].filter(Boolean).join(', ')}</p>
      <section className="grid grid-cols-3 gap-6 pt-2 text-center" aria-label={tc('signatures')}>
        {/* the bank's officer has no NIP (a civil servant's number): named with the position instead */}
        {([[t('signVerifier'), record.reviewer, t('signName')], [t('signHead'), null, t('signName')], [t('signBank'), record.submitter, t('signNameBank')]] as const).map(([role, name, blank]) => (
          // the roles may wrap to two lines: the signature lines sit at the same height whatever each role's length
          <div key={role} className="flex flex-col justify-between gap-16">
            <p>{role}</p>
            <p className="border-t border-slate-400 pt-1">{name ?? blank}</p>
          </div>
        ))}
      </section>
      </div>
      )}
    </article>
  )
}
