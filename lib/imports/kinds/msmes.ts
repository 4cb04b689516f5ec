import 'server-only'
import { KBLI_SECTIONS } from '@/lib/credit/kbli'
import registersEn from '@/lib/i18n/messages/en/registers.json'
import { GENDER_LABEL, SCALE_LABEL } from '@/lib/registers/labels'
import { maskNik, nikRegencyCode } from '@/lib/registers/nik'
import { MSME_TABLE, findMsmesByNib, insertMsme, insertMsmes, msmeRecord, updateMsmeRecord, updateMsmes, type MsmeAuditRow } from '@/lib/registers/writes'
import { msmeSchema, type MsmeInput } from '@/lib/validations/msmes'
import type { FieldDef } from '../fields'
import { formValue, locationChecks, moneyFormText, showOf } from './common'
import type { RegisterKind } from './types'

/** The English of the register's codes, as the screens show them (lib/i18n/messages/en/registers.json). */
const REGISTERS_EN = registersEn.registers

const kbliHelp = `Kode KBLI 2020 lima digit (BPS); dua digit pertama adalah golongan pokok, yang menentukan kategori: ${KBLI_SECTIONS.map((s) => `${[...new Set([s.from, s.to])].map((d) => String(d).padStart(2, '0')).join('–')} ${s.code} ${s.name}`).join('; ')}.`

export const MSME_FIELDS: FieldDef[] = [
  { key: 'nib', label: 'NIB', labelEn: 'NIB (business ID number)', synonyms: ['No. NIB', 'Nomor NIB', 'Nomor Induk Berusaha', 'No NIB'], required: true, type: 'digits', digits: 13, help: 'Nomor Induk Berusaha dari OSS, 13 digit angka. Kunci impor: NIB yang sudah terdaftar diperbarui, yang baru ditambahkan. Format kolom sebagai Teks agar nol di depan tidak hilang.', examples: ['9120001234567', '9120001234568', '9120001234569'] },
  { key: 'businessName', label: 'Nama Usaha', labelEn: 'Business name', synonyms: ['Nama UMKM', 'Usaha'], required: true, type: 'text', help: 'Nama usaha, 2–200 karakter.', examples: ['Keripik Tempe Bu Siti', 'Batik Tulis Sekar', 'Bengkel Las Makmur'] },
  { key: 'ownerName', label: 'Nama Pemilik', labelEn: 'Owner name', synonyms: ['Pemilik', 'Nama Pelaku Usaha'], required: true, type: 'text', help: 'Nama pemilik usaha, 2–120 karakter.', examples: ['Siti Aminah', 'Sri Wahyuni', 'Budi Santoso'] },
  { key: 'ownerNik', label: 'NIK Pemilik', labelEn: 'Owner NIK', synonyms: ['NIK', 'No. KTP', 'NIK KTP'], required: true, type: 'digits', digits: 16, help: 'NIK pemilik (KTP), 16 digit; empat digit pertama harus kode kabupaten/kota yang terdaftar. Format kolom sebagai Teks: Excel membulatkan angka 16 digit.', examples: ['3517014101850001', '3517014202860002', '3517010303870003'] },
  { key: 'ownerGender', label: 'Jenis Kelamin Pemilik', labelEn: 'Owner gender', synonyms: ['Jenis Kelamin', 'JK', 'L/P'], required: true, type: 'enum', options: Object.entries(GENDER_LABEL).map(([value, label]) => ({ value, label, labelEn: REGISTERS_EN.gender[value as keyof typeof GENDER_LABEL], aliases: value === 'L' ? ['Laki', 'Pria', 'Male'] : ['Wanita', 'Female'] })), help: 'Laki-laki atau Perempuan (L atau P juga diterima).', examples: ['Perempuan', 'Perempuan', 'Laki-laki'] },
  { key: 'kbli', label: 'KBLI', labelEn: 'KBLI code', synonyms: ['Kode KBLI', 'KBLI 2020'], required: true, type: 'digits', digits: 5, help: kbliHelp, examples: ['10792', '13134', '33121'] },
  { key: 'regencyCode', label: 'Kabupaten/Kota', labelEn: 'Regency/city', synonyms: ['Kode Kabupaten', 'Kab/Kota', 'Kabupaten', 'Kota', 'Kode Kab/Kota'], required: true, type: 'regency', help: 'Kode Kemendagri (35.17) atau nama (Kabupaten Jombang, Kota Malang). Nama yang cocok dengan dua wilayah (Malang) ditolak: tulis lengkap.', examples: ['35.17', 'Kabupaten Jombang', '3517'] },
  { key: 'districtCode', label: 'Kecamatan', labelEn: 'District', synonyms: ['Kode Kecamatan'], type: 'district', help: 'Kode kecamatan Kemendagri (35.17.01) atau namanya di kabupaten/kota tersebut. Boleh kosong.', examples: ['35.17.01', '', ''] },
  { key: 'villageCode', label: 'Desa/Kelurahan', labelEn: 'Village', synonyms: ['Kode Desa', 'Desa', 'Kelurahan'], type: 'village', help: 'Kode desa/kelurahan Kemendagri (35.17.01.2001) atau namanya di kecamatan tersebut. Boleh kosong.', examples: ['', '', ''] },
  { key: 'address', label: 'Alamat', labelEn: 'Address', type: 'text', help: 'Alamat usaha, paling banyak 300 karakter.', examples: ['Jl. Merdeka 10', 'Dusun Sumberejo RT 02', ''] },
  { key: 'phone', label: 'Telepon', labelEn: 'Phone', synonyms: ['No. HP', 'No HP', 'Nomor Telepon', 'HP'], type: 'text', help: '8–15 digit, boleh diawali +.', examples: ['081234567890', '', '+6281311122233'] },
  { key: 'workers', label: 'Tenaga Kerja', labelEn: 'Workers', synonyms: ['Jumlah Tenaga Kerja', 'Jumlah TK', 'Karyawan'], type: 'number', help: 'Jumlah tenaga kerja, bilangan bulat 0 atau lebih.', examples: ['3', '12', '5'] },
  { key: 'businessCapital', label: 'Modal Usaha', labelEn: 'Business capital', synonyms: ['Modal', 'Modal Usaha (Rp)'], type: 'money', help: 'Rupiah tanpa tanah dan bangunan (PP 7/2021): 25000000, 25.000.000, Rp25.000.000 atau 25.000.000,50.', examples: ['25.000.000', 'Rp150.000.000', '40000000'] },
  { key: 'annualSales', label: 'Omzet Tahunan', labelEn: 'Annual sales', synonyms: ['Omzet', 'Omset', 'Omset Tahunan', 'Penjualan Tahunan'], type: 'money', help: 'Hasil penjualan setahun dalam Rupiah, format seperti Modal Usaha.', examples: ['180.000.000', 'Rp1.250.000.000', '300000000'] },
  { key: 'recordedScale', label: 'Skala Tercatat', labelEn: 'Recorded scale', synonyms: ['Skala Usaha', 'Skala'], type: 'enum', options: Object.entries(SCALE_LABEL).map(([value, label]) => ({ value, label, labelEn: REGISTERS_EN.scale[value as keyof typeof SCALE_LABEL], aliases: [`Usaha ${label}`] })), help: 'Skala menurut OSS: Mikro, Kecil, Menengah atau Besar. Boleh kosong; skala PP 7/2021 dihitung dari angka.', examples: ['Mikro', '', 'Kecil'] },
  { key: 'newRegistration', label: 'Usaha Baru', labelEn: 'New business', synonyms: ['Pendaftaran Baru'], type: 'bool', help: 'Ya bila usaha baru (skala dihitung dari modal), kosong/Tidak bila usaha yang sudah berjalan (dari omzet).', examples: ['Tidak', 'Tidak', 'Ya'] },
  { key: 'iumkNumber', label: 'Nomor IUMK', labelEn: 'IUMK number', synonyms: ['No. IUMK', 'IUMK'], type: 'text', help: 'Nomor Izin Usaha Mikro Kecil, boleh kosong.', examples: ['', '503/12/415.17/2023', ''] },
  { key: 'iumkDate', label: 'Tanggal IUMK', labelEn: 'IUMK date', synonyms: ['Tgl IUMK'], type: 'date', help: 'Tanggal IUMK: 18/09/2024, 18-9-2024, 18 September 2024, 2024-09-18 atau sel tanggal Excel; tidak di masa depan.', examples: ['', '18/09/2023', ''] },
]

