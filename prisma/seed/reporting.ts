/**
 * Quarterly district reporting: the indicator catalogue and validation rules (configuration every
 * deployment starts from), and demo data: targets and two years (2025, 2026) of reports from every
 * regency of the agency's province, in every state, some late, with reporting starting in Triwulan I 2025
 * (DEMO_REPORTING_START). Deterministic (a seeded hash, no
 * Math.random) and idempotent (createMany with skipDuplicates on natural keys and fixed ids).
 *
 * Kabupaten Jombang (35.17) carries the figures of the source documents in Triwulan II 2026, approved
 * on time: 347 registered and 296 active cooperatives (85,30%), 10 healthy KSP (target 10), 30
 * certified KSP managers, financing facilitation for 3 cooperatives and 20 UMKM, 43.950 IUMK, 12
 * priority-kampung cooperatives, Rp369 miliar UMK turnover, Rp451.803.000 DAK for micro-business
 * mentoring (over semester I). Its Triwulan III 2026 is a draft past its deadline (15 October 2026)
 * and Triwulan IV 2026 is not started: the end-to-end tests submit both. Its Triwulan IV 2025 was
 * returned for a correction (the phone test opens that form).
 */
import type { Prisma, PrismaClient } from '../../lib/generated/prisma/client'
import { seedActivityMeasures } from './activities'
import { REPORTING_START_KEY } from '../../lib/reporting/start'

/**
 * The demo's reporting start: its reports begin in Triwulan I 2025, so the quarters before are not required
 * (without it every quarter of 2023 and 2024 read as overdue on the completeness page and the district's list).
 */
export const DEMO_REPORTING_START = { year: 2025, quarter: 1 } as const

export const REPORT_FORMS = [
  { code: 'KELEMBAGAAN', name: 'Kelembagaan koperasi', nameEn: 'Cooperative institutions', periodType: 'QUARTERLY', sortOrder: 1 },
  { code: 'PEMBERDAYAAN', name: 'Pemberdayaan usaha mikro dan fasilitasi', nameEn: 'Micro-business empowerment and facilitation', periodType: 'QUARTERLY', sortOrder: 2 },
  { code: 'KINERJA_UMK', name: 'Kinerja usaha mikro dan kecil (semesteran)', nameEn: 'Micro and small business performance (half-yearly)', periodType: 'SEMESTER', sortOrder: 3 },
  { code: 'MAKRO', name: 'Indikator makro provinsi', nameEn: 'Provincial macro indicators', periodType: 'SEMESTER', sortOrder: 4 },
] as const satisfies readonly Prisma.ReportFormCreateManyInput[]

