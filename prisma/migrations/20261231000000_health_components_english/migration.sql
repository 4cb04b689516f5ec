-- The worksheet and its result in English had shown each component and its entered parts in Indonesian beside
-- English fields. A component now carries its English wording too, shown when the interface is English (empty: the
-- Indonesian one). The seeded components of the regulation get theirs, in every version that still words them as seeded.
ALTER TABLE "health_template_components" ADD COLUMN "label_en" TEXT, ADD COLUMN "numerator_label_en" TEXT, ADD COLUMN "denominator_label_en" TEXT;

UPDATE health_template_components c SET label_en = e.label_en, numerator_label_en = e.numerator_label_en, denominator_label_en = e.denominator_label_en
FROM (VALUES
  ('TK1', 'Prinsip koperasi (keanggotaan sukarela, pengelolaan demokratis, SHU adil, kemandirian, pendidikan, kerja sama)',
   'Cooperative principles (voluntary membership, democratic management, fair surplus sharing, autonomy, education, cooperation)', NULL, NULL),
  ('TK2', 'Kelembagaan (legalitas badan hukum, izin usaha simpan pinjam, anggaran dasar, keanggotaan, kelengkapan organisasi)',
   'Institution (legal entity, savings and loan business licence, articles of association, membership, complete organisation)', NULL, NULL),
  ('TK3', 'Manajemen koperasi (umum, kelembagaan, permodalan, aset, likuiditas)',
   'Cooperative management (general, institutional, capital, assets, liquidity)', NULL, NULL),
  ('PR1', 'Aset produktif terhadap total aset', 'Productive assets to total assets', 'Productive assets', NULL),
  ('PR2', 'Pinjaman yang diberikan terhadap total aset produktif', 'Loans granted to total productive assets', 'Loans granted', 'Total productive assets'),
  ('PR3', 'Risiko operasional (skala usaha dan struktur organisasi, produk dan jasa)',
   'Operational risk (business scale and organisational structure, products and services)', NULL, NULL),
  ('PR4', 'Kualitas penerapan manajemen risiko', 'Quality of risk management in practice', NULL, NULL),
  ('KK1', 'Rentabilitas: SHU terhadap total aset', 'Profitability: net surplus (SHU) to total assets', NULL, NULL),
  ('KK2', 'Volume usaha terhadap total aset', 'Business volume to total assets', NULL, NULL),
  ('KK3', 'Rapat anggota tahunan (RAT) tahun buku terakhir terlaksana', 'Annual members meeting (RAT) of the last book year held', NULL, NULL),
  ('PM1', 'Modal sendiri terhadap total aset', 'Own capital to total assets', NULL, NULL),
  ('PM2', 'Modal sendiri terhadap total modal (modal sendiri + modal luar)', 'Own capital to total capital (own + external capital)', NULL, NULL)
) AS e(code, label, label_en, numerator_label_en, denominator_label_en)
WHERE c.code = e.code AND c.label = e.label;
