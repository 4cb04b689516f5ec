import { describe, expect, it } from 'vitest'
import { chartQuarter } from '@/lib/reporting/periods'

/** The quarters on the realisation charts (/laporan-triwulan/realisasi, /dasbor/indikator): compact, in each language's own way. */
describe('chartQuarter', () => {
  it('is TW I–IV in Indonesian', () => expect([1, 2, 3, 4].map((q) => chartQuarter(q, 'id'))).toEqual(['TW I', 'TW II', 'TW III', 'TW IV']))
  it('is Q1–Q4 in English, never the Indonesian TW', () => expect([1, 2, 3, 4].map((q) => chartQuarter(q, 'en'))).toEqual(['Q1', 'Q2', 'Q3', 'Q4']))
})
