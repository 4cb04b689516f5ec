/**
 * The previous value beside each report value (lib/data/reporting.ts getReport): a quarterly indicator's
 * previous quarter, a semester indicator's previous semester (Triwulan II for IV, last year's Triwulan IV
 * for II), never an empty quarter in which its form was not due.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { db } from '@/lib/db'
import { createTestUser } from '../support/session'
import { getReport, previousDuePeriod } from '@/lib/data/reporting'
import { seedReportingCatalogue } from '@/prisma/seed/reporting'
import type { SessionUser } from '@/lib/session-user'

let officer: SessionUser

async function report(year: number, quarter: number, values: Record<string, number>, opts: { regencyCode?: string; status?: 'DRAFT' | 'SUBMITTED' | 'RETURNED' | 'APPROVED' } = {}) {
  await db.quarterlyReport.create({
    data: {
      regencyCode: opts.regencyCode ?? '35.17', year, quarter, status: opts.status ?? 'APPROVED',
      values: { create: Object.entries(values).map(([indicatorCode, value]) => ({ indicatorCode, value })) },
    },
  })
}

beforeAll(async () => {
  await seedReportingCatalogue(db)
  officer = { ...(await createTestUser({ role: 'DISTRICT_OFFICER', regencyCode: '35.17' })) }
  await report(2025, 4, { KOP_TERDAFTAR: 300, OMZET_UMK: 300_000_000_000 })
  await report(2026, 1, { KOP_TERDAFTAR: 310 })
  await report(2026, 2, { KOP_TERDAFTAR: 320, OMZET_UMK: 369_000_000_000 })
  await report(2026, 3, { KOP_TERDAFTAR: 330 })
})

describe('previous values by the form’s period', () => {
  it('knows the last period a form was due', () => {
    expect(previousDuePeriod('QUARTERLY', 2026, 1)).toEqual({ year: 2025, quarter: 4 })
    expect(previousDuePeriod('SEMESTER', 2026, 4)).toEqual({ year: 2026, quarter: 2 })
    expect(previousDuePeriod('SEMESTER', 2026, 2)).toEqual({ year: 2025, quarter: 4 })
    expect(previousDuePeriod('YEARLY', 2026, 4)).toEqual({ year: 2025, quarter: 4 })
  })

  it('shows Triwulan II beside a semester figure of Triwulan IV, the previous quarter beside a quarterly one', async () => {
    const d = (await getReport({ user: officer, regencyCode: '35.17', year: 2026, quarter: 4 }))!
    expect(d.forms.find((f) => f.periodType === 'SEMESTER')?.indicators.map((i) => i.code)).toContain('OMZET_UMK')
    expect(d.previous.shown.OMZET_UMK).toBe(369_000_000_000)
    expect(d.previous.shown.KOP_TERDAFTAR).toBe(330)
    // the rules still compare with the previous quarter, as the submission does
    expect(d.previous.values.OMZET_UMK).toBeUndefined()
    expect(d.previous.values.KOP_TERDAFTAR).toBe(330)
  })

  it('shows last year’s Triwulan IV beside a semester figure of Triwulan II', async () => {
    const d = (await getReport({ user: officer, regencyCode: '35.17', year: 2026, quarter: 2 }))!
    expect(d.previous.shown.OMZET_UMK).toBe(300_000_000_000)
    expect(d.previous.shown.KOP_TERDAFTAR).toBe(310)
    expect(d.previous).toMatchObject({ year: 2026, quarter: 1, status: 'APPROVED' })
  })

  it('never shows nor compares with a quarter not sent: a draft or a returned report is still being typed', async () => {
    await report(2026, 3, { KOP_TERDAFTAR: 352 }, { regencyCode: '35.07', status: 'DRAFT' })
    const malang = { ...(await createTestUser({ role: 'DISTRICT_OFFICER', regencyCode: '35.07' })) }
    const previousOf = async () => (await getReport({ user: malang, regencyCode: '35.07', year: 2026, quarter: 4 }))!.previous
    const setStatus = (status: 'RETURNED' | 'SUBMITTED') =>
      db.quarterlyReport.update({ where: { regencyCode_year_quarter: { regencyCode: '35.07', year: 2026, quarter: 3 } }, data: { status } })
    // not shown, not compared, and said as not sent (the page's note names its state)
    const notShown = async (unsent: string) => {
      const p = await previousOf()
      expect([p.shown.KOP_TERDAFTAR, p.values.KOP_TERDAFTAR, p.status, p.unsent]).toEqual([undefined, undefined, null, unsent])
    }
    await notShown('DRAFT')
    await setStatus('RETURNED')
    await notShown('RETURNED')
    await setStatus('SUBMITTED')
    expect(await previousOf()).toMatchObject({ shown: { KOP_TERDAFTAR: 352 }, values: { KOP_TERDAFTAR: 352 }, status: 'SUBMITTED', unsent: null })
  })
})
