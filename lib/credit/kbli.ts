/**
 * KBLI 2020 (Klasifikasi Baku Lapangan Usaha Indonesia, BPS): the 21 sections A–U and the two-digit
 * divisions (golongan pokok) each covers. An MSME's 5-digit KBLI code starts with its division, so
 * `left(kbli, 2)` names the section. The credit dashboard joins this table in SQL (one source).
 */
export type KbliSection = { code: string; from: number; to: number; name: string; nameEn: string }

export const KBLI_SECTIONS: readonly KbliSection[] = [
  { code: 'A', from: 1, to: 3, name: 'Pertanian, Kehutanan dan Perikanan', nameEn: 'Agriculture, forestry and fishing' },
  { code: 'B', from: 5, to: 9, name: 'Pertambangan dan Penggalian', nameEn: 'Mining and quarrying' },
  { code: 'C', from: 10, to: 33, name: 'Industri Pengolahan', nameEn: 'Manufacturing' },
  { code: 'D', from: 35, to: 35, name: 'Pengadaan Listrik, Gas, Uap/Air Panas dan Udara Dingin', nameEn: 'Electricity, gas, steam and air conditioning supply' },
  { code: 'E', from: 36, to: 39, name: 'Pengelolaan Air, Air Limbah, Sampah dan Remediasi', nameEn: 'Water supply, sewerage, waste management and remediation' },
  { code: 'F', from: 41, to: 43, name: 'Konstruksi', nameEn: 'Construction' },
  { code: 'G', from: 45, to: 47, name: 'Perdagangan Besar dan Eceran; Reparasi Mobil dan Sepeda Motor', nameEn: 'Wholesale and retail trade; repair of motor vehicles' },
  { code: 'H', from: 49, to: 53, name: 'Pengangkutan dan Pergudangan', nameEn: 'Transportation and storage' },
  { code: 'I', from: 55, to: 56, name: 'Penyediaan Akomodasi dan Makan Minum', nameEn: 'Accommodation and food service' },
  { code: 'J', from: 58, to: 63, name: 'Informasi dan Komunikasi', nameEn: 'Information and communication' },
  { code: 'K', from: 64, to: 66, name: 'Aktivitas Keuangan dan Asuransi', nameEn: 'Financial and insurance activities' },
  { code: 'L', from: 68, to: 68, name: 'Real Estat', nameEn: 'Real estate' },
  { code: 'M', from: 69, to: 75, name: 'Aktivitas Profesional, Ilmiah dan Teknis', nameEn: 'Professional, scientific and technical activities' },
  { code: 'N', from: 77, to: 82, name: 'Aktivitas Penyewaan, Ketenagakerjaan, Agen Perjalanan dan Penunjang Usaha', nameEn: 'Rental, employment, travel agency and business support' },
  { code: 'O', from: 84, to: 84, name: 'Administrasi Pemerintahan, Pertahanan dan Jaminan Sosial Wajib', nameEn: 'Public administration, defence and compulsory social security' },
  { code: 'P', from: 85, to: 85, name: 'Pendidikan', nameEn: 'Education' },
  { code: 'Q', from: 86, to: 88, name: 'Aktivitas Kesehatan Manusia dan Aktivitas Sosial', nameEn: 'Human health and social work' },
  { code: 'R', from: 90, to: 93, name: 'Kesenian, Hiburan dan Rekreasi', nameEn: 'Arts, entertainment and recreation' },
  { code: 'S', from: 94, to: 96, name: 'Aktivitas Jasa Lainnya', nameEn: 'Other service activities' },
  { code: 'T', from: 97, to: 98, name: 'Aktivitas Rumah Tangga sebagai Pemberi Kerja', nameEn: 'Activities of households as employers' },
  { code: 'U', from: 99, to: 99, name: 'Aktivitas Badan Internasional dan Ekstra Internasional', nameEn: 'Activities of extraterritorial organisations' },
]

/** The section letter of a KBLI code (any length from 2 digits), or null when no section has its division. */
export function kbliSection(kbli: string | null | undefined): string | null {
  if (!kbli || !/^\d{2}/.test(kbli)) return null
  const division = Number(kbli.slice(0, 2))
  return KBLI_SECTIONS.find((s) => division >= s.from && division <= s.to)?.code ?? null
}

/** Every assigned two-digit division with its section: the rows of the SQL join table. */
export function kbliDivisions(): { division: string; section: string }[] {
  return KBLI_SECTIONS.flatMap((s) => Array.from({ length: s.to - s.from + 1 }, (_, i) => ({ division: String(s.from + i).padStart(2, '0'), section: s.code })))
}

/** The section's name in the UI language (`Tidak diketahui` for codes outside the table). */
export function kbliSectionName(code: string | null, locale: 'id' | 'en' = 'id'): string {
  const s = KBLI_SECTIONS.find((x) => x.code === code)
  if (!s) return locale === 'en' ? 'Unknown' : 'Tidak diketahui'
  return locale === 'en' ? s.nameEn : s.name
}

/**
 * Divisions whose KBLI 2020 codes are only these (households as employers, extraterritorial
 * organisations): a code such as 99999 starts with a valid division yet names no activity.
 */
const ONLY_CODES: Record<string, readonly string[]> = { '97': ['97000'], '98': ['98100', '98200'], '99': ['99000'] }

/**
 * Whether a 5-digit code can be a KBLI 2020 activity: its division (first two digits) is one of the
 * assigned divisions of the 21 sections (00, 04, 34, 40, 44, 48, 54, 57, 67, 76, 83 and 89 are not),
 * and for the divisions with a single activity, that activity.
 */
export function isKbliCode(code: string): boolean {
  if (!/^\d{5}$/.test(code) || !kbliSection(code)) return false
  const only = ONLY_CODES[code.slice(0, 2)]
  return !only || only.includes(code)
}