const I = (i: Omit<Prisma.IndicatorCreateManyInput, 'active'>) => i
export const INDICATORS = [
  I({ code: 'KOP_TERDAFTAR', formCode: 'KELEMBAGAAN', name: 'Koperasi terdaftar', nameEn: 'Registered cooperatives', unit: 'COUNT', aggregation: 'SUM', timeAggregation: 'STOCK', decimals: 0, sortOrder: 1 }),
  I({ code: 'KOP_AKTIF', formCode: 'KELEMBAGAAN', name: 'Koperasi aktif', nameEn: 'Active cooperatives', unit: 'COUNT', aggregation: 'SUM', timeAggregation: 'STOCK', decimals: 0, sortOrder: 2 }),
  I({ code: 'KOP_AKTIF_PCT', formCode: 'KELEMBAGAAN', name: 'Persentase koperasi aktif', nameEn: 'Share of active cooperatives', unit: 'PERCENT', aggregation: 'RATIO', timeAggregation: 'STOCK', numeratorCode: 'KOP_AKTIF', denominatorCode: 'KOP_TERDAFTAR', decimals: 2, sortOrder: 3 }),
  I({ code: 'KSP_SEHAT', formCode: 'KELEMBAGAAN', name: 'Koperasi simpan pinjam (KSP) sehat', nameEn: 'Healthy savings-and-loan cooperatives (KSP)', unit: 'COUNT', aggregation: 'SUM', timeAggregation: 'STOCK', decimals: 0, sortOrder: 4 }),
  I({ code: 'MANAJER_KSP', formCode: 'KELEMBAGAAN', name: 'Manajer KSP bersertifikat kompetensi', nameEn: 'Certified KSP managers', unit: 'COUNT', aggregation: 'SUM', timeAggregation: 'FLOW', decimals: 0, sortOrder: 5 }),
  I({ code: 'KOP_KAMPUNG', formCode: 'KELEMBAGAAN', name: 'Koperasi kampung prioritas terbentuk', nameEn: 'Priority-kampung cooperatives formed', unit: 'COUNT', aggregation: 'SUM', timeAggregation: 'FLOW', decimals: 0, sortOrder: 6 }),
  I({ code: 'FASILITASI_KOP', formCode: 'PEMBERDAYAAN', name: 'Koperasi difasilitasi pembiayaan dan permodalan', nameEn: 'Cooperatives given financing facilitation', unit: 'COUNT', aggregation: 'SUM', timeAggregation: 'FLOW', decimals: 0, sortOrder: 1 }),
  I({ code: 'FASILITASI_UMKM', formCode: 'PEMBERDAYAAN', name: 'UMKM difasilitasi pembiayaan dan permodalan', nameEn: 'MSMEs given financing facilitation', unit: 'COUNT', aggregation: 'SUM', timeAggregation: 'FLOW', decimals: 0, sortOrder: 2 }),
  I({ code: 'BANTUAN_MODAL', formCode: 'PEMBERDAYAAN', name: 'Usaha mikro penerima bantuan permodalan', nameEn: 'Micro businesses given capital assistance', unit: 'COUNT', aggregation: 'SUM', timeAggregation: 'FLOW', decimals: 0, sortOrder: 3 }),
  I({ code: 'IUMK_TERBIT', formCode: 'PEMBERDAYAAN', name: 'IUMK/NIB diterbitkan', nameEn: 'IUMK/NIB permits issued', unit: 'COUNT', aggregation: 'SUM', timeAggregation: 'FLOW', decimals: 0, sortOrder: 4 }),
  I({ code: 'DAK_PENDAMPINGAN', formCode: 'PEMBERDAYAAN', name: 'Realisasi anggaran DAK pendampingan usaha mikro', nameEn: 'DAK budget realised for micro-business mentoring', unit: 'RUPIAH', aggregation: 'SUM', timeAggregation: 'FLOW', decimals: 0, sortOrder: 5 }),
  I({ code: 'OMZET_UMK', formCode: 'KINERJA_UMK', name: 'Omzet UMK tercatat', nameEn: 'Recorded UMK turnover', unit: 'RUPIAH', aggregation: 'SUM', timeAggregation: 'FLOW', decimals: 0, sortOrder: 1 }),
  I({ code: 'PDRB_KUMKM', formCode: 'MAKRO', name: 'Kontribusi KUMKM terhadap PDRB provinsi', nameEn: 'KUMKM share of provincial GDP', unit: 'PERCENT', aggregation: 'PROVINCE', timeAggregation: 'STOCK', decimals: 2, sortOrder: 1 }),
]

