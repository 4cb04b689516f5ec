/**
 * Demo registers: cooperatives (with 3 book years, health assessments, inspections) and MSMEs in every
 * regency of the agency's province, generated in SQL (`generate_series`, `INSERT … SELECT`), never
 * row by row, so 20,000 rows take a second and the large benchmark set (30,000 cooperatives, 300,000
 * MSMEs) a minute or two.
 *
 * Deterministic: every "random" choice is a hash of the row's regency and serial number
 * (`hashtext`), so two runs on two machines give the same rows and tests can rely on counts.
 * Idempotent: natural keys (NIK koperasi, NIB) and derived ids with ON CONFLICT DO NOTHING.
 *
 * Cases from the source documents, loaded when their province is the configured one:
 * - 31 DKI Jakarta: the nine kampung-priority cooperatives (all Koperasi Konsumen), seed 001;
 * - 81 Maluku: Kabupaten Maluku Tenggara (81.02) with exactly 347 cooperatives, 296 active
 *   (85,30%), seed 003;
 * - 35 Jawa Timur (default): a few named cooperatives and MSMEs, e.g. in Kabupaten Jombang.
 */
import type { PrismaClient } from '../../lib/generated/prisma/client'

export type RegisterVolume = {
  /** cooperatives spread over the province's regencies (fixed regency counts come on top) */
  cooperatives: number
  msmes: number
  /** keeps the natural keys of a second generated set apart from the first (NIK/NIB serials) */
  serialOffset: number
}

export const DEMO_VOLUME: RegisterVolume = { cooperatives: 3_000, msmes: 20_000, serialOffset: 0 }
export const LARGE_VOLUME: RegisterVolume = { cooperatives: 30_000, msmes: 300_000, serialOffset: 5_000_000 }

/** Regencies whose cooperative count the source documents state: [count, active]. */
export const FIXED_COOPERATIVES: Record<string, { total: number; active: number }> = {
  '81.02': { total: 347, active: 296 }, // Maluku Tenggara, seed 003: 347 koperasi, 296 aktif (85,30%)
}

/** A non-negative pseudo-random integer from a row's key and a salt (deterministic). */
const h = (key: string, salt: string) => `(hashtext(${key} || '${salt}')::bigint & 2147483647)`

/** Pick one element of a SQL text array by a hash. */
const pick = (words: string[], key: string, salt: string) =>
  `(ARRAY[${words.map((w) => `'${w.replaceAll("'", "''")}'`).join(',')}])[1 + ${h(key, salt)} % ${words.length}]`

