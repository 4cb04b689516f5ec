/**
 * Repayment schedule and provincial interest subsidy of a Prokesra-style soft loan (East Java's Program
 * Kredit Sejahtera): the partner bank (PT BPR Jatim) lends at its contract rate, the borrower pays a fixed
 * lower rate, and the province pays the bank the difference as an interest subsidy.
 *
 * Conventions, chosen once here so every screen and report agrees:
 * - Period k (1..tenor) runs from the contract date + (k−1) months to the contract date + k months, always
 *   counted from the contract date and clamped to month end (31 Jan → 29 Feb → 31 Mar, never 29 Mar).
 *   The period end is the instalment's due date.
 * - A period uses the bank rate in force on its start date: the bank fixes the instalment when the period
 *   opens, so a rate change that takes effect mid-period only counts from the next period.
 * - The schedule charges the monthly rate (annual / 12) whatever the period's length, as the bank's
 *   amortisation table does; the subsidy instead counts actual days over a 360-day year (KUR/SIKP rule).
 *   The two differ on purpose and the subsidy is never derived from the schedule's interest column.
 * - Money is whole Rupiah. Rates are quantised to 1e-8 per year and the products balance × rate (× days)
 *   are done in bigint, so half-up ties (e.g. a balance ending in 50 at 1%/month) round the same on every
 *   machine instead of depending on binary floating point.
 * - Dates are 'YYYY-MM-DD' strings handled in UTC, so the server's time zone never shifts a due date.
 */

export type RepaymentMethod = 'ANNUITY' | 'FLAT'

/**
 * The rate the balance is amortised at, a term of the partnership agreement (PKS) between the province and
 * the bank, set per programme:
 * - BORROWER_RATE: the balance falls as the borrower's own instalment (computed at the borrower's rate)
 *   repays it. This is what the borrower actually still owes, so the province never pays the rate
 *   difference on principal already repaid. New programmes default to it.
 * - BANK_RATE: the balance follows the bank's amortisation table at its contract rate, which repays
 *   principal more slowly (more of each instalment is interest), so balances and the subsidy are higher:
 *   about 1,2% more subsidy on a 12-month loan, 2,5% on 24 months, 3,8% on 36 months. Programmes created
 *   before the setting existed were computed so and keep it.
 */
export type AmortisationBasis = 'BORROWER_RATE' | 'BANK_RATE'

/** A bank contract rate (decimal per year, 0.12 = 12%) in force from `from` (YYYY-MM-DD) until the next one. */
export type RatePeriod = { from: string; rate: number }

/** What the loan agreement fixes. `bankRates` needs one rate in force on `contractDate`; later ones are rate changes. */
export type LoanTerms = {
  /** Whole Rupiah. */
  plafond: number
  tenorMonths: number
  /** YYYY-MM-DD */
  contractDate: string
  method: RepaymentMethod
  bankRates: RatePeriod[]
  /** Decimal per year paid by the borrower (3% under Prokesra: 0.03). */
  borrowerRate: number
  /** The balance's amortisation rate; BANK_RATE when not given (what every loan before the setting used). */
  amortisationBasis?: AmortisationBasis
}

/** One instalment of the bank's repayment schedule; all amounts in whole Rupiah. */
export type ScheduleRow = {
  period: number
  start: string
  /** Due date of the instalment. */
  end: string
  days: number
  openingBalance: number
  bankRate: number
  /** principal + interest at the amortisation rate (the borrower's instalment on the BORROWER_RATE basis) */
  instalment: number
  principal: number
  /** interest at the amortisation rate (the borrower's rate on the BORROWER_RATE basis, the bank's otherwise) */
  interest: number
  closingBalance: number
}

/** OJK collectibility class: 1 Lancar … 5 Macet. */
export type Collectibility = 1 | 2 | 3 | 4 | 5

/** What the bank reported for one period; a period without a status counts as paid and collectibility 1. */
export type PeriodStatus = { period: number; instalmentPaid: boolean; collectibility: Collectibility }

/** Why a period's subsidy is what it is; the first rule that applies, in this order, wins. */
export type SubsidyReason = 'AFTER_MATURITY' | 'COLLECTIBILITY_5' | 'NO_INSTALMENT' | 'NO_RATE_DIFFERENCE' | 'DUE'

/** The subsidy of one period, attributed to the calendar month of its due date (the bank claims by calendar month). */
export type SubsidyRow = {
  period: number
  dueDate: string
  /** YYYY-MM of `dueDate`. */
  claimMonth: string
  days: number
  openingBalance: number
  /** Bank rate minus borrower rate; may be ≤ 0 after a rate cut, the subsidy then is 0, never negative. */
  rateDifference: number
  subsidy: number
  reason: SubsidyReason
}

