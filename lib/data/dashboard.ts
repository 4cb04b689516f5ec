import 'server-only'
import { cache } from 'react'
import { Prisma } from '@/lib/generated/prisma/client'
import { readDb } from '@/lib/db'
import { env } from '@/lib/env'
import { AppError } from '@/lib/errors'
import { can } from '@/lib/permissions'
import { resolveFigureScope, type FigureScope } from '@/lib/scope'
import type { SessionUser } from '@/lib/session-user'
import { firstLoanColumn, getCreditSummary, getMonthlySeries, getRegencyRanking, type CreditFilter } from '@/lib/data/credit'
import { getCompleteness } from '@/lib/data/reporting'
import { kbliDivisions } from '@/lib/credit/kbli'
import { jakartaToday, reportingQuarter, resolveAsOf, sameDateLastYear } from '@/lib/dashboard/period'
import { asOfInstant } from '@/lib/reporting/periods'
import { cachedFigures } from '@/lib/figure-cache'
import { shownRegency } from '@/lib/dashboard/query'

/**
 * Figures of the leadership dashboards that lib/data/credit.ts does not compute: credit by bank, by
 * KBLI 2020 section and by business scale; the same figures on the same date last year; the
 * cooperative and MSME registers in numbers. All in PostgreSQL, scoped by role in the WHERE clause with
 * the scope of lib/scope.ts#resolveFigureScope (as credit.ts): a bank officer's figures are always its
 * bank's, for programmes its bank lends in; a district officer reads its own regency or the province
 * totals, never another regency on its own.
 */

const province = () => env().AGENCY_PROVINCE_CODE
const num = (v: unknown) => Number(v ?? 0)

const programSelect = { id: true, code: true, name: true, year: true, scheme: true } satisfies Prisma.CreditProgramSelect
export type DashboardProgram = Prisma.CreditProgramGetPayload<{ select: typeof programSelect }>

/** The programmes a user may pick on the dashboards, newest first (a bank officer: those its bank lends in). */
export function listDashboardPrograms({ user }: { user: SessionUser }): Promise<DashboardProgram[]> {
  return dashboardPrograms(user)
}

// through the snapshot-keyed cache (lib/figure-cache.ts) across requests: every dashboard request lists the
// programmes for its filter, and an ORM read costs Prisma a query compilation per request
const dashboardPrograms = cache(async (user: SessionUser): Promise<DashboardProgram[]> => {
  if (!can(user.role, 'dashboard.read')) throw new AppError('FORBIDDEN')
  const bankId = user.role === 'BANK_OFFICER' ? (user.bankId ?? '∅') : null
  return cachedFigures('dashboard-programs', [bankId], () =>
    readDb.creditProgram.findMany({
      where: bankId ? { banks: { some: { bankId } } } : {},
      select: programSelect,
      orderBy: [{ year: 'desc' }, { scheme: 'asc' }],
    }),
  )
})

export type DashboardParams = { program?: string; regency?: string; bank?: string; asOf?: string }

/**
 * Turn the URL's filters into the credit filter every figure of a page is read with: the programme by
 * its code (default: the newest whose year has begun), the as-of day (default today, capped to the
 * programme year) and the regency and bank the user may read, as lib/scope.ts#resolveFigureScope
 * resolves them. The regency: the URL's code, `all` for the province, none the user's default (a district
 * officer's own regency, lib/dashboard/query.ts), the same on every tab and in every export. Refuses with its AppError: another regency for a district officer (FORBIDDEN), a
 * programme code that does not exist or that a bank officer's bank does not lend in (NOT_FOUND, the
 * same answer for both). `program` is null when the user may read no programme yet.
 */