const WORD_A = ['Sumber', 'Karya', 'Mitra', 'Bina', 'Tunas', 'Harapan', 'Sinar', 'Mekar', 'Sri', 'Rukun', 'Tani', 'Putra', 'Bumi', 'Cahaya', 'Surya', 'Gotong Royong']
const WORD_B = ['Makmur', 'Sejahtera', 'Mandiri', 'Jaya', 'Abadi', 'Sentosa', 'Lestari', 'Barokah', 'Amanah', 'Bersama', 'Utama', 'Rejeki', 'Maju', 'Berkah', 'Bahagia', 'Santoso']
const OFFICERS = ['Agus Setiawan', 'Sri Wahyuni', 'Bambang Hermanto', 'Dewi Lestari', 'Hadi Purnomo', 'Nur Aini', 'Eko Prasetyo', 'Retno Wulandari']
const FINDINGS = [
  'RAT belum dilaksanakan tepat waktu; laporan keuangan belum diaudit.',
  'Pencatatan simpanan anggota belum tertib; buku anggota tidak mutakhir.',
  'Rasio kredit bermasalah di atas 5%; perlu penagihan terjadwal.',
  'Pengurus belum bersertifikat kompetensi; SOP pinjaman belum ada.',
  'Administrasi tertib; modal sendiri meningkat dibanding tahun lalu.',
  'Izin usaha simpan pinjam belum diperbarui.',
]
const FOLLOW_UPS = ['Pembinaan dan pendampingan penyusunan laporan keuangan.', 'Penjadwalan RAT paling lambat akhir triwulan berikutnya.', 'Pelatihan pengurus dan pengawas.', null]
const PRODUCTS: [string, string][] = [
  ['Keripik', '10799'], ['Batik', '13134'], ['Tahu', '10792'], ['Tempe', '10793'], ['Kue', '10710'], ['Sambal', '10773'], ['Kopi', '10761'],
  ['Bordir', '13992'], ['Anyaman Bambu', '16292'], ['Jamu', '21022'], ['Warung', '47111'], ['Roti', '10710'], ['Kerupuk', '10794'],
  ['Madu', '01499'], ['Tenun', '13121'], ['Sablon', '18111'], ['Bengkel', '45201'], ['Laundry', '96200'], ['Katering', '56210'], ['Konveksi', '14111'],
]
const BRAND = ['Bu Sri', 'Pak Darmo', 'Mbak Yuni', 'Cak Mat', 'Barokah', 'Sumber Rejeki', 'Lestari', 'Mekar Sari', 'Sari Rasa', 'Putra Mandiri', 'Jaya Abadi', 'Dua Saudara', 'Berkah', 'Rizki', 'Anugerah', 'Sederhana']
const FEMALE = ['Siti', 'Sri', 'Dewi', 'Nur', 'Yuni', 'Rina', 'Wati', 'Endang', 'Lilik', 'Ani', 'Umi', 'Ratna']
const MALE = ['Ahmad', 'Budi', 'Slamet', 'Agus', 'Joko', 'Hadi', 'Eko', 'Bambang', 'Imam', 'Suparno', 'Darmo', 'Rudi']
const FAMILY = ['Wahyuni', 'Santoso', 'Hidayat', 'Rahayu', 'Prasetyo', 'Susanti', 'Kurniawan', 'Lestari', 'Setiawan', 'Handayani', 'Saputra', 'Fauzi']
const STREETS = ['Merdeka', 'Diponegoro', 'Sudirman', 'Ahmad Yani', 'Pahlawan', 'Raya', 'Kartini', 'Gajah Mada', 'Hayam Wuruk', 'Veteran']

/** PP 7/2021 in SQL, the same rule as lib/registers/scale.ts (an integration test checks they agree). */
const SCALE_SQL = (capital: string, sales: string, isNew: string) => `CASE WHEN ${isNew} THEN
    CASE WHEN ${capital} <= 1000000000 THEN 'MIKRO' WHEN ${capital} <= 5000000000 THEN 'KECIL' WHEN ${capital} <= 10000000000 THEN 'MENENGAH' ELSE 'BESAR' END
  ELSE
    CASE WHEN ${sales} <= 2000000000 THEN 'MIKRO' WHEN ${sales} <= 15000000000 THEN 'KECIL' WHEN ${sales} <= 50000000000 THEN 'MENENGAH' ELSE 'BESAR' END
  END::"BusinessScale"`

/** Regional choice helpers: districts and villages numbered within their parent, for hash picks. */
const REGION_CTES = `
  dist AS (SELECT code, regency_code, name, row_number() OVER (PARTITION BY regency_code ORDER BY code) AS rn FROM districts),
  dist_n AS (SELECT regency_code, count(*) AS n FROM districts GROUP BY regency_code),
  vill AS (SELECT code, district_code, row_number() OVER (PARTITION BY district_code ORDER BY code) AS rn FROM villages),
  vill_n AS (SELECT district_code, count(*) AS n FROM villages GROUP BY district_code)`

/**
 * Join a row (alias `r`, with a hash `hd`) to one district and village of its regency. The counts
 * come first, so each join is an equality on (parent, number): a hash join, not a filter over every
 * pair of rows (which made 20,000 MSMEs take seconds).
 */
const LOCATE = (r: string) => `
  LEFT JOIN dist_n dn ON dn.regency_code = ${r}.regency_code
  LEFT JOIN dist d ON d.regency_code = ${r}.regency_code AND d.rn = 1 + ${r}.hd % dn.n
  LEFT JOIN vill_n vn ON vn.district_code = d.code
  LEFT JOIN vill v ON v.district_code = d.code AND v.rn = 1 + (${r}.hd / 7) % vn.n`