const RATE_SCALE = 100_000_000n
const DAY_MS = 86_400_000

type Ymd = { y: number; m: number; d: number }

function parseDate(text: string, label: string): Ymd {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text)
  if (match) {
    const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])]
    // Date.UTC silently rolls 2024-02-30 over to 1 March; the round trip catches it
    const back = new Date(Date.UTC(y, m - 1, d))
    if (back.getUTCFullYear() === y && back.getUTCMonth() === m - 1 && back.getUTCDate() === d) return { y, m, d }
  }
  throw new Error(`${label} tidak valid (format YYYY-MM-DD): ${text}`)
}

function formatDate({ y, m, d }: Ymd): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`
}

function addMonthsClamped(date: Ymd, months: number): Ymd {
  const index = date.y * 12 + (date.m - 1) + months
  const y = Math.floor(index / 12)
  const m = (index % 12) + 1
  // day 0 of the next month is the last day of this one
  const lastDay = new Date(Date.UTC(y, m, 0)).getUTCDate()
  return { y, m, d: Math.min(date.d, lastDay) }
}

function daysBetween(a: Ymd, b: Ymd): number {
  return Math.round((Date.UTC(b.y, b.m - 1, b.d) - Date.UTC(a.y, a.m - 1, a.d)) / DAY_MS)
}

function rateUnits(rate: number, label: string): bigint {
  // Rates come as decimals; 12 instead of 0.12 would otherwise pass as a 1,200% loan
  if (!Number.isFinite(rate) || rate < 0 || rate > 1) throw new Error(`${label} harus antara 0 dan 1 (mis. 0.12 untuk 12% per tahun)`)
  return BigInt(Math.round(rate * Number(RATE_SCALE)))
}

/** num / den rounded half up, for num ≥ 0 and den > 0. */
function roundDiv(num: bigint, den: bigint): bigint {
  return (2n * num + den) / (2n * den)
}

type Period = { period: number; start: string; end: string; days: number; rate: bigint }

type Checked = { plafond: number; tenor: number; method: RepaymentMethod; basis: AmortisationBasis; borrowerRate: bigint; periods: (count: number) => Period[] }

function check(terms: LoanTerms): Checked {
  if (!Number.isFinite(terms.plafond) || terms.plafond <= 0) throw new Error('Plafon harus lebih dari Rp0')
  if (!Number.isSafeInteger(terms.plafond)) throw new Error('Plafon harus dalam Rupiah bulat')
  if (!Number.isFinite(terms.tenorMonths) || terms.tenorMonths <= 0) throw new Error('Tenor harus lebih dari 0 bulan')
  if (!Number.isInteger(terms.tenorMonths)) throw new Error('Tenor harus dalam bulan bulat')
  if (terms.method !== 'ANNUITY' && terms.method !== 'FLAT') throw new Error('Metode angsuran harus ANNUITY (anuitas) atau FLAT')
  const basis = terms.amortisationBasis ?? 'BANK_RATE'
  if (basis !== 'BORROWER_RATE' && basis !== 'BANK_RATE') throw new Error('Dasar amortisasi harus BORROWER_RATE atau BANK_RATE')
  const contract = parseDate(terms.contractDate, 'Tanggal akad')
  const borrowerRate = rateUnits(terms.borrowerRate, 'Suku bunga debitur')

  if (terms.bankRates.length === 0) throw new Error('Suku bunga bank belum diisi')
  // ISO dates sort as strings
  const rates = terms.bankRates
    .map((r) => ({ from: formatDate(parseDate(r.from, 'Tanggal berlaku suku bunga bank')), units: rateUnits(r.rate, 'Suku bunga bank') }))
    .sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0))
  for (let i = 1; i < rates.length; i++) {
    if (rates[i].from === rates[i - 1].from) throw new Error(`Ada dua suku bunga bank yang berlaku mulai ${rates[i].from}`)
  }
  const rateOn = (date: string): bigint | undefined => rates.filter((r) => r.from <= date).at(-1)?.units

  const atContract = rateOn(terms.contractDate)
  if (atContract === undefined) throw new Error(`Tidak ada suku bunga bank yang berlaku pada tanggal akad ${terms.contractDate}`)
  // Only the rate at signing is checked: a later cut below the borrower rate is the bank's decision and
  // just ends the subsidy for those periods
  if (borrowerRate > atContract) throw new Error('Suku bunga debitur tidak boleh melebihi suku bunga bank pada tanggal akad')

  const periods = (count: number): Period[] =>
    Array.from({ length: count }, (_, i) => {
      const start = addMonthsClamped(contract, i)
      const end = addMonthsClamped(contract, i + 1)
      const startText = formatDate(start)
      return { period: i + 1, start: startText, end: formatDate(end), days: daysBetween(start, end), rate: rateOn(startText) ?? atContract }
    })

  return { plafond: terms.plafond, tenor: terms.tenorMonths, method: terms.method, basis, borrowerRate, periods }
}

/**
 * Constant instalment that repays `principal` over `months` at `monthlyRate` (decimal per month),
 * unrounded: P·r / (1 − (1 + r)^−n), or P / n without interest.
 */
export function annuityInstalment(principal: number, monthlyRate: number, months: number): number {
  if (!Number.isInteger(months) || months <= 0) throw new Error('Jumlah bulan harus lebih dari 0')
  if (monthlyRate === 0) return principal / months
  return (principal * monthlyRate) / (1 - Math.pow(1 + monthlyRate, -months))
}

/**
 * The bank's repayment schedule, one row per period, in whole Rupiah.
 *
 * The rate below is the amortisation rate: the borrower's (fixed) on the BORROWER_RATE basis, the bank's
 * contract rate in force on the BANK_RATE basis (see AmortisationBasis).
 *
 * ANNUITY: the instalment is the annuity of the balance at the current rate, rounded half up to whole Rupiah;
 * each period's interest is balance × rate / 12 rounded half up, and principal = instalment − interest. When the
 * rate in force changes, the balance then outstanding is re-amortised over the months left at the new rate,
 * as BPR contracts with a floating rate do, so the loan still ends on its original maturity.
 *
 * FLAT: principal is plafond / tenor rounded half up, every month; interest is charged on the original
 * plafond (plafond × rate / 12, rounded half up), at the rate in force that period. The balance still
 * declines by the principal paid, and that declining balance is what the subsidy is computed on.
 *
 * Both: the last instalment repays whatever balance is left, so the rounding of the earlier rows is absorbed
 * there and the closing balance is exactly 0; principal never exceeds the balance nor goes below 0.
 */
export function repaymentSchedule(terms: LoanTerms): ScheduleRow[] {
  return schedule(check(terms))
}

function schedule({ plafond, tenor, method, basis, borrowerRate, periods }: Checked): ScheduleRow[] {
  const flatPrincipal = Number(roundDiv(BigInt(plafond), BigInt(tenor)))
  const rows: ScheduleRow[] = []
  let balance = plafond
  let instalment = 0
  let instalmentRate: bigint | undefined

  for (const p of periods(tenor)) {
    let interest: number
    let principal: number
    // the borrower's rate is fixed for the loan's life; the bank's may change (effective-dated)
    const rate = basis === 'BORROWER_RATE' ? borrowerRate : p.rate
    if (method === 'ANNUITY') {
      if (rate !== instalmentRate) {
        instalment = Math.round(annuityInstalment(balance, Number(rate) / Number(RATE_SCALE) / 12, tenor - p.period + 1))
        instalmentRate = rate
      }
      interest = Number(roundDiv(BigInt(balance) * rate, 12n * RATE_SCALE))
      principal = instalment - interest
    } else {
      interest = Number(roundDiv(BigInt(plafond) * rate, 12n * RATE_SCALE))
      principal = flatPrincipal
    }
    principal = p.period === tenor ? balance : Math.min(Math.max(principal, 0), balance)
    rows.push({
      period: p.period, start: p.start, end: p.end, days: p.days, openingBalance: balance, bankRate: Number(p.rate) / Number(RATE_SCALE),
      instalment: principal + interest, principal, interest, closingBalance: balance - principal,
    })
    balance -= principal
  }
  return rows
}

/**
 * The province's interest subsidy per period: opening balance × (bank rate − borrower rate) × days / 360,
 * rounded half up to whole Rupiah. It is 0 in a period whose collectibility is 5 (Macet), whose instalment was
 * not paid, or whose rate difference is ≤ 0.
 *
 * The balance is the scheduled one: a missed instalment does not raise later balances here, so the province
 * never subsidises interest on arrears (the bank's actual outstanding can only be higher, never lower).
 *
 * Statuses for periods beyond the tenor (a bank feed still reporting a loan past maturity) come back as rows
 * with reason AFTER_MATURITY and subsidy 0, so a claim for them is visibly refused rather than silently dropped.
 */
export function subsidySchedule(terms: LoanTerms, statuses: PeriodStatus[] = []): SubsidyRow[] {
  const checked = check(terms)
  const { tenor, borrowerRate, periods } = checked
  const byPeriod = new Map<number, PeriodStatus>()
  for (const s of statuses) {
    if (!Number.isInteger(s.period) || s.period < 1) throw new Error(`Periode status harus bilangan bulat mulai 1: ${s.period}`)
    if (![1, 2, 3, 4, 5].includes(s.collectibility)) throw new Error(`Kolektibilitas periode ${s.period} harus 1 sampai 5`)
    if (byPeriod.has(s.period)) throw new Error(`Status periode ${s.period} tercatat lebih dari sekali`)
    byPeriod.set(s.period, s)
  }
  const rows = schedule(checked)
  const lastPeriod = Math.max(tenor, ...byPeriod.keys())

  return periods(lastPeriod)
    .filter((p) => p.period <= tenor || byPeriod.has(p.period))
    .map((p) => {
      const status = byPeriod.get(p.period)
      const openingBalance = p.period <= tenor ? rows[p.period - 1].openingBalance : 0
      const difference = p.rate - borrowerRate
      const reason: SubsidyReason =
        p.period > tenor ? 'AFTER_MATURITY'
        : status?.collectibility === 5 ? 'COLLECTIBILITY_5'
        : status?.instalmentPaid === false ? 'NO_INSTALMENT'
        : difference <= 0n ? 'NO_RATE_DIFFERENCE'
        : 'DUE'
      const subsidy = reason === 'DUE' ? Number(roundDiv(BigInt(openingBalance) * difference * BigInt(p.days), 360n * RATE_SCALE)) : 0
      return {
        period: p.period, dueDate: p.end, claimMonth: p.end.slice(0, 7), days: p.days, openingBalance,
        rateDifference: Number(difference) / Number(RATE_SCALE), subsidy, reason,
      }
    })
}

/** Subsidy the bank may claim for calendar month `claimMonth` (YYYY-MM): the periods falling due in it; 0 after maturity. */
export function subsidyForClaimMonth(terms: LoanTerms, claimMonth: string, statuses: PeriodStatus[] = []): number {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(claimMonth)) throw new Error(`Bulan klaim harus berformat YYYY-MM: ${claimMonth}`)
  return subsidySchedule(terms, statuses)
    .filter((row) => row.claimMonth === claimMonth)
    .reduce((sum, row) => sum + row.subsidy, 0)
}

/**
 * Subsidy still committed for periods falling due after `date` (YYYY-MM-DD), e.g. the budget a loan binds in
 * later years. Those instalments have not happened yet, so they count as paid on a performing loan: the maximum.
 */
export function subsidyCommittedAfter(terms: LoanTerms, date: string): number {
  const after = formatDate(parseDate(date, 'Tanggal'))
  return subsidySchedule(terms)
    .filter((row) => row.dueDate > after)
    .reduce((sum, row) => sum + row.subsidy, 0)
}

/** One period as a bank reconciles it against its own table; whole Rupiah, rates as decimals per year. */
export type ReconciliationRow = ScheduleRow & {
  /** the borrower's interest of the period: balance × borrower rate / 12 (plafond × rate / 12 when FLAT) */
  borrowerInterest: number
  /** principal + the borrower's interest: what the borrower pays the bank this period */
  borrowerInstalment: number
  borrowerRate: number
  /** bank rate − borrower rate */
  rateDifference: number
}

/**
 * The schedule a bank can reconcile with its own: per period the balance on the programme's amortisation
 * basis, the principal, the borrower's interest and instalment, the bank's rate and the difference the
 * province pays (the subsidy itself comes from `subsidySchedule`, with what the bank reported).
 */
export function reconciliationSchedule(terms: LoanTerms): ReconciliationRow[] {
  const checked = check(terms)
  const borrowerRate = Number(checked.borrowerRate) / Number(RATE_SCALE)
  return schedule(checked).map((r) => {
    const base = checked.method === 'FLAT' ? checked.plafond : r.openingBalance
    const borrowerInterest = Number(roundDiv(BigInt(base) * checked.borrowerRate, 12n * RATE_SCALE))
    return { ...r, borrowerInterest, borrowerInstalment: r.principal + borrowerInterest, borrowerRate, rateDifference: r.bankRate - borrowerRate }
  })
}
