/**
 * Health assessment outcome (penilaian kesehatan, Permenkop 9/2020): the total score decides the
 * outcome, Sehat 80–100, Cukup Sehat 66–<80, Dalam Pengawasan 51–<66, Dalam Pengawasan Khusus <51.
 * Each of the four aspects (governance, risk profile, financial performance, capital) is scored
 * 0–100 and weighs equally in the total (the agency's form records aspect scores on that scale).
 */
import type { HealthOutcome } from '@/lib/generated/prisma/enums'

export const HEALTH_OUTCOMES: readonly HealthOutcome[] = ['SEHAT', 'CUKUP_SEHAT', 'DALAM_PENGAWASAN', 'DALAM_PENGAWASAN_KHUSUS']

/** Total of the four aspect scores (equal weights), rounded to 2 decimals. */
export function healthTotal(scores: { governance: number; riskProfile: number; financial: number; capital: number }): number {
  const sum = scores.governance + scores.riskProfile + scores.financial + scores.capital
  return Math.round((sum / 4) * 100) / 100
}

export function healthOutcome(total: number): HealthOutcome {
  if (total >= 80) return 'SEHAT'
  if (total >= 66) return 'CUKUP_SEHAT'
  if (total >= 51) return 'DALAM_PENGAWASAN'
  return 'DALAM_PENGAWASAN_KHUSUS'
}
