/**
 * Demo data of the subsidised-credit chain, built so the figures of the source documents come out exactly:
 * - Prokesra 2023: Rp360.400.000.000 disbursed to 10.971 UMK by 29 December 2023 = 101,26% of the target;
 * - Prokesra 2024 at 31 August 2024: Rp53.019.249.400 to 2.743 UMK against Rp200 miliar (26,5%); subsidy
 *   paid Rp17.940.000.000 = 57,8% of the ceiling;
 * - for DKI Jakarta (province 31): 153 UMK, Rp38,8 miliar of working-capital credit through Bank DKI (2020).
 * Loans and claims are deterministic (a seeded generator), so tests can rely on them. Subsidy per period comes
 * from lib/credit/subsidy.ts (computed here in memory the way recomputeLoanMonths does, then written with
 * COPY), never from a second formula here.
 */
import type { PrismaClient } from '../../lib/generated/prisma/client'
import { subsidySchedule, type PeriodStatus, type RatePeriod } from '../../lib/credit/subsidy'
import { loanClaimMonths } from '../../lib/credit/claim-months'
import { copyRows, withPgClient, type CopyValue } from './copy'

/** Mulberry32: a small deterministic generator, so every seed run makes the same loans. */
function rng(seed: number) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

type ProgramSpec = {
  code: string
  scheme: string
  name: string
  year: number
  bankCode: string
  creditTarget: number
  beneficiaryTarget: number
  subsidyCeiling: number
  bankRate: number
  /** a mid-year change of the bank's contract rate, to show effective dating */
  rateChange?: { from: string; rate: number }
  borrowerRate: number
  maxPlafond: number
  maxTenorMonths: number
  tenors: number[]
  /** tranches of loans: count, exact total, date range, distinct borrowers */
  tranches: { count: number; total: number; from: string; to: string }[]
  claims?: { months: [string, string]; paidThrough?: string; pendingMonth?: string; paymentsDueBy?: { date: string; total: number } }
}

const PROKESRA: ProgramSpec[] = [
  {
    code: 'PROKESRA-2023', scheme: 'PROKESRA', name: 'Prokesra 2023', year: 2023, bankCode: 'BPRJATIM',
    // 360.400.000.000 / 355.915.000.000 = 101,26%
    creditTarget: 355_915_000_000, beneficiaryTarget: 10_500, subsidyCeiling: 16_000_000_000,
    bankRate: 0.15, borrowerRate: 0.03, maxPlafond: 50_000_000, maxTenorMonths: 36, tenors: [24, 30, 36],
    tranches: [{ count: 10_971, total: 360_400_000_000, from: '2023-01-09', to: '2023-12-29' }],
    claims: { months: ['2023-02', '2023-12'], paidThrough: '2023-12' },
  },
  {
    code: 'PROKESRA-2024', scheme: 'PROKESRA', name: 'Prokesra 2024', year: 2024, bankCode: 'BPRJATIM',
    // 17.940.000.000 / 31.038.000.000 = 57,80%
    creditTarget: 200_000_000_000, beneficiaryTarget: 8_000, subsidyCeiling: 31_038_000_000,
    bankRate: 0.15, rateChange: { from: '2024-10-01', rate: 0.14 }, borrowerRate: 0.03, maxPlafond: 25_000_000, maxTenorMonths: 24, tenors: [12, 18, 24],
    tranches: [
      { count: 2_743, total: 53_019_249_400, from: '2024-02-05', to: '2024-08-30' },
      { count: 3_050, total: 64_250_000_000, from: '2024-09-02', to: '2024-12-27' },
    ],
    claims: { months: ['2024-01', '2024-12'], paidThrough: '2024-10', paymentsDueBy: { date: '2024-08-31', total: 17_940_000_000 } },
  },
  {
    code: 'PROKESRA-2025', scheme: 'PROKESRA', name: 'Prokesra 2025', year: 2025, bankCode: 'BPRJATIM',
    creditTarget: 150_000_000_000, beneficiaryTarget: 6_000, subsidyCeiling: 30_000_000_000,
    bankRate: 0.14, borrowerRate: 0.03, maxPlafond: 25_000_000, maxTenorMonths: 24, tenors: [12, 18, 24],
    tranches: [{ count: 6_100, total: 141_730_000_000, from: '2025-01-13', to: '2025-12-22' }],
    claims: { months: ['2025-01', '2025-12'], paidThrough: '2025-12' },
  },
  {
    code: 'PROKESRA-2026', scheme: 'PROKESRA', name: 'Prokesra 2026', year: 2026, bankCode: 'BPRJATIM',
    creditTarget: 175_000_000_000, beneficiaryTarget: 7_000, subsidyCeiling: 32_500_000_000,
    bankRate: 0.14, borrowerRate: 0.03, maxPlafond: 25_000_000, maxTenorMonths: 24, tenors: [12, 18, 24],
    tranches: [{ count: 4_480, total: 103_615_500_000, from: '2026-01-12', to: '2026-11-13' }],
    // October 2026 is left for the bank to claim (the end-to-end test does); September awaits verification
    claims: { months: ['2026-01', '2026-09'], paidThrough: '2026-07', pendingMonth: '2026-09' },
  },
]

