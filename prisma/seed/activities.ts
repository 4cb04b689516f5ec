/**
 * Pembinaan (issue #15): which indicators the activities compute (configuration, loaded with the reporting
 * catalogue), and demo activities with beneficiaries and time-bound targets taken from the source documents
 * (Kalimantan Timur: competence certification for 30 KSP managers, financing facilitation for 3 cooperatives
 * and 20 UMKM, "10 KSP sehat" in 100 working days; Maluku Tenggara: DAK Rp451.803.000 for micro-business
 * mentoring, capital assistance to micro businesses), set in the demo province with its register's records,
 * so each target has some progress. Fixed ids and natural keys: running it twice changes nothing.
 */
import type { Prisma, PrismaClient } from '../../lib/generated/prisma/client'

/** Activity-fed indicators: the beneficiaries of one type of one kind of activity. */
export const ACTIVITY_MEASURES = [
  { indicatorCode: 'MANAJER_KSP', activityKind: 'CERTIFICATION', beneficiaryType: 'PERSON' },
  { indicatorCode: 'FASILITASI_KOP', activityKind: 'FINANCING_FACILITATION', beneficiaryType: 'COOPERATIVE' },
  { indicatorCode: 'FASILITASI_UMKM', activityKind: 'FINANCING_FACILITATION', beneficiaryType: 'MSME' },
  { indicatorCode: 'BANTUAN_MODAL', activityKind: 'CAPITAL_ASSISTANCE', beneficiaryType: 'MSME' },
] as const satisfies readonly Prisma.IndicatorActivityMeasureCreateManyInput[]

/** The activity-fed indicators that exist (a deployment may have removed one). */
export async function seedActivityMeasures(db: PrismaClient): Promise<void> {
  const existing = new Set((await db.indicator.findMany({ where: { code: { in: ACTIVITY_MEASURES.map((m) => m.indicatorCode) } }, select: { code: true } })).map((i) => i.code))
  await db.indicatorActivityMeasure.createMany({ data: ACTIVITY_MEASURES.filter((m) => existing.has(m.indicatorCode)), skipDuplicates: true })
}

const MANAGERS = ['Sri Wahyuni', 'Agus Santoso', 'Dewi Lestari', 'Bambang Hartono', 'Nur Hidayah', 'Eko Prasetyo', 'Rina Marlina', 'Hendra Gunawan', 'Siti Aminah', 'Joko Susilo', 'Lilis Suryani', 'Teguh Wibowo', 'Yuliana Putri', 'Wahyu Setiawan', 'Fitri Handayani']

const day = (iso: string) => new Date(`${iso}T00:00:00Z`)

