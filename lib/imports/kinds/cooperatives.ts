import 'server-only'
import registersEn from '@/lib/i18n/messages/en/registers.json'
import { FORM_LABEL, PATTERN_LABEL, TYPE_LABEL } from '@/lib/registers/labels'
import { COOPERATIVE_TABLE, cooperativeRecord, findCooperativesByNik, insertCooperative, insertCooperatives, updateCooperativeRecord, updateCooperatives, type CooperativeAuditRow } from '@/lib/registers/writes'
import { cooperativeSchema, type CooperativeInput } from '@/lib/validations/cooperatives'
import type { FieldDef } from '../fields'
import { formValue, locationChecks, showOf } from './common'
import type { RegisterKind } from './types'

/** The English of the register's codes, as the screens show them (lib/i18n/messages/en/registers.json). */
const REGISTERS_EN = registersEn.registers

/** An enum's options from the register's labels, with the English the screens use (lib/i18n/messages/en/registers.json). */
const options = (labels: Record<string, string>, english: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label, labelEn: english[value] }))

export const COOPERATIVE_FIELDS: FieldDef[] = [
  { key: 'nik', label: 'NIK Koperasi', labelEn: 'Cooperative NIK', synonyms: ['NIK', 'No. NIK Koperasi', 'Nomor Induk Koperasi'], required: true, type: 'digits', digits: 16, help: 'Nomor Induk Koperasi dari ODS Kementerian, 16 digit. Kunci impor: NIK yang sudah terdaftar diperbarui, yang baru ditambahkan. Format kolom sebagai Teks.', examples: ['3517040010001', '3517040010002', '3517040010003'].map((x) => x.padEnd(16, '0')) },
  { key: 'name', label: 'Nama Koperasi', labelEn: 'Cooperative name', synonyms: ['Nama', 'Koperasi'], required: true, type: 'text', help: 'Nama koperasi, 3–200 karakter.', examples: ['KUD Tani Makmur', 'Kopwan Sekar Arum', 'KSP Artha Jaya'] },
  { key: 'type', label: 'Jenis', labelEn: 'Type', synonyms: ['Jenis Koperasi'], required: true, type: 'enum', options: options(TYPE_LABEL, REGISTERS_EN.type), help: `Salah satu: ${Object.values(TYPE_LABEL).join(', ')}.`, examples: ['Produsen', 'Konsumen', 'Simpan Pinjam'] },
  { key: 'form', label: 'Bentuk', labelEn: 'Form', synonyms: ['Bentuk Koperasi'], type: 'enum', options: options(FORM_LABEL, REGISTERS_EN.form), help: 'Primer atau Sekunder. Tidak wajib: kosong pada koperasi baru berarti Primer (pilihan awal formulir), pada koperasi terdaftar tetap yang tersimpan.', examples: ['Primer', 'Primer', 'Primer'] },
  { key: 'pattern', label: 'Pola', labelEn: 'Pattern', synonyms: ['Pola Usaha', 'Pola Koperasi'], type: 'enum', options: options(PATTERN_LABEL, REGISTERS_EN.pattern), help: 'Konvensional atau Syariah. Tidak wajib: kosong pada koperasi baru berarti Konvensional (pilihan awal formulir), pada koperasi terdaftar tetap yang tersimpan.', examples: ['Konvensional', 'Konvensional', 'Syariah'] },
  { key: 'groupName', label: 'Kelompok', labelEn: 'Group', synonyms: ['Kelompok Koperasi'], type: 'text', help: 'Mis. KUD, Kopwan, KPRI, Kopontren. Boleh kosong.', examples: ['KUD', 'Kopwan', ''] },
  { key: 'legalEntityNumber', label: 'Nomor Badan Hukum', labelEn: 'Legal entity number', synonyms: ['No. Badan Hukum', 'No BH', 'Nomor BH'], type: 'text', help: 'Nomor akta badan hukum, boleh kosong.', examples: ['1234/BH/XVI/1996', '', 'AHU-0001234.AH.01.26.2019'] },
  { key: 'legalEntityDate', label: 'Tanggal Badan Hukum', labelEn: 'Legal entity date', synonyms: ['Tgl Badan Hukum', 'Tanggal BH'], type: 'date', help: 'Tanggal badan hukum: 18/09/2024, 18 September 2024, 2024-09-18 atau sel tanggal Excel; tidak di masa depan.', examples: ['12/03/1996', '', '5 Juni 2019'] },
  { key: 'regencyCode', label: 'Kabupaten/Kota', labelEn: 'Regency/city', synonyms: ['Kode Kabupaten', 'Kab/Kota', 'Kabupaten', 'Kota'], required: true, type: 'regency', help: 'Kode Kemendagri (35.17) atau nama (Kabupaten Jombang, Kota Malang). Nama yang cocok dengan dua wilayah (Malang) ditolak: tulis lengkap.', examples: ['35.17', 'Kabupaten Jombang', '3517'] },
  { key: 'districtCode', label: 'Kecamatan', labelEn: 'District', synonyms: ['Kode Kecamatan'], type: 'district', help: 'Kode kecamatan Kemendagri (35.17.01) atau namanya. Boleh kosong.', examples: ['', '', ''] },
  { key: 'villageCode', label: 'Desa/Kelurahan', labelEn: 'Village', synonyms: ['Kode Desa', 'Desa', 'Kelurahan'], type: 'village', help: 'Kode desa/kelurahan Kemendagri (35.17.01.2001) atau namanya di kecamatan tersebut. Boleh kosong.', examples: ['', '', ''] },
  { key: 'address', label: 'Alamat', labelEn: 'Address', type: 'text', help: 'Alamat kantor, paling banyak 300 karakter.', examples: ['Jl. Raya Diwek 5', '', ''] },
  { key: 'membersMale', label: 'Anggota Laki-laki', labelEn: 'Male members', synonyms: ['Anggota L', 'Jumlah Anggota Laki-laki'], type: 'number', help: 'Bilangan bulat 0 atau lebih.', examples: ['120', '0', '310'] },
  { key: 'membersFemale', label: 'Anggota Perempuan', labelEn: 'Female members', synonyms: ['Anggota P', 'Jumlah Anggota Perempuan'], type: 'number', help: 'Bilangan bulat 0 atau lebih.', examples: ['85', '240', '290'] },
  { key: 'managers', label: 'Pengurus', labelEn: 'Board members', synonyms: ['Jumlah Pengurus'], type: 'number', help: 'Bilangan bulat 0–1000.', examples: ['5', '3', '5'] },
  { key: 'employees', label: 'Karyawan', labelEn: 'Employees', synonyms: ['Jumlah Karyawan'], type: 'number', help: 'Bilangan bulat 0 atau lebih.', examples: ['4', '1', '12'] },
  { key: 'active', label: 'Aktif', labelEn: 'Active', synonyms: ['Status Aktif', 'Status'], type: 'bool', help: 'Ya (aktif) atau Tidak (tidak aktif).', examples: ['Ya', 'Ya', 'Tidak'] },
]

