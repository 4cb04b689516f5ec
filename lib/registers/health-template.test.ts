import { describe, expect, it } from 'vitest'
import { answerScore, aspectScores, componentWords, figureValue, healthOutcome, ratioScore, ratioValue, scoreHealth, yearAmounts, yearAnswer, type HealthAnswer, type HealthTemplateShape } from './health'

// A small worksheet with every kind of component, worked by hand below:
// total = (TK1 × 20 + TK2 × 10 + PR1 × 20 + KK1 × 25 + PM1 × 25) ÷ 100
const template: HealthTemplateShape = {
  version: 7,
  bands: { sehat: 80, cukupSehat: 66, dalamPengawasan: 51 },
  components: [
    { id: 'tk1', code: 'TK1', aspect: 'GOVERNANCE', label: 'Prinsip koperasi', kind: 'SCALE_1_5', numerator: null, denominator: null, weight: 20, bands: null },
    { id: 'tk2', code: 'TK2', aspect: 'GOVERNANCE', label: 'RAT terlaksana', kind: 'YES_NO', numerator: null, denominator: null, weight: 10, bands: null },
    { id: 'pr1', code: 'PR1', aspect: 'RISK_PROFILE', label: 'Aset produktif / total aset', kind: 'RATIO', numerator: null, denominator: 'ASSETS', weight: 20,
      bands: [{ min: 75, score: 100 }, { min: 60, score: 75 }, { min: 40, score: 50 }, { min: 0, score: 25 }] },
    { id: 'kk1', code: 'KK1', aspect: 'FINANCIAL', label: 'SHU / total aset', kind: 'RATIO', numerator: 'NET_SURPLUS', denominator: 'ASSETS', weight: 25,
      bands: [{ min: 7.5, score: 100 }, { min: 5, score: 75 }, { min: 2.5, score: 50 }, { min: 0, score: 25 }] },
    { id: 'pm1', code: 'PM1', aspect: 'CAPITAL', label: 'Modal sendiri / total aset', kind: 'RATIO', numerator: 'OWN_CAPITAL', denominator: 'ASSETS', weight: 25,
      bands: [{ min: 20, score: 100 }, { min: 10, score: 75 }, { min: 5, score: 50 }, { min: 0, score: 25 }] },
  ],
}

const sheet = (tk1: number, tk2: number, pr1: number, kk1: number, pm1: number): Record<string, HealthAnswer> => ({
  tk1: { answer: tk1 }, tk2: { answer: tk2 },
  // parts out of 1.000 (Rp million), so the percent is the part ÷ 10
  pr1: { numerator: pr1 * 10, denominator: 1000 }, kk1: { numerator: kk1 * 10, denominator: 1000 }, pm1: { numerator: pm1 * 10, denominator: 1000 },
})