/** How many rows each regency gets: about target/N each, varied, plus fixed counts from the documents. */
const PLAN_CTE = (target: string, fixed: boolean) => `
  reg AS (SELECT code, row_number() OVER (ORDER BY code) - 1 AS i, count(*) OVER () AS n FROM regencies WHERE province_code = $1),
  plan AS (
    SELECT code AS regency_code, i,
      ${fixed ? `CASE ${Object.entries(FIXED_COOPERATIVES).map(([c, v]) => `WHEN code = '${c}' THEN ${v.total}`).join(' ') || 'WHEN false THEN 0'} ELSE` : ''}
      greatest(1, round(${target}::numeric / n * (0.75 + ((i * 37) % 41) / 80.0)))::int
      ${fixed ? 'END' : ''} AS cnt
    FROM reg)`

async function insertCooperatives(db: PrismaClient, province: string, volume: RegisterVolume) {
  const key = `c.regency_code || ':' || c.k`
  const fixedActive = Object.entries(FIXED_COOPERATIVES).map(([c, v]) => `WHEN c.regency_code = '${c}' THEN c.k <= ${v.active}`).join(' ')
  await db.$executeRawUnsafe(
    `WITH ${PLAN_CTE('$2', volume.serialOffset === 0)}, ${REGION_CTES},
    gen AS (SELECT p.regency_code, g AS k FROM plan p, generate_series(1, p.cnt) g),
    c AS (
      SELECT gen.*, ${h(`gen.regency_code || ':' || gen.k`, 't')} % 100 AS t, ${h(`gen.regency_code || ':' || gen.k`, 'd')} AS hd
      FROM gen),
    located AS (
      SELECT c.*, d.code AS district_code, d.name AS district_name, v.code AS village_code
      FROM c ${LOCATE('c')}),
    typed AS (
      SELECT located.*,
        CASE WHEN t < 35 THEN 'SIMPAN_PINJAM' WHEN t < 65 THEN 'KONSUMEN' WHEN t < 80 THEN 'PRODUSEN' WHEN t < 90 THEN 'JASA' ELSE 'PEMASARAN' END AS type,
        CASE WHEN t % 7 = 0 THEN 'KUD' WHEN t % 7 = 1 THEN 'Kopwan' WHEN t % 7 = 2 THEN 'KPRI' WHEN t % 11 = 3 THEN 'Kopontren' ELSE NULL END AS grp
      FROM located)
    INSERT INTO cooperatives (id, nik, legal_entity_number, legal_entity_date, name, type, form, pattern, group_name, regency_code, district_code, village_code,
      address, members_male, members_female, managers, employees, active, version, created_at, updated_at)
    SELECT 'k' || nik, nik, 'AHU-' || lpad((${h(key, 'ahu')} % 100000)::text, 7, '0') || '.AH.01.26.' || extract(year FROM led)::int, led, name, type::"CooperativeType",
      CASE WHEN ${h(key, 'f')} % 25 = 0 THEN 'SEKUNDER' ELSE 'PRIMER' END::"CooperativeForm",
      CASE WHEN ${h(key, 'p')} % 6 = 0 THEN 'SYARIAH' ELSE 'KONVENSIONAL' END::"CooperativePattern",
      grp, regency_code, district_code, village_code,
      'Jl. ' || ${pick(STREETS, key, 's')} || ' No. ' || (1 + ${h(key, 'no')} % 200),
      20 + ${h(key, 'mm')} % 900, 15 + ${h(key, 'mf')} % 1100, 3 + ${h(key, 'mg')} % 7, ${h(key, 'em')} % 40, active, 1, now(), now()
    FROM (
      SELECT c.*, replace(c.regency_code, '.', '') || lpad((${volume.serialOffset} + c.k)::text, 12, '0') AS nik,
        date '1975-01-01' + (${h(key, 'led')} % 17500)::int AS led,
        CASE ${fixedActive || 'WHEN false THEN false'} ELSE ${h(key, 'act')} % 100 < 86 END AS active,
        CASE
          WHEN c.grp = 'KUD' THEN 'KUD ' || ${pick(WORD_A, key, 'a')} || ' ' || ${pick(WORD_B, key, 'b')}
          WHEN c.grp = 'Kopwan' THEN 'Koperasi Wanita ' || ${pick(WORD_A, key, 'a')} || ' ' || ${pick(WORD_B, key, 'b')}
          WHEN c.grp = 'KPRI' THEN 'KPRI ' || ${pick(WORD_B, key, 'b')} || ' ' || coalesce(initcap(c.district_name), '')
          WHEN c.grp = 'Kopontren' THEN 'Kopontren ' || ${pick(['Al-Hikmah', 'Darul Ulum', 'Nurul Huda', 'Al-Falah', 'Miftahul Ulum', 'Bahrul Ulum'], key, 'pp')}
          WHEN c.type = 'SIMPAN_PINJAM' THEN 'KSP ' || ${pick(WORD_A, key, 'a')} || ' ' || ${pick(WORD_B, key, 'b')}
          ELSE 'Koperasi ' || initcap(replace(c.type, '_', ' ')) || ' ' || ${pick(WORD_A, key, 'a')} || ' ' || ${pick(WORD_B, key, 'b')}
        END || CASE WHEN c.grp IN ('KPRI') THEN '' ELSE ' ' || coalesce(c.district_name, '') END AS name
      FROM typed c) c
    ON CONFLICT (nik) DO NOTHING`,
    province,
    volume.cooperatives,
  )
}

