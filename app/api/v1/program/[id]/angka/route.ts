import { apiRoute, methodNotAllowed, parseScopedQuery } from '@/lib/api/route'
import { figuresQuery } from '@/lib/api/schemas'
import { getCreditSummary, getMonthlySeries, getRegencyRanking } from '@/lib/data/credit'
import { resolveAsOf } from '@/lib/dashboard/period'
import { resolveFigureScope } from '@/lib/scope'

/**
 * A programme's figures as the dashboard computes them (lib/data/credit.ts through resolveFigureScope):
 * realisation, beneficiaries, subsidy absorption, by month and by regency, as of a day read by the dashboard's
 * own rule (lib/dashboard/period.ts resolveAsOf), so the same request gives the dashboard's figures.
 */
export const GET = apiRoute<{ id: string }>('credit.read', async ({ principal, params, query }) => {
  // an unknown regency is a 400 (a page of zeros would read as a regency without loans), another regency's a 403
  const q = await parseScopedQuery(principal, query, figuresQuery)
  // the programme's year for the as-of rule (and its 404 for a programme the client may not read)
  const { year } = await resolveFigureScope(principal, { programId: params.id, regencyCode: q.regency })
  // a day not yet come is today (a "final" year-end had been answered for 1 January with 24 days of the year to run),
  // a day before the programme year the default; the answer says so beside the day really read
  const { asOf, adjusted } = resolveAsOf(year, q.asOf)
  const filter = { programId: params.id, regencyCode: q.regency, asOf }
  const [s, months, regencies] = await Promise.all([
    getCreditSummary({ user: principal, filter }),
    getMonthlySeries({ user: principal, filter }),
    getRegencyRanking({ user: principal, filter: { programId: params.id, asOf } }),
  ])
  return Response.json({
    program: s.program,
    as_of: s.asOf,
    as_of_requested: q.asOf ?? null,
    as_of_adjusted: adjusted,
    regency_code: s.regencyCode,
    bank_id: s.bankId,
    summary: {
      credit_target: s.creditTarget, disbursed: s.disbursed, loans: s.loans, beneficiaries: s.beneficiaries, beneficiary_target: s.beneficiaryTarget === null ? null : Number(s.beneficiaryTarget),
      realisation_pct: s.realisationPct, subsidy_due: s.subsidyDue, subsidy_claimed: s.subsidyClaimed, subsidy_approved: s.subsidyApproved, subsidy_paid: s.subsidyPaid,
      subsidy_ceiling: s.subsidyCeiling, absorption_pct: s.absorptionPct, projection: { value: s.projection.value, pct: s.projection.pct, final: s.projection.final },
    },
    by_month: months.map((m) => ({ month: m.month, disbursed: m.disbursed, cumulative: m.cumulative, target_pace: m.targetPace, subsidy_due: m.subsidyDue, subsidy_paid: m.subsidyPaid })),
    by_regency: regencies.map((r) => ({ regency_code: r.regencyCode, name: r.name, target: r.target, disbursed: r.disbursed, loans: r.loans, beneficiaries: r.beneficiaries, realisation_pct: r.realisationPct })),
  })
})

const refused = methodNotAllowed('GET')
export { refused as POST, refused as PUT, refused as PATCH, refused as DELETE }