const R = (r: Omit<Prisma.ValidationRuleCreateManyInput, 'active'>) => r
export const VALIDATION_RULES = [
  R({ code: 'AKTIF_MAKS_TERDAFTAR', kind: 'LESS_OR_EQUAL', severity: 'ERROR', indicatorCode: 'KOP_AKTIF', otherIndicatorCode: 'KOP_TERDAFTAR', message: 'Koperasi aktif tidak boleh melebihi koperasi terdaftar.', messageEn: 'Active cooperatives cannot exceed registered cooperatives.' }),
  R({ code: 'KSP_SEHAT_MAKS_TERDAFTAR', kind: 'LESS_OR_EQUAL', severity: 'ERROR', indicatorCode: 'KSP_SEHAT', otherIndicatorCode: 'KOP_TERDAFTAR', message: 'KSP sehat tidak boleh melebihi koperasi terdaftar.', messageEn: 'Healthy KSP cannot exceed registered cooperatives.' }),
  R({ code: 'PERSEN_0_100', kind: 'RANGE', severity: 'ERROR', indicatorCode: 'KOP_AKTIF_PCT', min: 0, max: 100, message: 'Persentase harus di antara 0% dan 100%.', messageEn: 'The percentage must be between 0% and 100%.' }),
  R({ code: 'TIDAK_NEGATIF', kind: 'RANGE', severity: 'ERROR', indicatorCode: null, min: 0, message: 'Nilai tidak boleh negatif.', messageEn: 'The value cannot be negative.' }),
  R({ code: 'PERUBAHAN_TERDAFTAR', kind: 'MAX_CHANGE', severity: 'WARNING', indicatorCode: 'KOP_TERDAFTAR', thresholdPercent: 50, message: 'Berubah {change} dari triwulan sebelumnya (lebih dari {threshold}).', messageEn: 'Changed {change} from the previous quarter (more than {threshold}).' }),
  R({ code: 'PERUBAHAN_AKTIF', kind: 'MAX_CHANGE', severity: 'WARNING', indicatorCode: 'KOP_AKTIF', thresholdPercent: 50, message: 'Berubah {change} dari triwulan sebelumnya (lebih dari {threshold}).', messageEn: 'Changed {change} from the previous quarter (more than {threshold}).' }),
  R({ code: 'PERUBAHAN_KSP_SEHAT', kind: 'MAX_CHANGE', severity: 'WARNING', indicatorCode: 'KSP_SEHAT', thresholdPercent: 50, message: 'Berubah {change} dari triwulan sebelumnya (lebih dari {threshold}).', messageEn: 'Changed {change} from the previous quarter (more than {threshold}).' }),
]

/** Forms, indicators and validation rules: configuration, not demo data (tests load it too). */
/**
 * What each seeded indicator counts and where its number comes from, as the quarterly form shows them.
 * Agency wording to confirm: the agency edits them in Pengaturan › Indikator.
 */
const DEFINITIONS: Record<string, { definition: string; definitionEn: string; source: string; sourceEn: string }> = {
  KOP_TERDAFTAR: { definition: 'Koperasi berbadan hukum yang tercatat di kabupaten/kota, aktif maupun tidak.', definitionEn: 'Incorporated cooperatives registered in the regency, active or not.', source: 'Register koperasi Dinas (ODS Kemenkop)', sourceEn: 'The agency\'s cooperative register (ODS Kemenkop)' },
  KOP_AKTIF: { definition: 'Koperasi terdaftar yang menjalankan usaha dan menyelenggarakan Rapat Anggota Tahunan (RAT) dalam 12 bulan terakhir.', definitionEn: 'Registered cooperatives that run a business and held their annual members’ meeting (RAT) in the last 12 months.', source: 'Laporan RAT koperasi', sourceEn: 'Cooperatives\' annual members\' meeting (RAT) reports' },
  KOP_AKTIF_PCT: { definition: 'Koperasi aktif dibagi koperasi terdaftar, dikali 100; dihitung otomatis.', definitionEn: 'Active cooperatives divided by registered cooperatives, times 100; computed.', source: 'Dihitung dari dua indikator di atas', sourceEn: 'Computed from the two indicators above' },
  KSP_SEHAT: { definition: 'KSP/USP koperasi dengan predikat Sehat pada penilaian kesehatan terakhirnya (Permenkop 9/2020).', definitionEn: 'Savings-and-loan cooperatives rated Sehat (healthy) in their latest health assessment (Permenkop 9/2020).', source: 'Hasil penilaian kesehatan koperasi', sourceEn: 'Cooperative health assessments' },
  MANAJER_KSP: { definition: 'Manajer KSP yang memperoleh sertifikat kompetensi (LSP/BNSP) dalam periode ini; tiap orang dihitung sekali.', definitionEn: 'KSP managers awarded a competence certificate (LSP/BNSP) in the period; each person counted once.', source: 'Daftar sertifikat LSP', sourceEn: 'LSP certificate lists' },
  KOP_KAMPUNG: { definition: 'Koperasi baru berbadan hukum di kampung prioritas dalam periode ini.', definitionEn: 'New incorporated cooperatives in priority kampungs in the period.', source: 'Akta pendirian (AHU)', sourceEn: 'Deeds of establishment (AHU)' },
  FASILITASI_KOP: { definition: 'Koperasi yang difasilitasi akses pembiayaan atau permodalan (LPDB, perbankan, CSR) dalam periode ini; tiap koperasi dihitung sekali.', definitionEn: 'Cooperatives given access to financing or capital (LPDB, banks, CSR) in the period; each counted once.', source: 'Berita acara fasilitasi', sourceEn: 'Facilitation reports (berita acara)' },
  FASILITASI_UMKM: { definition: 'UMKM yang difasilitasi akses pembiayaan atau permodalan dalam periode ini; tiap UMKM dihitung sekali.', definitionEn: 'MSMEs given access to financing or capital in the period; each counted once.', source: 'Berita acara fasilitasi', sourceEn: 'Facilitation reports (berita acara)' },
  BANTUAN_MODAL: { definition: 'Usaha mikro yang menerima bantuan permodalan (uang atau barang) dalam periode ini.', definitionEn: 'Micro businesses that received capital assistance (money or goods) in the period.', source: 'Berita acara serah terima bantuan', sourceEn: 'Assistance handover reports (berita acara)' },
  IUMK_TERBIT: { definition: 'IUMK/NIB usaha mikro yang terbit dalam periode ini, bukan jumlah sejak awal tahun.', definitionEn: 'IUMK/NIB permits issued to micro businesses in the period, not the total since January.', source: 'OSS RBA', sourceEn: 'OSS RBA' },
  DAK_PENDAMPINGAN: { definition: 'Belanja DAK non-fisik pendampingan usaha mikro yang dibayar (SP2D) dalam periode ini.', definitionEn: 'Non-physical DAK spending on micro-business mentoring paid (SP2D) in the period.', source: 'SP2D / SIPD', sourceEn: 'SP2D / SIPD' },
  OMZET_UMK: { definition: 'Jumlah omzet UMK binaan yang tercatat dalam semester ini.', definitionEn: 'Total turnover recorded by assisted micro and small businesses in the half-year.', source: 'Laporan UMK binaan', sourceEn: 'Reports of assisted micro and small businesses' },
  PDRB_KUMKM: { definition: 'Kontribusi koperasi dan UMKM terhadap PDRB provinsi, angka terakhir yang dirilis.', definitionEn: 'Cooperatives’ and MSMEs’ share of provincial GDP, latest released figure.', source: 'BPS provinsi', sourceEn: 'Provincial BPS (Statistics Indonesia)' },
}