export async function resolveDashboardFilter({ user, params, now = new Date() }: { user: SessionUser; params: DashboardParams; now?: Date }) {
  const programs = await listDashboardPrograms({ user })
  const thisYear = Number(jakartaToday(now).slice(0, 4))
  const program = params.program
    ? (programs.find((p) => p.code === params.program) ?? null)
    : (programs.find((p) => p.year <= thisYear) ?? programs[0] ?? null)
  if (params.program && !program) throw new AppError('NOT_FOUND')
  const regency = shownRegency(user, params.regency)
  if (!program) {
    // no programme to show, but another regency is still refused
    if (regency && user.role === 'DISTRICT_OFFICER' && regency !== user.regencyCode) throw new AppError('FORBIDDEN')
    return { programs, program: null, filter: null, asOfAdjusted: null }
  }
  // a day not yet come is today, a day before the programme year the default (lib/dashboard/period.ts resolveAsOf, the API's rule too)
  const { asOf, adjusted: asOfAdjusted } = resolveAsOf(program.year, params.asOf, now)
  // a bank left from another programme (its picker changed, the bank kept) falls back to all banks; an id that is no
  // bank at all is not found (resolveFigureScope), never a page of zeros
  const leftover = !!params.bank && user.role !== 'BANK_OFFICER'
    && !(await listDashboardBanks({ user, programId: program.id })).some((b) => b.id === params.bank)
    && (await readDb.bank.count({ where: { id: params.bank } })) > 0
  const bankId = leftover ? undefined : params.bank
  const scope = await resolveFigureScope(user, { programId: program.id, regencyCode: regency, bankId, asOf })
  // a regency code that is none of the province's is not found, never a page without figures
  if (scope.regencyCode && !(await listDashboardRegencies({ user })).some((r) => r.code === scope.regencyCode)) throw new AppError('NOT_FOUND')
  const filter = { programId: scope.programId, regencyCode: scope.regencyCode, bankId: scope.bankId, asOf: scope.asOf }
  // `asOfAdjusted`: why the day read is not the one asked for, which the filter form says beside the day
  return { programs, program, filter, asOfAdjusted }
}
export type ResolvedDashboardFilter = Awaited<ReturnType<typeof resolveDashboardFilter>>

// ── Credit by bank, KBLI section and scale ───────────────────────────────────────────────────────────
export type BreakdownDimension = 'bank' | 'kbli' | 'scale'
export type BreakdownRow = { key: string; label: string; loans: number; beneficiaries: number; disbursed: number; sharePct: number | null }

/** KBLI divisions → sections as an SQL VALUES list, built from lib/credit/kbli.ts (the one table). */
const kbliValues = () => Prisma.join(kbliDivisions().map((d) => Prisma.sql`(${d.division}, ${d.section})`))

/** Scales in their legal order; null for a KBLI row, so those fall through to the amount. */
const SCALE_ORDER = Prisma.sql`CASE WHEN g.dim = 'scale' THEN array_position(ARRAY['MIKRO','KECIL','MENENGAH','BESAR']::text[], g.key) END`

/**
 * Credit disbursed up to the as-of day, grouped by partner bank, by the borrower's KBLI 2020 section,
 * or by the borrower's business scale (PP 7/2021, as computed now): loans, distinct beneficiaries,
 * amount and share of the total. Sections come from `left(kbli, 2)` joined to the KBLI table; a code
 * outside it is grouped as `?`. By bank it reads the roll-up `credit_daily`; by section and scale the
 * loans themselves, because they group by what the register says of the MSME today (an MSME's edit
 * would otherwise have to move its loans between roll-up rows).
 */
export async function getCreditBreakdown({ user, filter, by }: { user: SessionUser; filter: CreditFilter; by: BreakdownDimension }): Promise<BreakdownRow[]> {
  return creditBreakdown(await resolveFigureScope(user, filter), by)
}

