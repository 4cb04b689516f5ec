import 'server-only'
import type { z } from 'zod'
import { writeCooperativeYear } from '@/lib/registers/writes'
import { cooperativeYearSchema, type CooperativeYearInput } from '@/lib/validations/cooperatives'
import type { FieldDef } from '../fields'
import { formValue, moneyFormText, showOf } from './common'
import type { RegisterKind } from './types'

/** A stored book year as the import compares it, with its cooperative's NIK, regency and deletion. */
type YearRow = {
  id: string; cooperativeId: string; nik: string; year: number; regencyCode: string; deletedAt: Date | null
  ownCapital: unknown; externalCapital: unknown; assets: unknown; businessVolume: unknown; netSurplus: unknown; ratHeld: boolean; ratDate: Date | null
}

type Prepared = {
  /** NIK koperasi → the cooperative */
  cooperatives: Map<string, { id: string; regencyCode: string; deletedAt: Date | null }>
}

const nikOf = (values: Record<string, string>) => (values.nik ?? '').trim()
const yearOf = (values: Record<string, string>) => (values.year ?? '').trim()

export const COOPERATIVE_YEAR_FIELDS: FieldDef[] = [
  { key: 'nik', label: 'NIK Koperasi', labelEn: 'Cooperative NIK', synonyms: ['NIK', 'No. NIK Koperasi', 'Nomor Induk Koperasi'], required: true, type: 'digits', digits: 16, help: 'NIK koperasi yang sudah terdaftar di Lumbung, 16 digit. Kunci impor bersama tahun buku: satu baris per koperasi per tahun. Format kolom sebagai Teks.', examples: ['3517040010001000', '3517040010002000', '3517040010001000'] },
  { key: 'year', label: 'Tahun Buku', labelEn: 'Book year', synonyms: ['Tahun', 'Tahun Buku RAT'], required: true, type: 'number', help: 'Tahun buku, mis. 2025; tidak di masa depan. Angka tahun yang sudah tercatat diperbarui.', examples: ['2025', '2025', '2024'] },
  { key: 'ownCapital', label: 'Modal Sendiri', labelEn: 'Own capital', synonyms: ['Modal Sendiri (Rp)'], type: 'money', help: 'Rupiah: 1.500.000, 1500000 atau Rp1.500.000. Kosong berarti belum dilaporkan (bukan 0) untuk tahun baru, tetap untuk tahun yang sudah tercatat; tulis 0 bila angkanya memang nol.', examples: ['250.000.000', '85.000.000', '230.000.000'] },
  { key: 'externalCapital', label: 'Modal Luar', labelEn: 'External capital', synonyms: ['Modal Luar (Rp)', 'Modal Pinjaman'], type: 'money', help: 'Rupiah, seperti Modal Sendiri.', examples: ['100.000.000', '0', '90.000.000'] },
  { key: 'assets', label: 'Aset', labelEn: 'Assets', synonyms: ['Total Aset', 'Jumlah Aset', 'Aset (Rp)'], type: 'money', help: 'Jumlah aset akhir tahun buku, Rupiah.', examples: ['420.000.000', '95.000.000', '400.000.000'] },
  { key: 'businessVolume', label: 'Volume Usaha', labelEn: 'Business volume', synonyms: ['Volume Usaha (Rp)', 'Omzet'], type: 'money', help: 'Volume usaha tahun buku, Rupiah.', examples: ['1.250.000.000', '310.000.000', '1.100.000.000'] },
  { key: 'netSurplus', label: 'SHU', labelEn: 'Net surplus (SHU)', synonyms: ['Sisa Hasil Usaha', 'SHU (Rp)', 'SHU Tahun Berjalan'], type: 'money', help: 'Sisa hasil usaha, Rupiah; boleh negatif (rugi): -2.500.000.', examples: ['42.000.000', '-2.500.000', '38.000.000'] },
  { key: 'ratHeld', label: 'RAT Terlaksana', labelEn: 'Annual members meeting (RAT) held', synonyms: ['RAT', 'Sudah RAT'], type: 'bool', help: 'Ya bila Rapat Anggota Tahunan tahun buku ini sudah dilaksanakan, Tidak bila belum.', examples: ['Ya', 'Tidak', 'Ya'] },
  { key: 'ratDate', label: 'Tanggal RAT', labelEn: 'RAT date', synonyms: ['Tgl RAT'], type: 'date', help: 'Tanggal RAT: 18/09/2024, 18 September 2024, 2024-09-18 atau sel tanggal Excel; sesudah tahun bukunya berakhir (RAT tahun buku 2025: pada 2026 atau sesudahnya) dan tidak di masa depan. Diisi hanya bila RAT terlaksana.', examples: ['15/03/2026', '', '20/03/2025'] },
]