/** Demo activities, their beneficiaries, a few KSP assessed Sehat in the "10 KSP sehat" window, and the targets. */
export async function seedActivities(db: PrismaClient, provinceCode: string): Promise<{ activities: number; targets: number }> {
  const regencies = await db.regency.findMany({ where: { provinceCode }, select: { code: true }, orderBy: { code: 'asc' } })
  if (regencies.length === 0) return { activities: 0, targets: 0 }
  const home = regencies.some((r) => r.code === `${provinceCode}.17`) ? `${provinceCode}.17` : regencies[0].code
  const ksp = await db.cooperative.findMany({ where: { type: 'SIMPAN_PINJAM', deletedAt: null, regency: { provinceCode } }, select: { id: true, regencyCode: true }, orderBy: { nik: 'asc' }, take: 40 })
  const homeKsp = await db.cooperative.findMany({ where: { type: 'SIMPAN_PINJAM', deletedAt: null, regencyCode: home }, select: { id: true, regencyCode: true }, orderBy: { nik: 'asc' }, take: 10 })
  const coops = await db.cooperative.findMany({ where: { regencyCode: home, deletedAt: null, type: { not: 'SIMPAN_PINJAM' } }, select: { id: true, regencyCode: true }, orderBy: { nik: 'asc' }, take: 4 })
  const msmes = await db.msme.findMany({ where: { regencyCode: home, deletedAt: null, computedScale: 'MIKRO' }, select: { id: true, regencyCode: true }, orderBy: { nib: 'asc' }, take: 30 })

  const activities: Prisma.ActivityCreateManyInput[] = [
    { id: 'demo-kegiatan-sertifikasi-1', kind: 'CERTIFICATION', title: 'Sertifikasi kompetensi manajer KSP angkatan I (LSP Koperasi)', startDate: day('2026-05-12'), endDate: day('2026-05-14'), regencyCode: null, budgetSource: 'APBD_PROVINCE', budgetAmount: 187_500_000, notes: 'Uji kompetensi oleh LSP; sertifikat BNSP.' },
    { id: 'demo-kegiatan-sertifikasi-2', kind: 'CERTIFICATION', title: 'Sertifikasi kompetensi manajer KSP angkatan II', startDate: day('2026-08-18'), endDate: day('2026-08-20'), regencyCode: home, budgetSource: 'APBD_PROVINCE', budgetAmount: 62_500_000 },
    { id: 'demo-kegiatan-fasilitasi', kind: 'FINANCING_FACILITATION', title: 'Fasilitasi akses pembiayaan LPDB dan perbankan bagi koperasi dan UMKM', startDate: day('2026-06-23'), regencyCode: home, budgetSource: 'APBD_PROVINCE', budgetAmount: 45_000_000 },
    { id: 'demo-kegiatan-pendampingan-dak', kind: 'MENTORING', title: 'Pendampingan usaha mikro (DAK non-fisik)', startDate: day('2026-03-02'), endDate: day('2026-06-30'), regencyCode: home, budgetSource: 'DAK', budgetAmount: 451_803_000, notes: 'Belanja DAK non-fisik pendampingan usaha mikro.' },
    { id: 'demo-kegiatan-bantuan-modal', kind: 'CAPITAL_ASSISTANCE', title: 'Bantuan permodalan usaha mikro', startDate: day('2026-09-08'), regencyCode: home, budgetSource: 'APBD_REGENCY', budgetAmount: 115_000_000 },
    { id: 'demo-kegiatan-pengawasan', kind: 'SUPERVISION', title: 'Pengawasan dan pemeriksaan KSP', startDate: day('2026-10-06'), endDate: day('2026-10-09'), regencyCode: home, budgetSource: 'APBD_PROVINCE', budgetAmount: 28_000_000 },
  ]
  await db.activity.createMany({ data: activities, skipDuplicates: true })

  const beneficiaries: Prisma.ActivityBeneficiaryCreateManyInput[] = []
  const person = (activityId: string, i: number, coop: { id: string; regencyCode: string } | undefined, cert: string) => {
    const name = MANAGERS[i % MANAGERS.length]
    beneficiaries.push({ activityId, type: 'PERSON', cooperativeId: coop?.id ?? null, personName: name, personRole: 'Manajer KSP', certificateNumber: cert, regencyCode: coop?.regencyCode ?? null, beneficiaryKey: `P:${name.toLocaleLowerCase('id-ID')}|${cert}` })
  }
  ksp.slice(0, 12).forEach((c, i) => person('demo-kegiatan-sertifikasi-1', i, c, `LSP-KOP/2026/05/${String(i + 1).padStart(4, '0')}`))
  homeKsp.slice(0, 3).forEach((c, i) => person('demo-kegiatan-sertifikasi-2', 12 + i, c, `LSP-KOP/2026/08/${String(i + 1).padStart(4, '0')}`))
  const coopBenefit = (activityId: string, c: { id: string; regencyCode: string }) => beneficiaries.push({ activityId, type: 'COOPERATIVE', cooperativeId: c.id, regencyCode: c.regencyCode, beneficiaryKey: `K:${c.id}` })
  const msmeBenefit = (activityId: string, m: { id: string; regencyCode: string }) => beneficiaries.push({ activityId, type: 'MSME', msmeId: m.id, regencyCode: m.regencyCode, beneficiaryKey: `U:${m.id}` })
  coops.slice(0, 2).forEach((c) => coopBenefit('demo-kegiatan-fasilitasi', c))
  msmes.slice(0, 8).forEach((m) => msmeBenefit('demo-kegiatan-fasilitasi', m))
  msmes.slice(8, 20).forEach((m) => msmeBenefit('demo-kegiatan-pendampingan-dak', m))
  msmes.slice(20, 26).forEach((m) => msmeBenefit('demo-kegiatan-bantuan-modal', m))
  homeKsp.slice(0, 4).forEach((c) => coopBenefit('demo-kegiatan-pengawasan', c))
  await db.activityBeneficiary.createMany({ data: beneficiaries, skipDuplicates: true })

  // "10 KSP sehat dalam 100 hari kerja": four KSP assessed Sehat so far in the window (the register keeps the latest outcome)
  const sehat = homeKsp.slice(0, 4).map((c, i) => ({
    id: `demo-sehat-100hk-${i + 1}`, cooperativeId: c.id, assessedOn: day(['2026-09-21', '2026-10-05', '2026-10-19', '2026-11-09'][i]), assessor: 'Tim Penilai Kesehatan KSP Provinsi',
    governanceScore: 86, riskProfileScore: 84, financialScore: 82, capitalScore: 88, totalScore: 85, outcome: 'SEHAT' as const, notes: 'Program 100 hari kerja: 10 KSP sehat.',
  }))
  const created = await db.healthAssessment.createMany({ data: sehat, skipDuplicates: true })
  if (created.count > 0) await db.cooperative.updateMany({ where: { id: { in: sehat.map((s) => s.cooperativeId) } }, data: { healthOutcome: 'SEHAT' } })

  const targets: Prisma.ProgrammeTargetCreateManyInput[] = [
    // 100 working days from Monday 14 Sept 2026 with the holiday calendar (24–25 Dec 2026, 1 Jan 2027 off) end on 3 Feb 2027
    { id: 'demo-target-10-ksp-sehat', name: '10 KSP sehat dalam 100 hari kerja', measure: 'HEALTHY_KSP', targetValue: 10, startDate: day('2026-09-14'), deadline: day('2027-02-03'), workingDays: true, notes: 'Program 100 hari kerja gubernur: KSP dengan predikat Sehat pada penilaian kesehatan (Permenkop 9/2020).' },
    { id: 'demo-target-30-manajer-ksp', name: '30 manajer KSP bersertifikat kompetensi', measure: 'ACTIVITY_BENEFICIARIES', activityKind: 'CERTIFICATION', beneficiaryType: 'PERSON', targetValue: 30, startDate: day('2026-04-01'), deadline: day('2026-12-31') },
    { id: 'demo-target-fasilitasi-3-koperasi', name: 'Fasilitasi pembiayaan 3 koperasi', measure: 'ACTIVITY_BENEFICIARIES', activityKind: 'FINANCING_FACILITATION', beneficiaryType: 'COOPERATIVE', targetValue: 3, startDate: day('2026-01-01'), deadline: day('2026-12-31') },
    { id: 'demo-target-fasilitasi-20-umkm', name: 'Fasilitasi pembiayaan 20 UMKM', measure: 'ACTIVITY_BENEFICIARIES', activityKind: 'FINANCING_FACILITATION', beneficiaryType: 'MSME', targetValue: 20, startDate: day('2026-01-01'), deadline: day('2026-12-31') },
    { id: 'demo-target-bantuan-modal-23', name: 'Bantuan permodalan 23 usaha mikro', measure: 'ACTIVITY_BENEFICIARIES', activityKind: 'CAPITAL_ASSISTANCE', beneficiaryType: 'MSME', targetValue: 23, startDate: day('2026-01-01'), deadline: day('2026-12-31'), regencyCode: home },
  ]
  await db.programmeTarget.createMany({ data: targets, skipDuplicates: true })
  return { activities: activities.length, targets: targets.length }
}