const creditBreakdown = cache(async (s: FigureScope, by: BreakdownDimension): Promise<BreakdownRow[]> => {
  if (by === 'bank') {
    const rows = await readDb.$queryRaw<{ key: string; label: string; loans: number; beneficiaries: number; disbursed: string; share: number | null }[]>`
      SELECT b.id AS key, b.short_name AS label, g.loans, g.beneficiaries, g.disbursed::text AS disbursed,
        round(g.disbursed * 100 / nullif(sum(g.disbursed) OVER (), 0), 2)::float8 AS share
      FROM (
        -- distinct MSMEs per bank (and the regency, when one is chosen): their first loans within that scope
        SELECT d.bank_id, sum(d.loans)::int AS loans, sum(d.${firstLoanColumn({ regencyCode: s.regencyCode, bankId: 'each' })})::int AS beneficiaries, sum(d.disbursed) AS disbursed
        FROM credit_daily d
        WHERE d.program_id = ${s.programId} AND d.day <= ${s.asOf}::date ${s.loans}
        GROUP BY 1
        HAVING sum(d.loans) > 0
      ) g JOIN banks b ON b.id = g.bank_id
      ORDER BY g.disbursed DESC, b.short_name`
    return rows.map((r) => ({ key: r.key, label: r.label, loans: r.loans, beneficiaries: r.beneficiaries, disbursed: num(r.disbursed), sharePct: r.share }))
  }
  return (await loanBreakdowns(s))[by]
})

/**
 * Credit by KBLI section and by business scale in one statement: the programme's loans are joined to their
 * MSMEs once and grouped twice (two statements did the same join twice, the largest part of the credit
 * dashboard's database time). Sections come from `left(kbli, 2)` joined to the KBLI table; a code outside it
 * is grouped as `?`; the share of each row is of its own dimension's total.
 */
const loanBreakdowns = cache(async (s: FigureScope): Promise<Record<'kbli' | 'scale', BreakdownRow[]>> => {
  const rows = await readDb.$queryRaw<{ dim: 'kbli' | 'scale'; key: string; loans: number; beneficiaries: number; disbursed: string; share: number | null }[]>`
    WITH l AS MATERIALIZED (
      SELECT d.msme_id, d.plafond, coalesce(k.section, '?') AS section, m.computed_scale::text AS scale
      FROM disbursements d JOIN msmes m ON m.id = d.msme_id LEFT JOIN (VALUES ${kbliValues()}) AS k(division, section) ON k.division = left(m.kbli, 2)
      WHERE d.program_id = ${s.programId} AND d.contract_date <= ${s.asOf}::date ${s.loans}),
    g AS (
      SELECT 'kbli' AS dim, section AS key, count(*)::int AS loans, count(DISTINCT msme_id)::int AS beneficiaries, sum(plafond) AS disbursed FROM l GROUP BY section
      UNION ALL
      SELECT 'scale', scale, count(*)::int, count(DISTINCT msme_id)::int, sum(plafond) FROM l GROUP BY scale)
    SELECT g.dim, g.key, g.loans, g.beneficiaries, g.disbursed::text AS disbursed,
      round(g.disbursed * 100 / nullif(sum(g.disbursed) OVER (PARTITION BY g.dim), 0), 2)::float8 AS share
    FROM g
    ORDER BY g.dim, ${SCALE_ORDER}, g.disbursed DESC, g.key`
  const out: Record<'kbli' | 'scale', BreakdownRow[]> = { kbli: [], scale: [] }
  for (const r of rows) out[r.dim].push({ key: r.key, label: r.key, loans: r.loans, beneficiaries: r.beneficiaries, disbursed: num(r.disbursed), sharePct: r.share })
  return out
})

// ── The same date last year ──────────────────────────────────────────────────────────────────────────
/**
 * The previous programme year of the same scheme, read on the same day and month one year earlier,
 * with the same regency and bank: what each card's change compares with. Null when the scheme has no
 * programme the year before. Figures come from getCreditSummary, so both years use one definition.
 */
