-- Cooperative health assessment per Permenkop 9/2020 (issue 15): the agency's template becomes a
-- versioned worksheet of components (ratios and questionnaire answers) with weights and value→score
-- bands, and each assessment keeps the answers that computed it. `health_assessments` stays the record
-- of every assessment's aspect scores, total, outcome and date (dashboards, the register and the
-- time-bound targets read it); this migration only adds to it.

CREATE TYPE "HealthAspect" AS ENUM ('GOVERNANCE', 'RISK_PROFILE', 'FINANCIAL', 'CAPITAL');
-- RATIO: numerator ÷ denominator × 100, scored by bands; YES_NO: ya 100, tidak 0; SCALE_1_5: answer × 20
CREATE TYPE "HealthComponentKind" AS ENUM ('RATIO', 'YES_NO', 'SCALE_1_5');

-- One row per template version; a version is never changed once written (an edit inserts the next
-- version, and the unique primary key makes two concurrent edits of the same version land once).
CREATE TABLE "health_templates" (
    "version" INTEGER NOT NULL,
    "band_sehat" DECIMAL(5,2) NOT NULL,
    "band_cukup_sehat" DECIMAL(5,2) NOT NULL,
    "band_dalam_pengawasan" DECIMAL(5,2) NOT NULL,
    "bands_source" TEXT NOT NULL,
    "created_by" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "health_templates_pkey" PRIMARY KEY ("version"),
    CONSTRAINT "health_templates_bands_check" CHECK ("band_dalam_pengawasan" < "band_cukup_sehat" AND "band_cukup_sehat" < "band_sehat" AND "band_sehat" <= 100 AND "band_dalam_pengawasan" >= 0)
);