export async function seedReportingCatalogue(db: PrismaClient): Promise<void> {
  await db.reportForm.createMany({ data: [...REPORT_FORMS], skipDuplicates: true })
  await db.indicator.createMany({ data: INDICATORS, skipDuplicates: true })
  await db.validationRule.createMany({ data: VALIDATION_RULES, skipDuplicates: true })
  // a definition the agency has not written yet (also in a database seeded before definitions existed)
  for (const [code, d] of Object.entries(DEFINITIONS)) await db.indicator.updateMany({ where: { code, definition: null }, data: d })
  // the English source, in a database seeded before it existed, where the agency kept the seeded source
  for (const [code, d] of Object.entries(DEFINITIONS)) await db.indicator.updateMany({ where: { code, sourceEn: null, source: d.source }, data: { sourceEn: d.sourceEn } })
  // the indicators the pembinaan activities compute (prisma/seed/activities.ts)
  await seedActivityMeasures(db)
}

// ── demo data ──────────────────────────────────────────────────────────────────────────────────────
/** A deterministic number in [0, 1) from a key (FNV-1a, then a xorshift scramble). */
function unit(key: string): number {
  let h = 2166136261
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 16777619)
  h ^= h >>> 13
  h = Math.imul(h, 0x5bd1e995)
  h ^= h >>> 15
  return (h >>> 0) / 4294967296
}
const between = (key: string, lo: number, hi: number) => Math.round(lo + unit(key) * (hi - lo))

type Status = 'DRAFT' | 'SUBMITTED' | 'RETURNED' | 'APPROVED'
type Plan = { status: Status | null; late: boolean }

export const JOMBANG = '35.17'

