import { createElement, type ComponentProps, type ReactElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { NextIntlClientProvider, createTranslator } from 'next-intl'
import { describe, expect, it, vi } from 'vitest'
import { MESSAGES } from '@/lib/i18n/messages'
import { approvalWithCorrections, correctionAboveClaimed, paymentAboveOutstanding } from '@/components/credit/claim-figures'
import { COLLECTIBILITY_CLASSES } from '@/components/credit/collectibility'
import { jakartaToday } from '@/lib/dates'

// the forms only hand these to useActionState; rendering never calls them
vi.mock('@/lib/actions/credit', () => ({ approveClaim: async () => ({}), recordClaimPayment: async () => ({}), returnClaim: async () => ({}), reportInstalment: async () => ({}) }))

const { ClaimReview, paidOnAllowed } = await import('@/components/credit/claim-review')
const { InstalmentForm } = await import('@/components/credit/instalment-form')

function render(locale: 'id' | 'en', element: ReactElement): string {
  const provider: ComponentProps<typeof NextIntlClientProvider> = { locale, messages: MESSAGES[locale], timeZone: 'Asia/Jakarta', children: null }
  return renderToStaticMarkup(createElement(NextIntlClientProvider, provider, element))
}
const tr = (locale: 'id' | 'en') => createTranslator({ locale, messages: MESSAGES[locale], namespace: 'credit' })

describe('approving a claim: the total the dialog states', () => {
  const lines = [
    { id: 'a', claimed: 300_000, computed: 260_487 }, // the bank claimed more: approved at the computation
    { id: 'b', claimed: 100_000, computed: 120_000 }, // the bank claimed less: approved at its claim
  ]
  it('takes the corrections typed, and has no total while one cannot be read', () => {
    expect(approvalWithCorrections(980_000, lines, (id) => (id === 'a' ? '250.000' : ''))).toEqual({ corrected: 1, total: 980_000 - 260_487 + 250_000, above: 0, aboveBy: 0 })
    expect(approvalWithCorrections(980_000, lines, () => '')).toEqual({ corrected: 0, total: 980_000, above: 0, aboveBy: 0 })
    expect(approvalWithCorrections(980_000, lines, (id) => (id === 'b' ? 'abc' : ''))).toEqual({ corrected: 1, total: null, above: 0, aboveBy: 0 })
  })
  it('counts the corrections above the agency’s computation, and by how much, and words them', () => {
    // a: 290.000 against 260.487 computed (within the claim of 300.000); b: the bank's 100.000 against 120.000 computed is not above it
    expect(approvalWithCorrections(980_000, lines, (id) => (id === 'a' ? '290.000' : '100.000'))).toEqual({ corrected: 2, total: 980_000 - 260_487 + 290_000, above: 1, aboveBy: 29_513 })
    expect(tr('id')('approveAboveComputed', { count: 1, amount: 'Rp29.513' })).toBe('Perhatian: 1 baris disetujui di atas hitungan Dinas, lebih Rp29.513 dari hitungan.')
    expect(tr('en')('approveAboveComputed', { count: 2, amount: 'Rp29,513' })).toBe("Note: 2 lines are approved above the agency's computation, Rp29,513 more than computed.")
  })
  it('is worded with the number of lines and the total, in both languages', () => {
    expect(tr('en')('approveBody', { lines: 1234, corrected: 1, total: 'Rp979,513' }))
      .toBe("1,234 lines approved, Rp979,513 in all: each line at the agency's computation (never more than the bank claimed), except the line you corrected.")
    expect(tr('id')('approveBody', { lines: 1234, corrected: 0, total: 'Rp979.513' }))
      .toBe('1.234 baris disetujui, sebesar Rp979.513: setiap baris sebesar hitungan Dinas (tidak melebihi klaim bank).')
  })
})

describe('recording a payment', () => {
  it('marks an amount above what is still to pay, and nothing within it or unreadable', () => {
    expect(paymentAboveOutstanding('946.000.000', 529_000)).toBe(946_000_000)
    expect(paymentAboveOutstanding('529000', 529_000)).toBeNull()
    expect(paymentAboveOutstanding('12,5', 529_000)).toBeNull()
  })
})

describe('correcting a line', () => {
  it('marks a correction above what the bank claimed, and nothing within it, empty or unreadable', () => {
    expect(correctionAboveClaimed('9.500', 9_000)).toBe(true)
    expect(correctionAboveClaimed('Rp9.000', 9_000)).toBe(false)
    expect(correctionAboveClaimed('', 9_000)).toBe(false)
    expect(correctionAboveClaimed('9,500,000', 9_000)).toBe(false)
  })
})

describe('the claim review in English', () => {
  const lines = [{ id: 'a', account: 'PRK-1', business: 'Toko A', claimed: 300_000, computed: 260_487, reason: null, bankFigures: null }]
  it('writes the amounts with English grouping', () => {
    const html = render('en', createElement(ClaimReview, { claimId: 'c', version: 1, lines, lineCount: 10, approvable: 1_000_000 }))
    expect(html).toContain('Rp260,487')
    expect(html).toContain('Rp39,513')
    expect(html).not.toContain('Rp260.487')
  })
  it('counts the differing lines with a plural', () => {
    // differing or corrected at verification (a line the verifier corrected has no difference of its own: "Selisih: Rp0")
    expect(tr('en')('differingCount', { count: 1 })).toBe('1 line differing or corrected')
    expect(tr('en')('differingCount', { count: 49 })).toBe('49 lines differing or corrected')
    expect(tr('id')('differingCount', { count: 1049 })).toBe('1.049 baris berselisih atau dikoreksi')
  })
})

describe('the collectibility classes', () => {
  it('keep the OJK term, and give the English one in English', () => {
    expect(COLLECTIBILITY_CLASSES.map((value) => tr('id')('collectibilityClass', { value })))
      .toEqual(['1 · Lancar', '2 · Dalam Perhatian Khusus', '3 · Kurang Lancar', '4 · Diragukan', '5 · Macet'])
    expect(COLLECTIBILITY_CLASSES.map((value) => tr('en')('collectibilityClass', { value })))
      .toEqual(['1 · Current (Lancar)', '2 · Special mention (Dalam Perhatian Khusus)', '3 · Substandard (Kurang Lancar)', '4 · Doubtful (Diragukan)', '5 · Loss (Macet)'])
  })
  it('are the options of the instalment report', () => {
    const t = tr('en')
    const labels = { title: 'Report', period: 'Period', paid: 'Paid', unpaid: 'Unpaid', instalment: 'Instalment', collectibility: 'Collectibility', save: 'Save' }
    const html = render('en', createElement(InstalmentForm, { disbursementId: 'd', version: 3, tenor: 12, labels, classes: COLLECTIBILITY_CLASSES.map((value) => t('collectibilityClass', { value })) }))
    expect(html).toContain('<option value="5">5 · Loss (Macet)</option>')
    // the loan's version the page showed goes with the report: a stale page's report is refused
    expect(html).toContain('<input type="hidden" name="version" value="3"/>')
  })
})

describe('the loan schedule', () => {
  it('states every figure of a period, the Rupiah unit once in the headings', async () => {
    const { LoanScheduleTable } = await import('@/components/credit/loan-schedule-table')
    const row = { period: 3, end: '2026-11-30', days: 30, openingBalance: 250_000_000, borrowerInstalment: 7_345_678, principal: 6_012_345, borrowerInterest: 1_333_333, bankRate: 0.1425, rateDifference: 0.0825, state: 'UNPAID' as const, collectibility: 5, subsidy: 0, reason: 'NO_INSTALMENT' as const }
    const html = render('en', createElement(LoanScheduleTable, { rows: [row], locale: 'en' }))
    for (const text of ['250,000,000', '7,345,678', '6,012,345', '1,333,333', '14.25%', '8.25%', '30 November 2026', 'not paid', 'no instalment', '<abbr title="Collectibility"'])
      expect(html).toContain(text)
    // the table: the unit once in each amount's heading, never in its cells
    const table = html.slice(html.indexOf('<table'))
    expect(table.match(/\(Rp\)/g)).toHaveLength(5)
    expect(table).not.toContain('Rp250')
    // the phone's card of the period: each amount with its unit (no heading above it), the subsidy and its reason first
    const card = html.slice(0, html.indexOf('<table'))
    expect(card).toContain('data-period-card="3"')
    for (const text of ['Rp250,000,000', 'Rp7,345,678', 'Rp6,012,345', 'Rp1,333,333', 'Rp0', '14.25%', '8.25%', '30 November 2026', 'not paid', 'no instalment'])
      expect(card).toContain(text)
    expect(card.indexOf('no instalment')).toBeLessThan(card.indexOf('Rp250,000,000'))
  })
})

describe('the payment form asks to confirm only a date the server takes', () => {
  it('from the day after the claimed month to today in Jakarta, in either way of writing it', () => {
    const today = jakartaToday()
    expect(paidOnAllowed('2026-11-01', '2026-11-01')).toBe(true)
    expect(paidOnAllowed('01/11/2026', '2026-11-01')).toBe(true)
    expect(paidOnAllowed('31/10/2026', '2026-11-01')).toBe(false) // the claimed month has not ended
    expect(paidOnAllowed(today, '2020-01-01')).toBe(true)
    const tomorrow = new Date(Date.parse(`${today}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)
    expect(paidOnAllowed(tomorrow, '2020-01-01')).toBe(false)
    expect(paidOnAllowed('31/02/2026', '2020-01-01')).toBe(false)
  })
})
