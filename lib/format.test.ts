import { describe, expect, it } from 'vitest'
import { formatDate, formatMegabytes, formatPhone, formatDateTime, formatMonthShort, formatNumber, formatPercent, formatRate, formatRupiah, formatRupiahAxis, formatRupiahInWords, formatRupiahShort, formatWeekday, ratePercent } from './format'

describe('formatMegabytes', () => {
  it("writes a file's size in MB with at most one decimal, as the upload forms did", () => {
    const size = 12.34 * 1024 * 1024
    expect(formatMegabytes(size)).toBe('12,3')
    expect(formatMegabytes(size, { locale: 'en' })).toBe('12.3')
    expect(formatMegabytes(21 * 1024 * 1024)).toBe('21')
    // the same text the forms built by hand
    expect(formatMegabytes(size)).toBe((size / (1024 * 1024)).toLocaleString('id-ID', { maximumFractionDigits: 1 }))
  })
})

describe('formatPhone', () => {
  it('groups a mobile number in fours and puts a fixed line\'s area code in brackets', () => {
    expect(formatPhone('081234567890')).toBe('0812-3456-7890')
    expect(formatPhone('08123456789')).toBe('0812-3456-789')
    expect(formatPhone('0321861234')).toBe('(0321) 861234')
    expect(formatPhone('0315678901')).toBe('(031) 5678901')
    expect(formatPhone('02129876543')).toBe('(021) 29876543')
  })
  it('shows what is not a stored number as it is, and nothing as a dash', () => {
    expect(formatPhone('12345')).toBe('12345')
    expect(formatPhone(null)).toBe('–')
  })
})