/** MSMEs (UMKM), by NIB: admins anywhere in the province, a district officer in its own regency. */
export const msmeKind: RegisterKind<MsmeAuditRow, MsmeInput> = {
  kind: 'umkm',
  permission: 'msmes.write',
  listPath: '/umkm',
  title: { id: 'UMKM', en: 'MSMEs' },
  fields: MSME_FIELDS,
  keyField: 'nib',
  // as the MSME form, whose workers start at 0: an empty cell of a new MSME is 0, not refused
  defaults: { workers: '0' },
  schema: msmeSchema,
  findExisting: (client, keys) => findMsmesByNib(client, keys),
  keyOf: (row) => row.nib,
  regencyOf: (row) => row.regencyCode,
  isDeleted: (row) => row.deletedAt !== null,
  asFormText: (row) => ({
    nib: row.nib, businessName: row.businessName, ownerName: row.ownerName, ownerNik: row.ownerNik, ownerGender: row.ownerGender, kbli: row.kbli,
    regencyCode: row.regencyCode, districtCode: row.districtCode ?? '', villageCode: row.villageCode ?? '', address: row.address ?? '', phone: row.phone ?? '',
    workers: String(row.workers), businessCapital: moneyFormText(row.businessCapital), annualSales: moneyFormText(row.annualSales),
    recordedScale: row.recordedScale ?? '', newRegistration: row.newRegistration ? 'on' : '', iumkNumber: row.iumkNumber ?? '',
    iumkDate: formValue(row.iumkDate), cooperativeId: row.cooperativeId ?? '',
  }),
  checkInput(input, regions) {
    const errors = locationChecks(input, regions)
    if (!regions.allRegencyCodes.has(nikRegencyCode(input.ownerNik))) {
      errors.ownerNik = 'Empat digit pertama NIK harus kode provinsi dan kabupaten/kota yang terdaftar (mis. 3517 untuk Kabupaten Jombang).'
    }
    return errors
  },
  show: showOf(MSME_FIELDS, { field: 'ownerNik', with: maskNik }),
  insert: (tx, actor, input) => insertMsme(tx, actor, input),
  update: (tx, actor, before, input) => updateMsmeRecord(tx, actor, before, input),
  register: { table: MSME_TABLE, record: msmeRecord },
  async writeBatch(tx, actor, creates, updates) {
    const created = await insertMsmes(tx, actor, creates)
    // after a conflict the transaction cannot go on (lib/registers/writes.ts batchInsert); the import ends there
    if (created.conflicts.length) return created.conflicts
    const updated = await updateMsmes(tx, actor, updates)
    return [...created.conflicts, ...updated.conflicts.map((i) => creates.length + i)]
  },
}