/** The named cooperatives of the source documents (seed 001) and a few believable ones for Jawa Timur. */
const NAMED_COOPERATIVES: { province: string; regency: string; district?: string; nik: string; name: string; type: string; group?: string; members: [number, number] }[] = [
  ...[
    ['Koperasi Konsumen Akuarium Bangkit Mandiri', 'Penjaringan'],
    ['Koperasi Konsumen Kumir Pinangsia Sejahtera', 'Penjaringan'],
    ['Koperasi Konsumen Komunitas Anak Kali Ciliwung', 'Pademangan'],
    ['Koperasi Konsumen Marlina Maju Bersama', 'Penjaringan'],
    ['Koperasi Konsumen Elektrojaya Makmur', 'Penjaringan'],
    ['Koperasi Konsumen Gedung Pompa Mandiri Sejahtera', 'Penjaringan'],
    ['Koperasi Konsumen Kampung Rawamakmur', 'Pademangan'],
    ['Koperasi Konsumen Kampung Muka Mandiri', 'Pademangan'],
    ['Koperasi Konsumen Langkong Bersinar', 'Penjaringan'],
  ].map(([name, district], i) => ({ province: '31', regency: '31.72', district, nik: `3172${String(990000000001 + i)}`, name, type: 'KONSUMEN', members: [25 + i * 3, 30 + i * 4] as [number, number] })),
  { province: '35', regency: '35.17', district: 'Jombang', nik: '3517990000000001', name: 'KUD Tani Makmur Jombang', type: 'PRODUSEN', group: 'KUD', members: [812, 344] },
  { province: '35', regency: '35.17', district: 'Diwek', nik: '3517990000000002', name: 'Koperasi Wanita Sekar Melati Diwek', type: 'SIMPAN_PINJAM', group: 'Kopwan', members: [0, 1260] },
  { province: '35', regency: '35.17', district: 'Jombang', nik: '3517990000000003', name: 'KPRI Guru Sejahtera Jombang', type: 'SIMPAN_PINJAM', group: 'KPRI', members: [402, 515] },
  { province: '35', regency: '35.78', district: 'Genteng', nik: '3578990000000001', name: 'KSP Mitra Usaha Mandiri Surabaya', type: 'SIMPAN_PINJAM', members: [1530, 1985] },
  { province: '35', regency: '35.14', district: 'Kraton', nik: '3514990000000001', name: 'Kopontren Nurul Huda Pasuruan', type: 'JASA', group: 'Kopontren', members: [640, 580] },
  { province: '35', regency: '35.07', district: 'Pujon', nik: '3507990000000001', name: 'Koperasi Produsen Susu Lembu Makmur Pujon', type: 'PRODUSEN', members: [2100, 870] },
  { province: '35', regency: '35.73', district: 'Klojen', nik: '3573990000000001', name: 'Koperasi Konsumen Pegawai Pemkot Malang', type: 'KONSUMEN', group: 'KPRI', members: [730, 910] },
]