/** Which state a regency's report is in, by year and quarter (today: 21 November 2026). */
function plan(regency: string, year: number, quarter: number): Plan {
  const u = unit(`status:${regency}:${year}:${quarter}`)
  const late = unit(`late:${regency}:${year}:${quarter}`) < 0.18
  // reopened by the province for a correction: the phone test opens its entry form
  if (regency === JOMBANG && year === 2025 && quarter === 4) return { status: 'RETURNED', late: false }
  if (regency === JOMBANG && year === 2026) {
    if (quarter <= 2) return { status: 'APPROVED', late: false }
    if (quarter === 3) return { status: 'DRAFT', late: false }
    return { status: null, late: false }
  }
  if (year < 2026 || quarter === 1) return { status: 'APPROVED', late }
  if (quarter === 2) return { status: u < 0.08 ? 'SUBMITTED' : u < 0.14 ? 'RETURNED' : 'APPROVED', late }
  if (quarter === 3) {
    if (u < 0.42) return { status: 'APPROVED', late }
    if (u < 0.58) return { status: 'SUBMITTED', late }
    if (u < 0.68) return { status: 'RETURNED', late }
    if (u < 0.84) return { status: 'DRAFT', late: false }
    return { status: null, late: false }
  }
  // Triwulan IV 2026 is under way: a few districts have started a draft
  return { status: u < 0.2 ? 'DRAFT' : null, late: false }
}

/** Jombang's figures: Triwulan II 2026 from the source documents, the other quarters close to them. */
const JOMBANG_VALUES: Record<string, Record<string, number>> = {
  '2026-1': { KOP_TERDAFTAR: 341, KOP_AKTIF: 288, KSP_SEHAT: 8, MANAJER_KSP: 12, KOP_KAMPUNG: 4, FASILITASI_KOP: 1, FASILITASI_UMKM: 9, BANTUAN_MODAL: 11, IUMK_TERBIT: 6952, DAK_PENDAMPINGAN: 120000000 },
  '2026-2': { KOP_TERDAFTAR: 347, KOP_AKTIF: 296, KSP_SEHAT: 10, MANAJER_KSP: 30, KOP_KAMPUNG: 12, FASILITASI_KOP: 3, FASILITASI_UMKM: 20, BANTUAN_MODAL: 23, IUMK_TERBIT: 43950, DAK_PENDAMPINGAN: 331803000, OMZET_UMK: 369000000000 },
  '2026-3': { KOP_TERDAFTAR: 352, KOP_AKTIF: 301, KSP_SEHAT: 11, MANAJER_KSP: 6, KOP_KAMPUNG: 2, FASILITASI_KOP: 2, FASILITASI_UMKM: 14, BANTUAN_MODAL: 18, IUMK_TERBIT: 5120, DAK_PENDAMPINGAN: 95000000 },
}

/** Jombang's 2026 targets (the Kaltim and Jakarta figures as its goals). */
const JOMBANG_TARGETS: Record<string, number> = {
  KOP_TERDAFTAR: 360, KOP_AKTIF: 310, KOP_AKTIF_PCT: 86, KSP_SEHAT: 10, MANAJER_KSP: 30, KOP_KAMPUNG: 12, FASILITASI_KOP: 3,
  FASILITASI_UMKM: 20, BANTUAN_MODAL: 100, IUMK_TERBIT: 50902, DAK_PENDAMPINGAN: 451803000, OMZET_UMK: 700000000000,
}

/** A regency's figure for an indicator in a quarter: stocks grow slowly, flows vary by quarter. */
function value(regency: string, code: string, year: number, quarter: number): number | null {
  const jombang = JOMBANG_VALUES[`${year}-${quarter}`]
  if (regency === JOMBANG && jombang) return jombang[code] ?? null
  const t = (year - 2025) * 4 + quarter // 1..8
  const k = (s: string) => `${s}:${regency}`
  const registered = regency === JOMBANG ? 318 + t * 3 : between(k('reg'), 220, 1150) + t * between(k('growth'), 1, 6)
  switch (code) {
    case 'KOP_TERDAFTAR': return registered
    case 'KOP_AKTIF': return Math.round(registered * (0.68 + unit(k('activeShare')) * 0.24) + t)
    case 'KSP_SEHAT': return between(k('ksp'), 3, 22) + Math.floor(t / 3)
    case 'MANAJER_KSP': return between(`${k('mgr')}:${t}`, 0, 12)
    case 'KOP_KAMPUNG': return between(`${k('kampung')}:${t}`, 0, 3)
    case 'FASILITASI_KOP': return between(`${k('fkop')}:${t}`, 0, 5)
    case 'FASILITASI_UMKM': return between(`${k('fumkm')}:${t}`, 4, 40)
    case 'BANTUAN_MODAL': return between(`${k('modal')}:${t}`, 10, 220)
    case 'IUMK_TERBIT': return between(`${k('iumk')}:${t}`, 250, 3200)
    case 'DAK_PENDAMPINGAN': return between(`${k('dak')}:${t}`, 40, 190) * 1_000_000
    case 'OMZET_UMK': return between(`${k('omzet')}:${t}`, 25, 420) * 1_000_000_000
    default: return null
  }
}