export async function getSameDateLastYear({ user, filter }: { user: SessionUser; filter: CreditFilter }) {
  const s = await resolveFigureScope(user, filter)
  const previous = await readDb.creditProgram.findUnique({ where: { scheme_year: { scheme: s.scheme, year: s.year - 1 } }, select: { id: true } })
  if (!previous) return null
  try {
    return await getCreditSummary({ user, filter: { programId: previous.id, regencyCode: s.regencyCode, bankId: s.bankId, asOf: sameDateLastYear(s.asOf) } })
  } catch (e) {
    // a bank that did not lend in last year's programme has nothing to compare with
    if (e instanceof AppError && e.code === 'NOT_FOUND') return null
    throw e
  }
}

// ── Registers in numbers ─────────────────────────────────────────────────────────────────────────────
/**
 * Cooperatives and MSMEs in numbers for the province or one regency: registered and active
 * cooperatives (those whose legal entity dates by `asOf`, or has no date; the register's current status: it keeps
 * no history of it), savings-and-loan
 * cooperatives (KSP) whose latest health assessment by the day is SEHAT, then and a year earlier
 * (assessments are dated), MSMEs by computed scale, and the year's targets of the reporting
 * indicators `KOP_AKTIF_PCT` and `KSP_SEHAT`. Null for roles that may not read the registers.
 */