async function insertNamedCooperatives(db: PrismaClient, province: string) {
  for (const c of NAMED_COOPERATIVES.filter((n) => n.province === province)) {
    await db.$executeRawUnsafe(
      `INSERT INTO cooperatives (id, nik, legal_entity_number, legal_entity_date, name, type, form, pattern, group_name, regency_code, district_code, village_code,
        address, members_male, members_female, managers, employees, active, version, created_at, updated_at)
      SELECT 'k' || $1, $1, 'AHU-00' || right($1, 5) || '.AH.01.26.2020', date '2020-09-12', $2, $3::"CooperativeType", 'PRIMER', 'KONVENSIONAL', $4, $5,
        d.code, (SELECT min(v.code) FROM villages v WHERE v.district_code = d.code), NULL, $6, $7, 5, 4, true, 1, now(), now()
      FROM (SELECT (SELECT code FROM districts WHERE regency_code = $5 AND upper(name) = upper($8) LIMIT 1) AS code) d
      ON CONFLICT (nik) DO NOTHING`,
      c.nik, c.name, c.type, c.group ?? null, c.regency, c.members[0], c.members[1], c.district ?? '',
    )
  }
}

/** Three book years per seeded cooperative, growing by 4–12% a year; RAT held by most. */
async function insertYearlyFigures(db: PrismaClient, province: string) {
  const key = `c.nik || ':' || y`
  await db.$executeRawUnsafe(
    `INSERT INTO cooperative_years (id, cooperative_id, year, own_capital, external_capital, assets, business_volume, net_surplus, rat_held, rat_date)
    SELECT 'y' || c.nik || y, c.id, y,
      round(base * growth * 0.55, -3), round(base * growth * 0.45, -3), round(base * growth * 1.15, -3), round(base * growth * 1.6, -3),
      round(base * growth * (${h('c.nik', 'shu')} % 13 - 2) / 100.0, -3),
      rat, CASE WHEN rat THEN make_date(y + 1, 2 + ${h(key, 'rm')}::int % 4, 1 + ${h(key, 'rd')}::int % 27) END
    FROM cooperatives c
    JOIN regencies r ON r.code = c.regency_code AND r.province_code = $1
    CROSS JOIN generate_series(2022, 2024) y
    CROSS JOIN LATERAL (SELECT
      (CASE c.type WHEN 'SIMPAN_PINJAM' THEN 900000000 WHEN 'PRODUSEN' THEN 600000000 ELSE 250000000 END) * (1 + ${h('c.nik', 'sz')} % 40) / 8.0 AS base,
      power(1.04 + (${h('c.nik', 'gr')} % 9) / 100.0, y - 2022) AS growth,
      ${h(key, 'rat')} % 100 < 80 AS rat) f
    WHERE c.id = 'k' || c.nik
    ON CONFLICT (cooperative_id, year) DO NOTHING`,
    province,
  )
}

