-- The agency's holiday calendar: public holidays (libur nasional) and collective leave (cuti bersama).
-- Every working-day count in Lumbung (time-bound targets' "hari kerja", their pace and days left)
-- subtracts the weekdays listed here. The admin maintains it under Pengaturan › Hari libur.

CREATE TYPE "HolidayKind" AS ENUM ('NATIONAL_HOLIDAY', 'CUTI_BERSAMA');

CREATE TABLE "public_holidays" (
  "id" TEXT NOT NULL,
  "date" DATE NOT NULL,
  "name" VARCHAR(200) NOT NULL,
  "kind" "HolidayKind" NOT NULL,
  -- where the date comes from (the SKB), or "konfirmasi" when the agency still has to confirm it
  "source" VARCHAR(300),
  "version" INTEGER NOT NULL DEFAULT 1,
  "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "public_holidays_pkey" PRIMARY KEY ("id")
);

-- one entry per day: a day is a holiday or it is not (two observances on one day share one entry)
CREATE UNIQUE INDEX "public_holidays_date_key" ON "public_holidays"("date");

-- 2026: the SKB 3 Menteri signed 19 September 2025 (17 libur nasional, 8 cuti bersama), as published e.g. by
-- Disdik Kota Semarang, https://disdiksmg.semarangkota.go.id/post-detail/resmi-daftar-hari-libur-nasional-dan-cuti-bersama-tahun-2026-berdasarkan-skb-3-menteri
INSERT INTO "public_holidays" ("id", "date", "name", "kind", "source") VALUES
  ('libur-2026-01-01', '2026-01-01', 'Tahun Baru 2026 Masehi', 'NATIONAL_HOLIDAY', 'SKB Menteri Agama, Menteri Ketenagakerjaan dan Menteri PANRB No. 1497, 2 dan 5 Tahun 2025 (hari libur nasional dan cuti bersama 2026)'),
  ('libur-2026-01-16', '2026-01-16', 'Isra Mikraj Nabi Muhammad SAW', 'NATIONAL_HOLIDAY', 'SKB Menteri Agama, Menteri Ketenagakerjaan dan Menteri PANRB No. 1497, 2 dan 5 Tahun 2025 (hari libur nasional dan cuti bersama 2026)'),
  ('libur-2026-02-16', '2026-02-16', 'Cuti bersama Tahun Baru Imlek', 'CUTI_BERSAMA', 'SKB Menteri Agama, Menteri Ketenagakerjaan dan Menteri PANRB No. 1497, 2 dan 5 Tahun 2025 (hari libur nasional dan cuti bersama 2026)'),
  ('libur-2026-02-17', '2026-02-17', 'Tahun Baru Imlek 2577 Kongzili', 'NATIONAL_HOLIDAY', 'SKB Menteri Agama, Menteri Ketenagakerjaan dan Menteri PANRB No. 1497, 2 dan 5 Tahun 2025 (hari libur nasional dan cuti bersama 2026)'),
  ('libur-2026-03-18', '2026-03-18', 'Cuti bersama Hari Suci Nyepi', 'CUTI_BERSAMA', 'SKB Menteri Agama, Menteri Ketenagakerjaan dan Menteri PANRB No. 1497, 2 dan 5 Tahun 2025 (hari libur nasional dan cuti bersama 2026)'),
  ('libur-2026-03-19', '2026-03-19', 'Hari Suci Nyepi (Tahun Baru Saka 1948)', 'NATIONAL_HOLIDAY', 'SKB Menteri Agama, Menteri Ketenagakerjaan dan Menteri PANRB No. 1497, 2 dan 5 Tahun 2025 (hari libur nasional dan cuti bersama 2026)'),
  ('libur-2026-03-20', '2026-03-20', 'Cuti bersama Idul Fitri 1447 H', 'CUTI_BERSAMA', 'SKB Menteri Agama, Menteri Ketenagakerjaan dan Menteri PANRB No. 1497, 2 dan 5 Tahun 2025 (hari libur nasional dan cuti bersama 2026)'),
  ('libur-2026-03-21', '2026-03-21', 'Idul Fitri 1447 H (hari pertama)', 'NATIONAL_HOLIDAY', 'SKB Menteri Agama, Menteri Ketenagakerjaan dan Menteri PANRB No. 1497, 2 dan 5 Tahun 2025 (hari libur nasional dan cuti bersama 2026)'),
  ('libur-2026-03-22', '2026-03-22', 'Idul Fitri 1447 H (hari kedua)', 'NATIONAL_HOLIDAY', 'SKB Menteri Agama, Menteri Ketenagakerjaan dan Menteri PANRB No. 1497, 2 dan 5 Tahun 2025 (hari libur nasional dan cuti bersama 2026)'),
  ('libur-2026-03-23', '2026-03-23', 'Cuti bersama Idul Fitri 1447 H', 'CUTI_BERSAMA', 'SKB Menteri Agama, Menteri Ketenagakerjaan dan Menteri PANRB No. 1497, 2 dan 5 Tahun 2025 (hari libur nasional dan cuti bersama 2026)'),
  ('libur-2026-03-24', '2026-03-24', 'Cuti bersama Idul Fitri 1447 H', 'CUTI_BERSAMA', 'SKB Menteri Agama, Menteri Ketenagakerjaan dan Menteri PANRB No. 1497, 2 dan 5 Tahun 2025 (hari libur nasional dan cuti bersama 2026)'),
  ('libur-2026-04-03', '2026-04-03', 'Wafat Yesus Kristus', 'NATIONAL_HOLIDAY', 'SKB Menteri Agama, Menteri Ketenagakerjaan dan Menteri PANRB No. 1497, 2 dan 5 Tahun 2025 (hari libur nasional dan cuti bersama 2026)'),
  ('libur-2026-04-05', '2026-04-05', 'Kebangkitan Yesus Kristus (Paskah)', 'NATIONAL_HOLIDAY', 'SKB Menteri Agama, Menteri Ketenagakerjaan dan Menteri PANRB No. 1497, 2 dan 5 Tahun 2025 (hari libur nasional dan cuti bersama 2026)'),
  ('libur-2026-05-01', '2026-05-01', 'Hari Buruh Internasional', 'NATIONAL_HOLIDAY', 'SKB Menteri Agama, Menteri Ketenagakerjaan dan Menteri PANRB No. 1497, 2 dan 5 Tahun 2025 (hari libur nasional dan cuti bersama 2026)'),
  ('libur-2026-05-14', '2026-05-14', 'Kenaikan Yesus Kristus', 'NATIONAL_HOLIDAY', 'SKB Menteri Agama, Menteri Ketenagakerjaan dan Menteri PANRB No. 1497, 2 dan 5 Tahun 2025 (hari libur nasional dan cuti bersama 2026)'),
  ('libur-2026-05-15', '2026-05-15', 'Cuti bersama Kenaikan Yesus Kristus', 'CUTI_BERSAMA', 'SKB Menteri Agama, Menteri Ketenagakerjaan dan Menteri PANRB No. 1497, 2 dan 5 Tahun 2025 (hari libur nasional dan cuti bersama 2026)'),
  ('libur-2026-05-27', '2026-05-27', 'Idul Adha 1447 H', 'NATIONAL_HOLIDAY', 'SKB Menteri Agama, Menteri Ketenagakerjaan dan Menteri PANRB No. 1497, 2 dan 5 Tahun 2025 (hari libur nasional dan cuti bersama 2026)'),
  ('libur-2026-05-28', '2026-05-28', 'Cuti bersama Idul Adha 1447 H', 'CUTI_BERSAMA', 'SKB Menteri Agama, Menteri Ketenagakerjaan dan Menteri PANRB No. 1497, 2 dan 5 Tahun 2025 (hari libur nasional dan cuti bersama 2026)'),
  ('libur-2026-05-31', '2026-05-31', 'Hari Raya Waisak 2570 BE', 'NATIONAL_HOLIDAY', 'SKB Menteri Agama, Menteri Ketenagakerjaan dan Menteri PANRB No. 1497, 2 dan 5 Tahun 2025 (hari libur nasional dan cuti bersama 2026)'),
  ('libur-2026-06-01', '2026-06-01', 'Hari Lahir Pancasila', 'NATIONAL_HOLIDAY', 'SKB Menteri Agama, Menteri Ketenagakerjaan dan Menteri PANRB No. 1497, 2 dan 5 Tahun 2025 (hari libur nasional dan cuti bersama 2026)'),
  ('libur-2026-06-16', '2026-06-16', '1 Muharam Tahun Baru Islam 1448 H', 'NATIONAL_HOLIDAY', 'SKB Menteri Agama, Menteri Ketenagakerjaan dan Menteri PANRB No. 1497, 2 dan 5 Tahun 2025 (hari libur nasional dan cuti bersama 2026)'),
  ('libur-2026-08-17', '2026-08-17', 'Proklamasi Kemerdekaan', 'NATIONAL_HOLIDAY', 'SKB Menteri Agama, Menteri Ketenagakerjaan dan Menteri PANRB No. 1497, 2 dan 5 Tahun 2025 (hari libur nasional dan cuti bersama 2026)'),
  ('libur-2026-08-25', '2026-08-25', 'Maulid Nabi Muhammad SAW', 'NATIONAL_HOLIDAY', 'SKB Menteri Agama, Menteri Ketenagakerjaan dan Menteri PANRB No. 1497, 2 dan 5 Tahun 2025 (hari libur nasional dan cuti bersama 2026)'),
  ('libur-2026-12-24', '2026-12-24', 'Cuti bersama Hari Raya Natal', 'CUTI_BERSAMA', 'SKB Menteri Agama, Menteri Ketenagakerjaan dan Menteri PANRB No. 1497, 2 dan 5 Tahun 2025 (hari libur nasional dan cuti bersama 2026)'),
  ('libur-2026-12-25', '2026-12-25', 'Kelahiran Yesus Kristus', 'NATIONAL_HOLIDAY', 'SKB Menteri Agama, Menteri Ketenagakerjaan dan Menteri PANRB No. 1497, 2 dan 5 Tahun 2025 (hari libur nasional dan cuti bersama 2026)');

-- 2027: the SKB for 2027 was not available to Lumbung. Only days whose date is certain are entered, each
-- marked "konfirmasi": the fixed-date holidays, and Good Friday, Easter and Ascension (computed from the
-- Gregorian Easter date, 28 March 2027). The Islamic, Hindu, Buddhist and Chinese holidays and every cuti
-- bersama of 2027 are left for the agency to enter from the SKB, so nothing is guessed.
INSERT INTO "public_holidays" ("id", "date", "name", "kind", "source") VALUES
  ('libur-2027-01-01', '2027-01-01', 'Tahun Baru 2027 Masehi', 'NATIONAL_HOLIDAY', 'Tanggal tetap; SKB 3 Menteri 2027 — konfirmasi'),
  ('libur-2027-03-26', '2027-03-26', 'Wafat Yesus Kristus', 'NATIONAL_HOLIDAY', 'Jumat sebelum Paskah 28 Maret 2027; SKB 3 Menteri 2027 — konfirmasi'),
  ('libur-2027-03-28', '2027-03-28', 'Kebangkitan Yesus Kristus (Paskah)', 'NATIONAL_HOLIDAY', 'Paskah 28 Maret 2027; SKB 3 Menteri 2027 — konfirmasi'),
  ('libur-2027-05-01', '2027-05-01', 'Hari Buruh Internasional', 'NATIONAL_HOLIDAY', 'Tanggal tetap; SKB 3 Menteri 2027 — konfirmasi'),
  ('libur-2027-05-06', '2027-05-06', 'Kenaikan Yesus Kristus', 'NATIONAL_HOLIDAY', '39 hari setelah Paskah 28 Maret 2027; SKB 3 Menteri 2027 — konfirmasi'),
  ('libur-2027-06-01', '2027-06-01', 'Hari Lahir Pancasila', 'NATIONAL_HOLIDAY', 'Tanggal tetap; SKB 3 Menteri 2027 — konfirmasi'),
  ('libur-2027-08-17', '2027-08-17', 'Proklamasi Kemerdekaan', 'NATIONAL_HOLIDAY', 'Tanggal tetap; SKB 3 Menteri 2027 — konfirmasi'),
  ('libur-2027-12-25', '2027-12-25', 'Kelahiran Yesus Kristus', 'NATIONAL_HOLIDAY', 'Tanggal tetap; SKB 3 Menteri 2027 — konfirmasi');