export async function getRegisterFigures({ user, regencyCode, asOf, year }: { user: SessionUser; regencyCode?: string; asOf: string; year: number }) {
  if (!can(user.role, 'cooperatives.read') || !can(user.role, 'msmes.read')) return null
  if (user.role === 'DISTRICT_OFFICER' && regencyCode && regencyCode !== user.regencyCode) throw new AppError('FORBIDDEN')
  const inRegency = (col: Prisma.Sql) => (regencyCode ? Prisma.sql`AND ${col} = ${regencyCode}` : Prisma.empty)
  const lastYear = sameDateLastYear(asOf)
  const [coops, msmes, targets] = await Promise.all([
    readDb.$queryRaw<{ registered: number; active: number; ksp: number; healthy_ksp: number; healthy_ksp_last_year: number; assessed_ksp_last_year: number; assessed_ksp: number }[]>`
      WITH latest AS (
        SELECT DISTINCT ON (h.cooperative_id) h.cooperative_id, h.outcome
        FROM health_assessments h WHERE h.assessed_on <= ${asOf}::date
        ORDER BY h.cooperative_id, h.assessed_on DESC, h.created_at DESC),
      latest_last_year AS (
        SELECT DISTINCT ON (h.cooperative_id) h.cooperative_id, h.outcome
        FROM health_assessments h WHERE h.assessed_on <= ${lastYear}::date
        ORDER BY h.cooperative_id, h.assessed_on DESC, h.created_at DESC)
      SELECT count(*)::int AS registered,
        count(*) FILTER (WHERE c.active)::int AS active,
        count(*) FILTER (WHERE c.type = 'SIMPAN_PINJAM')::int AS ksp,
        count(*) FILTER (WHERE c.type = 'SIMPAN_PINJAM' AND l.outcome IS NOT NULL)::int AS assessed_ksp,
        count(*) FILTER (WHERE c.type = 'SIMPAN_PINJAM' AND l.outcome = 'SEHAT')::int AS healthy_ksp,
        count(*) FILTER (WHERE c.type = 'SIMPAN_PINJAM' AND ly.outcome = 'SEHAT')::int AS healthy_ksp_last_year,
        count(*) FILTER (WHERE c.type = 'SIMPAN_PINJAM' AND ly.outcome IS NOT NULL)::int AS assessed_ksp_last_year
      FROM cooperatives c
      JOIN regencies r ON r.code = c.regency_code AND r.province_code = ${province()}
      LEFT JOIN latest l ON l.cooperative_id = c.id
      LEFT JOIN latest_last_year ly ON ly.cooperative_id = c.id
      -- a cooperative whose legal entity dates after the day asked for did not exist then (one without a date is counted)
      WHERE c.deleted_at IS NULL AND (c.legal_entity_date IS NULL OR c.legal_entity_date <= ${asOf}::date) ${inRegency(Prisma.sql`c.regency_code`)}`,
    readDb.$queryRaw<{ total: number; mikro: number; kecil: number; menengah: number; besar: number }[]>`
      SELECT count(*)::int AS total,
        count(*) FILTER (WHERE m.computed_scale = 'MIKRO')::int AS mikro,
        count(*) FILTER (WHERE m.computed_scale = 'KECIL')::int AS kecil,
        count(*) FILTER (WHERE m.computed_scale = 'MENENGAH')::int AS menengah,
        count(*) FILTER (WHERE m.computed_scale = 'BESAR')::int AS besar
      FROM msmes m JOIN regencies r ON r.code = m.regency_code AND r.province_code = ${province()}
      WHERE m.deleted_at IS NULL ${inRegency(Prisma.sql`m.regency_code`)}`,
    // a regency's own target; for the province its own target, else (a count) the sum of the regencies'
    readDb.$queryRaw<{ indicator_code: string; target: number | null }[]>`
      SELECT t.indicator_code,
        ${regencyCode
          ? Prisma.sql`max(t.value) FILTER (WHERE t.regency_code = ${regencyCode})`
          : Prisma.sql`coalesce(max(t.value) FILTER (WHERE t.regency_code IS NULL), CASE WHEN t.indicator_code = 'KSP_SEHAT' THEN sum(t.value) FILTER (WHERE r.code IS NOT NULL) END)`}::float8 AS target
      FROM indicator_targets t LEFT JOIN regencies r ON r.code = t.regency_code AND r.province_code = ${province()}
      WHERE t.year = ${year} AND t.quarter = 0 AND t.indicator_code IN ('KOP_AKTIF_PCT', 'KSP_SEHAT')
      GROUP BY t.indicator_code`,
  ])
  const c = coops[0]
  const target = (code: string) => targets.find((t) => t.indicator_code === code)?.target ?? null
  return {
    asOf,
    lastYear,
    cooperatives: {
      registered: c.registered,
      active: c.active,
      activePct: c.registered > 0 ? Math.round((c.active * 10_000) / c.registered) / 100 : null,
      activePctTarget: target('KOP_AKTIF_PCT'),
      ksp: c.ksp,
      assessedKsp: c.assessed_ksp,
      healthyKsp: c.healthy_ksp,
      // no KSP assessed by that date: there is no figure to compare with, not a figure of zero
      healthyKspLastYear: c.assessed_ksp_last_year > 0 ? c.healthy_ksp_last_year : null,
      healthyKspTarget: target('KSP_SEHAT'),
    },
    msmes: msmes[0],
  }
}
export type RegisterFigures = NonNullable<Awaited<ReturnType<typeof getRegisterFigures>>>

// ── One regency ──────────────────────────────────────────────────────────────────────────────────────
/**
 * A regency of the agency's province for its dashboard page: null when unknown; a district officer
 * asking for another regency is refused (the page shows 403).
 */
export function getDashboardRegency({ user, code }: { user: SessionUser; code: string }) {
  return dashboardRegency(user, code)
}

// the layout and the page both ask: one read per request
const dashboardRegency = cache(async (user: SessionUser, code: string) => {
  if (!can(user.role, 'dashboard.read')) throw new AppError('FORBIDDEN')
  if (user.role === 'DISTRICT_OFFICER' && code !== user.regencyCode) throw new AppError('FORBIDDEN')
  return readDb.regency.findFirst({ where: { code, provinceCode: province() }, select: { code: true, name: true } })
})

