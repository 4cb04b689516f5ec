/**
 * Cooperative health assessment (penilaian kesehatan, Permenkop 9/2020): the one scoring function, used
 * live by the worksheet in the browser and, as the truth, by the server action that saves it.
 *
 * A template version (table `health_templates`, edited at /pengaturan/kesehatan) is a list of components,
 * each in one of the four aspects (tata kelola, profil risiko, kinerja keuangan, permodalan) with a weight
 * (percent of the total; a version's weights add up to 100). A component is either
 * - a ratio: numerator ÷ denominator × 100, turned into a score 0–100 by its bands (the first band whose
 *   lower bound the value reaches, bounds strictly descending; below every bound: 0), or
 * - a questionnaire answer: ya/tidak (ya 100, tidak 0) or a 1–5 scale (answer × 20).
 * The total is Σ score × weight ÷ 100; an aspect's score is its components' weighted mean (0–100), kept
 * in `health_assessments` beside the total. The total's outcome: Sehat from the Sehat bound, Cukup Sehat
 * from its bound, Dalam Pengawasan from its bound, below it Dalam Pengawasan Khusus.
 *
 * What is seeded comes from the migration 20261210100000: the structure follows the published worksheet;
 * every weight and ratio band is marked as an agency setting to confirm (no source for them was found).
 */
import type { HealthAspect, HealthComponentKind, HealthOutcome } from '@/lib/generated/prisma/enums'

export const HEALTH_OUTCOMES: readonly HealthOutcome[] = ['SEHAT', 'CUKUP_SEHAT', 'DALAM_PENGAWASAN', 'DALAM_PENGAWASAN_KHUSUS']
export const HEALTH_ASPECT_KEYS: readonly HealthAspect[] = ['GOVERNANCE', 'RISK_PROFILE', 'FINANCIAL', 'CAPITAL']
export const HEALTH_COMPONENT_KINDS: readonly HealthComponentKind[] = ['RATIO', 'YES_NO', 'SCALE_1_5']

/** The cooperative yearly figures (`cooperative_years`) a ratio's part can be prefilled from. */
export const HEALTH_FIGURES = ['OWN_CAPITAL', 'EXTERNAL_CAPITAL', 'TOTAL_CAPITAL', 'ASSETS', 'BUSINESS_VOLUME', 'NET_SURPLUS'] as const
export type HealthFigure = (typeof HEALTH_FIGURES)[number]

/**
 * What a book year records that answers a yes/no component: RAT_HELD, the book year's annual members' meeting was held
 * (`cooperative_years.rat_held`, the seeded KK3). Kept in the component's `numerator` column, which a yes/no has no
 * other use for; the worksheet prefills the answer from it and warns when the assessor's answer says otherwise.
 */
export const HEALTH_YEAR_ANSWERS = ['RAT_HELD'] as const
export type HealthYearAnswer = (typeof HEALTH_YEAR_ANSWERS)[number]

/** A part that a yearly amount prefills (a ratio's `numerator`/`denominator`), not a book year's yes/no answer. */
export const isHealthFigure = (f: string | null): f is HealthFigure => (HEALTH_FIGURES as readonly string[]).includes(f ?? '')

export type RatioBand = { min: number; score: number }

export type HealthComponent = {
  id: string
  code: string
  aspect: HealthAspect
  label: string
  kind: HealthComponentKind
  /** RATIO: the figure that prefills it; YES_NO: the book year's answer it reads (HEALTH_YEAR_ANSWERS), if any */
  numerator: HealthFigure | HealthYearAnswer | null
  denominator: HealthFigure | null
  weight: number
  /** RATIO only, strictly descending `min` */
  bands: RatioBand[] | null
}

export type OutcomeBands = { sehat: number; cukupSehat: number; dalamPengawasan: number }

export type HealthTemplateShape = { version: number; bands: OutcomeBands; components: HealthComponent[] }

/** One component's answer: a ratio's two parts, or a questionnaire answer (ya = 1, tidak = 0, or 1–5). */
export type HealthAnswer = { numerator: number; denominator: number } | { answer: number }

export type ScoredComponent = { componentId: string; value: number; score: number }

export type HealthResult = {
  components: ScoredComponent[]
  aspects: Record<HealthAspect, number>
  total: number
  outcome: HealthOutcome
}

const round2 = (n: number) => Math.round(n * 100) / 100

/** A ratio's percent value from its parts (null when the denominator is zero or a part is missing). */
export function ratioValue(numerator: number, denominator: number): number | null {
  if (!Number.isFinite(numerator) || !Number.isFinite(denominator) || denominator === 0) return null
  return Math.round((numerator / denominator) * 100 * 10_000) / 10_000
}

/** A ratio's score under its bands: the first band (from the highest bound) the value reaches; 0 below all. */
export function ratioScore(value: number, bands: readonly RatioBand[]): number {
  for (const b of bands) if (value >= b.min) return b.score
  return 0
}

/** A questionnaire answer's score: ya/tidak → 100/0, a 1–5 scale → answer × 20. */
export function answerScore(kind: Exclude<HealthComponentKind, 'RATIO'>, answer: number): number {
  return kind === 'YES_NO' ? (answer === 1 ? 100 : 0) : Math.min(5, Math.max(1, Math.round(answer))) * 20
}

/** The outcome of a total under the bands (a total on a band's lower bound belongs to it). */
export function healthOutcome(total: number, bands: OutcomeBands): HealthOutcome {
  if (total >= bands.sehat) return 'SEHAT'
  if (total >= bands.cukupSehat) return 'CUKUP_SEHAT'
  if (total >= bands.dalamPengawasan) return 'DALAM_PENGAWASAN'
  return 'DALAM_PENGAWASAN_KHUSUS'
}