/** A regency's year target: about a year's worth of its figures, rounded. */
function target(regency: string, code: string, year: number): number {
  if (regency === JOMBANG && year === 2026) return JOMBANG_TARGETS[code]
  const k = (s: string) => `${s}:${regency}`
  const registered = regency === JOMBANG ? 330 : between(k('reg'), 220, 1150) + year - 2020
  switch (code) {
    case 'KOP_TERDAFTAR': return Math.round(registered * 1.05)
    case 'KOP_AKTIF': return Math.round(registered * 0.85)
    case 'KOP_AKTIF_PCT': return 85
    case 'KSP_SEHAT': return between(k('ksp'), 3, 22) + 3
    case 'MANAJER_KSP': return 24
    case 'KOP_KAMPUNG': return 6
    case 'FASILITASI_KOP': return 10
    case 'FASILITASI_UMKM': return 80
    case 'BANTUAN_MODAL': return 450
    case 'IUMK_TERBIT': return 6000
    case 'DAK_PENDAMPINGAN': return 450_000_000
    case 'OMZET_UMK': return 400_000_000_000
    default: return 0
  }
}

const WIB = 7 * 3_600_000
/** 10.00 WIB, `days` after the quarter's deadline (negative: before it). */
function submittedAt(year: number, quarter: number, days: number): Date {
  return new Date(Date.UTC(year, quarter * 3, 15 + days, 10) - WIB)
}

