import type { ProgrammeTargetView } from '@/lib/data/programme-targets'

type T = (key: string, values?: Record<string, string>) => string

/** What a target counts, in words ("KSP sehat", "Orang penerima Sertifikasi kompetensi", "Indikator …"). */
export function measureText(target: ProgrammeTargetView, t: T, a: T, lang: 'id' | 'en'): string {
  if (target.measure === 'HEALTHY_KSP') return t('measureShort.HEALTHY_KSP')
  if (target.measure === 'INDICATOR') return t('measureShort.INDICATOR', { name: (lang === 'en' ? target.indicatorNameEn : target.indicatorName) ?? target.indicatorCode ?? '' })
  return t('measureShort.ACTIVITY_BENEFICIARIES', { type: a(`beneficiaryType.${target.beneficiaryType}`), kind: a(`kind.${target.activityKind}`) })
}
