/**
 * Health assessment outcome (penilaian kesehatan, Permenkop 9/2020): four aspects (tata kelola, profil
 * risiko, kinerja keuangan, permodalan), each scored 0–100 on the worksheet, weighted into a total that
 * decides the outcome (Sehat, Cukup Sehat, Dalam Pengawasan, Dalam Pengawasan Khusus).
 *
 * The weights and the bands are a template the agency edits on /pengaturan/kesehatan (stored as the
 * setting `health.template`, lib/data/settings.ts). The defaults below are NOT confirmed against the
 * published regulation: the aspect weights are equal (an agency setting to confirm), and the bands
 * 80 / 66 / 51 are those of the earlier worksheet (Peraturan Deputi Bidang Pengawasan
 * 06/Per/Dep.6/IV/2016), kept until the agency confirms Permenkop 9/2020's. Every field says so in
 * `sources`, and the settings screen shows it.
 */
import type { HealthOutcome } from '@/lib/generated/prisma/enums'

export const HEALTH_OUTCOMES: readonly HealthOutcome[] = ['SEHAT', 'CUKUP_SEHAT', 'DALAM_PENGAWASAN', 'DALAM_PENGAWASAN_KHUSUS']

export const HEALTH_ASPECTS = ['governance', 'riskProfile', 'financial', 'capital'] as const
export type HealthAspect = (typeof HEALTH_ASPECTS)[number]
export type AspectScores = Record<HealthAspect, number>

export type HealthTemplate = {
  /** percent of the total per aspect; they add up to 100 */
  weights: AspectScores
  /** the lowest total of each outcome (below `dalamPengawasan`: Dalam Pengawasan Khusus) */
  bands: { sehat: number; cukupSehat: number; dalamPengawasan: number }
  /** where each weight and band comes from, shown beside it ('' when the agency set it itself) */
  sources: { weights: string; bands: string }
}

export const DEFAULT_HEALTH_TEMPLATE: HealthTemplate = {
  weights: { governance: 25, riskProfile: 25, financial: 25, capital: 25 },
  bands: { sehat: 80, cukupSehat: 66, dalamPengawasan: 51 },
  sources: {
    weights: 'Setelan dinas, perlu dikonfirmasi: bobot sama per aspek (bobot Permenkop 9/2020 belum diverifikasi).',
    bands: 'Perdep Bidang Pengawasan 06/Per/Dep.6/IV/2016 (80/66/51); konfirmasi terhadap Permenkop 9/2020.',
  },
}

/** The weighted total of the four aspect scores (Σ score × weight ÷ 100), rounded to 2 decimals. */
export function healthTotal(scores: AspectScores, template: Pick<HealthTemplate, 'weights'> = DEFAULT_HEALTH_TEMPLATE): number {
  // in hundredths of a point, so the rounding happens once
  const sum = HEALTH_ASPECTS.reduce((s, a) => s + scores[a] * 100 * template.weights[a], 0)
  return Math.round(sum / 100) / 100
}

/** The outcome of a total under the template's bands (a total on a band's lower bound belongs to it). */
export function healthOutcome(total: number, template: Pick<HealthTemplate, 'bands'> = DEFAULT_HEALTH_TEMPLATE): HealthOutcome {
  if (total >= template.bands.sehat) return 'SEHAT'
  if (total >= template.bands.cukupSehat) return 'CUKUP_SEHAT'
  if (total >= template.bands.dalamPengawasan) return 'DALAM_PENGAWASAN'
  return 'DALAM_PENGAWASAN_KHUSUS'
}