const JAKARTA_2020: ProgramSpec = {
  code: 'KMK-PEN-DKI-2020', scheme: 'KMK-PEN-DKI', name: 'Kredit Modal Kerja PEN Bank DKI 2020', year: 2020, bankCode: 'BANKDKI',
  creditTarget: 50_000_000_000, beneficiaryTarget: 200, subsidyCeiling: 3_000_000_000,
  bankRate: 0.1, borrowerRate: 0.03, maxPlafond: 500_000_000, maxTenorMonths: 36, tenors: [24, 36],
  tranches: [{ count: 153, total: 38_800_000_000, from: '2020-09-01', to: '2020-09-30' }],
}

const day = (s: string) => Date.parse(`${s}T00:00:00Z`)
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10)

/**
 * `count` plafonds in steps of Rp100.000 between 40% of the maximum and the maximum, summing exactly to
 * `total` (the last Rupiah-level remainder goes to one loan): the worked cases are sums, not averages.
 */
function plafonds(count: number, total: number, max: number, rand: () => number): number[] {
  const step = 100_000
  const weights = Array.from({ length: count }, () => 0.4 + 0.6 * rand())
  const sum = weights.reduce((a, b) => a + b, 0)
  const out = weights.map((w) => Math.min(max, Math.floor((total * w) / sum / step) * step))
  let rest = total - out.reduce((a, b) => a + b, 0)
  for (let i = 0; rest >= step; i = (i + 1) % count) {
    if (out[i] + step <= max) {
      out[i] += step
      rest -= step
    }
  }
  const i = out.findIndex((p) => p + rest <= max)
  out[i] += rest
  if (out.reduce((a, b) => a + b, 0) !== total) throw new Error('plafond sum mismatch')
  return out
}

/**
 * Borrowers: existing micro and small businesses of the agency's province (the registers' demo data);
 * when there are too few, more are added here (deterministic NIBs starting with 9).
 */