export async function seedReporting(db: PrismaClient, provinceCode: string): Promise<{ reports: number }> {
  await seedReportingCatalogue(db)
  const regencies = await db.regency.findMany({ where: { provinceCode }, select: { code: true }, orderBy: { code: 'asc' } })
  const indicators = await db.indicator.findMany({ where: { aggregation: { not: 'PROVINCE' } }, select: { code: true, aggregation: true, form: { select: { periodType: true } } } })
  const due = (periodType: string, q: number) => periodType === 'QUARTERLY' || (periodType === 'SEMESTER' && (q === 2 || q === 4)) || (periodType === 'YEARLY' && q === 4)

  const reports: Prisma.QuarterlyReportCreateManyInput[] = []
  const values: Prisma.ReportValueCreateManyInput[] = []
  const targets: Prisma.IndicatorTargetCreateManyInput[] = []
  for (const { code: regency } of regencies) {
    for (const year of [2025, 2026]) {
      for (const i of indicators) {
        targets.push({ indicatorCode: i.code, year, quarter: 0, regencyCode: regency, value: target(regency, i.code, year) })
        // the permit plan is set per quarter as well: a quarter's own target
        // (a quarter each, rounded down, the remainder in Triwulan IV: the four add up to the year, as the target screen requires)
        if (i.code === 'IUMK_TERBIT') {
          const yearTarget = target(regency, i.code, year)
          for (const quarter of [1, 2, 3, 4]) targets.push({ indicatorCode: i.code, year, quarter, regencyCode: regency, value: Math.floor(yearTarget / 4) + (quarter === 4 ? yearTarget % 4 : 0) })
        }
      }
      for (const quarter of [1, 2, 3, 4]) {
        const p = plan(regency, year, quarter)
        if (!p.status) continue
        const id = `seed-${regency}-${year}-${quarter}`
        const sent = p.status === 'DRAFT' ? null : submittedAt(year, quarter, p.late ? between(`d:${id}`, 1, 20) : -between(`d:${id}`, 0, 12))
        const returned = p.status === 'RETURNED'
        reports.push({
          id, regencyCode: regency, year, quarter, status: p.status,
          obstacles: p.status === 'DRAFT' ? null : 'Partisipasi anggota dalam simpanan dan tabungan masih rendah; ketergantungan modal dari luar masih tinggi.',
          followUps: p.status === 'DRAFT' ? null : 'Pendampingan pengurus dan pelatihan manajer koperasi bersama Dinas Provinsi.',
          returnReason: returned ? 'Jumlah koperasi aktif belum sesuai data ODS; mohon dicek ulang.' : null,
          firstSubmittedAt: sent, submittedAt: sent,
          reviewedAt: p.status === 'APPROVED' || returned ? new Date(sent!.getTime() + 3 * 86_400_000) : null,
          approvedAt: p.status === 'APPROVED' ? new Date(sent!.getTime() + 3 * 86_400_000) : null,
        })
        for (const i of indicators) {
          if (!due(i.form.periodType, quarter)) continue
          values.push({
            reportId: id, indicatorCode: i.code,
            value: i.aggregation === 'RATIO' ? null : value(regency, i.code, year, quarter),
            reviewNote: returned && i.code === 'KOP_AKTIF' ? 'Bandingkan dengan data koperasi aktif di ODS.' : null,
          })
        }
      }
    }
  }
  // province targets (ratios cannot be summed from regencies) and province-level figures
  const provinceTargets: Prisma.IndicatorTargetCreateManyInput[] = [
    { indicatorCode: 'KOP_AKTIF_PCT', year: 2025, quarter: 0, regencyCode: null, value: 82 },
    { indicatorCode: 'KOP_AKTIF_PCT', year: 2026, quarter: 0, regencyCode: null, value: 84 },
    { indicatorCode: 'PDRB_KUMKM', year: 2024, quarter: 0, regencyCode: null, value: 60 },
    { indicatorCode: 'PDRB_KUMKM', year: 2025, quarter: 0, regencyCode: null, value: 61 },
    { indicatorCode: 'PDRB_KUMKM', year: 2026, quarter: 0, regencyCode: null, value: 62 },
  ]
  await db.$transaction(async (tx) => {
    await tx.quarterlyReport.createMany({ data: reports, skipDuplicates: true })
    await tx.reportValue.createMany({ data: values, skipDuplicates: true })
    await tx.indicatorTarget.createMany({ data: targets, skipDuplicates: true })
    // kept if the agency changed it (Pengaturan › Batas waktu): a later seed run does not put it back
    await tx.setting.createMany({ data: [{ key: REPORTING_START_KEY, value: DEMO_REPORTING_START }], skipDuplicates: true })
    // NULL regencies are distinct to a unique index: insert the province's targets once only
    if ((await tx.indicatorTarget.count({ where: { regencyCode: null } })) === 0) await tx.indicatorTarget.createMany({ data: provinceTargets })
    await tx.provinceIndicatorValue.createMany({
      data: [
        { indicatorCode: 'PDRB_KUMKM', year: 2023, quarter: 4, value: 59.18, source: 'BPS, tahun 2023' },
        { indicatorCode: 'PDRB_KUMKM', year: 2024, quarter: 2, value: 60.43, source: 'BPS, semester I 2024' },
        { indicatorCode: 'PDRB_KUMKM', year: 2024, quarter: 4, value: 60.71, source: 'BPS, tahun 2024' },
        { indicatorCode: 'PDRB_KUMKM', year: 2025, quarter: 2, value: 60.95, source: 'BPS, semester I 2025' },
        { indicatorCode: 'PDRB_KUMKM', year: 2025, quarter: 4, value: 61.2, source: 'BPS, tahun 2025' },
        { indicatorCode: 'PDRB_KUMKM', year: 2026, quarter: 2, value: 61.48, source: 'BPS, semester I 2026' },
      ],
      skipDuplicates: true,
    })
    // Prisma's default of 5 s is too short on a busy machine (the first start failed at 5.065 s under load)
  }, { timeout: 120_000 })
  return { reports: reports.length }
}