/** Health assessments (about 60% assessed; savings-and-loan ones twice) and the current outcome. */
async function insertAssessments(db: PrismaClient, province: string) {
  const key = `c.nik || ':' || n`
  const score = (salt: string) => `(45 + ${h(key, salt)} % 56)::numeric`
  await db.$executeRawUnsafe(
    `INSERT INTO health_assessments (id, cooperative_id, assessed_on, assessor, governance_score, risk_profile_score, financial_score, capital_score, total_score, outcome, notes, created_at)
    SELECT 'h' || c.nik || n, c.id, make_date(2023 + n, 3 + ${h(key, 'm')}::int % 8, 1 + ${h(key, 'd')}::int % 27), ${pick(OFFICERS, key, 'o')},
      g, r, f, k, t,
      CASE WHEN t >= 80 THEN 'SEHAT' WHEN t >= 66 THEN 'CUKUP_SEHAT' WHEN t >= 51 THEN 'DALAM_PENGAWASAN' ELSE 'DALAM_PENGAWASAN_KHUSUS' END::"HealthOutcome",
      NULL, now()
    FROM cooperatives c
    JOIN regencies rg ON rg.code = c.regency_code AND rg.province_code = $1
    CROSS JOIN generate_series(1, 2) n
    CROSS JOIN LATERAL (SELECT ${score('g')} AS g, ${score('r')} AS r, ${score('f')} AS f, ${score('k')} AS k) s
    CROSS JOIN LATERAL (SELECT round((g + r + f + k) / 4, 2) AS t) tt
    WHERE c.id = 'k' || c.nik AND ${h('c.nik', 'asm')} % 10 < 6 AND (n = 1 OR c.type = 'SIMPAN_PINJAM')
    ON CONFLICT (id) DO NOTHING`,
    province,
  )
  // the cooperative's current outcome is its latest assessment's (the app keeps it so on every new one)
  await db.$executeRawUnsafe(
    `UPDATE cooperatives c SET health_outcome = l.outcome
    FROM (SELECT DISTINCT ON (cooperative_id) cooperative_id, outcome FROM health_assessments ORDER BY cooperative_id, assessed_on DESC, created_at DESC) l
    WHERE l.cooperative_id = c.id AND c.health_outcome IS DISTINCT FROM l.outcome`,
  )
}

/** Inspections of about a third of the cooperatives. */
async function insertInspections(db: PrismaClient, province: string) {
  const key = `c.nik`
  await db.$executeRawUnsafe(
    `INSERT INTO inspections (id, cooperative_id, inspected_on, officer, findings, follow_up, status, created_at)
    SELECT 'i' || c.nik, c.id, make_date(2024 + ${h(key, 'iy')}::int % 2, 1 + ${h(key, 'im')}::int % 10, 1 + ${h(key, 'id')}::int % 27),
      ${pick(OFFICERS, key, 'io')}, ${pick(FINDINGS, key, 'if')}, ${pick(FOLLOW_UPS.map((f) => f ?? ''), key, 'iu')},
      (ARRAY['OPEN','FOLLOWED_UP','CLOSED'])[1 + ${h(key, 'is')} % 3]::"InspectionStatus", now()
    FROM cooperatives c
    JOIN regencies rg ON rg.code = c.regency_code AND rg.province_code = $1
    WHERE c.id = 'k' || c.nik AND ${h(key, 'insp')} % 3 = 0
    ON CONFLICT (id) DO NOTHING`,
    province,
  )
  await db.$executeRawUnsafe(`UPDATE inspections SET follow_up = NULL WHERE follow_up = ''`)
}

