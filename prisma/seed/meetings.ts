/**
 * Demo coordination meetings from the source documents, with their minutes, decisions linked to the
 * programmes and indicators they concern, and follow-ups of which some are done, some open and some
 * overdue, so every meeting screen and the overview card show something real:
 * - the Prokesra Rakor held by Dinkop UMKM Jatim in Kota Malang on 18 September 2024;
 * - the Rakornis at Hotel The 101 Malang OJ on 10–11 February 2025 (a follow-up of the Rakor);
 * - with AGENCY_PROVINCE_CODE=81: Maluku's Rakor of 2024, hosted by Maluku Tenggara on 26 February 2024.
 * Idempotent: each meeting has a fixed id and is written once (a meeting that exists is left alone).
 */
import type { PrismaClient } from '../../lib/generated/prisma/client'
import type { ActionStatus, AttendanceStatus, OutcomeKind } from '../../lib/generated/prisma/enums'

type Owner = { regency: string } | { bank: string } | { unit: string }
type SeedAction = { title: string; owner: Owner; due: string; status: ActionStatus; closed?: string; notes?: { on: string; by: string; note: string; to?: ActionStatus }[]; outcome?: number }
type SeedOutcome = { kind: OutcomeKind; text: string; program?: string; indicator?: string; regency?: string }
type SeedMeeting = {
  id: string
  title: string
  type: 'RAKOR' | 'RAKORNIS' | 'RAKORTEK' | 'OTHER'
  starts: string
  ends: string
  venue: string
  city: string
  host: string
  organiser: string
  chair: string
  status: 'PLANNED' | 'HELD' | 'CLOSED' | 'CANCELLED'
  previous?: string
  participants: { name: string; position?: string; agency: string; regency?: string; bank?: string; attendance: AttendanceStatus; representedBy?: string }[]
  agenda: { title: string; presenter?: string; minutes: number; notes: string; outcomes: SeedOutcome[]; actions: SeedAction[] }[]
}

const DINKOP_JATIM = 'Dinas Koperasi dan Usaha Kecil dan Menengah Provinsi Jawa Timur'

