/**
 * Issue 15 acceptance, "the health template computing score and outcome for hand-worked cases (one per
 * outcome band)", through the real actions and database: the admin saves a template of four 1–5 scale
 * components (one per aspect, 25% each; a scale answer scores answer × 20) with the bounds 80/66/51, then
 * one worksheet per band is saved and its stored total and outcome checked against the sum worked by hand.
 * Own file: the new template version would change the seeded template the other health tests use.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { db } from '@/lib/db'
import { saveHealthAssessment, saveHealthTemplate } from '@/lib/actions/health'
import { createTestUser, signInAs, submit } from '../support/session'

let admin: Awaited<ReturnType<typeof createTestUser>>
let coopId = ''
const ASPECTS = ['GOVERNANCE', 'RISK_PROFILE', 'FINANCIAL', 'CAPITAL'] as const

beforeAll(async () => {
  admin = await createTestUser({ role: 'ADMIN' })
  coopId = (await db.cooperative.create({ data: { nik: '3517000000004601', name: 'KSP Pita Uji', type: 'SIMPAN_PINJAM', regencyCode: '35.17' }, select: { id: true } })).id
})

describe('score and outcome per band, worked by hand', () => {
  it('saves a four-component template, then scores one worksheet in each band', async () => {
    signInAs(admin)
    const current = await db.healthTemplate.findFirstOrThrow({ orderBy: { version: 'desc' }, select: { version: true } })
    const fields: Record<string, string> = { version: String(current.version), sehat: '80', cukupSehat: '66', dalamPengawasan: '51', bandsSource: 'Uji: batas dihitung tangan' }
    ASPECTS.forEach((aspect, i) => Object.assign(fields, {
      [`components.${i}.code`]: `S${i + 1}`, [`components.${i}.aspect`]: aspect, [`components.${i}.label`]: `Skala aspek ${i + 1}`, [`components.${i}.kind`]: 'SCALE_1_5',
      [`components.${i}.weight`]: '25', [`components.${i}.source`]: 'Uji hitung tangan',
    }))
    expect((await submit(saveHealthTemplate, fields)).state?.ok).toBe(true)
    const tpl = await db.healthTemplate.findFirstOrThrow({ orderBy: { version: 'desc' }, select: { version: true, components: { orderBy: { position: 'asc' }, select: { id: true } } } })
    expect(tpl.version).toBe(current.version + 1)

    // answers (1–5) per component → scores ×20 → total = Σ score × 25 / 100
    const cases: [string, number[], string, string][] = [
      ['2026-01-05', [5, 5, 4, 4], '90', 'SEHAT'], // (100+100+80+80)/4
      ['2026-01-06', [4, 4, 4, 4], '80', 'SEHAT'], // on the Sehat bound
      ['2026-01-07', [4, 4, 3, 3], '70', 'CUKUP_SEHAT'], // (80+80+60+60)/4
      ['2026-01-08', [3, 3, 3, 2], '55', 'DALAM_PENGAWASAN'], // (60+60+60+40)/4
      ['2026-01-09', [1, 1, 2, 2], '30', 'DALAM_PENGAWASAN_KHUSUS'], // (20+20+40+40)/4
    ]
    for (const [assessedOn, answers, total, outcome] of cases) {
      const worksheet: Record<string, string> = { cooperativeId: coopId, templateVersion: String(tpl.version), assessedOn, assessor: 'Tim Penilai Uji' }
      tpl.components.forEach((c, i) => (worksheet[`a.${c.id}.answer`] = String(answers[i])))
      expect((await submit(saveHealthAssessment, worksheet)).redirect, assessedOn).toBeTruthy()
      const saved = await db.healthAssessment.findFirstOrThrow({ where: { cooperativeId: coopId, assessedOn: new Date(assessedOn) }, select: { totalScore: true, outcome: true, templateVersion: true } })
      expect([saved.totalScore.toString(), saved.outcome, saved.templateVersion], assessedOn).toEqual([total, outcome, tpl.version])
    }
    // the register keeps the latest by date
    expect((await db.cooperative.findUniqueOrThrow({ where: { id: coopId } })).healthOutcome).toBe('DALAM_PENGAWASAN_KHUSUS')
  })
})