/** The regencies of the province for the filter pickers (a district officer: its own only). */
export async function listDashboardRegencies({ user }: { user: SessionUser }) {
  // the same 38 rows on every dashboard request: from the snapshot-keyed cache (lib/figure-cache.ts), keyed by
  // the one thing the list depends on (a district officer's own regency)
  const own = user.role === 'DISTRICT_OFFICER' ? (user.regencyCode ?? '∅') : null
  return cachedFigures('dashboard-regencies', [own], () =>
    readDb.regency.findMany({
      where: { provinceCode: province(), ...(own ? { code: own } : {}) },
      select: { code: true, name: true },
      orderBy: { code: 'asc' },
    }),
  )
}

/** The banks lending in a programme, for the bank picker of admin and leadership (a bank officer is pinned to its own: none). */
export async function listDashboardBanks({ user, programId }: { user: SessionUser; programId: string }) {
  if (user.role === 'BANK_OFFICER') return []
  return cachedFigures('dashboard-banks', [programId], () =>
    readDb.bank.findMany({ where: { programs: { some: { programId } } }, select: { id: true, shortName: true }, orderBy: { shortName: 'asc' } }),
  )
}

// ── The overview ─────────────────────────────────────────────────────────────────────────────────────
/**
 * Everything the overview's cards and its .xlsx export read, in parallel: the programme's credit and
 * subsidy figures and the same on the same date last year, the monthly series, the registers, and the
 * completeness of the quarter districts are reporting on (this year's and last year's, province
 * totals; only for roles that read reports).
 */
export async function getOverview({ user, filter }: { user: SessionUser; filter: CreditFilter & { asOf: string } }) {
  return figureSet('overview', user, filter, () => loadOverview({ user, filter }))
}

/**
 * A figure set through the cross-request cache (lib/figure-cache.ts), keyed by the database snapshot
 * and by every input: the scope as resolved (refusals happen here, before the cache), the filter as
 * given, and what of the user changes a figure (role, regency, bank; never the user's id or name).
 * The loader reads everything again itself (the scope is request-cached), after the snapshot.
 */
async function figureSet<T>(name: string, user: SessionUser, filter: CreditFilter, load: () => Promise<T>): Promise<T> {
  const s = await resolveFigureScope(user, filter)
  const given = [filter.programId, filter.regencyCode ?? null, filter.bankId ?? null, filter.asOf ?? null]
  const resolved = [s.programId, s.regencyCode ?? null, s.bankId ?? null, s.asOf]
  return cachedFigures(name, [user.role, user.regencyCode ?? null, user.bankId ?? null, ...given, ...resolved], load)
}

/** getCreditSummary through the figure cache (Beranda's province figures beside a regency). */
export function getCachedCreditSummary({ user, filter }: { user: SessionUser; filter: CreditFilter }) {
  return figureSet('summary', user, filter, () => getCreditSummary({ user, filter }))
}

/**
 * Every figure of the credit dashboard (`/dasbor/kredit`) in one cached set: the summary, the
 * monthly series, the province's regency ranking and its own summary (the ranking is always the whole
 * province), credit by bank, KBLI section and scale, and the claim pipeline.
 */
export async function getCreditDashboard({ user, filter }: { user: SessionUser; filter: CreditFilter & { asOf: string } }) {
  return figureSet('credit-dashboard', user, filter, async () => {
    // the ranking is always the whole province (a district officer sees where it stands, its bar marked)
    const rankingFilter = { programId: filter.programId, bankId: filter.bankId, asOf: filter.asOf }
    const [summary, series, ranking, provinceSummary, byBank, byKbli, byScale, pipeline] = await Promise.all([
      getCreditSummary({ user, filter }),
      getMonthlySeries({ user, filter }),
      getRegencyRanking({ user, filter: rankingFilter }),
      // the province line beside the ranking: the programme's own figure, not an average of regencies
      getCreditSummary({ user, filter: rankingFilter }),
      getCreditBreakdown({ user, filter, by: 'bank' }),
      getCreditBreakdown({ user, filter, by: 'kbli' }),
      getCreditBreakdown({ user, filter, by: 'scale' }),
      getClaimPipeline({ user, filter }),
    ])
    return { summary, series, ranking, provinceSummary, byBank, byKbli, byScale, pipeline }
  })
}