const JATIM: SeedMeeting[] = [
  {
    id: 'demo-rakor-prokesra-2024',
    title: 'Rakor Pelaksanaan Program Kredit Perbankan dan Lembaga Keuangan (Prokesra)',
    type: 'RAKOR',
    starts: '2024-09-18T09:00',
    ends: '2024-09-18T13:00',
    venue: 'Kota Malang',
    city: 'Kota Malang',
    host: '35.73',
    organiser: `${DINKOP_JATIM} – Bidang Pembiayaan`,
    chair: 'Arif Lukman Hakim, Kepala Bidang Pembiayaan (mewakili Kepala Dinas)',
    status: 'CLOSED',
    participants: [
      { name: 'Dr. Endy Alim Abdi Nusa', position: 'Kepala Dinas', agency: DINKOP_JATIM, attendance: 'REPRESENTED', representedBy: 'Arif Lukman Hakim, Kabid Pembiayaan' },
      { name: 'Arif Lukman Hakim', position: 'Kepala Bidang Pembiayaan', agency: DINKOP_JATIM, attendance: 'PRESENT' },
      { name: 'Kepala Dinas Koperasi dan Usaha Mikro Kabupaten Jombang', position: 'Kadinkopum', agency: 'Dinas Koperasi dan Usaha Mikro Kabupaten Jombang', regency: '35.17', attendance: 'PRESENT' },
      { name: 'Kepala Bappeda Provinsi Jawa Timur', agency: 'Badan Perencanaan Pembangunan Daerah (Bappeda) Provinsi Jawa Timur', attendance: 'REPRESENTED', representedBy: 'Andika Paratama Herlambang, Plt. Kepala Bidang Ekonomi dan Sumber Daya Alam' },
      { name: 'Perwakilan PT BPR Jatim', agency: 'PT Bank Perkreditan Rakyat Jatim (Bank UMKM Jatim)', bank: 'BPRJATIM', attendance: 'PRESENT' },
    ],
    agenda: [
      {
        title: 'Evaluasi pelaksanaan subsidi bunga Prokesra 2024',
        presenter: 'Kabid Pembiayaan',
        minutes: 60,
        notes: [
          'Sejak diluncurkan pada 2022, Prokesra menyediakan kredit lunak dengan **subsidi bunga** dari APBD Provinsi Jawa Timur; PT BPR Jatim menyalurkan kredit kepada UMK di sentra perekonomian.',
          '',
          '- Realisasi hingga 29 Desember 2023: **Rp360,4 miliar**, atau 101,26% dari target, kepada 10.971 UMK.',
          '- Realisasi hingga 31 Agustus 2024: **Rp53 miliar** dari target Rp200 miliar.',
          '- Subsidi bunga tersalurkan: **Rp17,94 miliar**, atau 57,8% dari anggaran yang dialokasikan.',
        ].join('\n'),
        outcomes: [
          { kind: 'INFORMATION', text: 'Realisasi Prokesra 2024 per 31 Agustus 2024 Rp53 miliar dari target Rp200 miliar; subsidi bunga Rp17,94 miliar (57,8%).', program: 'PROKESRA-2024' },
          { kind: 'DECISION', text: 'Penyaluran Prokesra 2024 dipercepat di seluruh kabupaten/kota agar target Rp200 miliar tercapai pada akhir tahun.', program: 'PROKESRA-2024' },
        ],
        actions: [
          {
            title: 'Sosialisasi Prokesra ke sentra UMK di Kabupaten Jombang', owner: { regency: '35.17' }, due: '2024-10-31', status: 'DONE', closed: '2024-10-28T10:00:00+07:00', outcome: 1,
            notes: [
              { on: '2024-10-07T09:30:00+07:00', by: 'Petugas Kabupaten Jombang', note: 'Sosialisasi dijadwalkan di 21 kecamatan bersama PT BPR Jatim cabang Jombang.', to: 'IN_PROGRESS' },
              { on: '2024-10-28T10:00:00+07:00', by: 'Petugas Kabupaten Jombang', note: 'Sosialisasi selesai di 21 kecamatan; 312 UMK menyatakan minat.', to: 'DONE' },
            ],
          },
          {
            title: 'Percepat akad kredit Prokesra di cabang dengan realisasi rendah', owner: { bank: 'BPRJATIM' }, due: '2024-11-30', status: 'DONE', closed: '2024-11-25T15:00:00+07:00', outcome: 1,
            notes: [{ on: '2024-11-25T15:00:00+07:00', by: 'Petugas PT BPR Jatim', note: 'Akad dipercepat di 12 cabang; daftar tunggu calon debitur selesai diproses.', to: 'DONE' }],
          },
          {
            title: 'Laporan bulanan realisasi penyaluran dan klaim subsidi tepat waktu', owner: { bank: 'BPRJATIM' }, due: '2024-12-31', status: 'IN_PROGRESS', outcome: 1,
            notes: [{ on: '2024-12-20T11:00:00+07:00', by: 'Petugas PT BPR Jatim', note: 'Laporan Oktober dan November terkirim; laporan Desember menunggu tutup buku.', to: 'IN_PROGRESS' }],
          },
        ],
      },
      {
        title: 'Hambatan pelaksanaan di lapangan',
        presenter: 'Kabupaten/kota dan PT BPR Jatim',
        minutes: 45,
        notes: 'Hambatan yang disampaikan: calon debitur belum memiliki NIB, agunan tambahan yang diminta sebagian cabang, dan pemahaman UMK tentang subsidi bunga yang masih rendah.',
        outcomes: [{ kind: 'RECOMMENDATION', text: 'Kabupaten/kota membantu calon debitur mengurus NIB melalui OSS sebelum pengajuan kredit.', program: 'PROKESRA-2024', regency: '35.17' }],
        actions: [],
      },
      {
        title: 'Rencana pelaksanaan Prokesra 2025',
        presenter: 'Kabid Pembiayaan',
        minutes: 45,
        notes: 'Rencana 2025 dirumuskan dari evaluasi 2024: target, pagu subsidi dan alokasi per kabupaten/kota dibahas bersama Bappeda Provinsi Jawa Timur.',
        outcomes: [{ kind: 'DECISION', text: 'Kabupaten/kota mengusulkan calon debitur Prokesra 2025 dari data UMKM binaan paling lambat 31 Januari 2025.', program: 'PROKESRA-2025' }],
        actions: [
          { title: 'Usulkan calon debitur Prokesra 2025 dari data UMKM binaan Kabupaten Jombang', owner: { regency: '35.17' }, due: '2025-01-31', status: 'OPEN', outcome: 0 },
          {
            title: 'Susun petunjuk teknis Prokesra 2025', owner: { unit: 'Bidang Pembiayaan' }, due: '2024-12-15', status: 'DONE', closed: '2024-12-12T14:00:00+07:00', outcome: 0,
            notes: [{ on: '2024-12-12T14:00:00+07:00', by: 'Admin Dinas Provinsi', note: 'Juknis Prokesra 2025 ditetapkan Kepala Dinas.', to: 'DONE' }],
          },
        ],
      },
    ],
  },
  {
    id: 'demo-rakornis-2025',
    title: 'Rakornis Perencanaan Pemberdayaan Koperasi UMKM Tahun 2025',
    type: 'RAKORNIS',
    starts: '2025-02-10T08:00',
    ends: '2025-02-11T16:00',
    venue: 'Hotel The 101 Malang OJ',
    city: 'Kota Malang',
    host: '35.73',
    organiser: DINKOP_JATIM,
    chair: 'Endy Alim Abdi Nusa, Kepala Dinas Koperasi dan UKM Provinsi Jawa Timur',
    status: 'CLOSED',
    previous: 'demo-rakor-prokesra-2024',
    participants: [
      { name: 'Endy Alim Abdi Nusa', position: 'Kepala Dinas', agency: DINKOP_JATIM, attendance: 'PRESENT' },
      { name: 'Kepala Departemen Inkubasi BRI', agency: 'PT Bank Rakyat Indonesia (Persero) Tbk', attendance: 'REPRESENTED', representedBy: 'Perwakilan Departemen Inkubasi BRI' },
      { name: 'Perwakilan Kementerian Koperasi RI', agency: 'Kementerian Koperasi Republik Indonesia', attendance: 'PRESENT' },
      { name: 'Perwakilan Kementerian UMKM RI', agency: 'Kementerian Usaha Mikro, Kecil, dan Menengah Republik Indonesia', attendance: 'PRESENT' },
      { name: 'Perwakilan Bappeda Provinsi Jawa Timur', agency: 'Bappeda Provinsi Jawa Timur', attendance: 'PRESENT' },
      { name: 'Kepala Dinas Koperasi dan Usaha Mikro Kabupaten Jombang', agency: 'Dinas Koperasi dan Usaha Mikro Kabupaten Jombang', regency: '35.17', attendance: 'PRESENT' },
      { name: 'Kepala Dinas Koperasi dan Usaha Mikro Kota Malang', agency: 'Dinas Koperasi, Perindustrian dan Perdagangan Kota Malang', regency: '35.73', attendance: 'PRESENT' },
    ],
    agenda: [
      {
        title: 'Pembukaan dan arahan Kepala Dinas',
        presenter: 'Kepala Dinas Koperasi dan UKM Provinsi Jawa Timur',
        minutes: 60,
        notes: 'Pada semester I 2024 Koperasi dan UMKM berkontribusi **60,43%** terhadap PDRB Jawa Timur, naik 1,25 poin dari **59,18%** pada 2023.',
        outcomes: [{ kind: 'INFORMATION', text: 'Kontribusi KUMKM terhadap PDRB Jawa Timur 60,43% (semester I 2024) dibanding 59,18% (2023).', indicator: 'PDRB_KUMKM' }],
        actions: [],
      },
      {
        title: 'Isu strategis: kapasitas, digitalisasi dan hilirisasi KUMKM',
        presenter: 'Kepala Dinas',
        minutes: 120,
        notes: [
          'Isu strategis yang perlu perhatian bersama:',
          '',
          '1. Peningkatan kapasitas dan digitalisasi KUMKM, terutama permodalan dan adopsi teknologi.',
          '2. Hilirisasi produk yang belum optimal untuk mendukung rantai pasok industri.',
          '3. Pengembangan kompetensi SDM pengelola KUMKM.',
        ].join('\n'),
        outcomes: [{ kind: 'RECOMMENDATION', text: 'Program digitalisasi KUMKM disusun bersama BRI (Departemen Inkubasi) dan kabupaten/kota.' }],
        actions: [
          { title: 'Susun program digitalisasi KUMKM bersama BRI', owner: { unit: 'Bidang Usaha Mikro' }, due: '2025-09-30', status: 'OPEN', outcome: 0 },
          {
            title: 'Susun rencana pengembangan kompetensi SDM pengelola KUMKM', owner: { unit: 'UPT Pelatihan Koperasi dan UMKM' }, due: '2025-04-30', status: 'DONE', closed: '2025-04-22T10:00:00+07:00', outcome: 0,
            notes: [{ on: '2025-04-22T10:00:00+07:00', by: 'Admin Dinas Provinsi', note: 'Rencana pelatihan 2025 ditetapkan: 12 angkatan.', to: 'DONE' }],
          },
        ],
      },
      {
        title: 'Sinkronisasi basis data Koperasi dan UMKM pusat–daerah',
        presenter: 'Kementerian Koperasi dan Kementerian UMKM',
        minutes: 90,
        notes: 'Kementerian Koperasi dan Kementerian UMKM menyampaikan pengembangan basis data Koperasi dan UMKM yang akan digunakan ke depan, agar sinkron antara Pemerintah Pusat dan Daerah.',
        outcomes: [{ kind: 'DECISION', text: 'Data koperasi dan UMKM provinsi dan kabupaten/kota disinkronkan dengan basis data kementerian.', indicator: 'KOP_AKTIF_PCT' }],
        actions: [
          {
            title: 'Sinkronkan data koperasi provinsi dengan ODS Kementerian Koperasi', owner: { unit: 'Bidang Kelembagaan dan Pengawasan Koperasi' }, due: '2025-06-30', status: 'IN_PROGRESS', outcome: 0,
            notes: [{ on: '2025-05-15T09:00:00+07:00', by: 'Admin Dinas Provinsi', note: 'Pencocokan NIK koperasi selesai untuk 20 dari 38 kabupaten/kota.', to: 'IN_PROGRESS' }],
          },
          { title: 'Mutakhirkan data UMKM binaan Kabupaten Jombang untuk sinkronisasi', owner: { regency: '35.17' }, due: '2026-12-31', status: 'OPEN', outcome: 0 },
        ],
      },
    ],
  },
]