/** One component's value and score; null when its answer is missing or its ratio cannot be computed. */
function scoreComponent(c: HealthComponent, a: HealthAnswer | undefined): ScoredComponent | null {
  if (!a) return null
  if (c.kind === 'RATIO') {
    if (!('numerator' in a)) return null
    const v = ratioValue(a.numerator, a.denominator)
    return v === null ? null : { componentId: c.id, value: v, score: ratioScore(v, c.bands ?? []) }
  }
  return 'answer' in a ? { componentId: c.id, value: a.answer, score: answerScore(c.kind, a.answer) } : null
}

/**
 * Each aspect's score (its components' weighted mean, 0–100) as soon as every component of THAT aspect is scored: the
 * worksheet's running check while other aspects are still open. An aspect with a component still open is left out;
 * one without components scores 0. The scores a complete worksheet records (scoreHealth) are these.
 */
export function aspectScores(template: HealthTemplateShape, answers: Record<string, HealthAnswer | undefined>): Partial<Record<HealthAspect, number>> {
  const aspects: Partial<Record<HealthAspect, number>> = {}
  for (const k of HEALTH_ASPECT_KEYS) {
    const scored = template.components.filter((c) => c.aspect === k).map((c) => ({ c, s: scoreComponent(c, answers[c.id]) }))
    if (scored.some((x) => x.s === null)) continue
    const weight = scored.reduce((w, x) => w + x.c.weight, 0)
    aspects[k] = weight > 0 ? round2(scored.reduce((sum, x) => sum + x.s!.score * x.c.weight, 0) / weight) : 0
  }
  return aspects
}

/**
 * Score a worksheet: every component's value and score, the aspect scores, the total and the outcome.
 * Returns null when an answer is missing or a ratio cannot be computed (the caller names the field).
 */
export function scoreHealth(template: HealthTemplateShape, answers: Record<string, HealthAnswer | undefined>): HealthResult | null {
  const components: ScoredComponent[] = []
  let total = 0
  for (const c of template.components) {
    const s = scoreComponent(c, answers[c.id])
    if (!s) return null
    components.push(s)
    total += s.score * c.weight
  }
  const t = round2(total / 100)
  return { components, aspects: aspectScores(template, answers) as Record<HealthAspect, number>, total: t, outcome: healthOutcome(t, template.bands) }
}

/** A component's wording as the template stores it: Indonesian, and English where the agency has given it. */
export type ComponentWords = {
  label: string; numeratorLabel: string | null; denominatorLabel: string | null
  labelEn: string | null; numeratorLabelEn: string | null; denominatorLabelEn: string | null
}

/**
 * A component's wording in the reader's language: the English columns when the interface is English and they are
 * filled, else the Indonesian (a component the agency added without English still reads, in Indonesian).
 */
export function componentWords(c: ComponentWords, locale: 'id' | 'en'): { label: string; numeratorLabel: string | null; denominatorLabel: string | null } {
  if (locale !== 'en') return { label: c.label, numeratorLabel: c.numeratorLabel, denominatorLabel: c.denominatorLabel }
  return { label: c.labelEn || c.label, numeratorLabel: c.numeratorLabelEn || c.numeratorLabel, denominatorLabel: c.denominatorLabelEn || c.denominatorLabel }
}

/** The book year's answer to a yes/no component that reads one (1 ya, 0 tidak); null when it reads none or there is no book year. */
export function yearAnswer(c: { kind: HealthComponentKind; numerator: string | null }, year: { ratHeld: boolean } | null): 0 | 1 | null {
  if (c.kind !== 'YES_NO' || c.numerator !== 'RAT_HELD' || !year) return null
  return year.ratHeld ? 1 : 0
}

/** A book year's amounts as the worksheet reads them: null is an amount the cooperative has not reported. */
export type YearAmounts = { ownCapital: number | null; externalCapital: number | null; assets: number | null; businessVolume: number | null; netSurplus: number | null }

/** A `cooperative_years` row's amounts as numbers, an unreported one (NULL) kept null, never read as 0. */
export function yearAmounts(y: { [K in keyof YearAmounts]: { toString(): string } | null }): YearAmounts {
  const n = (v: { toString(): string } | null) => (v === null ? null : Number(v))
  return { ownCapital: n(y.ownCapital), externalCapital: n(y.externalCapital), assets: n(y.assets), businessVolume: n(y.businessVolume), netSurplus: n(y.netSurplus) }
}

/**
 * A yearly figure's value from a `cooperative_years` row (TOTAL_CAPITAL = own + external capital); null when the
 * year did not report it (or, for the total, either part): the ratio is then not prefilled, nor credited to the
 * book year, instead of a 0 the cooperative never stated (an SHU of 0 scored as a return of 0%).
 */
export function figureValue(figure: HealthFigure, year: YearAmounts): number | null {
  switch (figure) {
    case 'OWN_CAPITAL': return year.ownCapital
    case 'EXTERNAL_CAPITAL': return year.externalCapital
    case 'TOTAL_CAPITAL': return year.ownCapital === null || year.externalCapital === null ? null : year.ownCapital + year.externalCapital
    case 'ASSETS': return year.assets
    case 'BUSINESS_VOLUME': return year.businessVolume
    case 'NET_SURPLUS': return year.netSurplus
  }
}
