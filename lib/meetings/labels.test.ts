import { describe, expect, it } from 'vitest'
import { clipAtWord, outcomeChoices } from './labels'

describe('a decision as a choice', () => {
  it('cuts at a word within the limit, with an ellipsis; keeps a short text and one ending at the cut whole', () => {
    const text = 'Penyaluran Prokesra 2024 dipercepat di seluruh kabupaten/kota agar target Rp200 miliar tercapai paling lambat 30 November 2024.'
    const shown = clipAtWord(text, 80)
    expect(shown).toBe('Penyaluran Prokesra 2024 dipercepat di seluruh kabupaten/kota agar target Rp200…')
    expect(shown.length).toBeLessThanOrEqual(80)
    expect(clipAtWord('Data  penyaluran\ndikirim tiap bulan', 80)).toBe('Data penyaluran dikirim tiap bulan')
    expect(clipAtWord('abc def ghi', 8)).toBe('abc def…')
    // one long word is cut inside it rather than dropped
    expect(clipAtWord('Sosialisasi'.repeat(10), 20)).toBe(`${'Sosialisasi'.repeat(2).slice(0, 19)}…`)
  })

  it('offers decisions and recommendations with their agenda item’s number, not information', () => {
    const choices = outcomeChoices([{ position: 2, outcomes: [
      { id: 'o1', kind: 'INFORMATION', text: 'Realisasi 26%' },
      { id: 'o2', kind: 'DECISION', text: 'Percepat penyaluran' },
      { id: 'o3', kind: 'RECOMMENDATION', text: 'Tambah pagu' },
    ] }], (kind) => ({ DECISION: 'Keputusan', RECOMMENDATION: 'Rekomendasi', INFORMATION: 'Informasi' })[kind])
    expect(choices).toEqual([{ value: 'o2', label: '2. Keputusan: Percepat penyaluran' }, { value: 'o3', label: '2. Rekomendasi: Tambah pagu' }])
  })
})