/**
 * The programme page's figures (`/kredit/<id>`) in one cached set: the same functions as the credit
 * dashboard (one definition of each figure), the ranking always the whole province and beside it the
 * programme's own summary, as on `/dasbor/kredit`.
 */
export async function getProgrammeFigures({ user, filter }: { user: SessionUser; filter: CreditFilter }) {
  return figureSet('programme', user, filter, async () => {
    const provinceFilter = { programId: filter.programId, bankId: filter.bankId, asOf: filter.asOf }
    const [summary, series, ranking, province] = await Promise.all([
      getCreditSummary({ user, filter }),
      getMonthlySeries({ user, filter }),
      getRegencyRanking({ user, filter: provinceFilter }),
      getCreditSummary({ user, filter: provinceFilter }),
    ])
    return { summary, series, ranking, province }
  })
}

/**
 * A regency's dashboard (`/dasbor/wilayah/<code>`) in one cached set: its credit summary and monthly
 * series, the same date last year, its registers in numbers and (for a role that reads reports) the
 * year's reporting completeness judged at the as-of day.
 */
export async function getRegencyFigures({ user, filter }: { user: SessionUser; filter: CreditFilter & { asOf: string; regencyCode: string } }) {
  return figureSet('regency-dashboard', user, filter, async () => {
    const year = Number(filter.asOf.slice(0, 4))
    const [summary, series, lastYear, registers, completeness] = await Promise.all([
      getCreditSummary({ user, filter }),
      getMonthlySeries({ user, filter }),
      getSameDateLastYear({ user, filter }),
      getRegisterFigures({ user, regencyCode: filter.regencyCode, asOf: filter.asOf, year }),
      // deadlines judged at the as-of day, not today: as of 31 August, Triwulan III is not late yet
      can(user.role, 'reports.read') ? getCompleteness({ user, year, now: asOfInstant(filter.asOf) }) : null,
    ])
    return { summary, series, lastYear, registers, completeness }
  })
}

async function loadOverview({ user, filter }: { user: SessionUser; filter: CreditFilter & { asOf: string } }) {
  const quarter = reportingQuarter(filter.asOf)
  const readsReports = can(user.role, 'reports.read')
  const [summary, lastYear, series, registers, completeness, completenessLastYear] = await Promise.all([
    getCreditSummary({ user, filter }),
    getSameDateLastYear({ user, filter }),
    getMonthlySeries({ user, filter }),
    getRegisterFigures({ user, regencyCode: filter.regencyCode, asOf: filter.asOf, year: Number(filter.asOf.slice(0, 4)) }),
    // judged at the as-of day: a deadline after it is not missed yet (and last year's at the same date)
    readsReports ? getCompleteness({ user, year: quarter.year, now: asOfInstant(filter.asOf) }) : null,
    readsReports ? getCompleteness({ user, year: quarter.year - 1, now: asOfInstant(sameDateLastYear(filter.asOf)) }) : null,
  ])
  const pick = (c: typeof completeness) => c?.quarters.find((q) => q.quarter === quarter.quarter) ?? null
  return { summary, lastYear, series, registers, reporting: readsReports ? { ...quarter, current: pick(completeness), lastYear: pick(completenessLastYear) } : null }
}
export type Overview = Awaited<ReturnType<typeof loadOverview>>

// ── The claim pipeline ───────────────────────────────────────────────────────────────────────────────
/** `approved` is null while none of the month's claims is approved yet ("–"): 0 is a claim approved at nothing after review. */
export type ClaimPipelineRow = { month: string | null; claims: number; open: number; claimed: number; approved: number | null; paid: number; unpaid: number }