/** Cooperatives, by NIK koperasi: admins anywhere in the province, a district officer in its own regency. */
export const cooperativeKind: RegisterKind<CooperativeAuditRow, CooperativeInput> = {
  kind: 'koperasi',
  permission: 'cooperatives.write',
  listPath: '/koperasi',
  title: { id: 'Koperasi', en: 'Cooperatives' },
  fields: COOPERATIVE_FIELDS,
  keyField: 'nik',
  // as the cooperative form, whose Bentuk and Pola start at Primer and Konvensional (no empty choice) and its counts
  // at 0: so these are not required columns, an empty cell of a new cooperative takes the form's first value
  defaults: { active: 'on', form: 'PRIMER', pattern: 'KONVENSIONAL', membersMale: '0', membersFemale: '0', managers: '0', employees: '0' },
  schema: cooperativeSchema,
  findExisting: (client, keys) => findCooperativesByNik(client, keys),
  keyOf: (row) => row.nik,
  regencyOf: (row) => row.regencyCode,
  isDeleted: (row) => row.deletedAt !== null,
  asFormText: (row) => ({
    nik: row.nik, legalEntityNumber: row.legalEntityNumber ?? '', legalEntityDate: formValue(row.legalEntityDate), name: row.name, type: row.type,
    form: row.form, pattern: row.pattern, groupName: row.groupName ?? '', regencyCode: row.regencyCode, districtCode: row.districtCode ?? '',
    villageCode: row.villageCode ?? '', address: row.address ?? '', membersMale: String(row.membersMale), membersFemale: String(row.membersFemale),
    managers: String(row.managers), employees: String(row.employees), active: row.active ? 'on' : '',
  }),
  checkInput: (input, regions) => locationChecks(input, regions),
  show: showOf(COOPERATIVE_FIELDS),
  insert: (tx, actor, input) => insertCooperative(tx, actor, input),
  update: (tx, actor, before, input) => updateCooperativeRecord(tx, actor, before, input),
  register: { table: COOPERATIVE_TABLE, record: cooperativeRecord },
  async writeBatch(tx, actor, creates, updates) {
    const created = await insertCooperatives(tx, actor, creates)
    // after a conflict the transaction cannot go on (lib/registers/writes.ts batchInsert); the import ends there
    if (created.conflicts.length) return created.conflicts
    const updated = await updateCooperatives(tx, actor, updates)
    return [...created.conflicts, ...updated.conflicts.map((i) => creates.length + i)]
  },
}