async function insertMsmes(db: PrismaClient, province: string, volume: RegisterVolume) {
  const key = `m.regency_code || ':' || m.k`
  const product = `(${h(key, 'prod')} % ${PRODUCTS.length})`
  const productName = `(ARRAY[${PRODUCTS.map(([p]) => `'${p}'`).join(',')}])[1 + ${product}]`
  const productKbli = `(ARRAY[${PRODUCTS.map(([, k]) => `'${k}'`).join(',')}])[1 + ${product}]`
  // bucket of the business's size: mostly micro, as in the registers (≈ 90% micro, 7% small, 2% medium, 1% large)
  const sales = `CASE WHEN b < 900 THEN 12000000 + power(${h(key, 'sv')} % 100, 2)::bigint * 190000
      WHEN b < 970 THEN 2100000000 + (${h(key, 'sv')} % 128) * 100000000
      WHEN b < 990 THEN 15500000000 + (${h(key, 'sv')} % 330) * 100000000
      ELSE 52000000000 + (${h(key, 'sv')} % 60) * 1000000000 END::numeric`
  await db.$executeRawUnsafe(
    `WITH ${PLAN_CTE('$2', false)}, ${REGION_CTES},
    coops AS (SELECT id, regency_code, row_number() OVER (PARTITION BY regency_code ORDER BY nik) AS rn
      FROM cooperatives WHERE deleted_at IS NULL AND active AND id = 'k' || nik),
    coops_n AS (SELECT regency_code, count(*) AS n FROM coops GROUP BY regency_code),
    gen AS (SELECT p.regency_code, g AS k FROM plan p, generate_series(1, p.cnt) g),
    m AS (SELECT gen.*, ${h(`gen.regency_code || ':' || gen.k`, 'b')} % 1000 AS b, ${h(`gen.regency_code || ':' || gen.k`, 'hd')} AS hd,
      ${h(`gen.regency_code || ':' || gen.k`, 'g')} % 100 < 55 AS female, ${h(`gen.regency_code || ':' || gen.k`, 'nr')} % 100 < 8 AS is_new,
      ${h(`gen.regency_code || ':' || gen.k`, 'mem')} % 100 < 25 AS member FROM gen),
    figures AS (
      SELECT m.*, ${sales} AS sales FROM m),
    sized AS (
      SELECT f.*, round(f.sales * (0.25 + (${h(key.replaceAll('m.', 'f.'), 'cap')} % 40) / 100.0), -5) AS capital FROM figures f),
    scaled AS (
      SELECT s.*, ${SCALE_SQL('s.capital', 's.sales', 's.is_new')} AS computed FROM sized s),
    recorded AS (
      SELECT s.*, CASE
        WHEN ${h(key.replaceAll('m.', 's.'), 'rs')} % 100 < 20 THEN NULL
        WHEN ${h(key.replaceAll('m.', 's.'), 'rs')} % 100 < 23 THEN (CASE s.computed WHEN 'MIKRO' THEN 'KECIL' WHEN 'KECIL' THEN 'MIKRO' WHEN 'MENENGAH' THEN 'KECIL' ELSE 'MENENGAH' END)::"BusinessScale"
        ELSE s.computed END AS rec
      FROM scaled s),
    located AS (
      SELECT r.*, d.code AS district_code, d.name AS district_name, v.code AS village_code, co.id AS coop_id
      FROM recorded r ${LOCATE('r')}
      LEFT JOIN coops_n cn ON cn.regency_code = r.regency_code
      LEFT JOIN coops co ON co.regency_code = r.regency_code AND r.member AND co.rn = 1 + (r.hd / 13) % cn.n)
    INSERT INTO msmes (id, nib, business_name, owner_name, owner_nik, owner_gender, kbli, regency_code, district_code, village_code, address, phone, workers,
      business_capital, annual_sales, recorded_scale, computed_scale, scale_mismatch, new_registration, iumk_number, iumk_date, cooperative_id, version, created_at, updated_at)
    SELECT 'u' || nib, nib, business_name, owner_name, owner_nik, CASE WHEN female THEN 'P' ELSE 'L' END::"Gender", kbli, regency_code, district_code, village_code,
      address, phone, workers, capital, sales, rec, computed, rec IS NOT NULL AND rec <> computed, is_new, iumk, CASE WHEN iumk IS NOT NULL THEN iumk_date END, coop_id, 1, now(), now()
    FROM (
      SELECT m.*,
        '9' || replace(m.regency_code, '.', '') || lpad((${volume.serialOffset} + m.k)::text, 8, '0') AS nib,
        ${productName} || ' ' || ${pick(BRAND, key, 'br')} || CASE WHEN ${h(key, 'dn')} % 3 > 0 THEN ' ' || coalesce(m.district_name, '') ELSE '' END AS business_name,
        CASE WHEN m.female THEN ${pick(FEMALE, key, 'fn')} ELSE ${pick(MALE, key, 'mn')} END || ' ' || ${pick(FAMILY, key, 'ln')} AS owner_name,
        -- NIK: regency (4) + district (2) + birth date DDMMYY, women's day + 40 (6) + serial (4)
        replace(m.regency_code, '.', '') || coalesce(right(m.district_code, 2), '01')
          || lpad((1 + ${h(key, 'bd')} % 28 + CASE WHEN m.female THEN 40 ELSE 0 END)::text, 2, '0')
          || lpad((1 + ${h(key, 'bm')} % 12)::text, 2, '0') || lpad((60 + ${h(key, 'by')} % 40)::text, 2, '0')
          || lpad((1 + m.k % 9999)::text, 4, '0') AS owner_nik,
        ${productKbli} AS kbli,
        'Jl. ' || ${pick(STREETS, key, 'st')} || ' No. ' || (1 + ${h(key, 'no')} % 150) AS address,
        '08' || lpad((${h(key, 'ph')} % 10000000000)::text, 10, '1') AS phone,
        CASE WHEN m.b < 900 THEN 1 + ${h(key, 'w')} % 4 WHEN m.b < 970 THEN 5 + ${h(key, 'w')} % 15 WHEN m.b < 990 THEN 20 + ${h(key, 'w')} % 80 ELSE 100 + ${h(key, 'w')} % 400 END AS workers,
        CASE WHEN ${h(key, 'iu')} % 100 < 40 THEN 'IUMK/' || replace(m.regency_code, '.', '') || '/' || lpad((${h(key, 'iun')} % 100000)::text, 5, '0') END AS iumk,
        date '2019-01-01' + (${h(key, 'iud')} % 2100)::int AS iumk_date
      FROM located m) m
    ON CONFLICT (nib) DO NOTHING`,
    province,
    volume.msmes,
  )
}