CREATE TABLE "health_template_components" (
    "id" TEXT NOT NULL,
    "template_version" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "code" VARCHAR(16) NOT NULL,
    "aspect" "HealthAspect" NOT NULL,
    "label" TEXT NOT NULL,
    "kind" "HealthComponentKind" NOT NULL,
    -- a cooperative yearly figure (OWN_CAPITAL, EXTERNAL_CAPITAL, TOTAL_CAPITAL, ASSETS, BUSINESS_VOLUME,
    -- NET_SURPLUS) that prefills the ratio's part, or NULL when the assessor enters it
    "numerator" VARCHAR(32),
    "denominator" VARCHAR(32),
    "numerator_label" TEXT,
    "denominator_label" TEXT,
    -- percent of the total score; a version's weights add up to 100
    "weight" DECIMAL(5,2) NOT NULL,
    -- RATIO only: [{"min": percent, "score": 0..100}, ...] with strictly descending min
    "bands" JSONB,
    "source" TEXT NOT NULL,
    CONSTRAINT "health_template_components_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "health_template_components_template_version_fkey" FOREIGN KEY ("template_version") REFERENCES "health_templates"("version") ON DELETE RESTRICT ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "health_template_components_template_version_code_key" ON "health_template_components"("template_version", "code");

CREATE TABLE "health_assessment_answers" (
    "id" TEXT NOT NULL,
    "assessment_id" TEXT NOT NULL,
    "component_id" TEXT NOT NULL,
    "numerator" DECIMAL(20,2),
    "denominator" DECIMAL(20,2),
    -- the ratio in percent, or the questionnaire answer (1/0, 1..5)
    "value" DECIMAL(14,4) NOT NULL,
    "score" DECIMAL(5,2) NOT NULL,
    -- the book year whose figures gave the ratio unchanged; NULL when the assessor entered or changed them
    "figures_year" INTEGER,
    CONSTRAINT "health_assessment_answers_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "health_assessment_answers_assessment_id_fkey" FOREIGN KEY ("assessment_id") REFERENCES "health_assessments"("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "health_assessment_answers_component_id_fkey" FOREIGN KEY ("component_id") REFERENCES "health_template_components"("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "health_assessment_answers_assessment_id_component_id_key" ON "health_assessment_answers"("assessment_id", "component_id");

-- The first component template. Its number follows every version used so far (the earlier aspect-level
-- template lived in settings under 'health.template', and assessments recorded its version), so a
-- template version always names one template. Its outcome bands carry over the agency's saved ones.
WITH prior AS (
  SELECT GREATEST(
    COALESCE((SELECT version FROM settings WHERE key = 'health.template'), 0),
    COALESCE((SELECT max(template_version) FROM health_assessments), 0)
  ) + 1 AS v,
  (SELECT value FROM settings WHERE key = 'health.template') AS old
)
INSERT INTO "health_templates" ("version", "band_sehat", "band_cukup_sehat", "band_dalam_pengawasan", "bands_source", "created_by")
SELECT v,
  COALESCE((old #>> '{bands,sehat}')::numeric, 80),
  COALESCE((old #>> '{bands,cukupSehat}')::numeric, 66),
  COALESCE((old #>> '{bands,dalamPengawasan}')::numeric, 51),
  CASE WHEN old IS NULL THEN 'Perdep Bidang Pengawasan 06/Per/Dep.6/IV/2016 (80/66/51); setelan dinas — konfirmasi terhadap Permenkop 9/2020 Lampiran'
       ELSE COALESCE(NULLIF(old #>> '{sources,bands}', ''), 'setelan dinas — konfirmasi') END,
  'migrasi'
FROM prior;

-- The structure (four aspects and their components) follows the published Permenkop 9/2020 worksheet
-- (tata kelola: prinsip koperasi, kelembagaan, manajemen; profil risiko: risiko inheren (aset produktif,
-- pinjaman) and the quality of risk management; kinerja keuangan; permodalan). No weight or ratio band
-- could be sourced to the regulation's text here, so each says "setelan dinas — konfirmasi".
INSERT INTO "health_template_components" ("id", "template_version", "position", "code", "aspect", "label", "kind", "numerator", "denominator", "numerator_label", "denominator_label", "weight", "bands", "source")
SELECT 'htc_' || t.version || '_' || c.code, t.version, c.position, c.code, c.aspect::"HealthAspect", c.label, c.kind::"HealthComponentKind",
       c.numerator, c.denominator, c.numerator_label, c.denominator_label, c.weight, c.bands::jsonb, c.source
FROM (SELECT max(version) AS version FROM health_templates) t,
(VALUES
  (1, 'TK1', 'GOVERNANCE', 'Prinsip koperasi (keanggotaan sukarela, pengelolaan demokratis, SHU adil, kemandirian, pendidikan, kerja sama)', 'SCALE_1_5', NULL, NULL, NULL, NULL, 8, NULL,
      'Struktur: Permenkop 9/2020 Lampiran, aspek tata kelola (I. prinsip koperasi); bobot: setelan dinas — konfirmasi'),
  (2, 'TK2', 'GOVERNANCE', 'Kelembagaan (legalitas badan hukum, izin usaha simpan pinjam, anggaran dasar, keanggotaan, kelengkapan organisasi)', 'SCALE_1_5', NULL, NULL, NULL, NULL, 8, NULL,
      'Struktur: Permenkop 9/2020 Lampiran, aspek tata kelola (II. kelembagaan); bobot: setelan dinas — konfirmasi'),
  (3, 'TK3', 'GOVERNANCE', 'Manajemen koperasi (umum, kelembagaan, permodalan, aset, likuiditas)', 'SCALE_1_5', NULL, NULL, NULL, NULL, 9, NULL,
      'Struktur: Permenkop 9/2020 Lampiran, aspek tata kelola (III. manajemen koperasi); bobot: setelan dinas — konfirmasi'),
  (4, 'PR1', 'RISK_PROFILE', 'Aset produktif terhadap total aset', 'RATIO', NULL, 'ASSETS', 'Aset produktif', NULL, 7, '[{"min":75,"score":100},{"min":60,"score":75},{"min":40,"score":50},{"min":0,"score":25}]',
      'Struktur: Permenkop 9/2020 Lampiran, profil risiko (risiko inheren: risiko pinjaman); bobot dan batas: setelan dinas — konfirmasi'),
  (5, 'PR2', 'RISK_PROFILE', 'Pinjaman yang diberikan terhadap total aset produktif', 'RATIO', NULL, NULL, 'Pinjaman yang diberikan', 'Total aset produktif', 6, '[{"min":75,"score":100},{"min":60,"score":75},{"min":40,"score":50},{"min":0,"score":25}]',
      'Struktur: Permenkop 9/2020 Lampiran, profil risiko (risiko inheren: risiko pinjaman); bobot dan batas: setelan dinas — konfirmasi'),
  (6, 'PR3', 'RISK_PROFILE', 'Risiko operasional (skala usaha dan struktur organisasi, produk dan jasa)', 'SCALE_1_5', NULL, NULL, NULL, NULL, 6, NULL,
      'Struktur: Permenkop 9/2020 Lampiran, profil risiko (risiko inheren: risiko operasional); bobot: setelan dinas — konfirmasi'),
  (7, 'PR4', 'RISK_PROFILE', 'Kualitas penerapan manajemen risiko', 'SCALE_1_5', NULL, NULL, NULL, NULL, 6, NULL,
      'Struktur: Permenkop 9/2020 Lampiran, profil risiko (kualitas penerapan manajemen risiko); bobot: setelan dinas — konfirmasi'),
  (8, 'KK1', 'FINANCIAL', 'Rentabilitas: SHU terhadap total aset', 'RATIO', 'NET_SURPLUS', 'ASSETS', NULL, NULL, 10, '[{"min":7.5,"score":100},{"min":5,"score":75},{"min":2.5,"score":50},{"min":0,"score":25}]',
      'Struktur: Permenkop 9/2020 Lampiran, kinerja keuangan; rasio, bobot dan batas: setelan dinas — konfirmasi'),
  (9, 'KK2', 'FINANCIAL', 'Volume usaha terhadap total aset', 'RATIO', 'BUSINESS_VOLUME', 'ASSETS', NULL, NULL, 8, '[{"min":100,"score":100},{"min":75,"score":75},{"min":50,"score":50},{"min":0,"score":25}]',
      'Struktur: Permenkop 9/2020 Lampiran, kinerja keuangan; rasio, bobot dan batas: setelan dinas — konfirmasi'),
  (10, 'KK3', 'FINANCIAL', 'Rapat anggota tahunan (RAT) tahun buku terakhir terlaksana', 'YES_NO', NULL, NULL, NULL, NULL, 7, NULL,
      'Setelan dinas — konfirmasi (butir dan bobot)'),
  (11, 'PM1', 'CAPITAL', 'Modal sendiri terhadap total aset', 'RATIO', 'OWN_CAPITAL', 'ASSETS', NULL, NULL, 13, '[{"min":20,"score":100},{"min":10,"score":75},{"min":5,"score":50},{"min":0,"score":25}]',
      'Struktur: Permenkop 9/2020 Lampiran, aspek permodalan; bobot dan batas: setelan dinas — konfirmasi'),
  (12, 'PM2', 'CAPITAL', 'Modal sendiri terhadap total modal (modal sendiri + modal luar)', 'RATIO', 'OWN_CAPITAL', 'TOTAL_CAPITAL', NULL, NULL, 12, '[{"min":50,"score":100},{"min":30,"score":75},{"min":15,"score":50},{"min":0,"score":25}]',
      'Struktur: Permenkop 9/2020 Lampiran, aspek permodalan; bobot dan batas: setelan dinas — konfirmasi')
) AS c(position, code, aspect, label, kind, numerator, denominator, numerator_label, denominator_label, weight, bands, source);
