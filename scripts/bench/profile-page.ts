/**
 * Where a dashboard page's time goes, outside Next.js: each data function the page calls, timed alone
 * (sequentially, warm) and all together as the page awaits them. `DATABASE_URL=… npx tsx
 * --conditions=react-server scripts/bench/profile-page.ts` against a database with the demo data.
 */
import { performance } from 'node:perf_hooks'

async function main() {
  const { db } = await import('../../lib/db')
  const credit = await import('../../lib/data/credit')
  const dash = await import('../../lib/data/dashboard')
  const reporting = await import('../../lib/data/reporting')
  const u = await db.user.findUniqueOrThrow({ where: { username: process.env.PROFILE_USER ?? 'pimpinan' }, select: { id: true, username: true, name: true, role: true, regencyCode: true, bankId: true, mustChangePassword: true } })
  const user = { ...u }
  const { filter } = await dash.resolveDashboardFilter({ user, params: {} })
  if (!filter) throw new Error('no programme')
  const rankingFilter = { programId: filter.programId, bankId: filter.bankId, asOf: filter.asOf }
  const fns: Record<string, () => Promise<unknown>> = {
    'session user (PK read)': () => db.user.findUnique({ where: { id: user.id }, select: { id: true, role: true, sessionVersion: true, active: true } }),
    resolveDashboardFilter: () => dash.resolveDashboardFilter({ user, params: {} }),
    getCreditSummary: () => credit.getCreditSummary({ user, filter }),
    getSameDateLastYear: () => dash.getSameDateLastYear({ user, filter }),
    getMonthlySeries: () => credit.getMonthlySeries({ user, filter }),
    getRegencyRanking: () => credit.getRegencyRanking({ user, filter: rankingFilter }),
    'getCreditSummary (province)': () => credit.getCreditSummary({ user, filter: rankingFilter }),
    'getCreditBreakdown bank': () => dash.getCreditBreakdown({ user, filter, by: 'bank' }),
    'getCreditBreakdown kbli': () => dash.getCreditBreakdown({ user, filter, by: 'kbli' }),
    'getCreditBreakdown scale': () => dash.getCreditBreakdown({ user, filter, by: 'scale' }),
    getRegisterFigures: () => dash.getRegisterFigures({ user, regencyCode: filter.regencyCode, asOf: filter.asOf, year: Number(filter.asOf.slice(0, 4)) }),
    getCompleteness: () => reporting.getCompleteness({ user, year: 2026 }),
    listDashboardRegencies: () => dash.listDashboardRegencies({ user }),
    getOverview: () => dash.getOverview({ user, filter }),
  }
  const runs = Number(process.env.PROFILE_RUNS ?? 5)
  for (const [name, fn] of Object.entries(fns)) {
    await fn()
    const t: number[] = []
    for (let i = 0; i < runs; i++) {
      const s = performance.now()
      await fn()
      t.push(performance.now() - s)
    }
    t.sort((a, b) => a - b)
    console.log(`${name.padEnd(32)} median ${t[Math.floor(t.length / 2)].toFixed(1).padStart(7)} ms  min ${t[0].toFixed(1).padStart(7)}`)
  }
  await db.$disconnect()
}
main().catch((e) => { console.error(e); process.exit(1) })