/** A few named MSMEs of Kabupaten Jombang (default province), members of its named cooperatives. */
async function insertNamedMsmes(db: PrismaClient, province: string) {
  if (province !== '35') return
  const rows: [string, string, string, string, 'L' | 'P', string, number, number, string | null][] = [
    ['9351799000001', 'Keripik Tempe Sanan Bu Lilik', 'Lilik Suryani', '3517084507780001', 'P', '10793', 85_000_000, 420_000_000, '3517990000000002'],
    ['9351799000002', 'Batik Tulis Jombangan Sekar Jagad', 'Siti Mualifah', '3517094603810002', 'P', '13134', 650_000_000, 2_400_000_000, '3517990000000002'],
    ['9351799000003', 'Kopi Wonosalam Cak Mat', 'Muhammad Rofiq', '3517170712850003', 'L', '10761', 1_200_000_000, 1_900_000_000, '3517990000000001'],
  ]
  for (const [nib, name, owner, nik, gender, kbli, capital, sales, coopNik] of rows) {
    await db.$executeRawUnsafe(
      `INSERT INTO msmes (id, nib, business_name, owner_name, owner_nik, owner_gender, kbli, regency_code, workers, business_capital, annual_sales,
        recorded_scale, computed_scale, scale_mismatch, new_registration, cooperative_id, version, created_at, updated_at)
      SELECT 'u' || $1, $1, $2, $3, $4, $5::"Gender", $6, '35.17', 6, $7::numeric, $8::numeric, 'MIKRO',
        ${SCALE_SQL('$7::numeric', '$8::numeric', 'false')}, ${SCALE_SQL('$7::numeric', '$8::numeric', 'false')} <> 'MIKRO', false,
        (SELECT id FROM cooperatives WHERE nik = $9), 1, now(), now()
      ON CONFLICT (nib) DO NOTHING`,
      nib, name, owner, nik, gender, kbli, capital, sales, coopNik,
    )
  }
}

/**
 * Load the demo registers (or, with LARGE_VOLUME, the benchmark set on top) for the province. `recordsOnly`:
 * the cooperatives and MSMEs without the cooperatives' book years, assessments and inspections (the import's
 * benchmark reads and writes only the records).
 */
export async function seedRegisters(db: PrismaClient, opts: { provinceCode: string; volume?: RegisterVolume; recordsOnly?: boolean }): Promise<void> {
  const volume = opts.volume ?? DEMO_VOLUME
  const province = opts.provinceCode
  if (volume.serialOffset === 0) await insertNamedCooperatives(db, province)
  await insertCooperatives(db, province, volume)
  if (!opts.recordsOnly) {
    await insertYearlyFigures(db, province)
    await insertAssessments(db, province)
    await insertInspections(db, province)
  }
  if (volume.serialOffset === 0) await insertNamedMsmes(db, province)
  await insertMsmes(db, province, volume)
  // fresh statistics for the planner, and a visibility map so the lists' count(*) is an index-only scan
  await db.$executeRawUnsafe('VACUUM ANALYZE cooperatives, msmes, cooperative_years, health_assessments, inspections')
}