const MALUKU: SeedMeeting = {
  id: 'demo-rakor-maluku-2024',
  title: 'Rapat Koordinasi Koperasi dan UMKM Provinsi Maluku Tahun 2024',
  type: 'RAKOR',
  starts: '2024-02-26T09:00',
  ends: '2024-02-26T15:00',
  venue: 'Aula Kantor Bupati Maluku Tenggara',
  city: 'Langgur',
  host: '81.02',
  organiser: 'Dinas Koperasi dan UKM Provinsi Maluku',
  chair: 'Drs. Jasmono, M.Si, Penjabat Bupati Maluku Tenggara (pembukaan)',
  status: 'CLOSED',
  participants: [
    { name: 'Drs. Jasmono, M.Si', position: 'Penjabat Bupati', agency: 'Pemerintah Kabupaten Maluku Tenggara', regency: '81.02', attendance: 'PRESENT' },
    { name: 'Kepala Dinas Koperasi dan UKM Provinsi Maluku', agency: 'Dinas Koperasi dan UKM Provinsi Maluku', attendance: 'PRESENT' },
    { name: 'Kepala Dinas Koperasi dan UKM Kabupaten Maluku Tenggara', agency: 'Dinas Koperasi dan UKM Kabupaten Maluku Tenggara', regency: '81.02', attendance: 'PRESENT' },
  ],
  agenda: [
    {
      title: 'Kebijakan perkoperasian dan pemberdayaan UMKM 2024',
      presenter: 'Penjabat Bupati Maluku Tenggara',
      minutes: 60,
      notes: [
        'Kebijakan penting yang harus dilaksanakan Dinas Koperasi dan UKM:',
        '',
        '- Pelaksanaan pemeriksaan dan pengawasan koperasi.',
        '- Penilaian kesehatan koperasi.',
        '- Pendidikan dan pelatihan.',
        '',
        'Koperasi di Kabupaten Maluku Tenggara: **347 unit**, yang aktif **296 unit (85,30%)**. Sejak 2020 hingga 2023, 3.693 usaha mikro mendapat bantuan permodalan; DAK pendampingan usaha mikro Rp451.803.000.',
      ].join('\n'),
      outcomes: [
        { kind: 'INFORMATION', text: '347 koperasi di Maluku Tenggara, 296 aktif (85,30%).', indicator: 'KOP_AKTIF_PCT', regency: '81.02' },
        { kind: 'RECOMMENDATION', text: 'Keaktifan koperasi ditingkatkan melalui pengawasan, penilaian kesehatan dan pelatihan pengurus.', indicator: 'KOP_AKTIF_PCT', regency: '81.02' },
      ],
      actions: [
        {
          title: 'Pemeriksaan dan pengawasan koperasi tidak aktif di Maluku Tenggara', owner: { regency: '81.02' }, due: '2024-06-30', status: 'DONE', closed: '2024-06-21T10:00:00+07:00', outcome: 1,
          notes: [{ on: '2024-06-21T10:00:00+07:00', by: 'Petugas Kabupaten Maluku Tenggara', note: 'Pemeriksaan 51 koperasi tidak aktif selesai.', to: 'DONE' }],
        },
        { title: 'Penilaian kesehatan KSP di Maluku Tenggara', owner: { regency: '81.02' }, due: '2024-09-30', status: 'IN_PROGRESS', outcome: 1 },
        { title: 'Pelatihan pengurus koperasi', owner: { unit: 'Bidang Kelembagaan Koperasi' }, due: '2024-11-30', status: 'OPEN', outcome: 1 },
      ],
    },
  ],
}