async function borrowerPool(db: PrismaClient, province: string, needed: number): Promise<{ id: string; regencyCode: string }[]> {
  const existing = await db.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM msmes m JOIN regencies r ON r.code = m.regency_code
    WHERE r.province_code = ${province} AND m.deleted_at IS NULL AND m.computed_scale IN ('MIKRO', 'KECIL')`
  const missing = needed - existing[0].n
  if (missing > 0) {
    await db.$executeRaw`
      WITH regs AS (SELECT code, row_number() OVER (ORDER BY code) - 1 AS i, count(*) OVER () AS n FROM regencies WHERE province_code = ${province}),
      gen AS (SELECT g FROM generate_series(1, ${missing}::int) g)
      INSERT INTO msmes (id, nib, business_name, owner_name, owner_nik, owner_gender, kbli, regency_code, workers, business_capital, annual_sales, computed_scale, new_registration, updated_at)
      SELECT 'kb' || lpad(g::text, 8, '0'),
        '9' || lpad((g + 100000000)::text, 12, '0'),
        (ARRAY['Warung','Usaha','Toko','Kios','Dapur','Bengkel','Konveksi','Kerajinan'])[1 + g % 8] || ' ' ||
          (ARRAY['Sari','Makmur','Jaya','Barokah','Lestari','Sejahtera','Mandiri','Rejeki','Berkah','Sentosa'])[1 + (g / 8) % 10] || ' ' || g,
        (ARRAY['Siti','Ahmad','Sri','Budi','Dewi','Agus','Nur','Eko','Rina','Hadi'])[1 + g % 10] || ' ' ||
          (ARRAY['Rahayu','Santoso','Wahyuni','Prasetyo','Lestari','Hidayat','Utami','Saputra'])[1 + (g / 10) % 8],
        replace(regs.code, '.', '') || lpad((g % 999999 + 1)::text, 6, '0') || lpad((g % 9999 + 1)::text, 4, '0'),
        (CASE WHEN g % 5 < 3 THEN 'P' ELSE 'L' END)::"Gender",
        (ARRAY['10792','47111','56102','13121','96011','45201','01131','14111'])[1 + g % 8],
        regs.code, 1 + g % 6, (5000000 + (g % 90) * 1000000)::numeric, (30000000 + (g % 150) * 10000000)::numeric,
        (CASE WHEN g % 40 = 0 THEN 'KECIL' ELSE 'MIKRO' END)::"BusinessScale", false, now()
      FROM gen JOIN regs ON regs.i = (g * 7 + g / 13) % regs.n
      ON CONFLICT (nib) DO NOTHING`
  }
  return db.$queryRaw<{ id: string; regencyCode: string }[]>`
    SELECT m.id, m.regency_code AS "regencyCode" FROM msmes m JOIN regencies r ON r.code = m.regency_code
    WHERE r.province_code = ${province} AND m.deleted_at IS NULL AND m.computed_scale IN ('MIKRO', 'KECIL')
    ORDER BY md5(m.id) LIMIT ${needed}`
}

/** The demo's data are as of this month (the quarterly reports' seed has "today" 21 November 2026): what the bank reported fell due before it. */
const DATA_AS_OF_MONTH = '2026-11'
/** Whether a loan's period `period` fell due in a month before the data's month (lib/credit/claim-months.ts: the month its period ends). */
const dueBeforeDataDate = (loan: Pick<LoanRow, 'date' | 'tenor'>, period: number) => (loanClaimMonths(loan.date, loan.tenor)[period - 1] ?? '9999-12') < DATA_AS_OF_MONTH

type LoanRow = { id: string; account: string; msmeId: string; regencyCode: string; date: string; plafond: number; tenor: number; rate: number; collectibility: number; status: 'ACTIVE' | 'WRITTEN_OFF' }

/**
 * The stored periods of freshly made loans (table loan_months), exactly as recomputeLoanMonths in
 * lib/credit/loan-months.ts stores them: the terms are the rate agreed at the contract then every later
 * change of the programme's rate, the schedule is lib/credit/subsidy.ts's, the statuses are what the bank
 * reported (a period without one: paid, collectibility 1). Computed in memory, loan by loan, and streamed
 * to COPY. tests/integration/credit-demo.test.ts checks that recomputeLoanMonths gives the same rows.
 */
function* loanMonthRows(loans: LoanRow[], programRates: RatePeriod[], borrowerRate: number, reported: Map<string, PeriodStatus[]>): Generator<CopyValue[]> {
  for (const loan of loans) {
    const bankRates = [{ from: loan.date, rate: loan.rate }, ...programRates.filter((r) => r.from > loan.date)]
    const statuses = reported.get(loan.id) ?? []
    const statusOf = new Map(statuses.map((s) => [s.period, s]))
    const terms = { plafond: loan.plafond, tenorMonths: loan.tenor, contractDate: loan.date, method: 'ANNUITY' as const, bankRates, borrowerRate }
    for (const r of subsidySchedule(terms, statuses)) {
      const s = statusOf.get(r.period)
      // a period the bank reported (unpaid, or Macet) was reported on its due date; the others are not reported
      yield [loan.id, r.period, r.dueDate, `${r.claimMonth}-01`, r.days, r.openingBalance, r.rateDifference.toFixed(6), s?.instalmentPaid ?? true, s?.collectibility ?? 1, r.subsidy, r.reason, s ? r.dueDate : null]
    }
  }
}

async function seedProgram(db: PrismaClient, url: string, spec: ProgramSpec, province: string, seed: number, progress: (m: string) => void) {
  if (await db.creditProgram.findUnique({ where: { code: spec.code }, select: { id: true } })) return
  const rand = rng(seed)
  const bank = await db.bank.findUniqueOrThrow({ where: { code: spec.bankCode }, select: { id: true } })
  const regencies = await db.regency.findMany({ where: { provinceCode: province }, select: { code: true }, orderBy: { code: 'asc' } })
  const program = await db.creditProgram.create({
    data: {
      code: spec.code, scheme: spec.scheme, name: spec.name, year: spec.year,
      creditTarget: spec.creditTarget, beneficiaryTarget: spec.beneficiaryTarget, subsidyCeiling: spec.subsidyCeiling,
      borrowerRate: spec.borrowerRate, maxPlafond: spec.maxPlafond, maxTenorMonths: spec.maxTenorMonths,
      eligibleScales: ['MIKRO', 'KECIL'],
      adminFeeRule: 'Tanpa biaya provisi dan administrasi',
      penaltyRule: 'Denda keterlambatan ditanggung debitur, tidak disubsidi',
      banks: { create: { bankId: bank.id } },
      rates: {
        create: [
          { bankId: bank.id, effectiveFrom: new Date(`${spec.year}-01-01`), rate: spec.bankRate },
          ...(spec.rateChange ? [{ bankId: bank.id, effectiveFrom: new Date(spec.rateChange.from), rate: spec.rateChange.rate }] : []),
        ],
      },
    },
    select: { id: true },
  })
  // allocation of the target per regency: uneven, like real demand, summing exactly to the target
  const shares = regencies.map(() => 0.5 + rand())
  const shareSum = shares.reduce((a, b) => a + b, 0)
  const alloc = shares.map((w) => Math.floor((spec.creditTarget * w) / shareSum / 1_000_000) * 1_000_000)
  alloc[0] += spec.creditTarget - alloc.reduce((a, b) => a + b, 0)
  await db.programAllocation.createMany({ data: regencies.map((r, i) => ({ programId: program.id, regencyCode: r.code, creditTarget: alloc[i] })) })

  // loans: each tranche has its own distinct borrowers, spread over the regencies by their allocation
  const needed = spec.tranches.reduce((a, t) => a + t.count, 0)
  const pool = await borrowerPool(db, province, needed)
  if (pool.length < needed) throw new Error(`${spec.code}: ${needed} peminjam dibutuhkan, hanya ${pool.length} UMKM`)
  const rows: LoanRow[] = []
  let taken = 0
  spec.tranches.forEach((t, ti) => {
    const amounts = plafonds(t.count, t.total, spec.maxPlafond, rand)
    const from = day(t.from)
    const span = day(t.to) - from
    for (let i = 0; i < t.count; i++) {
      const borrower = pool[taken++]
      // dates rise through the tranche (a ramp-up), on working days, ending exactly on its last date
      const at = i === t.count - 1 ? day(t.to) : from + Math.floor(Math.sqrt(rand()) * span / 86_400_000) * 86_400_000
      const weekday = new Date(at).getUTCDay()
      const date = iso(weekday === 0 ? at + 86_400_000 : weekday === 6 ? at - 86_400_000 : at)
      const rate = spec.rateChange && date >= spec.rateChange.from ? spec.rateChange.rate : spec.bankRate
      const bad = rand() < 0.012
      rows.push({
        id: `${spec.code.toLowerCase()}-${ti}-${String(i).padStart(5, '0')}`,
        account: `${spec.code.slice(-4)}${ti}${String(i + 1).padStart(6, '0')}`,
        msmeId: borrower.id, regencyCode: borrower.regencyCode, date, plafond: amounts[i],
        tenor: spec.tenors[Math.floor(rand() * spec.tenors.length)], rate,
        collectibility: bad ? 5 : rand() < 0.05 ? 2 : 1, status: bad ? 'WRITTEN_OFF' : 'ACTIVE',
      })
    }
  })
  // what the bank reported: a written-off loan is Macet (5) from some period to the end of its tenor (the write-off
  // closes its schedule: no later period earns subsidy); a few missed instalments. A loan is written off only once
  // its Macet period fell due before the data's date, and a missed instalment only in a period already due: a loan
  // too young for either is only in special attention (2). The draws stay in the same order either way, so every
  // other loan and claim of the demo is the same.
  const reported = new Map<string, PeriodStatus[]>()
  for (const r of rows) {
    const statuses: PeriodStatus[] = []
    if (r.status === 'WRITTEN_OFF') {
      const from = 4 + Math.floor(rand() * 6)
      if (dueBeforeDataDate(r, from)) for (let p = from; p <= r.tenor; p++) statuses.push({ period: p, instalmentPaid: false, collectibility: 5 })
      else Object.assign(r, { status: 'ACTIVE', collectibility: 2 })
    } else if (rand() < 0.03) {
      const period = 2 + Math.floor(rand() * 5)
      if (dueBeforeDataDate(r, period)) statuses.push({ period, instalmentPaid: false, collectibility: 2 })
    }
    if (statuses.length) reported.set(r.id, statuses)
  }
  const now = new Date()
  await withPgClient(url, (client) =>
    copyRows(client, 'disbursements',
      ['id', 'program_id', 'bank_id', 'account_number', 'msme_id', 'regency_code', 'contract_date', 'plafond', 'tenor_months', 'bank_rate', 'borrower_rate', 'method', 'collectibility', 'status', 'eligibility_issues', 'updated_at'],
      rows.map((r) => [r.id, program.id, bank.id, r.account, r.msmeId, r.regencyCode, r.date, r.plafond, r.tenor, r.rate, spec.borrowerRate, 'ANNUITY', r.collectibility, r.status, '{}', now])))
  progress(`${spec.name}: ${rows.length.toLocaleString('id-ID')} pinjaman dimuat; menghitung jadwal subsidinya ...`)
  // the programme's rates as stored (what recomputeLoanMonths reads back)
  const programRates = (await db.programRate.findMany({ where: { programId: program.id, bankId: bank.id }, select: { effectiveFrom: true, rate: true }, orderBy: { effectiveFrom: 'asc' } }))
    .map((r) => ({ from: iso(r.effectiveFrom.getTime()), rate: Number(r.rate) }))
  const periods = await withPgClient(url, (client) =>
    copyRows(client, 'loan_months',
      ['disbursement_id', 'period', 'due_date', 'claim_month', 'days', 'opening_balance', 'rate_difference', 'instalment_paid', 'collectibility', 'subsidy_due', 'reason', 'reported_at'],
      loanMonthRows(rows, programRates, spec.borrowerRate, reported)))
  progress(`${spec.name}: ${rows.length.toLocaleString('id-ID')} pinjaman dan jadwal subsidinya (${periods.toLocaleString('id-ID')} periode) dimuat.`)
  return program.id
}

/**
 * Monthly claims of a budget year: one per month, a line per loan of the scheme with subsidy falling due
 * that month. The bank claims what is due, except a few lines claimed 10% higher, which verification
 * caught and approved at the computed amount. Paid the next month; `paymentsDueBy` makes the payments
 * made by that date add up to an exact figure (the last one before it paid in part, the rest later).
 */
async function seedClaims(db: PrismaClient, spec: ProgramSpec, progress: (m: string) => void) {
  if (!spec.claims) return
  const program = await db.creditProgram.findUniqueOrThrow({ where: { code: spec.code }, select: { id: true } })
  if (await db.subsidyClaim.count({ where: { programId: program.id } })) return
  const bank = await db.bank.findUniqueOrThrow({ where: { code: spec.bankCode }, select: { id: true } })
  const admin = await db.user.findFirst({ where: { role: 'ADMIN' }, select: { id: true } })
  const [first, last] = spec.claims.months
  const months: string[] = []
  for (let m = first; m <= last; m = iso(Date.UTC(Number(m.slice(0, 4)), Number(m.slice(5, 7)), 1)).slice(0, 7)) months.push(m)
  const claims: { id: string; month: string; pending: boolean; paid: boolean }[] = []
  for (const month of months) {
    const pending = spec.claims.pendingMonth === month
    const paidMonth = !pending && (!spec.claims.paidThrough || month <= spec.claims.paidThrough)
    const status = pending ? 'SUBMITTED' : paidMonth ? 'PAID' : 'APPROVED'
    // submitted on the 5th of the next month, reviewed five days later
    const submitted = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 5, 2))
    const reviewed = new Date(submitted.getTime() + 5 * 86_400_000)
    const claim = await db.subsidyClaim.create({
      data: {
        programId: program.id, bankId: bank.id, month: new Date(`${month}-01`), status, submittedAt: submitted,
        reviewedAt: pending ? null : reviewed, reviewedById: pending ? null : admin?.id,
      },
      select: { id: true },
    })
    claims.push({ id: claim.id, month, pending, paid: paidMonth })
  }
  // Every month's lines in one statement: the loan periods are read once (a scan of the months' periods
  // hash-joined to the claims), where a statement per month read each month's periods scattered over the
  // table again. Same lines, same amounts.
  await db.$executeRaw`
    INSERT INTO claim_lines (id, claim_id, disbursement_id, claimed_amount, computed_amount, approved_amount, note)
    SELECT md5(c.id || lm.disbursement_id), c.id, lm.disbursement_id,
      CASE WHEN abs(hashtext(lm.disbursement_id || c.month)) % 200 = 0 THEN round(sum(lm.subsidy_due) * 1.1) ELSE sum(lm.subsidy_due) END,
      sum(lm.subsidy_due),
      CASE WHEN c.pending THEN NULL ELSE sum(lm.subsidy_due) END,
      CASE WHEN NOT c.pending AND abs(hashtext(lm.disbursement_id || c.month)) % 200 = 0 THEN 'Klaim melebihi perhitungan; disetujui sesuai perhitungan' END
    FROM unnest(${claims.map((c) => c.id)}::text[], ${claims.map((c) => c.month)}::text[], ${claims.map((c) => c.pending)}::boolean[]) AS c(id, month, pending)
    JOIN loan_months lm ON lm.claim_month = (c.month || '-01')::date
    JOIN disbursements d ON d.id = lm.disbursement_id
    JOIN credit_programs p ON p.id = d.program_id
    WHERE p.scheme = ${spec.scheme} AND d.bank_id = ${bank.id} AND lm.subsidy_due > 0
    GROUP BY c.id, c.month, c.pending, lm.disbursement_id`
  const paidClaims = claims.filter((c) => c.paid)
  const approvedOf = new Map(
    (await db.claimLine.groupBy({ by: ['claimId'], where: { claimId: { in: paidClaims.map((c) => c.id) } }, _sum: { approvedAmount: true } }))
      .map((g) => [g.claimId, Number(g._sum.approvedAmount ?? 0)]),
  )
  const payments = paidClaims.map((c) => ({ claimId: c.id, month: c.month, approved: approvedOf.get(c.id) ?? 0 }))
  const due = spec.claims.paymentsDueBy
  let paidByDate = 0
  const data: { claimId: string; paidOn: Date; amount: number; reference: string }[] = []
  for (const p of payments) {
    // paid on the 15th of the month after the claimed month
    const paidOn = iso(Date.UTC(Number(p.month.slice(0, 4)), Number(p.month.slice(5, 7)), 15))
    const ref = (n: number) => `SP2D/${p.month.replace('-', '')}/${String(n).padStart(3, '0')}`
    if (due && paidOn <= due.date) {
      const left = due.total - paidByDate
      if (p.approved <= left) {
        data.push({ claimId: p.claimId, paidOn: new Date(paidOn), amount: p.approved, reference: ref(1) })
        paidByDate += p.approved
      } else {
        // the budget's cash ran short: part paid now, the rest after the date
        data.push({ claimId: p.claimId, paidOn: new Date(paidOn), amount: left, reference: ref(1) })
        data.push({ claimId: p.claimId, paidOn: new Date(Date.parse(due.date) + 10 * 86_400_000), amount: p.approved - left, reference: ref(2) })
        paidByDate += left
      }
    } else {
      data.push({ claimId: p.claimId, paidOn: new Date(paidOn), amount: p.approved, reference: ref(1) })
    }
  }
  if (due && paidByDate !== due.total) throw new Error(`${spec.code}: subsidi dibayar s.d. ${due.date} = ${paidByDate}, bukan ${due.total}; naikkan suku bunga atau jumlah pinjaman`)
  await db.claimPayment.createMany({ data })
  progress(`${spec.name}: ${months.length} klaim bulanan dimuat.`)
}

/**
 * Credit programmes, loans, claims and payments of the configured province (idempotent per programme).
 * `url` is the same database as `db`'s, for the bulk writes (COPY); `progress` reports each step.
 */
export async function seedCredit(
  db: PrismaClient,
  province: string,
  opts: { url?: string; progress?: (m: string) => void } = {},
): Promise<void> {
  const url = opts.url ?? process.env.DATABASE_URL
  if (!url) throw new Error('seedCredit: DATABASE_URL belum diatur')
  const progress = opts.progress ?? console.log
  const specs = province === '31' ? [JAKARTA_2020] : PROKESRA
  let seed = 2022
  // A bulk load: the figure roll-ups' insert triggers (which keep them current row by row in every write)
  // are off while the loans, periods and claim lines are loaded, and the roll-ups are rebuilt from the base
  // tables once at the end, in four set statements: the same numbers, about half a minute sooner.
  const ROLLUP_TRIGGERS = [['disbursements', 'disbursements_rollup_insert'], ['loan_months', 'loan_months_rollup_insert'], ['claim_lines', 'claim_lines_rollup_insert']]
  for (const [table, trigger] of ROLLUP_TRIGGERS) await db.$executeRawUnsafe(`ALTER TABLE ${table} DISABLE TRIGGER ${trigger}`)
  try {
    for (const spec of specs) await seedProgram(db, url, spec, province, seed++, progress)
    // fresh statistics before the claim queries group loan periods by month (otherwise: nested loops over all rows)
    await db.$executeRawUnsafe('ANALYZE loan_months, disbursements, credit_programs')
    // the programmes' claims touch different claims and payments: loaded side by side (each statement keeps one core busy)
    await Promise.all(specs.map((spec) => seedClaims(db, spec, progress)))
  } finally {
    for (const [table, trigger] of ROLLUP_TRIGGERS) await db.$executeRawUnsafe(`ALTER TABLE ${table} ENABLE TRIGGER ${trigger}`)
  }
  await db.$executeRawUnsafe('SELECT rebuild_figure_rollups()')
  progress('Ringkasan angka kredit (roll-up) dibangun ulang dari data pinjaman.')
}