describe('health scoring: one hand-worked worksheet per outcome band', () => {
  it.each([
    // 5 → 100, ya → 100, 80% → 100, 6% → 75, 25% → 100:
    // (100·20 + 100·10 + 100·20 + 75·25 + 100·25) ÷ 100 = (2000 + 1000 + 2000 + 1875 + 2500) ÷ 100 = 93,75
    ['Sehat', sheet(5, 1, 80, 6, 25), 93.75, 'SEHAT', { GOVERNANCE: 100, RISK_PROFILE: 100, FINANCIAL: 75, CAPITAL: 100 }],
    // 4 → 80, ya → 100, 65% → 75, 3% → 50, 12% → 75: (1600 + 1000 + 1500 + 1250 + 1875) ÷ 100 = 72,25;
    // tata kelola (1600 + 1000) ÷ 30 = 86,67
    ['Cukup Sehat', sheet(4, 1, 65, 3, 12), 72.25, 'CUKUP_SEHAT', { GOVERNANCE: 86.67, RISK_PROFILE: 75, FINANCIAL: 50, CAPITAL: 75 }],
    // 3 → 60, tidak → 0, 50% → 50, 5% (on the bound) → 75, 8% → 50: (1200 + 0 + 1000 + 1875 + 1250) ÷ 100 = 53,25
    ['Dalam Pengawasan', sheet(3, 0, 50, 5, 8), 53.25, 'DALAM_PENGAWASAN', { GOVERNANCE: 40, RISK_PROFILE: 50, FINANCIAL: 75, CAPITAL: 50 }],
    // 2 → 40, tidak → 0, 30% → 25, SHU −2% (a loss, below every bound) → 0, 3% → 25: (800 + 0 + 500 + 0 + 625) ÷ 100 = 19,25
    ['Dalam Pengawasan Khusus', sheet(2, 0, 30, -2, 3), 19.25, 'DALAM_PENGAWASAN_KHUSUS', { GOVERNANCE: 26.67, RISK_PROFILE: 25, FINANCIAL: 0, CAPITAL: 25 }],
  ] as const)('%s', (_name, answers, total, outcome, aspects) => {
    const r = scoreHealth(template, answers)
    expect(r).not.toBeNull()
    expect(r!.total).toBe(total)
    expect(r!.outcome).toBe(outcome)
    expect(r!.aspects).toEqual(aspects)
    expect(r!.components).toHaveLength(5)
  })

  it('a total on a band’s lower bound belongs to that band', () => {
    expect(healthOutcome(80, template.bands)).toBe('SEHAT')
    expect(healthOutcome(79.99, template.bands)).toBe('CUKUP_SEHAT')
    expect(healthOutcome(51, template.bands)).toBe('DALAM_PENGAWASAN')
    expect(healthOutcome(50.99, template.bands)).toBe('DALAM_PENGAWASAN_KHUSUS')
  })

  it('converts values to scores: bands from the highest bound, ya/tidak, 1–5 scale', () => {
    const bands = template.components[2].bands!
    expect(ratioScore(75, bands)).toBe(100)
    expect(ratioScore(74.99, bands)).toBe(75)
    expect(ratioScore(-0.01, bands)).toBe(0)
    expect(answerScore('YES_NO', 1)).toBe(100)
    expect(answerScore('YES_NO', 0)).toBe(0)
    expect(answerScore('SCALE_1_5', 3)).toBe(60)
    expect(ratioValue(1, 3)).toBe(33.3333)
    expect(ratioValue(5, 0)).toBeNull()
  })

  it('gives no result while an answer is missing or a ratio has no denominator', () => {
    const answers = sheet(5, 1, 80, 6, 25)
    expect(scoreHealth(template, { ...answers, tk2: undefined })).toBeNull()
    expect(scoreHealth(template, { ...answers, pm1: { numerator: 5, denominator: 0 } })).toBeNull()
  })

  it('scores an aspect as soon as its own components are answered, while another aspect is still open', () => {
    const answers = sheet(4, 1, 65, 3, 12)
    // PR1 empty and PM1 without a denominator: tata kelola and kinerja keuangan as on the complete sheet, no other
    expect(aspectScores(template, { ...answers, pr1: undefined, pm1: { numerator: 5, denominator: 0 } })).toEqual({ GOVERNANCE: 86.67, FINANCIAL: 50 })
    // one of tata kelola's two open: not scored on the other alone
    expect(aspectScores(template, { ...answers, tk2: undefined })).toEqual({ RISK_PROFILE: 75, FINANCIAL: 50, CAPITAL: 75 })
    expect(aspectScores(template, {})).toEqual({})
    // complete: the very scores the recorded result carries
    expect(aspectScores(template, answers)).toEqual(scoreHealth(template, answers)!.aspects)
  })
})

describe('a book year\'s figures for the worksheet', () => {
  // an amount the cooperative did not report (NULL) is no 0: a ratio is not prefilled from it, nor credited to the year
  const year = yearAmounts({ ownCapital: '400000000', externalCapital: null, assets: '1000000000.50', businessVolume: '0', netSurplus: null })

  it('keeps an unreported amount null, a reported 0 as 0', () => {
    expect(year).toEqual({ ownCapital: 400_000_000, externalCapital: null, assets: 1_000_000_000.5, businessVolume: 0, netSurplus: null })
    expect(figureValue('NET_SURPLUS', year)).toBeNull()
    expect(figureValue('BUSINESS_VOLUME', year)).toBe(0)
    expect(figureValue('OWN_CAPITAL', year)).toBe(400_000_000)
  })

  it('has no total capital when either part is unreported', () => {
    expect(figureValue('TOTAL_CAPITAL', year)).toBeNull()
    expect(figureValue('TOTAL_CAPITAL', { ...year, externalCapital: 300_000_000 })).toBe(700_000_000)
  })
})

describe('a yes/no the book year answers', () => {
  it('reads the recorded RAT for a component linked to it, nothing for any other or without a book year', () => {
    const kk3 = { kind: 'YES_NO' as const, numerator: 'RAT_HELD' }
    expect(yearAnswer(kk3, { ratHeld: true })).toBe(1)
    expect(yearAnswer(kk3, { ratHeld: false })).toBe(0)
    expect(yearAnswer(kk3, null)).toBeNull()
    expect(yearAnswer({ kind: 'YES_NO', numerator: null }, { ratHeld: true })).toBeNull()
    expect(yearAnswer({ kind: 'RATIO', numerator: 'RAT_HELD' }, { ratHeld: true })).toBeNull()
  })
})

describe('a component in the reader\'s language', () => {
  it('reads the English columns in English, the Indonesian where none was given, and always the Indonesian in Indonesian', () => {
    const c = { label: 'Aset produktif terhadap total aset', numeratorLabel: 'Aset produktif', denominatorLabel: null, labelEn: 'Productive assets to total assets', numeratorLabelEn: null, denominatorLabelEn: null }
    expect(componentWords(c, 'en')).toEqual({ label: 'Productive assets to total assets', numeratorLabel: 'Aset produktif', denominatorLabel: null })
    expect(componentWords(c, 'id')).toEqual({ label: 'Aset produktif terhadap total aset', numeratorLabel: 'Aset produktif', denominatorLabel: null })
    expect(componentWords({ ...c, labelEn: '' }, 'en').label).toBe('Aset produktif terhadap total aset')
  })
})