/**
 * A cooperative's book-year figures (angka tahunan), by NIK koperasi + year: admins for any registered
 * cooperative, a district officer for the cooperatives of its own regency. Checked with the form's schema
 * (cooperativeYearSchema) and upserted on NIK + year with its audit row (writeCooperativeYear), idempotent; each
 * change moves the year's version, so a form edit opened before the import is refused rather than saved over it.
 * An empty amount cell is "not reported" (null, cooperativeYearSchema) for a new year, and keeps what is stored for a
 * recorded one, as every kind's empty cell does on an update (pipeline.ts: the stored record fills it).
 */
export const cooperativeYearKind: RegisterKind<YearRow, CooperativeYearInput> = {
  kind: 'koperasi-tahunan',
  permission: 'cooperatives.write',
  listPath: '/koperasi',
  title: { id: 'Angka tahunan koperasi', en: 'Cooperative yearly figures' },
  fields: COOPERATIVE_YEAR_FIELDS,
  keyField: 'nik',
  // the form's schema reads form texts (its coerced year accepts any input type)
  schema: cooperativeYearSchema as unknown as z.ZodType<CooperativeYearInput, Record<string, string>>,
  async prepare(client, rows): Promise<Prepared> {
    const niks = [...new Set(rows.map(nikOf).filter(Boolean))]
    const found = niks.length ? await client.cooperative.findMany({ where: { nik: { in: niks } }, select: { id: true, nik: true, regencyCode: true, deletedAt: true } }) : []
    return { cooperatives: new Map(found.map((c) => [c.nik, { id: c.id, regencyCode: c.regencyCode, deletedAt: c.deletedAt }])) }
  },
  rowKey(values) {
    const nik = nikOf(values)
    const year = yearOf(values)
    return nik && year ? `${nik}/${year}` : null
  },
  resolve(values, importer, prepared, errors) {
    const cooperative = (prepared as Prepared).cooperatives.get(nikOf(values))
    if (!cooperative) errors.nik = 'NIK koperasi ini belum terdaftar: daftarkan koperasinya dulu, lalu impor angka tahunannya.'
    // another regency's cooperative, deleted or not: refused as outside the officer's regency (by the scope check after
    // the schema), never told whether it is deleted
    else if (cooperative.deletedAt && (importer.role !== 'DISTRICT_OFFICER' || cooperative.regencyCode === importer.regencyCode)) errors.nik = 'NIK Koperasi ini milik koperasi yang sudah dihapus; pulihkan dari Koperasi › Data terhapus, lalu impor lagi.'
    // the row is refused on its NIK: the schema reads the other columns, not a missing cooperative id
    values.cooperativeId = cooperative && (!cooperative.deletedAt || !errors.nik) ? cooperative.id : '-'
  },
  inputRegency: (input, prepared) => [...(prepared as Prepared).cooperatives.values()].find((c) => c.id === input.cooperativeId)?.regencyCode ?? null,
  async findExisting(client, keys) {
    const pairs = keys.map((k) => k.split('/')).filter(([, y]) => /^\d{4}$/.test(y ?? ''))
    if (!pairs.length) return []
    const rows = await client.cooperativeYear.findMany({
      where: { year: { in: [...new Set(pairs.map(([, y]) => Number(y)))] }, cooperative: { nik: { in: [...new Set(pairs.map(([n]) => n))] } } },
      select: {
        id: true, cooperativeId: true, year: true, ownCapital: true, externalCapital: true, assets: true, businessVolume: true, netSurplus: true, ratHeld: true, ratDate: true,
        cooperative: { select: { nik: true, regencyCode: true, deletedAt: true } },
      },
    })
    return rows.map(({ cooperative, ...r }) => ({ ...r, nik: cooperative.nik, regencyCode: cooperative.regencyCode, deletedAt: cooperative.deletedAt }))
  },
  keyOf: (row) => `${row.nik}/${row.year}`,
  regencyOf: (row) => row.regencyCode,
  isDeleted: (row) => row.deletedAt !== null,
  asFormText: (row) => ({
    nik: row.nik, year: String(row.year), cooperativeId: row.cooperativeId, ownCapital: moneyFormText(row.ownCapital), externalCapital: moneyFormText(row.externalCapital),
    assets: moneyFormText(row.assets), businessVolume: moneyFormText(row.businessVolume), netSurplus: moneyFormText(row.netSurplus), ratHeld: row.ratHeld ? 'on' : '', ratDate: formValue(row.ratDate),
  }),
  checkInput: () => ({}),
  compareFields: ['ownCapital', 'externalCapital', 'assets', 'businessVolume', 'netSurplus', 'ratHeld', 'ratDate'],
  show: showOf(COOPERATIVE_YEAR_FIELDS),
  insert: (tx, actor, input) => writeCooperativeYear(tx, actor, input),
  update: async (tx, actor, _before, input) => { await writeCooperativeYear(tx, actor, input); return true },
}
