import { afterEach, describe, expect, it, vi } from 'vitest'
import { cooperativeYearSchema } from './cooperatives'

const year = (fields: Record<string, string>) => cooperativeYearSchema.safeParse({ cooperativeId: 'k1', year: '2024', ...fields })
const messages = (r: ReturnType<typeof year>) => Object.fromEntries((r.error?.issues ?? []).map((i) => [String(i.path[0]), i.message]))

describe('cooperativeYearSchema', () => {
  afterEach(() => vi.useRealTimers())

  it('takes "this year" from the clock at each check, in Jakarta, not once when the module loaded', () => {
    // the module is loaded above, at the real time; the clock then moves on
    vi.useFakeTimers()
    vi.setSystemTime(new Date('2031-06-15T03:00:00Z'))
    expect(year({ year: '2031' }).success).toBe(true)
    expect(messages(year({ year: '2032' }))).toEqual({ year: 'Tahun buku tidak boleh di masa depan.' })
    // 1 January 2033, 00:30 in Jakarta: UTC still says 2032, the book year 2033 is already this year
    vi.setSystemTime(new Date('2032-12-31T17:30:00Z'))
    expect(year({ year: '2033' }).success).toBe(true)
    // 31 December 2032, 23:59 in Jakarta: 2033 is still the future
    vi.setSystemTime(new Date('2032-12-31T16:59:00Z'))
    expect(messages(year({ year: '2033' }))).toEqual({ year: 'Tahun buku tidak boleh di masa depan.' })
  })

  it('refuses an ambiguous `12.50` in any amount, the SHU included, with both readings', () => {
    expect(messages(year({ ownCapital: '12.50', assets: '1.5', netSurplus: '-2.5' }))).toEqual({
      ownCapital: 'Modal sendiri: “12.50” tidak jelas — sen ditulis dengan koma (12,50), ribuan dengan titik setiap tiga angka (12.500).',
      assets: 'Aset: “1.5” tidak jelas — sen ditulis dengan koma (1,5), ribuan dengan titik setiap tiga angka (1.500).',
      netSurplus: 'SHU: “-2.5” tidak jelas — sen ditulis dengan koma (-2,5), ribuan dengan titik setiap tiga angka (-2.500).',
    })
  })

  it('keeps a loss in the SHU and its own example for an unreadable one', () => {
    expect(year({ netSurplus: '-2.500.000' }).data?.netSurplus).toBe('-2500000')
    expect(year({ netSurplus: '-Rp 1.250,50' }).data?.netSurplus).toBe('-1250.5')
    expect(year({ netSurplus: '-0' }).data?.netSurplus).toBe('0')
    expect(year({ netSurplus: '' }).data?.netSurplus).toBeNull()
    expect(messages(year({ netSurplus: 'rugi' }))).toEqual({ netSurplus: 'SHU harus angka rupiah (boleh negatif), mis. -2.500.000.' })
    expect(messages(year({ externalCapital: '-500000' }))).toEqual({ externalCapital: 'Modal luar tidak boleh negatif.' })
  })

  it('reads an amount left empty as not reported (null), never Rp0, and a 0 typed as 0', () => {
    const onlyAssets = year({ assets: '2.000.000.000', ownCapital: '', externalCapital: '  ' }).data
    expect(onlyAssets && [onlyAssets.ownCapital, onlyAssets.externalCapital, onlyAssets.assets, onlyAssets.businessVolume, onlyAssets.netSurplus])
      .toEqual([null, null, '2000000000', null, null])
    const zeros = year({ ownCapital: '0', externalCapital: 'Rp 0', assets: '0', businessVolume: '0', netSurplus: '0' }).data
    expect(zeros && [zeros.ownCapital, zeros.externalCapital, zeros.assets, zeros.businessVolume, zeros.netSurplus]).toEqual(['0', '0', '0', '0', '0'])
  })

  it('gives the typed year as the RAT date refusal\'s example', () => {
    const r = cooperativeYearSchema.safeParse({ cooperativeId: 'k1', year: '2023', ratHeld: 'on', ratDate: '2023-12-01' })
    expect(messages(r)).toEqual({ ratDate: 'Tanggal RAT harus sesudah tahun bukunya berakhir: RAT tahun buku 2023 diadakan pada 2024 atau sesudahnya.' })
  })
})