const jakarta = (local: string) => new Date(`${local}:00+07:00`)

/** Write the demo meetings of the configured province (Jawa Timur's by default, Maluku's with 81). */
export async function seedMeetings(db: PrismaClient, provinceCode: string): Promise<number> {
  const meetings = provinceCode === '81' ? [MALUKU] : provinceCode === '35' ? JATIM : []
  const admin = await db.user.findUnique({ where: { username: 'admin' }, select: { id: true } })
  const authorIds = new Map((await db.user.findMany({ where: { username: { in: ['admin', 'jombang', 'bprjatim'] } }, select: { id: true, name: true } })).map((u) => [u.name, u.id]))
  let written = 0
  for (const m of meetings) {
    if (await db.meeting.findUnique({ where: { id: m.id }, select: { id: true } })) continue
    const [programs, banks] = await Promise.all([
      db.creditProgram.findMany({ select: { id: true, code: true } }),
      db.bank.findMany({ select: { id: true, code: true } }),
    ])
    const programId = (code?: string) => (code ? (programs.find((p) => p.code === code)?.id ?? null) : null)
    const bankId = (code?: string) => (code ? (banks.find((b) => b.code === code)?.id ?? null) : null)
    await db.$transaction(async (tx) => {
      await tx.meeting.create({
        data: {
          id: m.id, title: m.title, type: m.type, startsAt: jakarta(m.starts), endsAt: jakarta(m.ends), venue: m.venue, city: m.city, hostRegencyCode: m.host,
          organiser: m.organiser, chair: m.chair, status: m.status, previousMeetingId: m.previous ?? null, createdById: admin?.id ?? null,
          participants: {
            create: m.participants.map((p, i) => ({
              name: p.name, position: p.position ?? null, agency: p.agency, regencyCode: p.regency ?? null, bankId: bankId(p.bank), attendance: p.attendance, representedBy: p.representedBy ?? null, sortOrder: i + 1,
            })),
          },
        },
      })
      for (const [i, item] of m.agenda.entries()) {
        const agenda = await tx.agendaItem.create({ data: { meetingId: m.id, position: i + 1, title: item.title, presenter: item.presenter ?? null, durationMinutes: item.minutes, minutes: item.notes }, select: { id: true } })
        const outcomeIds: string[] = []
        for (const [j, o] of item.outcomes.entries()) {
          const created = await tx.meetingOutcome.create({
            data: { meetingId: m.id, agendaItemId: agenda.id, kind: o.kind, text: o.text, programId: programId(o.program), indicatorCode: o.indicator ?? null, regencyCode: o.regency ?? null, position: j + 1 },
            select: { id: true },
          })
          outcomeIds.push(created.id)
        }
        for (const a of item.actions) {
          const owner = 'regency' in a.owner ? { ownerKind: 'REGENCY' as const, ownerRegencyCode: a.owner.regency } : 'bank' in a.owner ? { ownerKind: 'BANK' as const, ownerBankId: bankId(a.owner.bank) } : { ownerKind: 'UNIT' as const, ownerUnit: a.owner.unit }
          await tx.actionItem.create({
            data: {
              meetingId: m.id, agendaItemId: agenda.id, outcomeId: a.outcome === undefined ? null : (outcomeIds[a.outcome] ?? null), title: a.title, ...owner,
              dueDate: new Date(`${a.due}T00:00:00Z`), status: a.status, closedAt: a.closed ? new Date(a.closed) : null, createdById: admin?.id ?? null,
              version: 1 + (a.notes?.length ?? 0),
              notes: {
                create: (a.notes ?? []).map((n, k, all) => ({
                  authorName: n.by, authorId: authorIds.get(n.by) ?? null, note: n.note, createdAt: new Date(n.on),
                  statusFrom: n.to ? (k === 0 ? 'OPEN' : (all[k - 1].to ?? 'OPEN')) : null, statusTo: n.to ?? null,
                })),
              },
            },
          })
        }
      }
    })
    written++
  }
  return written
}