/**
 * The programme's claims by claimed month, as of the as-of day: how many, how many still open (not yet
 * approved by then), and the amounts the banks claimed, the agency approved and paid, and approved but not yet
 * paid (the province owes it: the step after approval that leadership chases). Read-only figures
 * for leadership; scoped like every figure (a bank's own claims; a regency's lines, its paid share pro
 * rata to its approved lines, as the credit figures do).
 */
export async function getClaimPipeline({ user, filter }: { user: SessionUser; filter: CreditFilter }): Promise<{ months: ClaimPipelineRow[]; total: ClaimPipelineRow | null }> {
  const s = await resolveFigureScope(user, filter)
  const rows = await readDb.$queryRaw<{ month: string | null; claims: number; open: number; claimed: string; approved: string | null; paid: string; unpaid: string }[]>`
    WITH c AS (
      SELECT id, month, (status IN ('APPROVED', 'PAID') AND reviewed_at < ${s.asOf}::date + 1) AS decided
      FROM subsidy_claims
      WHERE program_id = ${s.programId} AND submitted_at < ${s.asOf}::date + 1 ${s.bankId ? Prisma.sql`AND bank_id = ${s.bankId}` : Prisma.empty}
    ),
    scoped AS (
      SELECT cs.claim_id, sum(cs.claimed) AS claimed, sum(cs.approved) AS approved
      FROM claim_scope cs WHERE cs.claim_id IN (SELECT id FROM c) ${s.regencyCode ? Prisma.sql`AND cs.regency_code = ${s.regencyCode}` : Prisma.empty} GROUP BY cs.claim_id
    ),
    whole AS (SELECT claim_id, sum(approved) AS approved FROM claim_scope WHERE claim_id IN (SELECT id FROM c) GROUP BY claim_id),
    paid AS (SELECT claim_id, sum(amount) AS paid FROM claim_payments WHERE claim_id IN (SELECT id FROM c) AND paid_on <= ${s.asOf}::date GROUP BY claim_id)
    -- unpaid: a month's approved less its paid share, never below 0 (a payment dated before an approval after the
    -- as-of day; nothing while none is approved); the total is the sum of the months', so one month's overpayment does
    -- not hide another's debt
    SELECT month, claims, open, claimed::text, approved::text, paid::text,
      (CASE WHEN month IS NULL THEN sum(greatest(coalesce(approved, 0) - paid, 0)) FILTER (WHERE month IS NOT NULL) OVER () ELSE greatest(coalesce(approved, 0) - paid, 0) END)::text AS unpaid FROM (
      SELECT to_char(c.month, 'YYYY-MM') AS month, count(*)::int AS claims, count(*) FILTER (WHERE NOT c.decided)::int AS open,
        coalesce(sum(l.claimed), 0) AS claimed,
        -- null while no claim of the month is approved by the as-of day (the claims list's "–"); a claim approved at
        -- nothing after review is 0
        CASE WHEN bool_or(c.decided) THEN coalesce(sum(l.approved) FILTER (WHERE c.decided), 0) END AS approved,
        round(coalesce(sum(coalesce(p.paid, 0) * CASE WHEN w.approved > 0 THEN l.approved / w.approved ELSE 0 END), 0)) AS paid
      FROM c JOIN scoped l ON l.claim_id = c.id LEFT JOIN whole w ON w.claim_id = c.id LEFT JOIN paid p ON p.claim_id = c.id
      GROUP BY ROLLUP (1)
    ) t ORDER BY month NULLS LAST`
  // ROLLUP adds the programme's total as a last row, month null (a row of zeros when there is no claim)
  const all = rows.map((r) => ({ month: r.month, claims: r.claims, open: r.open, claimed: Number(r.claimed), approved: r.approved === null ? null : Number(r.approved), paid: Number(r.paid), unpaid: Number(r.unpaid) }))
  return { months: all.filter((r) => r.month !== null), total: all.find((r) => r.month === null && r.claims > 0) ?? null }
}