describe('Indonesian formats', () => {
  it('writes a Rupiah amount in words (terbilang), exact to the sen', () => {
    const words = (v: number | string | bigint) => formatRupiahInWords(v)
    expect(words(0)).toBe('nol rupiah')
    expect(words(1)).toBe('satu rupiah')
    expect(words(11)).toBe('sebelas rupiah')
    expect(words(12)).toBe('dua belas rupiah')
    expect(words(19)).toBe('sembilan belas rupiah')
    expect(words(20)).toBe('dua puluh rupiah')
    expect(words(100)).toBe('seratus rupiah')
    expect(words(110)).toBe('seratus sepuluh rupiah')
    expect(words(215)).toBe('dua ratus lima belas rupiah')
    expect(words(1000)).toBe('seribu rupiah')
    expect(words(1111)).toBe('seribu seratus sebelas rupiah')
    expect(words(2000)).toBe('dua ribu rupiah')
    expect(words(101_000)).toBe('seratus satu ribu rupiah')
    expect(words(1_000_000)).toBe('satu juta rupiah')
    expect(words(1_000_001)).toBe('satu juta satu rupiah')
    expect(words('1500000.50')).toBe('satu juta lima ratus ribu rupiah lima puluh sen')
    expect(words('175000.05')).toBe('seratus tujuh puluh lima ribu rupiah lima sen')
    // the seeds' Prokesra 2024 realisation, beyond 2^53 in bigint
    expect(words(53_019_249_400)).toBe('lima puluh tiga miliar sembilan belas juta dua ratus empat puluh sembilan ribu empat ratus rupiah')
    expect(words(BigInt('9007199254740993'))).toBe('sembilan kuadriliun tujuh triliun seratus sembilan puluh sembilan miliar dua ratus lima puluh empat juta tujuh ratus empat puluh ribu sembilan ratus sembilan puluh tiga rupiah')
    expect(words(0.1 + 0.2)).toBe('nol rupiah tiga puluh sen')
    expect(words('-2500000')).toBe('minus dua juta lima ratus ribu rupiah')
    expect(words('-0.00')).toBe('nol rupiah')
    expect(words('abc')).toBe('–')
    expect(words('1000000000000000000')).toBe('–')
    expect(words(1e21)).toBe('–')
    expect(formatRupiahInWords('1500000.50', { locale: 'en' })).toBe('one million five hundred thousand rupiah and fifty sen')
    expect(formatRupiahInWords(1_015, { locale: 'en' })).toBe('one thousand fifteen rupiah')
    expect(formatRupiahInWords(342_091, { locale: 'en' })).toBe('three hundred forty-two thousand ninety-one rupiah')
  })

  it('names the day of the week in Jakarta, in either language', () => {
    expect(formatWeekday('2026-09-10T03:00:00Z')).toBe('Kamis')
    expect(formatWeekday('2026-09-10T03:00:00Z', { locale: 'en' })).toBe('Thursday')
    // 18:00 UTC on Wednesday 9 September is already Thursday in Jakarta
    expect(formatWeekday('2026-09-09T18:00:00Z')).toBe('Kamis')
  })

  it('writes full Rupiah with dots between thousands', () => {
    expect(formatRupiah(53_019_249_400)).toBe('Rp53.019.249.400')
    expect(formatRupiah('451803000.00')).toBe('Rp451.803.000')
    // cents only when asked for, and only when there are any
    expect(formatRupiah('1234567.89')).toBe('Rp1.234.568')
    expect(formatRupiah('1234567.89', { cents: true })).toBe('Rp1.234.567,89')
    expect(formatRupiah('1234567.50', { cents: true })).toBe('Rp1.234.567,50')
    expect(formatRupiah('-2500000.00', { cents: true })).toBe('-Rp2.500.000')
    expect(formatRupiah(BigInt('360400000000'))).toBe('Rp360.400.000.000')
    expect(formatRupiah(-1000)).toBe('-Rp1.000')
    expect(formatRupiah(0)).toBe('Rp0')
  })

  it('keeps every digit of sums beyond 2^53', () => {
    expect(formatRupiah('9007199254740993')).toBe('Rp9.007.199.254.740.993')
  })

  it('writes Rupiah in words for cards: the seeds figures', () => {
    expect(formatRupiahShort(360_400_000_000)).toBe('Rp360,4 miliar')
    expect(formatRupiahShort(17_940_000_000)).toBe('Rp17,94 miliar')
    expect(formatRupiahShort(200_000_000_000)).toBe('Rp200 miliar')
    expect(formatRupiahShort(38_800_000_000)).toBe('Rp38,8 miliar')
    expect(formatRupiahShort(25_000_000)).toBe('Rp25 juta')
    expect(formatRupiahShort(1_500_000_000_000)).toBe('Rp1,5 triliun')
    expect(formatRupiahShort(750_000)).toBe('Rp750.000')
    expect(formatRupiahShort(360_400_000_000, { locale: 'en' })).toBe('Rp360.4 billion')
  })

  it('writes compact axis ticks', () => {
    expect(formatRupiahAxis(50_000_000_000)).toBe('Rp50 M')
    expect(formatRupiahAxis(250_000_000)).toBe('Rp250 jt')
    expect(formatRupiahAxis(0)).toBe('Rp0')
    // a chart's data table: two decimals, the axis's units
    expect(formatRupiahAxis(1_764_883_123, { decimals: 2 })).toBe('Rp1,76 M')
    expect(formatRupiahAxis(328_500_000, { decimals: 2 })).toBe('Rp328,5 jt')
    expect(formatRupiahAxis(32_500_000_000, { decimals: 2, locale: 'en' })).toBe('Rp32.5bn')
  })

  it('writes percentages with a comma decimal', () => {
    expect(formatPercent(101.26)).toBe('101,26%')
    expect(formatPercent(26.5)).toBe('26,50%')
    expect(formatPercent(26.5, { decimals: 1 })).toBe('26,5%')
    expect(formatPercent(85.3)).toBe('85,30%')
    expect(formatPercent(null)).toBe('–')
    expect(formatPercent(Number.NaN)).toBe('–')
  })

  it('turns a stored rate into the percentage an export holds, without floating-point tails', () => {
    // 0.14 * 100 is 14.000000000000002: a CSV printed that for 13.444 loans
    expect(0.14 * 100).not.toBe(14)
    expect(ratePercent('0.140000')).toBe(14)
    expect(ratePercent(0.14 - 0.03)).toBe(11)
    expect(ratePercent('0.072500')).toBe(7.25)
    expect(ratePercent('0.123456')).toBe(12.3456)
    expect(ratePercent(0)).toBe(0)
  })

  it('shows a rate to the places it is stored with: 10,125%, not 10,13%', () => {
    expect(formatRate('0.101250')).toBe('10,125%')
    expect(formatRate(0.14)).toBe('14,00%')
    expect(formatRate('0.123456')).toBe('12,3456%')
    expect(formatRate(0.10125, { locale: 'en' })).toBe('10.125%')
    expect(formatRate(null)).toBe('–')
  })

  it('writes numbers with dots between thousands', () => {
    expect(formatNumber(10_971)).toBe('10.971')
    expect(formatNumber(43_950)).toBe('43.950')
    expect(formatNumber(60.43, { decimals: 2 })).toBe('60,43')
  })

  it('writes dates the Indonesian way, in Jakarta time', () => {
    expect(formatDate(new Date('2024-09-18T00:00:00+07:00'))).toBe('18 September 2024')
    // 17:30 UTC on 31 August is already 1 September in Jakarta
    expect(formatDate(new Date('2024-08-31T17:30:00Z'))).toBe('1 September 2024')
    expect(formatDate('2023-12-29')).toBe('29 Desember 2023')
    expect(formatDateTime(new Date('2024-09-18T07:05:00Z'))).toBe('18 September 2024 pukul 14.05 WIB')
  })

  it('writes short months for chart axes', () => {
    expect([1, 2, 8, 12].map((m) => formatMonthShort(m))).toEqual(['Jan', 'Feb', 'Agu', 'Des'])
  })
})
